import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { PreflightStep } from '../../../renderer/src/setup/PreflightStep';
import { t } from '../../support/catalogue';
import { pending, refusal } from '../fakeIpc';
import { renderScreen } from '../render';
import { atPreflight, failingPreflight, readyWithWarning, recordingApply } from './flowFixtures';

describe('3-1: preflight checks', () => {
  it('runs the checks by itself when the flow reaches them, and says so', async () => {
    const { apply } = recordingApply();
    const { ipc } = renderScreen(<PreflightStep state={atPreflight} apply={apply} />, {
      'setup:runPreflight': () => pending(),
    });
    expect(screen.getByRole('status').textContent).toBe(t('guided:preflight.running'));
    await waitFor(() =>
      expect(ipc.requests('setup:runPreflight')).toEqual([{ connectionId: 'c-0001' }]),
    );
  });

  it('explains checks that could not run', async () => {
    const { apply } = recordingApply();
    renderScreen(<PreflightStep state={atPreflight} apply={apply} />, {
      'setup:runPreflight': () => {
        throw refusal('aws.expiredCredentials');
      },
    });
    expect((await screen.findByRole('alert')).textContent).toBe(t('aws:errors.expiredCredentials'));
  });

  it('shows a failed check in words with its one-click fix', async () => {
    const { apply, answered } = recordingApply();
    const { ipc } = renderScreen(<PreflightStep state={failingPreflight} apply={apply} />, {
      'setup:applyFix': () => atPreflight,
    });
    const row = screen.getByTestId('check-lambdaEgress');
    expect(row.getAttribute('data-status')).toBe('fail');
    expect(row.textContent).toContain(t('guided:preflight.checks.lambdaEgress'));
    await userEvent.click(screen.getByRole('button', { name: t('guided:preflight.fix.apply') }));
    await waitFor(() => expect(answered).toEqual([atPreflight]));
    expect(ipc.requests('setup:applyFix')).toEqual([
      { connectionId: 'c-0001', fix: 'createInterfaceEndpoints' },
    ]);
  });

  it('waits on warnings until the user continues anyway', async () => {
    const { apply } = recordingApply();
    const onContinue = vi.fn();
    renderScreen(<PreflightStep state={readyWithWarning} apply={apply} onContinue={onContinue} />);
    expect(screen.getByTestId('preflight-warnings-open').textContent).toBe(
      t('guided:preflight.warningsOpen', { count: 1 }),
    );
    await userEvent.click(
      screen.getByRole('button', { name: t('guided:preflight.continueAnyway') }),
    );
    expect(onContinue).toHaveBeenCalled();
  });

  it('keeps the buttons waiting while the checks run again', async () => {
    const { apply } = recordingApply();
    renderScreen(<PreflightStep state={failingPreflight} apply={apply} />, {
      'setup:runPreflight': () => pending(),
    });
    await userEvent.click(screen.getByRole('button', { name: t('guided:preflight.rerun') }));
    const running = screen.getByRole('button', { name: t('guided:preflight.running') });
    expect(running.hasAttribute('disabled')).toBe(true);
    expect(
      screen
        .getByRole('button', { name: t('guided:preflight.fix.apply') })
        .hasAttribute('disabled'),
    ).toBe(true);
  });
});
