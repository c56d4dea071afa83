import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../support/projectRoot';

const eslint = new ESLint({ cwd: ROOT });

/** The layering errors ESLint reports for `code` as if it were the file at `filePath`. */
async function layeringErrors(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('main/ layers, enforced by lint', () => {
  // The first run loads the whole configuration and its plug-ins.
  beforeAll(() => layeringErrors('export {};\n', 'main/base/warm.ts'), 60_000);

  it('refuses a feature folder importing upwards from IPC', async () => {
    const errors = await layeringErrors(
      "import type { EventSink } from '../ipc/handlers';\nexport type Sink = EventSink;\n",
      'main/engine/upward.ts',
    );
    expect(errors).toEqual([expect.stringContaining('main/engine is below')]);
  });

  it('refuses an upward import from a nested file of a feature folder', async () => {
    const errors = await layeringErrors(
      "import type { MainServices } from '../../app/mainServices';\nexport type S = MainServices;\n",
      'main/aws/sso/upward.ts',
    );
    expect(errors).toEqual([expect.stringContaining('main/aws is below')]);
  });

  it('refuses a folder importing a peer of its own group', async () => {
    const errors = await layeringErrors(
      "import { checklistText } from '../checklist/documentRender';\nexport const text = checklistText;\n",
      'main/report/peer.ts',
    );
    expect(errors).toEqual([expect.stringContaining('main/report is below')]);
  });

  it('refuses Electron outside main/electron', async () => {
    const errors = await layeringErrors(
      "import { dialog } from 'electron';\nexport const d = dialog;\n",
      'main/checklist/dialog.ts',
    );
    expect(errors).toEqual([expect.stringContaining('Only main/electron imports Electron')]);
  });

  it('accepts downward imports from any depth', async () => {
    const errors = await layeringErrors(
      "import type { Logger } from '../../base/logger';\nimport type { SetupEngine } from '../../engine/setupEngine';\nexport type Both = [Logger, SetupEngine];\n",
      'main/guided/nested/downward.ts',
    );
    expect(errors).toEqual([]);
  });

  it('places every folder of main/ in the ordered list', async () => {
    const config = (await import(pathToFileURL(join(ROOT, 'eslint.config.js')).href)) as {
      MAIN_LAYERS: string[][];
    };
    const listed = config.MAIN_LAYERS.flat();
    const folders = readdirSync(join(ROOT, 'main'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.filter((folder) => !listed.includes(folder))).toEqual([]);
  });
});
