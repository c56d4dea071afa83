import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Verification } from '../../../shared/ipc/channels/guided';
import { ConnectivityResult } from '../../../renderer/src/setup/ConnectivityResult';
import { t } from '../../support/catalogue';
import { renderScreen } from '../render';

const checked = (over: Partial<Verification>): Verification => ({
  checkedAt: '2026-01-01T00:00:00.000Z',
  smoozStatus: 'available',
  ...over,
});

const result = {
  connectionId: 'c-0001',
  checkedAt: '2026-01-01T00:00:00.000Z',
  target: { address: '10.0.1.25', port: 5432 },
};

describe('4: the connectivity test result', () => {
  it('shows nothing before SMOOZ ran the test', () => {
    renderScreen(<ConnectivityResult verification={checked({})} />);
    expect(screen.queryByTestId('connectivity')).toBeNull();
  });

  it('says SMOOZ logged in through the endpoint, with the target', () => {
    renderScreen(
      <ConnectivityResult
        verification={checked({
          connectivity: { ...result, outcome: 'succeeded', checked: 'query' },
        })}
      />,
    );
    expect(screen.getByRole('status').textContent).toBe(
      t('guided:endpoint.connectivity.succeeded', { address: '10.0.1.25', port: 5432 }),
    );
  });

  it('names the first broken link and what to do about it', () => {
    renderScreen(
      <ConnectivityResult
        verification={checked({
          connectivity: { ...result, outcome: 'failed', brokenLink: 'tcp-refused' },
        })}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(alert.getAttribute('data-broken-link')).toBe('tcp-refused');
    expect(alert.textContent).toContain(
      t('guided:endpoint.connectivity.failed', {
        link: t('guided:endpoint.connectivity.links.tcp-refused'),
      }),
    );
    expect(alert.textContent).toContain(t('guided:endpoint.connectivity.fixes.tcp-refused'));
  });

  it('explains a test that could not run, with the way forward', () => {
    renderScreen(
      <ConnectivityResult
        verification={checked({
          connectivityError: { code: 'ipc.transport', params: { status: 502 } },
        })}
      />,
    );
    expect(screen.getByText(t('guided:endpoint.connectivity.couldNotRun'))).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe(t('errors:ipc.transport', { status: 502 }));
  });
});
