import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const CFN_LINT = join(ROOT, '.venv', 'bin', 'cfn-lint');
const TEMPLATES = join(ROOT, 'templates');
const run = promisify(execFile);

/**
 * Every rule (errors, warnings and informational checks), in the regions SMOOZ serves from and
 * CloudFormation's default. Experimental rules stay off: their only finding (I4010) asks for
 * `com.aws.cloudformation.Context` documentation metadata, a convention and not a defect.
 */
async function lint(file: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await run(CFN_LINT, [
      '--format',
      'parseable',
      '--include-checks',
      'I',
      '--regions',
      'ap-northeast-1',
      'us-east-1',
      '--',
      file,
    ]);
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, output: e.stdout + e.stderr };
  }
}

const templates = readdirSync(TEMPLATES).filter((f) => /\.(ya?ml|json)$/.test(f));

describe('cfn-lint', () => {
  it('finds templates to lint', () => {
    expect(templates).toContain('smooz-privatelink.yaml');
  });

  it.each(templates)(
    'reports no error and no warning for templates/%s',
    { timeout: 120_000 },
    async (file) => {
      const result = await lint(join(TEMPLATES, file));
      expect(result.output).toBe('');
      expect(result.code).toBe(0);
    },
  );

  it(
    'fails the test when a function runtime can no longer be created',
    { timeout: 120_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'smooz-cfn-lint-'));
      const stale = join(dir, 'stale.yaml');
      const text = readFileSync(join(TEMPLATES, 'smooz-privatelink.yaml'), 'utf8');
      writeFileSync(stale, text.replaceAll('Runtime: nodejs24.x', 'Runtime: nodejs14.x'));
      const result = await lint(stale);
      expect(result.code).not.toBe(0);
      expect(result.output).toMatch(/E2531/);
    },
  );
});
