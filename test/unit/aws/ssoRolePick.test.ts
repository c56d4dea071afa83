import { describe, expect, it } from 'vitest';
import { parseSsoRolePick, ssoRolePickName } from '../../../shared/aws/sso';

describe('an account and role picked from an SSO session, named like a profile', () => {
  it('round-trips session, account and role, even a session name with colons', () => {
    for (const pick of [
      { ssoSession: 'corp', accountId: '111122223333', roleName: 'AdministratorAccess' },
      { ssoSession: 'my:odd-session', accountId: '012345678901', roleName: 'Ops+Read=1,x.y@z-w' },
    ]) {
      expect(parseSsoRolePick(ssoRolePickName(pick))).toEqual(pick);
    }
  });

  it('is not mistaken for an ordinary profile name', () => {
    for (const name of [
      'default',
      'corp-admin',
      'sso-session:corp',
      'sso-session:corp:1111:Admin',
      'sso-session:corp:111122223333:',
      'sso-session::111122223333:Admin',
    ]) {
      expect(parseSsoRolePick(name), name).toBeNull();
    }
  });
});
