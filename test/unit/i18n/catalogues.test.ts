import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ErrorCodes } from '../../../shared/errors';
import { LANGUAGES } from '../../../shared/preferences';
import { STEPS } from '../../../shared/steps/steps';
import { connectivityTestResultBrokenLinkValues } from '../../../shared/smooz-api/openapi-types';

const LOCALES = join(import.meta.dirname, '..', '..', '..', 'renderer', 'src', 'locales');

type Tree = { [key: string]: string | Tree };

function load(language: string, namespace: string): Tree {
  return JSON.parse(readFileSync(join(LOCALES, language, `${namespace}.json`), 'utf8')) as Tree;
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();
const namespaces = (language: string) =>
  readdirSync(join(LOCALES, language))
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();

describe('the UI catalogues', () => {
  it('exist for every supported language with the same namespaces', () => {
    const [first, ...rest] = LANGUAGES.map(namespaces);
    expect(first?.length).toBeGreaterThan(0);
    for (const other of rest) expect(other).toEqual(first);
  });

  for (const namespace of namespaces('ja')) {
    it(`${namespace}: Japanese and English have the same keys, none empty, same placeholders`, () => {
      const ja = flatten(load('ja', namespace));
      const en = flatten(load('en', namespace));
      expect([...en.keys()].sort()).toEqual([...ja.keys()].sort());
      for (const [key, text] of ja) {
        expect(text.trim(), `ja ${namespace}:${key}`).not.toBe('');
        expect(en.get(key)?.trim(), `en ${namespace}:${key}`).not.toBe('');
        expect(placeholders(en.get(key) ?? ''), `${namespace}:${key}`).toEqual(placeholders(text));
      }
    });
  }

  it('has a message for every error code the IPC layer itself produces', () => {
    const messages = flatten(load('ja', 'errors'));
    for (const code of Object.values(ErrorCodes)) expect(messages.has(code), code).toBe(true);
  });

  it('names every broken link of SMOOZ’s connectivity test and what to do about it', () => {
    for (const language of LANGUAGES) {
      const guided = flatten(load(language, 'guided'));
      for (const link of connectivityTestResultBrokenLinkValues) {
        expect(
          guided.get(`endpoint.connectivity.links.${link}`),
          `${language} ${link}`,
        ).toBeTruthy();
        expect(
          guided.get(`endpoint.connectivity.fixes.${link}`),
          `${language} ${link}`,
        ).toBeTruthy();
      }
    }
  });

  it('names every manual step in the guided side list and words it in the checklist', () => {
    for (const language of LANGUAGES) {
      const guided = flatten(load(language, 'guided'));
      const checklist = flatten(load(language, 'checklist'));
      for (const step of STEPS) {
        expect(guided.get(`checklist.items.${step.id}`), `${language} ${step.id}`).toBeTruthy();
        expect(checklist.get(`steps.${step.id}.title`), `${language} ${step.id}`).toBeTruthy();
        for (const confirmation of step.confirmations) {
          expect(
            checklist.get(`steps.${step.id}.confirm.${confirmation}`),
            `${language} ${step.id} ${confirmation}`,
          ).toBeTruthy();
        }
      }
    }
  });

  it('keeps Japanese text in the Japanese catalogue', () => {
    const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/;
    const common = flatten(load('ja', 'common'));
    expect(japanese.test(common.get('appTitle') ?? '')).toBe(true);
  });
});
