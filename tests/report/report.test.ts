import { describe, expect, test } from 'vitest';
import type { SessionRecord } from '../../src/data/schema';
import { zonedInstant } from '../../src/history/index';
import { buildReport, csvCell, sessionsCsv, toCsv, SESSION_COLUMNS } from '../../src/report/index';

const TZ = 'Europe/Berlin';
const routines = [
  { id: 'knees-to-chest-twist', name: 'Lying knees-to-chest twist', timesPerDay: 3 },
  { id: 'seated-spinal-twist', name: 'Seated spinal twist', timesPerDay: 1 },
  { id: 'standing-hip-twist', name: 'Standing hip twist', timesPerDay: 1 },
];
let n = 0;
const s = (day: string, time: string, routineId: string, extra: Partial<SessionRecord> = {}): SessionRecord => {
  const at = zonedInstant(day, time, TZ);
  return { id: `s${++n}`, routineId, planId: `${routineId}@1`, startedAt: at, endedAt: at + 90_000, stepsDone: 8, totalSteps: 8, outcome: 'completed', source: 'phone', ...extra };
};

describe('the report', () => {
  const sessions = [
    s('2026-03-31', '23:59', 'knees-to-chest-twist', { painBefore: 9, painAfter: 9 }), // the day before the period
    s('2026-04-01', '00:01', 'knees-to-chest-twist', { painBefore: 7, painAfter: 4 }),
    s('2026-04-01', '13:00', 'knees-to-chest-twist', { painBefore: 6, painAfter: 3 }),
    s('2026-04-01', '19:00', 'knees-to-chest-twist', { painBefore: 5 }),
    s('2026-04-02', '07:30', 'seated-spinal-twist', { painBefore: 4, painAfter: 2, source: 'watch' }),
    s('2026-04-03', '08:00', 'knees-to-chest-twist', { outcome: 'stopped-early', stepsDone: 3 }),
    s('2026-04-08', '08:00', 'knees-to-chest-twist'), // after the period
  ];
  const report = buildReport({ sessions, routines, include: ['standing-hip-twist'], from: '2026-04-01', to: '2026-04-07', timeZone: TZ });

  test('counts only the sessions whose local day is in the period', () => {
    expect(report).toMatchObject({ days: 7, sessions: 5, completed: 4, stoppedEarly: 1, activeDays: 2, streaks: { current: 0, longest: 2 } });
  });

  test('adherence per routine, sorted by name, with included routines that had no session', () => {
    expect(report.routines.map((r) => [r.name, r.adherence.done, r.adherence.prescribed, r.adherence.daysMet])).toEqual([
      ['Lying knees-to-chest twist', 3, 21, 1],
      ['Seated spinal twist', 1, 7, 1],
      ['Standing hip twist', 0, 7, 0],
    ]);
    expect(report.routines[0].adherence.stopped).toBe(1);
    expect(report.routines[0].minutes).toBeCloseTo(4 * 1.5);
  });

  test('the newest notes of the period, newest first', () => {
    const withNotes = [
      ...sessions,
      ...Array.from({ length: 8 }, (_, i) => s('2026-04-05', `1${i}:00`, 'seated-spinal-twist', { note: `note ${i}` })),
      s('2026-04-06', '09:00', 'seated-spinal-twist', { note: '   ' }),
      s('2026-04-09', '09:00', 'seated-spinal-twist', { note: 'after the period' }),
    ];
    const r = buildReport({ sessions: withNotes, routines, from: '2026-04-01', to: '2026-04-07', timeZone: TZ });
    expect(r.notes.map((x) => x.note)).toEqual(['note 7', 'note 6', 'note 5', 'note 4', 'note 3', 'note 2']);
    expect(r.notes[0].routineName).toBe('Seated spinal twist');
  });

  test('adherence counts from the first day Unknot was used, not from before it', () => {
    const later = buildReport({ sessions, routines, include: ['standing-hip-twist'], from: '2026-04-01', to: '2026-04-07', timeZone: TZ, firstDay: '2026-04-03' });
    expect(later.countedFrom).toBe('2026-04-03');
    expect(later.days).toBe(7);
    expect(later.routines.map((r) => [r.adherence.days, r.adherence.prescribed, r.adherence.done])).toEqual([
      [5, 15, 0], // knees-to-chest: 04-03 was stopped early; the three of 04-01 are before the first day
      [5, 5, 0],
      [5, 5, 0],
    ]);
    expect(buildReport({ sessions, routines, from: '2026-04-01', to: '2026-04-07', timeZone: TZ, firstDay: '2026-03-01' }).countedFrom).toBe('2026-04-01');
    const before = buildReport({ sessions, routines, from: '2026-04-01', to: '2026-04-07', timeZone: TZ, firstDay: '2026-05-01' });
    expect(before.routines.every((r) => r.adherence.prescribed === 0 && r.adherence.rate === 0)).toBe(true);
  });

  test('pain before and after per routine, from the period only', () => {
    const k = report.routines[0].pain;
    expect(k.points).toHaveLength(3);
    expect(k.meanBefore).toBe(6.5); // the two sessions rated before and after
    expect(k.meanAfter).toBe(3.5);
    expect(k.meanDrop).toBe(3);
    expect(report.routines[2].pain.meanBefore).toBeNull();
  });
});

