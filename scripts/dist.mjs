// `npm run dist`: packages installers with electron-builder, never publishing. Signing secrets come
// only from the environment; without them the build still runs, unsigned, and says so.
import { spawnSync } from 'node:child_process';
import { builderEnv, unsignedWarnings } from './dist-signing.mjs';

const warnings = unsignedWarnings(process.env, process.platform);
for (const warning of warnings) console.warn(`UNSIGNED BUILD: ${warning}`);
const result = spawnSync(
  'npx',
  [
    'electron-builder',
    '--config',
    'electron-builder.yml',
    '--publish',
    'never',
    ...process.argv.slice(2),
  ],
  {
    stdio: 'inherit',
    env: builderEnv(process.env, process.platform),
    shell: process.platform === 'win32',
  },
);
if (warnings.length > 0) {
  console.warn('UNSIGNED BUILD: the artifacts in release/ are for testing, not for customers.');
}
process.exit(result.status ?? 1);
