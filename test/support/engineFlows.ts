import type { SetupEngine } from '../../main/engine/setupEngine';
import type { SetupState } from '../../shared/flow/state';
import type { CreateSetupRequest } from '../../shared/ipc/channels/setup';
import type { SeededAccount } from './seedAccount';

export const SMOOZ_ACCOUNT_ID = '210987654321';
export const SMOOZ_ROLE_ARN = `arn:aws:iam::${SMOOZ_ACCOUNT_ID}:role/smooz-privatelink`;

export const postgresRequest = (seeded: SeededAccount, name = 'prod-db'): CreateSetupRequest => ({
  profile: 'moto',
  region: seeded.region,
  connectionName: name,
  database: { kind: 'instance', identifier: seeded.postgres.identifier },
  authMethod: 'password',
  smoozAccountId: SMOOZ_ACCOUNT_ID,
  smoozRoleArn: SMOOZ_ROLE_ARN,
});

export const auroraIamRequest = (
  seeded: SeededAccount,
  name = 'aurora-iam',
): CreateSetupRequest => ({
  profile: 'moto',
  region: seeded.region,
  connectionName: name,
  database: { kind: 'cluster', identifier: seeded.aurora.identifier },
  authMethod: 'iam',
  dbUser: 'smooz_reader',
  smoozAccountId: SMOOZ_ACCOUNT_ID,
  smoozRoleArn: SMOOZ_ROLE_ARN,
});

/**
 * Does what the user does from wherever the flow stands until it stops moving: run the checks,
 * confirm, or continue. Returns the state it settled in.
 */
export async function driveToEnd(engine: SetupEngine, connectionId: string): Promise<SetupState> {
  for (let i = 0; i < 10; i++) {
    const state = engine.get(connectionId);
    switch (state.step) {
      case 'preflight':
        if ((await engine.runPreflight(connectionId)).step === 'preflight') {
          return engine.get(connectionId);
        }
        break;
      case 'ready':
        await engine.start(connectionId);
        await engine.settled(connectionId);
        break;
      case 'complete':
      case 'tornDown':
        return state;
      default:
        await engine.resume(connectionId);
        await engine.settled(connectionId);
        if (engine.get(connectionId).step === state.step) {
          return engine.get(connectionId);
        }
    }
  }
  return engine.get(connectionId);
}

/** Tears the connection down and waits until it is gone. */
export async function tearDownFully(
  engine: SetupEngine,
  connectionId: string,
): Promise<SetupState> {
  await engine.teardown(connectionId);
  return engine.settled(connectionId);
}

/**
 * The flow switched to an updater inside the VPC, as the user does on the confirmation screen:
 * for tests of what exists only there (its security group, the egress check and fix).
 */
export async function insideVpc(engine: SetupEngine, created: SetupState): Promise<SetupState> {
  return engine.updatePlan(created.plan.connectionId, { updaterPlacement: 'insideVpc' });
}
