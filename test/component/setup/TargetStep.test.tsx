import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { validateRegion } from '../../../shared/validation/awsIds';
import { TargetStep } from '../../../renderer/src/setup/TargetStep';
import { t } from '../../support/catalogue';
import { pending, refusal } from '../fakeIpc';
import { renderScreen } from '../render';
import { fieldMessage } from './fieldMessage';
import { identity, listing, profile } from './fixtures';

const next = () => screen.getByRole('button', { name: t('guided:actions.next') });

describe('3-1: profile and region', () => {
  it('says it is loading until the profiles are read', () => {
    renderScreen(<TargetStep onDone={vi.fn()} />, { 'aws:listProfiles': () => pending() });
    expect(screen.getByText(t('common:loading'))).toBeTruthy();
  });

  it('explains why the AWS files could not be read', async () => {
    renderScreen(<TargetStep onDone={vi.fn()} />, {
      'aws:listProfiles': () => {
        throw refusal('aws.configFileIsFolder', { path: '/home/u/.aws/config' });
      },
    });
    expect((await screen.findByRole('alert')).textContent).toBe(
      t('aws:errors.configFileIsFolder', { path: '/home/u/.aws/config' }),
    );
  });

  it('says when there is no profile at all, and cannot go on', async () => {
    renderScreen(<TargetStep onDone={vi.fn()} />, { 'aws:listProfiles': () => listing([]) });
    expect(await screen.findByRole('option', { name: t('guided:target.noProfiles') })).toBeTruthy();
    expect(next().hasAttribute('disabled')).toBe(true);
  });

  it('looks the account up for the first profile and goes on with it', async () => {
    const onDone = vi.fn();
    const { ipc } = renderScreen(<TargetStep onDone={onDone} />, {
      'aws:listProfiles': () => listing([profile('dev')]),
      'aws:callerIdentity': () => identity,
    });
    expect(await screen.findByText(t('guided:target.account'), { exact: false })).toBeTruthy();
    expect(ipc.requests('aws:callerIdentity')).toEqual([
      { profile: 'dev', region: 'ap-northeast-1' },
    ]);
    await waitFor(() => expect(next().hasAttribute('disabled')).toBe(false));
    await userEvent.click(next());
    expect(onDone).toHaveBeenCalledWith({
      profile: 'dev',
      region: 'ap-northeast-1',
      accountId: '123456789012',
    });
  });

  it('puts a bad region message under the region field and keeps Next disabled', async () => {
    renderScreen(<TargetStep onDone={vi.fn()} />, {
      'aws:listProfiles': () => listing([profile('dev')]),
      'aws:callerIdentity': () => identity,
    });
    const region = await screen.findByLabelText(t('guided:target.region'));
    await userEvent.clear(region);
    await userEvent.type(region, 'tokyo');
    expect(screen.getByTestId('guided-region-error').textContent).toBe(
      fieldMessage(validateRegion('tokyo')),
    );
    expect(region.getAttribute('aria-invalid')).toBe('true');
    expect(next().hasAttribute('disabled')).toBe(true);
  });

  it('offers an SSO login in place when the login has ended', async () => {
    renderScreen(<TargetStep onDone={vi.fn()} />, {
      'aws:listProfiles': () => listing([profile('sso-dev', { kind: 'sso' })]),
      'aws:callerIdentity': () => {
        throw refusal('aws.ssoTokenExpired', { session: 'corp' });
      },
    });
    expect(await screen.findByText(t('guided:target.loginNeeded'))).toBeTruthy();
    expect(screen.getByRole('button', { name: t('guided:target.login') })).toBeTruthy();
    expect(next().hasAttribute('disabled')).toBe(true);
  });

  it('lists a profile that cannot give credentials as disabled, with the reason', async () => {
    renderScreen(<TargetStep onDone={vi.fn()} />, {
      'aws:listProfiles': () =>
        listing([
          profile('dev'),
          profile('broken', { problem: { code: 'aws.profileNoCredentials', params: {} } }),
        ]),
      'aws:callerIdentity': () => identity,
    });
    const option = await screen.findByRole('option', {
      name: t('guided:target.profileOption', {
        name: 'broken',
        kind: t('guided:target.kinds.static'),
      }),
    });
    expect(option.hasAttribute('disabled')).toBe(true);
    expect(screen.getByText(/^broken:/)).toBeTruthy();
  });
});
