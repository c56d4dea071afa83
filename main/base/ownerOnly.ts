import { chmodSync, existsSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Restricts the state file to its owner (0600) and its folder to the owner (0700). New writes
 * already use 0600 (`configFileMode`); this also tightens a file an older version left readable
 * by others. Windows has no such modes (the profile folder's ACL protects it), so chmod there is
 * a no-op by design.
 */
export function restrictToOwner(stateFile: string): void {
  if (process.platform === 'win32') return;
  const folder = dirname(stateFile);
  if (existsSync(folder)) chmodSync(folder, 0o700);
  if (existsSync(stateFile)) chmodSync(stateFile, 0o600);
}
