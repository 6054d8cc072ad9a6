/**
 * Plan ids: `<routineId>@<hash>` of the routine's canonical JSON (keys sorted), so the same
 * routine played a thousand times is stored once, whatever order its keys arrived in.
 */
import type { Routine } from '../routine';

/** JSON with object keys sorted at every level: equal data, equal text. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, (v as Record<string, unknown>)[k]]))
      : v,
  );
}

/** cyrb53: a small, well-spread 53-bit string hash (public domain); not for security, only for sharing copies. */
function cyrb53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export function planIdOf(routine: Routine): string {
  return `${routine.id}@${cyrb53(canonicalJson(routine))}`;
}

/** Same content? (Used to refuse a plan id that would point at two different routines.) */
export function samePlan(a: Routine, b: Routine): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
