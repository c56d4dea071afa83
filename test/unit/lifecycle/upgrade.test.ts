import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockingChanges,
  IllegalUpgradeTransitionError,
  reduceUpgrade,
  startUpgrade,
  UpgradeStateSchema,
  type UpgradeChange,
  type UpgradeEvent,
  type UpgradeState,
} from '../../../shared/lifecycle/upgrade';

const target = {
  connectionId: 'conn-00000001',
  connectionName: '本番 PostgreSQL',
  profile: 'moto',
  region: 'ap-northeast-1',
  stackName: 'smooz-prod-db',
  fromVersion: 1,
  toVersion: 2,
  startedAt: '2026-01-01T00:00:00.000Z',
};
const lambdaModify: UpgradeChange = {
  logicalResourceId: 'UpdaterFunction',
  resourceType: 'AWS::Lambda::Function',
  action: 'Modify',
  replacement: 'False',
  properties: ['Runtime'],
};
const nlbReplace: UpgradeChange = {
  logicalResourceId: 'LoadBalancer',
  resourceType: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
  action: 'Modify',
  replacement: 'True',
  properties: ['Scheme'],
};
const error = { code: 'aws.throttled' };
const ruleChange = {
  fromCidrs: ['10.0.1.0/24', '10.0.2.0/24'],
  toCidrs: ['10.0.1.4/32', '10.0.2.9/32'],
};

const preparing = startUpgrade(target);
const reviewing = reduceUpgrade(preparing, {
  type: 'reviewed',
  changeSetId: 'cs-1',
  changes: [lambdaModify],
});
const applying = reduceUpgrade(reviewing, { type: 'confirmed' });
const tighteningRules = reduceUpgrade(applying, { type: 'completed' });
const done = reduceUpgrade(tighteningRules, { type: 'rulesTightened' });
const refused = reduceUpgrade(preparing, {
  type: 'reviewed',
  changeSetId: 'cs-1',
  changes: [lambdaModify, nlbReplace],
});
const cancelled = reduceUpgrade(reviewing, { type: 'cancelled' });
const failure = {
  stackStatus: 'UPDATE_ROLLBACK_COMPLETE',
  logicalResourceId: 'UpdaterFunction',
  resourceType: 'AWS::Lambda::Function',
  reason: 'memorySize',
};
const rolledBack = reduceUpgrade(applying, { type: 'rolledBack', failure });
const failed = reduceUpgrade(applying, { type: 'failed', error });
const ALL: Record<UpgradeState['step'], UpgradeState> = {
  preparing,
  reviewing,
  applying,
  tighteningRules,
  done,
  refused,
  cancelled,
  rolledBack,
  failed,
};

describe('the upgrade machine: legal transitions', () => {
  it('names the change set after the versions, so a resumed upgrade finds the one it made', () => {
    expect(preparing).toMatchObject({ step: 'preparing', changeSetName: 'smooz-upgrade-v1-to-v2' });
  });

  it('reviews safe changes, applies them on confirmation, tightens the rules and ends done', () => {
    expect(reviewing).toMatchObject({ step: 'reviewing', changes: [lambdaModify] });
    expect(applying).toMatchObject({ step: 'applying', progress: { done: 0, total: 1 } });
    expect(tighteningRules).toMatchObject({ step: 'tighteningRules', changes: [lambdaModify] });
    expect(tighteningRules).not.toHaveProperty('progress');
    expect(done).toMatchObject({ step: 'done', alreadyCurrent: false, changes: [lambdaModify] });
  });

  it('carries the database rules’ change from the review through tightening to done', () => {
    const withRules = reduceUpgrade(preparing, {
      type: 'reviewed',
      changeSetId: 'cs-1',
      changes: [lambdaModify],
      ruleChange,
    });
    expect(withRules).toMatchObject({ step: 'reviewing', ruleChange });
    const ended = [
      { type: 'confirmed' },
      { type: 'completed' },
      { type: 'rulesTightened' },
    ].reduce<UpgradeState>((s, e) => reduceUpgrade(s, e as UpgradeEvent), withRules);
    expect(ended).toMatchObject({ step: 'done', ruleChange });
  });

  it.each([
    ['preparing', preparing, 'preparing'],
    ['reviewing', reviewing, 'reviewing'],
    ['applying', applying, 'applying'],
    ['tighteningRules', tighteningRules, 'tighteningRules'],
  ] as const)('a failure while %s resumes in that step', (_name, from, resumesIn) => {
    const stopped = reduceUpgrade(from, { type: 'failed', error });
    expect(stopped).toMatchObject({ step: 'failed', failedIn: from.step });
    expect(reduceUpgrade(stopped, { type: 'resumed' }).step).toBe(resumesIn);
  });

  it('resumes tightening with what the update changed, without re-applying the change set', () => {
    const stopped = reduceUpgrade(tighteningRules, { type: 'failed', error });
    const resumed = reduceUpgrade(stopped, { type: 'resumed' });
    expect(resumed).toEqual(tighteningRules);
  });

  it('ends done without changes when the stack already matches the template', () => {
    expect(reduceUpgrade(preparing, { type: 'alreadyCurrent' })).toMatchObject({
      step: 'done',
      alreadyCurrent: true,
      changes: [],
    });
  });

  it('refuses a change set that would replace the NLB, naming the blocking change', () => {
    expect(refused).toMatchObject({ step: 'refused', blocking: [nlbReplace] });
  });

  it('keeps the failing resource of a rolled-back update', () => {
    expect(rolledBack).toMatchObject({ step: 'rolledBack', failure });
  });

  it('resumes a failure in the step it failed in', () => {
    expect(reduceUpgrade(failed, { type: 'resumed' })).toMatchObject({ step: 'applying' });
    const early = reduceUpgrade(preparing, { type: 'failed', error });
    expect(reduceUpgrade(early, { type: 'resumed' })).toEqual(preparing);
  });

  it('writes states the schema reads back unchanged', () => {
    for (const state of Object.values(ALL)) {
      expect(UpgradeStateSchema.parse(state)).toEqual(state);
    }
  });
});

