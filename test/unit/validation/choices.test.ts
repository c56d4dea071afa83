import { describe, expect, it } from 'vitest';
import { validateDbAuthMethod } from '../../../shared/validation/names';
import { validateRdsType } from '../../../shared/validation/rds';

describe('values chosen from a closed list (② RDS type, the database login method)', () => {
  it('accept a choice typed in any case, with pasted spaces, as its lower-case form', () => {
    expect(validateRdsType(' Cluster\u200b ')).toEqual({ ok: true, value: 'cluster' });
    expect(validateDbAuthMethod('IAM')).toEqual({ ok: true, value: 'iam' });
  });

  it('ask for a value when empty and name the field in any other refusal', () => {
    expect(validateRdsType('  ')).toEqual({ ok: false, message: { key: 'required' } });
    expect(validateRdsType('aurora')).toEqual({ ok: false, message: { key: 'rdsType.invalid' } });
    expect(validateDbAuthMethod('kerberos')).toEqual({
      ok: false,
      message: { key: 'dbAuthMethod.invalid' },
    });
  });
});
