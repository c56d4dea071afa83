import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { createStoreJournal } from '../../../main/base/diagnosticsJournal';
import { storeOptions, type PersistedState } from '../../../main/app/storeSchema';

/** The app's state file in a fresh folder; `reopen` reads the same file again, as after a restart. */
export function stateOnDisk() {
  const cwd = mkdtempSync(join(tmpdir(), 'smooz-journal-'));
  const open = () => new Conf<PersistedState>({ ...storeOptions('0.1.0'), cwd });
  const backing = open();
  return {
    backing,
    journal: createStoreJournal(backing),
    reopen: () => createStoreJournal(open()),
  };
}