describe('CSV', () => {
  test('RFC 4180 quoting: commas, quotes and line breaks', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "ow"')).toBe('"say ""ow"""');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(7)).toBe('7');
    expect(toCsv([['a', 'b'], ['c', 'd']])).toBe('a,b\r\nc,d\r\n');
  });

  test('cells a spreadsheet would run as a formula get an apostrophe', () => {
    for (const bad of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '=HYPERLINK("http://evil","x")']) {
      expect(csvCell(bad).replace(/^"/, '').startsWith("'")).toBe(true);
    }
    expect(csvCell('=HYPERLINK("a","b")')).toBe(`"'=HYPERLINK(""a"",""b"")"`);
    expect(csvCell('ok =1')).toBe('ok =1');
    expect(csvCell(-1)).toBe('-1'); // a number is not a formula
  });

  test('sessions as CSV: a header, one row per session, local dates, oldest first', () => {
    const sessions = [
      s('2026-04-02', '07:30', 'seated-spinal-twist', { painBefore: 4, painAfter: 2, note: '=cmd|" /C calc"!A0', source: 'watch' }),
      s('2026-04-01', '23:59', 'knees-to-chest-twist', { outcome: 'stopped-early', stepsDone: 3, note: 'sore, "left" side' }),
    ];
    const csv = sessionsCsv(sessions, (id) => routines.find((r) => r.id === id)!.name, TZ);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(SESSION_COLUMNS.join(','));
    expect(lines[1]).toBe(`2026-04-01,23:59,00:00,1.5,Lying knees-to-chest twist,stopped early,3,8,,,,,phone,"sore, ""left"" side",${sessions[1].id}`);
    expect(lines[2]).toBe(`2026-04-02,07:30,07:31,1.5,Seated spinal twist,completed,8,8,4,2,,,watch,"'=cmd|"" /C calc""!A0",${sessions[0].id}`);
    expect(lines).toHaveLength(4); // header, two rows, and the final CRLF
  });

  test('marked sessions and how they felt: in the CSV and listed in the report, newest first', () => {
    const sessions = [
      s('2026-04-02', '07:30', 'seated-spinal-twist', { painBefore: 3, painAfter: 6, flag: 'pain-rose', felt: 'harder', note: 'sharp' }),
      s('2026-04-03', '07:30', 'seated-spinal-twist', { painBefore: 5, painAfter: 9, flag: 'pain-high' }),
      s('2026-04-04', '07:30', 'seated-spinal-twist', { painBefore: 5, painAfter: 4, felt: 'easier', note: 'fine' }),
    ];
    const lines = sessionsCsv(sessions, () => 'Seated spinal twist', TZ).split('\r\n');
    expect(lines[1]).toContain(',3,6,Pain rose by 3 points (3 to 6),harder,phone,sharp,');
    expect(lines[2]).toContain(',5,9,Pain after was high (9 of 10),,phone,,');
    expect(lines[3]).toContain(',5,4,,easier,phone,fine,');
    const r = buildReport({ sessions, routines, from: '2026-04-01', to: '2026-04-07', timeZone: TZ });
    expect(r.flagged.map((f) => [f.reason, f.note])).toEqual([
      ['Pain after was high (9 of 10)', undefined],
      ['Pain rose by 3 points (3 to 6)', 'sharp'],
    ]);
    expect(r.notes.map((n) => [n.note, n.felt])).toEqual([['fine', 'easier'], ['sharp', 'harder']]);
  });
});
