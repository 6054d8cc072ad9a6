/** The custom GATT service of the watch module (random 128-bit UUIDs, ours alone). */
export const GATT = {
  service: 'a2b60001-7c1d-4f0e-9a53-6e6b6f74fa11',
  /** Phone → watch frames: write or write-without-response, up to MAX_FRAME bytes. */
  control: 'a2b60002-7c1d-4f0e-9a53-6e6b6f74fa11',
  /** Watch → phone frames: notify and read (the last frame sent), at most 20 bytes each. */
  status: 'a2b60003-7c1d-4f0e-9a53-6e6b6f74fa11',
} as const;
