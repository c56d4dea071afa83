import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { StateAt } from '../../../shared/flow/state';
import type { GuidedRecord } from '../../../shared/ipc/channels/guided';
import { EndpointStep } from '../../../renderer/src/setup/EndpointStep';
import { sampleOutputs, samplePlan, stack } from '../../support/flowFixtures';
import { t } from '../../support/catalogue';
import { pending, refusal } from '../fakeIpc';
import { renderScreen } from '../render';

const complete: StateAt<'complete'> = {
  step: 'complete',
  plan: samplePlan,
  created: [stack],
  outputs: sampleOutputs,
};

const record = (over: Partial<GuidedRecord>): GuidedRecord => ({
  connectionId: 'c-0001',
  phase: 'tracking',
  attempt: 1,
  history: [],
  startedAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('4: the endpoint, handed to SMOOZ and followed', () => {
  it('hands the outputs to SMOOZ by itself and says it is registering', async () => {
    const { ipc } = renderScreen(
      <EndpointStep state={complete} guided={undefined} onGuided={vi.fn()} onHome={vi.fn()} />,
      { 'guided:finish': () => pending() },
    );
    expect(screen.getByTestId('endpoint-phase').textContent).toBe(
      t('guided:endpoint.phases.creating'),
    );
    await waitFor(() =>
      expect(ipc.requests('guided:finish')).toEqual([{ connectionId: 'c-0001' }]),
    );
  });

  it('explains a registration SMOOZ refused and retries it', async () => {
    let refuse = true;
    const onGuided = vi.fn();
    const { ipc } = renderScreen(
      <EndpointStep state={complete} guided={undefined} onGuided={onGuided} onHome={vi.fn()} />,
      {
        'guided:finish': () => {
          if (refuse) throw refusal('ipc.transport', { status: 503 });
          return record({});
        },
      },
    );
    expect((await screen.findByRole('alert')).textContent).toBe(
      t('errors:ipc.transport', { status: 503 }),
    );
    refuse = false;
    await userEvent.click(screen.getByRole('button', { name: t('guided:actions.retry') }));
    await waitFor(() => expect(onGuided).toHaveBeenCalledWith(record({})));
    expect(ipc.requests('guided:finish')).toHaveLength(2);
  });

  it('says a failed SMOOZ call was never registered, apart from an endpoint SMOOZ could not make', () => {
    renderScreen(
      <EndpointStep
        state={complete}
        guided={record({ phase: 'failed', problem: { code: 'internal' } })}
        onGuided={vi.fn()}
        onHome={vi.fn()}
      />,
    );
    expect(screen.getByTestId('endpoint-phase').textContent).toBe(
      t('guided:endpoint.phases.notRegistered'),
    );
    expect(screen.getByRole('button', { name: t('guided:actions.retry') })).toBeTruthy();
  });

  it('shows an available endpoint with its verification and the way home first', () => {
    renderScreen(
      <EndpointStep
        state={complete}
        guided={record({
          phase: 'available',
          smoozConnectionId: 'sc-1',
          verification: { checkedAt: '2026-01-01T00:00:00.000Z', smoozStatus: 'available' },
        })}
        onGuided={vi.fn()}
        onHome={vi.fn()}
      />,
    );
    expect(screen.getByTestId('endpoint-phase').textContent).toBe(
      t('guided:endpoint.phases.available'),
    );
    expect(screen.getByTestId('verify-smooz').textContent).toBe('available');
    expect(screen.getByRole('button', { name: t('guided:actions.home') }).className).toBe(
      'primary',
    );
    expect(screen.queryByRole('button', { name: t('guided:actions.retry') })).toBeNull();
  });
});
