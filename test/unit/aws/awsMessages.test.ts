import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AWS_PROFILE_KINDS, SSO_LOGIN_STATES } from '../../../shared/aws/profiles';
import { SSO_SESSION_NOTICE_STATES } from '../../../shared/aws/sso';
import { AwsErrorCodes } from '../../../shared/aws/errorCodes';

const LOCALES = join(import.meta.dirname, '..', '..', '..', 'renderer', 'src', 'locales');
type Catalogue = {
  errors: Record<string, string>;
  kinds: Record<string, string>;
  login: Record<string, string>;
  sessionNotice: Record<string, string>;
};
const load = (language: string) =>
  JSON.parse(readFileSync(join(LOCALES, language, 'aws.json'), 'utf8')) as Catalogue;

describe('the aws catalogue', () => {
  for (const language of ['ja', 'en']) {
    it(`${language}: has a message for every aws.* code, profile kind, login state and session notice`, () => {
      const catalogue = load(language);
      for (const code of Object.values(AwsErrorCodes)) {
        expect(catalogue.errors[code.slice('aws.'.length)], code).toBeTruthy();
      }
      for (const kind of AWS_PROFILE_KINDS) expect(catalogue.kinds[kind], kind).toBeTruthy();
      for (const state of SSO_LOGIN_STATES) expect(catalogue.login[state], state).toBeTruthy();
      for (const state of SSO_SESSION_NOTICE_STATES) {
        expect(catalogue.sessionNotice[state], state).toContain('{{session}}');
      }
      // The warning says when the login ends, so the user can log in again before that.
      expect(catalogue.sessionNotice.ending).toContain('{{endsAt}}');
    });
  }

  it('names the action and resource in the AccessDenied message', () => {
    for (const language of ['ja', 'en']) {
      const text = load(language).errors.accessDenied ?? '';
      expect(text).toContain('{{action}}');
      expect(text).toContain('{{resource}}');
    }
  });
});
