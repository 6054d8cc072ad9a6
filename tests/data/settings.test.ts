import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, ValidationError } from '../../src/data';
import { freshDb } from './support';

describe('settings store', () => {
  it('gives the defaults before anything is saved', async () => {
    const { data } = await freshDb();
    expect(await data.settings.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('updates part of the settings and keeps the rest', async () => {
    const { data, factory } = await freshDb();
    const reminders = [{ routineId: 'seated-spinal-twist', times: ['07:30', '21:00'], enabled: true }];
    await data.settings.update({ theme: 'dark', voice: false, reminders, watch: { id: 'AA:BB', name: 'Bangle.js 1a2b' } });
    const after = await data.settings.get();
    expect(after).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', voice: false, reminders, watch: { id: 'AA:BB', name: 'Bangle.js 1a2b' } });
    data.close();
    const { openUnknotDb } = await import('../../src/data');
    expect(await (await openUnknotDb({ factory, storage: null })).settings.get()).toEqual(after);
  });

  it('refuses bad values, naming the field, and keeps the old ones', async () => {
    const { data } = await freshDb();
    const cases: [object, string][] = [
      [{ theme: 'pink' }, 'theme: must be "system", "light" or "dark", got "pink"'],
      [{ cueStrength: 3 }, 'cueStrength: must be 0.1–1, got 3'],
      [{ reminders: [{ routineId: 'x', times: ['25:00'], enabled: true }] }, 'reminders[0].times[0]: must be a time like "07:30", got "25:00"'],
      [{ cuePatterns: { ...DEFAULT_SETTINGS.cuePatterns, 'hold-start': [9000] } }, 'cuePatterns.hold-start[0]: must be 0–5000, got 9000'],
      [{ colour: 'red' }, 'colour: unknown field'],
    ];
    for (const [patch, message] of cases) {
      const error = await data.settings.update(patch as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as Error).message).toContain(message);
    }
    expect(await data.settings.get()).toEqual(DEFAULT_SETTINGS);
  });
});
