import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

export interface SaveFileRequest {
  readonly suggestedName: string;
  readonly filters: readonly { readonly name: string; readonly extensions: readonly string[] }[];
  readonly content: string | Uint8Array;
}

/** Only the file name goes back to the renderer: a full path names the user's home folder. */
export type SaveFileResult = { saved: true; fileName: string } | { saved: false };

/** Asks where to save (a dialog in the app) and writes the file; `saved: false` if cancelled. */
export type SaveFile = (request: SaveFileRequest) => Promise<SaveFileResult>;

/** Renders a self-contained HTML page to PDF bytes (Chromium's printing in both hosts). */
export type PrintToPdf = (html: string) => Promise<Uint8Array>;

/**
 * Saves into one folder without asking: the test bridge and the browser demo, where no native
 * dialog exists. Names are reduced to their last segment so nothing escapes the folder.
 */
export function saveIntoFolder(folder: string): SaveFile {
  return async ({ suggestedName, content }) => {
    await mkdir(folder, { recursive: true });
    const fileName = basename(suggestedName);
    await writeFile(join(folder, fileName), content);
    return { saved: true, fileName };
  };
}
