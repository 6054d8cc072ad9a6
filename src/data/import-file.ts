/**
 * Reading a chosen file for an import, shared by the full import and "Import a shared routine":
 * its size is checked before a byte is read (a 50 MB file would freeze the page while it is read
 * and parsed), and its bytes must be valid UTF-8 (File.text() would silently turn broken bytes
 * into "�" and store them).
 */
import { ImportError } from './errors';
import { MAX_IMPORT_BYTES } from './export-format';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The file's text; throws ImportError (nothing read, nothing changed) when it is too big or not UTF-8. */
export async function readImportFile(file: Blob & { name?: string }): Promise<string> {
  const name = file.name ? `“${file.name}”` : 'the file';
  if (file.size > MAX_IMPORT_BYTES) throw new ImportError(`Nothing was imported: ${name} is ${mb(file.size)}; the limit is 10 MB.`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch (error) {
    if (error instanceof TypeError) throw new ImportError(`Nothing was imported: ${name} is not UTF-8 text (it has bytes that are not valid UTF-8).`);
    throw error;
  }
}
