/**
 * Hands the user a file the app made through the phone's share sheet (Web Share API with files)
 * where the browser has it, and as a download elsewhere (desktop Linux Chromium, Firefox).
 */
import { download } from './download';

/** The part of `navigator` used: a test passes a double. */
export interface ShareTarget {
  canShare?(data: ShareData): boolean;
  share?(data: ShareData): Promise<void>;
}

export interface MadeFile {
  name: string;
  type: string;
  text: string;
}

/** True when the browser can share files like this one. */
export function canShareFiles(target: ShareTarget = navigator, type = 'text/csv'): boolean {
  try {
    return !!target.share && !!target.canShare?.({ files: [new File([''], 'probe', { type })] });
  } catch {
    return false;
  }
}

/**
 * Shares `made` as a file, or downloads it. 'cancelled' when the user closed the share sheet; a
 * share that fails otherwise falls back to the download, so the user always gets the file.
 */
export async function shareOrDownload(
  made: MadeFile,
  target: ShareTarget = navigator,
  save: (name: string, type: string, text: string) => void = download,
): Promise<'shared' | 'downloaded' | 'cancelled'> {
  const file = new File([made.text], made.name, { type: made.type });
  if (target.share && target.canShare?.({ files: [file] })) {
    try {
      await target.share({ files: [file], title: made.name });
      return 'shared';
    } catch (error) {
      if ((error as Error).name === 'AbortError') return 'cancelled';
    }
  }
  save(made.name, made.type, made.text);
  return 'downloaded';
}
