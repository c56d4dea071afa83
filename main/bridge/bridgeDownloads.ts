import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import { AppError } from '../../shared/errors';
import type { SaveFile } from '../checklist/fileOutput';

export interface OfferedFile {
  readonly fileName: string;
  readonly content: string | Uint8Array;
}

/** A file a request saved, as the page fetches it: `path` plus the page's token. */
export interface DownloadLink {
  readonly path: string;
  readonly fileName: string;
}

/**
 * "Save file" in a browser tab: there is no save dialog, so the file becomes a normal download.
 * The request that saved it answers with a one-time link; the page follows it and the browser
 * saves the file where the user keeps downloads.
 */
export interface BridgeDownloads {
  readonly saveFile: SaveFile;
  /** Runs one request's work, returning its result and the links to the files it saved. */
  collect<T>(work: () => Promise<T>): Promise<{ result: T; links: DownloadLink[] }>;
  /** The file behind a link, once; a link that was used or never made gives undefined. */
  take(id: string): OfferedFile | undefined;
}

export const DOWNLOAD_PATH = '/downloads/';
/** Files not fetched (a closed tab) are dropped beyond this many, oldest first. */
const KEPT = 20;

export function createBridgeDownloads(): BridgeDownloads {
  const offered = new Map<string, OfferedFile>();
  const request = new AsyncLocalStorage<DownloadLink[]>();
  return {
    async saveFile({ suggestedName, content }) {
      const links = request.getStore();
      if (links === undefined) throw new AppError('checklist.saveUnavailable');
      const id = randomBytes(16).toString('hex');
      const fileName = basename(suggestedName);
      offered.set(id, { fileName, content });
      for (const old of [...offered.keys()].slice(0, Math.max(0, offered.size - KEPT))) {
        offered.delete(old);
      }
      links.push({ path: `${DOWNLOAD_PATH}${id}`, fileName });
      return { saved: true, fileName };
    },
    async collect(work) {
      const links: DownloadLink[] = [];
      const result = await request.run(links, work);
      return { result, links };
    },
    take(id) {
      const file = offered.get(id);
      offered.delete(id);
      return file;
    },
  };
}
