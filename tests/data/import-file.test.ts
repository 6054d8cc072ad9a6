import { describe, expect, it } from 'vitest';
import { ImportError, MAX_IMPORT_BYTES } from '../../src/data';
import { readImportFile } from '../../src/data/transfer';

describe('reading an import file', () => {
  it('gives the text of a UTF-8 file', async () => {
    expect(await readImportFile(new File(['{"name":"Ölé ✨"}'], 'a.json'))).toBe('{"name":"Ölé ✨"}');
  });

  it('refuses bytes that are not UTF-8 instead of storing "�"', async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]); // {"a":"\xff\xfe"}
    const error = await readImportFile(new File([bytes], 'broken.json')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect((error as Error).message).toBe('Nothing was imported: “broken.json” is not UTF-8 text (it has bytes that are not valid UTF-8).');
  });

  it('refuses a file over 10 MB by its size, without reading it', async () => {
    let read = false;
    const big = new File([new Uint8Array(MAX_IMPORT_BYTES + 1)], 'big.json');
    Object.defineProperty(big, 'arrayBuffer', { value: () => ((read = true), Promise.resolve(new ArrayBuffer(0))) });
    await expect(readImportFile(big)).rejects.toThrow('Nothing was imported: “big.json” is 10.0 MB; the limit is 10 MB.');
    expect(read).toBe(false);
  });
});
