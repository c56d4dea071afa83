import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { partsOf, reduceAdoption, startAdoption } from '../../../shared/lifecycle/adopt';
import { diagnose } from '../../../shared/lifecycle/diagnosis';
import type { ScannedSetup } from '../../../shared/lifecycle/scan';
import { FoundSetupCard } from '../../../renderer/src/lifecycle/FoundSetupCard';
import { t } from '../../support/catalogue';
import { manualSetup, SMOOZ_ACCOUNT } from '../../support/lifecycle/foundSetups';
import { refusal } from '../fakeIpc';
import { renderScreen } from '../render';

const setup = manualSetup();
const scanned: ScannedSetup = {
  setup,
  findings: diagnose(setup, { today: '2026-12-02', smoozAccountId: SMOOZ_ACCOUNT }),
  tracking: 'none',
};
const adopting = startAdoption(setup, 'prod', '2026-12-02T03:00:00Z');
const adopted = reduceAdoption(adopting, {
  type: 'verified',
  parts: partsOf(setup),
  at: '2026-12-02T03:00:05Z',
});

describe('home: one setup found in the account', () => {
  it('shows SMOOZ’s test first, then each finding with its fix', () => {
    renderScreen(
      <FoundSetupCard smoozAccountId="210987654321" found={scanned} adoption={undefined} />,
    );
    const items = screen.getByRole('list', {
      name: t('lifecycle:findingsLabel', { name: 'prod' }),
    }).children;
    expect(items[0]?.getAttribute('data-testid')).toBe('finding-connectivitySucceeded');
    expect(screen.getByTestId('finding-runtimeDeprecated').textContent).toContain(
      t('lifecycle:findings.runtimeDeprecated.fix', { successor: 'python3.14' }),
    );
  });

  it('adopts under the name typed, and says why when main refuses', async () => {
    const { ipc } = renderScreen(
      <FoundSetupCard smoozAccountId="210987654321" found={scanned} adoption={undefined} />,
      {
        'lifecycle:adopt': () => {
          throw refusal('lifecycle.setupChanged', { key: setup.key });
        },
      },
    );
    await userEvent.click(
      screen.getByRole('button', { name: t('lifecycle:adoptNamed', { name: 'prod' }) }),
    );
    const name = screen.getByLabelText(t('lifecycle:adoptName'));
    await userEvent.clear(name);
    await userEvent.type(name, '本番');
    await userEvent.click(screen.getByRole('button', { name: t('lifecycle:adoptConfirm') }));
    await waitFor(() =>
      expect(ipc.requests('lifecycle:adopt')).toEqual([
        { profile: 'dev', region: 'ap-northeast-1', key: setup.key, name: '本番' },
      ]),
    );
    expect(await screen.findByText(t('lifecycle:errors.setupChanged'))).toBeTruthy();
  });

  it('offers stop tracking and removal once adopted', () => {
    renderScreen(
      <FoundSetupCard smoozAccountId="210987654321" found={scanned} adoption={adopted} />,
    );
    expect(
      screen.getByRole('button', { name: t('lifecycle:releaseNamed', { name: 'prod' }) }),
    ).toBeTruthy();
    expect(
      screen.getByRole('button', { name: t('lifecycle:teardownNamed', { name: 'prod' }) }),
    ).toBeTruthy();
    expect(
      screen.queryByRole('button', { name: t('lifecycle:adoptNamed', { name: 'prod' }) }),
    ).toBeNull();
  });

  it('offers no adoption once a migration has moved it to the current design (its parts are gone)', async () => {
    const done = { key: setup.key, phase: 'done', completed: [], name: 'prod' };
    renderScreen(
      <FoundSetupCard smoozAccountId="210987654321" found={scanned} adoption={undefined} />,
      { 'migration:list': () => [done] as never },
    );
    await screen.findByText(t('lifecycle:migration.phase.done'));
    expect(
      screen.queryByRole('button', { name: t('lifecycle:adoptNamed', { name: 'prod' }) }),
    ).toBeNull();
  });
});
