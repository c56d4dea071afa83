import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { UpgradeState } from '../../../shared/lifecycle/upgrade';
import { UpgradeReview } from '../../../renderer/src/upgrade/UpgradeReview';
import { t } from '../../support/catalogue';
import { renderScreen } from '../render';

const SMOOZ_ACCOUNT = '210987654321';
const ROLE = `arn:aws:iam::${SMOOZ_ACCOUNT}:role/smooz-privatelink`;

const reviewing = (extra: Partial<Extract<UpgradeState, { step: 'reviewing' }>>): UpgradeState => ({
  step: 'reviewing',
  connectionId: 'c-1',
  connectionName: '本番',
  profile: 'prod',
  region: 'ap-northeast-1',
  stackName: 'smooz-privatelink-prod',
  fromVersion: 2,
  toVersion: 3,
  changeSetName: 'smooz-upgrade-v2-to-v3',
  startedAt: '2026-12-02T03:00:00Z',
  changeSetId: 'arn:aws:cloudformation:ap-northeast-1:123456789012:changeSet/x/1',
  changes: [
    {
      logicalResourceId: 'EndpointServicePermissions',
      resourceType: 'AWS::EC2::VPCEndpointServicePermissions',
      action: 'Modify',
      replacement: 'False',
      properties: ['AllowedPrincipals'],
    },
  ],
  ...extra,
});

const open = (state: UpgradeState) =>
  renderScreen(<UpgradeReview connectionId="c-1" onHome={() => {}} onOpenConnection={() => {}} />, {
    'lifecycle:upgradePreview': () => state,
  });

describe('the review of an update from template v2', () => {
  it('says who may connect before (SMOOZ’s account) and after (SMOOZ’s role), and that acceptance begins', async () => {
    open(reviewing({ principalChange: { fromAccountId: SMOOZ_ACCOUNT, toRoleArn: ROLE } }));
    await screen.findByText(t('lifecycle:upgrade.principalTitle'));
    const note = screen.getByText(t('lifecycle:upgrade.principalTitle')).parentElement;
    expect(note?.textContent).toContain(t('lifecycle:upgrade.principalFrom'));
    expect(note?.textContent).toContain(SMOOZ_ACCOUNT);
    expect(note?.textContent).toContain(t('lifecycle:upgrade.principalTo'));
    expect(note?.textContent).toContain(ROLE);
    expect(note?.textContent).toContain(t('lifecycle:upgrade.principalNote'));
  });

  it('lists the database rules’ change: the subnet ranges now, the NLB’s /32s after', async () => {
    const ruleChange = {
      fromCidrs: ['10.20.1.0/24', '10.20.2.0/24'],
      toCidrs: ['10.20.1.37/32', '10.20.2.84/32'],
    };
    open(reviewing({ ruleChange }));
    await screen.findByText(t('lifecycle:upgrade.rulesTitle'));
    const note = screen.getByText(t('lifecycle:upgrade.rulesTitle')).parentElement;
    const row = (label: string) => screen.getByText(label).parentElement?.textContent ?? '';
    for (const cidr of ruleChange.fromCidrs)
      expect(row(t('lifecycle:upgrade.rulesFrom'))).toContain(cidr);
    for (const cidr of ruleChange.toCidrs)
      expect(row(t('lifecycle:upgrade.rulesTo'))).toContain(cidr);
    expect(row(t('lifecycle:upgrade.rulesTo'))).not.toContain('10.20.1.0/24');
    expect(note?.textContent).toContain(t('lifecycle:upgrade.rulesNote'));
  });

  it('shows no rules note when the connection already admits only the NLB’s addresses', async () => {
    open(reviewing({ principalChange: { fromAccountId: SMOOZ_ACCOUNT, toRoleArn: ROLE } }));
    await screen.findByText(t('lifecycle:upgrade.principalTitle'));
    expect(screen.queryByText(t('lifecycle:upgrade.rulesTitle'))).toBeNull();
  });

  it('shows no principal note for an update that keeps who may connect', async () => {
    open(reviewing({}));
    await screen.findByText(t('lifecycle:upgrade.reviewIntro'));
    expect(screen.queryByText(t('lifecycle:upgrade.principalTitle'))).toBeNull();
  });
});
