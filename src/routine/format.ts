/** Human-readable durations: "2 min 8 s", "45 s". */
export function formatDuration(ms: number): string {
  const total = Math.round(ms / 1000);
  const min = Math.floor(total / 60);
  const s = total % 60;
  if (min === 0) return `${s} s`;
  return s === 0 ? `${min} min` : `${min} min ${s} s`;
}

/** "3 times a day", "every morning", "when needed". */
export function formatPrescription(p: { timesPerDay: number; when: 'any' | 'morning' | 'evening' | 'as-needed' }): string {
  if (p.when === 'as-needed') return 'when needed';
  if (p.when !== 'any') return p.timesPerDay === 1 ? `every ${p.when}` : `${p.timesPerDay} times every ${p.when}`;
  return p.timesPerDay === 1 ? 'once a day' : `${p.timesPerDay} times a day`;
}
