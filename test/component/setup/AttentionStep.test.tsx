import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { StateAt } from '../../../shared/flow/state';
import { AttentionStep } from '../../../renderer/src/setup/AttentionStep';
import { samplePlan, stack } from '../../support/flowFixtures';
import { t } from '../../support/catalogue';
import { refusal } from '../fakeIpc';
import { renderScreen } from '../render';
import { recordingApply } from './flowFixtures';

const base = { plan: samplePlan, created: [stack] };
const stackFailed: StateAt<'failed'> = {
  ...base,
  step: 'failed',
  resumeStep: 'creatingStack',
  error: { code: 'setup.stackFailed' },
  stackFailure: {
    stackStatus: 'ROLLBACK_COMPLETE',
    logicalResourceId: 'TargetGroup',
    resourceType: 'AWS::ElasticLoadBalancingV2::TargetGroup',
    reason: 'Resource handler returned message: "Access Denied"',
  },
};

describe('a stopped flow that needs the user', () => {
  it('names the failed resource and AWS reason, and deletes and retries', async () => {
    const { apply } = recordingApply();
    const { ipc } = renderScreen(
      <AttentionStep state={stackFailed} apply={apply} onHome={vi.fn()} />,
      {
        'setup:resume': () => ({ ...base, step: 'creatingStack', progress: { done: 0, total: 0 } }),
      },
    );
    expect(screen.getByRole('alert').textContent).toBe(
      t('guided:attention.stackFailed', { status: 'ROLLBACK_COMPLETE' }),
    );
    expect(screen.getByTestId('stack-failure').textContent).toContain('TargetGroup');
    await userEvent.click(screen.getByRole('button', { name: t('guided:actions.deleteAndRetry') }));
    await waitFor(() => expect(ipc.requests('setup:resume')).toEqual([{ connectionId: 'c-0001' }]));
  });

  it('gives the reason the login ended and the login button when it ended', () => {
    const { apply } = recordingApply();
    const waiting: StateAt<'waitingForLogin'> = {
      ...base,
      step: 'waitingForLogin',
      resumeStep: 'creatingStack',
      error: { code: 'aws.ssoTokenExpired', params: { session: 'corp' } },
    };
    renderScreen(<AttentionStep state={waiting} apply={apply} onHome={vi.fn()} />);
    expect(screen.getByTestId('login-reason').textContent).toBe(
      t('aws:errors.ssoTokenExpired', { session: 'corp' }),
    );
    expect(screen.getByRole('button', { name: t('guided:target.login') })).toBeTruthy();
  });

  it('offers to remove what a cancelled flow created', async () => {
    const { apply } = recordingApply();
    const cancelled: StateAt<'cancelled'> = { ...base, step: 'cancelled', resumeStep: 'ready' };
    const { ipc } = renderScreen(
      <AttentionStep state={cancelled} apply={apply} onHome={vi.fn()} />,
      { 'setup:teardown': () => ({ ...base, step: 'tearingDown' }) },
    );
    expect(screen.getByText(t('guided:attention.cancelled'))).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: t('guided:actions.removeCreated') }));
    await waitFor(() => expect(ipc.requests('setup:teardown')).toHaveLength(1));
  });

  it('explains a retry main refused, keeping the buttons usable', async () => {
    const { apply } = recordingApply();
    renderScreen(<AttentionStep state={stackFailed} apply={apply} onHome={vi.fn()} />, {
      'setup:resume': () => {
        throw refusal('setup.alreadyRunning');
      },
    });
    await userEvent.click(screen.getByRole('button', { name: t('guided:actions.deleteAndRetry') }));
    expect(await screen.findByText(t('setup:errors.alreadyRunning'))).toBeTruthy();
    expect(
      screen
        .getByRole('button', { name: t('guided:actions.deleteAndRetry') })
        .hasAttribute('disabled'),
    ).toBe(false);
  });
});
