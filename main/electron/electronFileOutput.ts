import { writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { PrintToPdf, SaveFile } from '../checklist/fileOutput';

/** The app's save dialog (defaulting to Downloads), then a plain write. */
export function electronSaveFile(getWindow: () => BrowserWindow | undefined): SaveFile {
  return async ({ suggestedName, filters, content }) => {
    const options = {
      defaultPath: join(app.getPath('downloads'), basename(suggestedName)),
      filters: filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
    };
    const window = getWindow();
    const choice = window
      ? await dialog.showSaveDialog(window, options)
      : await dialog.showSaveDialog(options);
    if (choice.canceled || choice.filePath === undefined || choice.filePath === '') {
      return { saved: false };
    }
    await writeFile(choice.filePath, content);
    return { saved: true, fileName: basename(choice.filePath) };
  };
}

/**
 * Prints the export page in a hidden window that runs no script and has no preload; the page
 * is self-contained (inline styles only), so nothing is fetched while printing.
 */
export const electronPrintToPdf: PrintToPdf = async (html) => {
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      javascript: false,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    },
  });
  try {
    await window.loadURL(
      `data:text/html;charset=utf-8;base64,${Buffer.from(html).toString('base64')}`,
    );
    const pdf = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true });
    return new Uint8Array(pdf);
  } finally {
    window.destroy();
  }
};
