import { describe, expect, it, vi } from 'vitest';
import type { MainServices } from '../../../main/app/mainServices';
import { createSetupHandlers } from '../../../main/ipc/setupHandlers';
import type { MigrationState } from '../../../shared/lifecycle/migrate';

const migration = (phase: MigrationState['phase']) =>
  ({ phase, name: '本番 PostgreSQL', newConnectionId: 'c-new' }) as MigrationState;

function handlersWith(migrations: MigrationState[]) {
  const engine = {
    teardown: vi.fn(async () => ({})),
    discardPreview: vi.fn(async () => ({})),
    discard: vi.fn(async () => ({})),
  };
  const handlers = createSetupHandlers({
    setup: engine,
    migrator: { list: () => migrations },
  } as unknown as MainServices);
  return { handlers, engine };
}

const target = { connectionId: 'c-new', profile: 'moto', region: 'ap-northeast-1' };

describe("a migration's new setup is removed only by the migration", () => {
  it.each(['running', 'stopped', 'failed', 'rollingBack'] as const)(
    'refuses discard and teardown while the migration is %s, naming it, and touches nothing',
    async (phase) => {
      const { handlers, engine } = handlersWith([migration(phase)]);
      const refusal = {
        code: 'lifecycle.setupInMigration',
        params: { name: '本番 PostgreSQL' },
      };
      await expect(handlers['setup:discardPreview'](target)).rejects.toMatchObject(refusal);
      await expect(handlers['setup:discard']({ ...target, resources: [] })).rejects.toMatchObject(
        refusal,
      );
      await expect(handlers['setup:teardown']({ connectionId: 'c-new' })).rejects.toMatchObject(
        refusal,
      );
      expect(engine.discardPreview).not.toHaveBeenCalled();
      expect(engine.discard).not.toHaveBeenCalled();
      expect(engine.teardown).not.toHaveBeenCalled();
    },
  );

  it.each(['done', 'rolledBack'] as const)(
    'lets the setup be torn down once its migration is %s',
    async (phase) => {
      const { handlers, engine } = handlersWith([migration(phase)]);
      await handlers['setup:teardown']({ connectionId: 'c-new' }).catch(() => undefined);
      expect(engine.teardown).toHaveBeenCalledWith('c-new');
    },
  );

  it("leaves other setups' discards alone", async () => {
    const { handlers, engine } = handlersWith([migration('running')]);
    await handlers['setup:discardPreview']({ ...target, connectionId: 'c-other' }).catch(
      () => undefined,
    );
    expect(engine.discardPreview).toHaveBeenCalledOnce();
  });
});
