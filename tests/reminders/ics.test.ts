/**
 * The calendar file, parsed by a well-kept iCalendar library (ical.js, a devDependency), not by
 * our own code: events, alarms, and occurrences expanded through daylight-saving changes with the
 * VTIMEZONE the file carries.
 */
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { foldLine, icsEventCount, icsText, remindersIcs } from '../../src/reminders/ics';
import type { Reminder } from '../../src/data/schema';

const names = new Map([
  ['knees-to-chest-twist', 'Lying knees-to-chest twist'],
  ['mine', 'Evening; slow, gentle'],
]);
const reminders: Reminder[] = [
  { routineId: 'knees-to-chest-twist', times: ['08:00', '19:30'], enabled: true },
  { routineId: 'mine', times: ['21:15'], enabled: true },
  { routineId: 'off', times: ['12:00'], enabled: false },
];

/** Parses the file, registers its zones, and returns its events. */
function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return cal.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
}

/** The first n occurrences of an event, as UTC ISO strings. */
function occurrences(event: ICAL.Event, n: number): string[] {
  const it = event.iterator();
  const out: string[] = [];
  for (let next = it.next(); next && out.length < n; next = it.next()) out.push(next.toJSDate().toISOString());
  return out;
}

describe('the reminders calendar (.ics)', () => {
  it('one daily event with an alarm per enabled reminder time, named after the routine', () => {
    const events = parse(remindersIcs({ reminders, names, timeZone: 'Europe/Berlin', now: Date.UTC(2026, 2, 20, 10) }));
    expect(events).toHaveLength(3);
    expect(icsEventCount(reminders)).toBe(3);
    expect(events.map((e) => e.summary)).toEqual(['Unknot: Lying knees-to-chest twist', 'Unknot: Lying knees-to-chest twist', 'Unknot: Evening; slow, gentle']);
    for (const e of events) {
      expect(e.component.getFirstPropertyValue('rrule')!.toString()).toBe('FREQ=DAILY');
      const alarm = e.component.getFirstSubcomponent('valarm')!;
      expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
      expect(alarm.getFirstPropertyValue('trigger')!.toString()).toBe('PT0S');
      expect(e.startDate.zone.tzid).toBe('Europe/Berlin');
    }
    expect(new Set(events.map((e) => e.uid)).size).toBe(3);
  });

  it('08:00 in Berlin stays 08:00 across the spring change (07:00 UTC, then 06:00 UTC)', () => {
    const [morning] = parse(remindersIcs({ reminders, names, timeZone: 'Europe/Berlin', now: Date.UTC(2026, 2, 27, 10) }));
    expect(occurrences(morning, 4)).toEqual(['2026-03-27T07:00:00.000Z', '2026-03-28T07:00:00.000Z', '2026-03-29T06:00:00.000Z', '2026-03-30T06:00:00.000Z']);
  });

  it('and across the autumn change, in New York too (a different rule: first Sunday of November)', () => {
    const [, evening] = parse(remindersIcs({ reminders, names, timeZone: 'America/New_York', now: Date.UTC(2026, 9, 31, 12) }));
    // 19:30 on Saturday is 23:30 UTC (EDT); from Sunday, 00:30 UTC the next day (EST).
    expect(occurrences(evening, 3)).toEqual(['2026-10-31T23:30:00.000Z', '2026-11-02T00:30:00.000Z', '2026-11-03T00:30:00.000Z']);
  });

  it('a change next year is right as well: the zone rules repeat', () => {
    const [morning] = parse(remindersIcs({ reminders, names, timeZone: 'Europe/Berlin', now: Date.UTC(2026, 0, 5, 10) }));
    const all = occurrences(morning, 700);
    expect(all).toContain('2027-03-27T07:00:00.000Z');
    expect(all).toContain('2027-03-28T06:00:00.000Z');
    expect(all).toContain('2027-10-31T07:00:00.000Z');
  });

  it('a zone without daylight saving, and UTC', () => {
    const [tokyo] = parse(remindersIcs({ reminders, names, timeZone: 'Asia/Tokyo', now: Date.UTC(2026, 5, 1) }));
    expect(occurrences(tokyo, 2)).toEqual(['2026-05-31T23:00:00.000Z', '2026-06-01T23:00:00.000Z']);
    const [utc] = parse(remindersIcs({ reminders, names, timeZone: 'UTC', now: Date.UTC(2026, 5, 1) }));
    expect(occurrences(utc, 1)).toEqual(['2026-06-01T08:00:00.000Z']);
  });

  it('a zone whose changes follow no simple yearly rule gets each one listed, and still expands right', () => {
    // Morocco moves its clocks around Ramadan: a different date every year.
    const text = remindersIcs({ reminders, names, timeZone: 'Africa/Casablanca', now: Date.UTC(2026, 0, 10) });
    expect(text).not.toContain('RRULE:FREQ=YEARLY');
    const [morning] = parse(text);
    const expected = (ms: number) => {
      const wall = new Intl.DateTimeFormat('en-GB', { timeZone: 'Africa/Casablanca', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(ms);
      return wall;
    };
    for (const at of occurrences(morning, 120)) expect(expected(Date.parse(at))).toBe('08:00');
  });

  it('escapes text and folds long lines at 75 octets', () => {
    expect(icsText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
    const folded = foldLine(`SUMMARY:${'ü'.repeat(60)}`);
    for (const line of folded.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`SUMMARY:${'ü'.repeat(60)}`);
  });
});