describe('which changes block an in-place upgrade', () => {
  const service = 'AWS::EC2::VPCEndpointService';
  it.each([
    ['the NLB replaced', nlbReplace, true],
    ['the NLB maybe replaced', { ...nlbReplace, replacement: 'Conditional' as const }, true],
    ['the NLB modified in place', { ...nlbReplace, replacement: 'False' as const }, false],
    [
      'the endpoint service removed',
      { ...nlbReplace, resourceType: service, action: 'Remove' as const },
      true,
    ],
    ['a Lambda function replaced', { ...lambdaModify, replacement: 'True' as const }, false],
  ])('%s: %s', (_name, change, blocks) => {
    expect(blockingChanges([change]).length > 0).toBe(blocks);
  });
});

const EVENTS: UpgradeEvent[] = [
  { type: 'alreadyCurrent' },
  { type: 'reviewed', changeSetId: 'cs-2', changes: [lambdaModify] },
  { type: 'confirmed' },
  { type: 'cancelled' },
  { type: 'progressed', done: 1, total: 2 },
  { type: 'completed' },
  { type: 'rulesTightened' },
  { type: 'rolledBack', failure },
  { type: 'failed', error },
  { type: 'resumed' },
];
const LEGAL: Record<UpgradeState['step'], UpgradeEvent['type'][]> = {
  preparing: ['alreadyCurrent', 'reviewed', 'failed'],
  reviewing: ['confirmed', 'cancelled', 'failed'],
  applying: ['progressed', 'completed', 'rolledBack', 'failed'],
  tighteningRules: ['rulesTightened', 'failed'],
  done: [],
  refused: [],
  cancelled: [],
  rolledBack: [],
  failed: ['resumed'],
};

describe('the upgrade machine: illegal transitions', () => {
  it('accepts exactly the legal (step, event) pairs and refuses every other', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.values(ALL)),
        fc.constantFrom(...EVENTS),
        (state, event) => {
          const legal = LEGAL[state.step].includes(event.type);
          if (legal) {
            expect(() => reduceUpgrade(state, event)).not.toThrow();
          } else {
            expect(() => reduceUpgrade(state, event)).toThrow(IllegalUpgradeTransitionError);
          }
        },
      ),
    );
  });

  it('any sequence of events leaves a state the schema accepts, or is refused', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...EVENTS), { maxLength: 12 }), (events) => {
        let state: UpgradeState = preparing;
        for (const event of events) {
          try {
            state = reduceUpgrade(state, event);
          } catch (e) {
            expect(e).toBeInstanceOf(IllegalUpgradeTransitionError);
          }
          expect(UpgradeStateSchema.safeParse(state).success).toBe(true);
        }
      }),
    );
  });
});
