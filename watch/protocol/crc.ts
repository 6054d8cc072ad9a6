/**
 * Checksums of the wire protocol. Written in the subset Espruino runs, because the watch
 * compiles this very file. Bitwise (no tables): frames are at most 128 bytes and a plan a few
 * hundred, so the 1 KB a table would cost on the watch buys nothing.
 */

/** CRC-16/CCITT-FALSE (poly 0x1021, init 0xFFFF, no reflection): the check of every frame. */
export function crc16(bytes: Uint8Array, start: number, end: number): number {
  let crc = 0xffff;
  for (let i = start; i < end; i++) {
    crc ^= bytes[i] << 8;
    for (let b = 0; b < 8; b++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc;
}

/** CRC-32 (IEEE 802.3, as zip and Espruino's E.CRC32): the check and the id of a whole plan. */
export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) {
    crc ^= bytes[i];
    for (let b = 0; b < 8; b++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
