import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREFLIGHT_CHECK_IDS, PREFLIGHT_EXPLANATIONS } from '../../../shared/flow/preflight';
import { ROOT } from '../../support/projectRoot';

type Tree = { [key: string]: string | Tree };
const catalogue = (language: string, namespace: string) =>
  JSON.parse(
    readFileSync(join(ROOT, 'renderer', 'src', 'locales', language, `${namespace}.json`), 'utf8'),
  ) as Tree;
const at = (tree: Tree, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], tree);

describe('every preflight check is worded in every language', () => {
  for (const language of ['ja', 'en']) {
    it(`${language}: each check has its label and a text for each explanation it can give`, () => {
      const setup = catalogue(language, 'setup');
      const guided = catalogue(language, 'guided');
      for (const id of PREFLIGHT_CHECK_IDS) {
        expect(typeof at(guided, `preflight.checks.${id}`), `guided ${id}`).toBe('string');
        for (const variant of PREFLIGHT_EXPLANATIONS[id]) {
          expect(typeof at(setup, `preflight.${id}.${variant}`), `${id}.${variant}`).toBe('string');
        }
      }
    });
  }
});
