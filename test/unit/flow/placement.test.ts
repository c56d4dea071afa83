import { describe, expect, it } from 'vitest';
import { publicDatabase } from '../../../main/engine/placementCheck';
import { recommendPlacement } from '../../../shared/flow/placement';
import { SetupPlanSchema, type SetupPlan } from '../../../shared/flow/plan';
import { initialState, reduce } from '../../../shared/flow/reducer';
import type { SetupState } from '../../../shared/flow/state';
import { passingReport, rdsRule, samplePlan, stack } from '../../support/flowFixtures';

const outsidePlan: SetupPlan = { ...samplePlan, updaterPlacement: 'outsideVpc' };
const publicDb = (plan: SetupPlan): SetupPlan => ({
  ...plan,
  database: { ...plan.database, publiclyAccessible: true },
});

describe('where the updater runs: the recommendation', () => {
  it('puts the updater outside the VPC for a database that is not publicly accessible', () => {
    expect(recommendPlacement({ publiclyAccessible: false })).toEqual({
      placement: 'outsideVpc',
      reason: 'privateDatabase',
    });
  });

  it('puts it inside the VPC for a publicly accessible one (outside, its name is public)', () => {
    expect(recommendPlacement({ publiclyAccessible: true })).toEqual({
      placement: 'insideVpc',
      reason: 'publicDatabase',
    });
  });

  it('reads a flow saved before the choice existed as inside the VPC, as it was made', () => {
    const { updaterPlacement: _omitted, ...old } = samplePlan;
    expect(SetupPlanSchema.parse(old).updaterPlacement).toBe('insideVpc');
  });
});

describe('the publicly-accessible-database check', () => {
  it('passes a private database, saying why the updater needs no VPC', () => {
    expect(publicDatabase(outsidePlan)).toMatchObject({
      status: 'pass',
      explanation: 'publicDatabase.private',
      params: { identifier: 'prod-db' },
    });
    expect(publicDatabase(samplePlan).explanation).toBe('publicDatabase.privateInsideVpc');
  });

  it('warns for a public database with the updater in the VPC', () => {
    expect(publicDatabase(publicDb(samplePlan))).toMatchObject({
      status: 'warn',
      explanation: 'publicDatabase.public',
    });
  });

  it('fails a public database with the updater outside: it would register the public address', () => {
    expect(publicDatabase(publicDb(outsidePlan))).toMatchObject({
      status: 'fail',
      explanation: 'publicDatabase.publicOutsideVpc',
    });
  });
});

describe('the flow for each placement', () => {
  const ready = (plan: SetupPlan): SetupState =>
    reduce(initialState(plan), { type: 'preflightCompleted', report: passingReport });

  it('outside the VPC, goes from confirmation straight to the rules: no security group step', () => {
    const confirmed = reduce(ready(outsidePlan), { type: 'confirmed' });
    expect(confirmed.step).toBe('authorizingRules');
    const done = [
      { type: 'resourceCreated', resource: rdsRule },
      { type: 'rulesReady' },
      { type: 'resourceCreated', resource: stack },
    ].reduce((s, e) => reduce(s, e as Parameters<typeof reduce>[1]), confirmed);
    expect(done.step).toBe('creatingStack');
  });

  it('inside the VPC, creates the updater security group first', () => {
    expect(reduce(ready(samplePlan), { type: 'confirmed' }).step).toBe('creatingSecurityGroup');
  });

  it('lets the user switch placement before confirming, and checks again', () => {
    const switched = reduce(ready(outsidePlan), {
      type: 'planUpdated',
      patch: { updaterPlacement: 'insideVpc' },
    });
    expect(switched.step).toBe('preflight');
    expect(switched.plan.updaterPlacement).toBe('insideVpc');
    expect(() =>
      reduce(reduce(ready(outsidePlan), { type: 'confirmed' }), {
        type: 'planUpdated',
        patch: { updaterPlacement: 'insideVpc' },
      }),
    ).toThrow(/illegalTransition/);
  });
});
