import { describe, expect, it } from 'vitest';
import { canShareFiles, shareOrDownload, type ShareTarget } from '../../../src/ui/common/share-file';

const made = { name: 'unknot-sessions.csv', type: 'text/csv', text: 'Date,Start\r\n' };

function phone(behaviour: 'ok' | 'abort' | 'fail' = 'ok') {
  const shared: File[] = [];
  const target: ShareTarget = {
    canShare: (d) => !!d.files?.length,
    share: async (d) => {
      if (behaviour === 'abort') throw Object.assign(new Error('closed'), { name: 'AbortError' });
      if (behaviour === 'fail') throw Object.assign(new Error('not allowed'), { name: 'NotAllowedError' });
      shared.push(...(d.files ?? []));
    },
  };
  return { target, shared };
}

describe('share or download', () => {
  it('a browser whose share sheet takes files gets the file itself, not a download', async () => {
    const { target, shared } = phone();
    const saved: string[] = [];
    expect(canShareFiles(target)).toBe(true);
    expect(await shareOrDownload(made, target, (n) => saved.push(n))).toBe('shared');
    expect(saved).toEqual([]);
    expect(shared.map((f) => [f.name, f.type])).toEqual([['unknot-sessions.csv', 'text/csv']]);
    expect(await shared[0].text()).toBe(made.text);
  });

  it('without file sharing (desktop Linux Chromium), or when sharing fails, it downloads', async () => {
    const saved: string[][] = [];
    const save = (n: string, t: string, x: string) => saved.push([n, t, x]);
    expect(canShareFiles({})).toBe(false);
    expect(await shareOrDownload(made, { canShare: () => false, share: async () => undefined }, save)).toBe('downloaded');
    expect(await shareOrDownload(made, phone('fail').target, save)).toBe('downloaded');
    expect(saved).toEqual([[made.name, made.type, made.text], [made.name, made.type, made.text]]);
  });

  it('closing the share sheet is not an error and downloads nothing', async () => {
    const saved: string[] = [];
    expect(await shareOrDownload(made, phone('abort').target, (n) => saved.push(n))).toBe('cancelled');
    expect(saved).toEqual([]);
  });
});
