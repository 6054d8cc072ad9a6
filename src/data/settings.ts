/** The one settings record: defaults until the user changes something, validated on every write. */
import type { UnknotData } from './api';
import { ValidationError } from './errors';
import { DEFAULT_SETTINGS, SETTINGS_KEY, type Settings } from './schema';
import { inTx, type Ctx } from './tx';
import { check, settingsSchema } from './validate';

/** Stored settings over today's defaults, so a setting added in a later version has a value. */
export function withDefaults(stored: Settings | undefined): Settings {
  return { ...structuredClone(DEFAULT_SETTINGS), ...stored, cuePatterns: { ...DEFAULT_SETTINGS.cuePatterns, ...stored?.cuePatterns } };
}

export function settingsStore(ctx: Ctx): UnknotData['settings'] {
  const { db } = ctx;
  return {
    get: () => ctx.read(async () => withDefaults(await db.get('settings', SETTINGS_KEY))),
    update: (patch) =>
      ctx.save(() =>
        inTx(db, ['settings'], 'readwrite', async (tx) => {
          const store = tx.objectStore('settings');
          const checked = check(settingsSchema, { ...withDefaults(await store.get(SETTINGS_KEY)), ...patch });
          if (!checked.ok) throw new ValidationError('The settings were not saved', checked.errors);
          await store.put(checked.value, SETTINGS_KEY);
          return checked.value;
        }),
      ),
  };
}
