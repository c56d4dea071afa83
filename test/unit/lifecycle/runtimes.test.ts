import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNTIME_LIFECYCLE } from '../../../shared/lifecycle/runtimes';

const venvLib = join(import.meta.dirname, '..', '..', '..', '.venv', 'lib');

/** cfn-lint's copy of AWS's runtime table (the same one its E2531/E2533 rules use). */
function cfnLintTable(): Record<string, Record<string, string | null>> {
  const python = readdirSync(venvLib).find((d) => d.startsWith('python3'));
  const file = join(
    venvLib,
    python ?? 'python3',
    'site-packages/cfnlint/data/AdditionalSpecs/LmbdRuntimeLifecycle.json',
  );
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, string | null>>;
}

describe('runtime end-of-support table (shared/lifecycle/runtimes.ts)', () => {
  it('has the dates of cfn-lint’s copy of AWS’s table for every runtime it lists', () => {
    const table = cfnLintTable();
    for (const [runtime, life] of Object.entries(RUNTIME_LIFECYCLE)) {
      const theirs = table[runtime];
      expect(theirs, runtime).toBeDefined();
      expect(
        {
          deprecated: life.deprecated,
          createBlock: life.createBlock,
          updateBlock: life.updateBlock,
          successor: life.successor,
        },
        runtime,
      ).toEqual({
        deprecated: theirs?.deprecated,
        createBlock: theirs?.['create-block'],
        updateBlock: theirs?.['update-block'],
        successor: theirs?.successor ?? runtime,
      });
    }
  });
});
