import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { DiscardPreview, DiscardState } from '../../../shared/flow/discard';
import { DiscardPanel } from '../../../renderer/src/setup/DiscardPanel';
import { lambdaSg, stack } from '../../support/flowFixtures';
import { t } from '../../support/catalogue';
import { pending, refusal } from '../fakeIpc';
import { renderScreen } from '../render';

const preview: DiscardPreview = {
  connectionId: 'c-0002',
  connectionName: 'stage-db',
  profile: 'dev',
  region: 'ap-northeast-1',
  local: true,
  resources: [stack, lambdaSg],
};

const state = (step: 'removing' | 'discarded'): DiscardState => ({
  ...preview,
  step,
  planned: [stack, lambdaSg],
  removed: step === 'discarded' ? [stack, lambdaSg] : [stack],
  alreadyGone: [],
});

const panel = (onDiscarded = vi.fn(), onClose = vi.fn()) => (
  <DiscardPanel
    request={{ connectionId: 'c-0002' }}
    name="stage-db"
    onClose={onClose}
    onDiscarded={onDiscarded}
  />
);

describe('home: discarding an abandoned setup', () => {
  it('says it is loading until the list of what goes is known', () => {
    renderScreen(panel(), { 'setup:discardPreview': () => pending() });
    expect(screen.getByRole('status').textContent).toBe(t('common:loading'));
  });

  it('lists exactly what will be removed before anything happens', async () => {
    const { ipc } = renderScreen(panel(), { 'setup:discardPreview': () => preview });
    expect(
      await screen.findByText(t('guided:discard.willRemove', { name: 'stage-db' })),
    ).toBeTruthy();
    expect(screen.getByTestId('discard-list').querySelectorAll('li')).toHaveLength(2);
    expect(ipc.requests('setup:discard')).toEqual([]);
  });

  it('says nothing is left in AWS when the setup made nothing', async () => {
    renderScreen(panel(), { 'setup:discardPreview': () => ({ ...preview, resources: [] }) });
    expect(await screen.findByText(t('guided:discard.nothing', { name: 'stage-db' }))).toBeTruthy();
  });

  it('keeps the setup when the user says so', async () => {
    const onClose = vi.fn();
    const { ipc } = renderScreen(panel(vi.fn(), onClose), {
      'setup:discardPreview': () => preview,
    });
    await userEvent.click(
      await screen.findByRole('button', { name: t('guided:discard.keep', { name: 'stage-db' }) }),
    );
    expect(onClose).toHaveBeenCalled();
    expect(ipc.requests('setup:discard')).toEqual([]);
  });

  it('removes the confirmed list, follows the pushes and reports when done', async () => {
    const onDiscarded = vi.fn();
    const { ipc } = renderScreen(panel(onDiscarded), {
      'setup:discardPreview': () => preview,
      'setup:discard': () => state('removing'),
    });
    await userEvent.click(
      await screen.findByRole('button', {
        name: t('guided:discard.confirm', { name: 'stage-db' }),
      }),
    );
    expect(await screen.findByText(t('guided:discard.running', { name: 'stage-db' }))).toBeTruthy();
    expect(ipc.requests('setup:discard')[0]?.resources).toEqual([stack, lambdaSg]);
    ipc.push('setup:discardChanged', state('discarded'));
    expect(await screen.findByText(t('guided:discard.done', { name: 'stage-db' }))).toBeTruthy();
    await waitFor(() => expect(onDiscarded).toHaveBeenCalledTimes(1));
  });

  it('explains a stopped discard and offers a retry', async () => {
    const { ipc } = renderScreen(panel(), {
      'setup:discardPreview': () => preview,
      'setup:discard': () => state('removing'),
    });
    await userEvent.click(
      await screen.findByRole('button', {
        name: t('guided:discard.confirm', { name: 'stage-db' }),
      }),
    );
    await screen.findByText(t('guided:discard.running', { name: 'stage-db' }));
    ipc.push('setup:discardChanged', {
      ...state('removing'),
      step: 'failed',
      error: { code: 'internal' },
    });
    expect((await screen.findByRole('alert')).textContent).toBe(t('errors:internal'));
    expect(
      screen.getByRole('button', { name: t('guided:discard.retry', { name: 'stage-db' }) }),
    ).toBeTruthy();
  });

  it('explains why the list could not be read', async () => {
    renderScreen(panel(), {
      'setup:discardPreview': () => {
        throw refusal('ipc.transport', { status: 500 });
      },
    });
    expect((await screen.findByRole('alert')).textContent).toBe(
      t('errors:ipc.transport', { status: 500 }),
    );
    expect(
      screen.getByRole('button', { name: t('guided:discard.keep', { name: 'stage-db' }) }),
    ).toBeTruthy();
  });
});
