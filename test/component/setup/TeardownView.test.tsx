import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { SetupState } from '../../../shared/flow/state';
import { TeardownView } from '../../../renderer/src/setup/TeardownView';
import { lambdaSg, samplePlan, stack } from '../../support/flowFixtures';
import { t } from '../../support/catalogue';
import { renderScreen } from '../render';

const tearingDown: SetupState = {
  step: 'tearingDown',
  plan: samplePlan,
  created: [stack, lambdaSg],
};

describe('teardown on its own screen', () => {
  it('lists what is still being removed while it runs', () => {
    renderScreen(
      <TeardownView state={tearingDown} stage={{ kind: 'removingAws' }} onHome={vi.fn()} />,
    );
    expect(screen.getByRole('status').textContent).toBe(t('guided:teardown.stages.removingAws'));
    expect(screen.getByTestId('teardown-remaining').querySelectorAll('li')).toHaveLength(2);
  });

  it('reports what was removed when done, with the way home', () => {
    const done: SetupState = {
      step: 'tornDown',
      plan: samplePlan,
      created: [],
      teardown: { removed: [stack], alreadyGone: [lambdaSg] },
    };
    renderScreen(<TeardownView state={done} stage={{ kind: 'done' }} onHome={vi.fn()} />);
    expect(screen.getByRole('status').textContent).toBe(t('guided:teardown.stages.done'));
    expect(screen.getByTestId('teardown-removed').textContent).toContain(
      t('guided:teardown.alreadyGone'),
    );
    expect(screen.queryByTestId('teardown-remaining')).toBeNull();
    expect(screen.getByRole('button', { name: t('guided:actions.home') })).toBeTruthy();
  });

  it('explains a stopped teardown and retries it', async () => {
    const { ipc } = renderScreen(
      <TeardownView
        state={tearingDown}
        stage={{ kind: 'failed', side: 'aws', error: { code: 'internal' } }}
        onHome={vi.fn()}
      />,
      { 'guided:teardown': () => null },
    );
    expect(screen.getByRole('alert').textContent).toBe(t('errors:internal'));
    expect(screen.getByText(t('guided:teardown.failed.aws'))).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: t('guided:teardown.retry') }));
    await waitFor(() =>
      expect(ipc.requests('guided:teardown')).toEqual([{ connectionId: 'c-0001' }]),
    );
  });
});
