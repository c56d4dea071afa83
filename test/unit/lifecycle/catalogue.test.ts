import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LifecycleErrorCodes } from '../../../main/lifecycle/lifecycleErrors';
import { ILLEGAL_ADOPTION_TRANSITION } from '../../../shared/lifecycle/adopt';
import { FINDING_IDS, SEVERITIES } from '../../../shared/lifecycle/diagnosis';

type Catalogue = {
  findings: Record<string, { title?: string; fix?: string }>;
  severity: Record<string, string>;
  errors: Record<string, string>;
};
const load = (lang: string): Catalogue =>
  JSON.parse(
    readFileSync(
      join(
        import.meta.dirname,
        '..',
        '..',
        '..',
        'renderer',
        'src',
        'locales',
        lang,
        'lifecycle.json',
      ),
      'utf8',
    ),
  ) as Catalogue;

describe.each(['ja', 'en'])('lifecycle catalogue (%s)', (lang) => {
  const catalogue = load(lang);

  it('says what every finding is and how to fix it, and names every severity', () => {
    for (const id of FINDING_IDS) {
      expect(catalogue.findings[id]?.title, id).toBeTruthy();
      expect(catalogue.findings[id]?.fix, id).toBeTruthy();
    }
    expect(Object.keys(catalogue.findings).sort()).toEqual([...FINDING_IDS].sort());
    for (const s of SEVERITIES) expect(catalogue.severity[s], s).toBeTruthy();
  });

  it('explains every lifecycle error code', () => {
    const codes = [...Object.values(LifecycleErrorCodes), ILLEGAL_ADOPTION_TRANSITION];
    for (const code of codes) {
      expect(catalogue.errors[code.replace(/^lifecycle\./, '')], code).toBeTruthy();
    }
  });
});
