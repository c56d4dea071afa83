import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PreflightCheck } from '../../shared/flow/preflight';
import { ROOT } from './projectRoot';

type Tree = { [key: string]: string | Tree };

/**
 * A preflight check as the renderer words it (`setup:preflight.<explanation>` with its params), in
 * either language; a missing text or parameter fails the test instead of printing `{{name}}`.
 */
export function worded(check: PreflightCheck, language: 'ja' | 'en'): string {
  const catalogue = JSON.parse(
    readFileSync(join(ROOT, 'renderer', 'src', 'locales', language, 'setup.json'), 'utf8'),
  ) as Tree;
  const text = check.explanation
    .split('.')
    .reduce<string | Tree | undefined>(
      (node, key) => (typeof node === 'object' ? node[key] : undefined),
      catalogue.preflight,
    );
  if (typeof text !== 'string') throw new Error(`no text for ${check.explanation}`);
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => {
    const value = check.params[name];
    if (value === undefined) throw new Error(`${check.explanation}: no value for ${name}`);
    return String(value);
  });
}
