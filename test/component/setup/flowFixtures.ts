import type { SetupState, StateAt } from '../../../shared/flow/state';
import { failingEgressReport, passingReport, samplePlan } from '../../support/flowFixtures';

/** The flow as the screens receive it, at the steps the tests need. */
export const atPreflight: StateAt<'preflight'> = {
  step: 'preflight',
  plan: samplePlan,
  created: [],
};

export const failingPreflight: StateAt<'preflight'> = {
  ...atPreflight,
  preflight: failingEgressReport,
};

/** Subnet ids shaped like AWS's, as the confirmation's own validator wants them. */
const subnetIds = ['subnet-0123456789abcdef0', 'subnet-0fedcba9876543210'];

export const ready: StateAt<'ready'> = {
  step: 'ready',
  plan: { ...samplePlan, subnetIds },
  created: [],
  preflight: passingReport,
};

export const readyWithWarning: StateAt<'ready'> = {
  ...ready,
  preflight: {
    checkedAt: '2026-01-01T00:00:00.000Z',
    checks: [
      {
        id: 'subnetPerFailoverAz',
        status: 'warn',
        explanation: 'subnetPerFailoverAz.missing',
        params: { azs: 'ap-northeast-1c' },
      },
    ],
  },
};

/**
 * What a step gets as `apply`: runs the engine call and records the states it answered (the
 * parent shows them), as useSetupFlow does when no push overtook the answer.
 */
export function recordingApply() {
  const answered: SetupState[] = [];
  const apply = async (action: () => Promise<SetupState>) => {
    answered.push(await action());
  };
  return { apply, answered };
}
