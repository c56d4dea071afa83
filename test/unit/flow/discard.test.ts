import { describe, expect, it } from 'vitest';
import {
  IllegalDiscardTransitionError,
  reduceDiscard,
  remainingResources,
  startDiscard,
  type DiscardState,
} from '../../../shared/flow/discard';
import type { CreatedResource } from '../../../shared/flow/resources';

const group: CreatedResource = {
  kind: 'securityGroup',
  purpose: 'lambda',
  groupId: 'sg-1',
  groupName: 'g',
  vpcId: 'vpc-1',
};
const rule: CreatedResource = {
  kind: 'ingressRule',
  groupId: 'sg-rds',
  port: 5432,
  source: { type: 'securityGroup', groupId: 'sg-1' },
};
const started = startDiscard({
  connectionId: 'c-1',
  connectionName: '検証',
  profile: 'dev',
  region: 'ap-northeast-1',
  local: true,
  resources: [rule, group],
});

describe('the discard machine', () => {
  it('removes exactly the confirmed list, each entry once, then ends discarded', () => {
    let s: DiscardState = started;
    s = reduceDiscard(s, { type: 'resourceRemoved', resource: rule, alreadyGone: false });
    expect(remainingResources(s)).toEqual([group]);
    expect(() => reduceDiscard(s, { type: 'completed' })).toThrow(IllegalDiscardTransitionError);
    s = reduceDiscard(s, { type: 'resourceRemoved', resource: group, alreadyGone: true });
    s = reduceDiscard(s, { type: 'completed' });
    expect(s).toMatchObject({ step: 'discarded', removed: [rule], alreadyGone: [group] });
  });

  it('refuses to record anything outside the list, or the same entry twice', () => {
    const other: CreatedResource = { kind: 'stack', stackName: 'x', stackId: 'arn:x' };
    expect(() =>
      reduceDiscard(started, { type: 'resourceRemoved', resource: other, alreadyGone: false }),
    ).toThrow(IllegalDiscardTransitionError);
    const once = reduceDiscard(started, {
      type: 'resourceRemoved',
      resource: rule,
      alreadyGone: false,
    });
    expect(() =>
      reduceDiscard(once, { type: 'resourceRemoved', resource: rule, alreadyGone: false }),
    ).toThrow(IllegalDiscardTransitionError);
  });

  it('resumes a failed discard where it stopped, and nothing happens to a finished one', () => {
    const half = reduceDiscard(started, {
      type: 'resourceRemoved',
      resource: rule,
      alreadyGone: false,
    });
    const failed = reduceDiscard(half, { type: 'failed', error: { code: 'aws.accessDenied' } });
    expect(() => reduceDiscard(failed, { type: 'completed' })).toThrow(
      IllegalDiscardTransitionError,
    );
    const resumed = reduceDiscard(failed, { type: 'resumed' });
    expect(resumed.step).toBe('removing');
    expect('error' in resumed).toBe(false);
    expect(remainingResources(resumed)).toEqual([group]);
    const done = reduceDiscard(
      reduceDiscard(resumed, { type: 'resourceRemoved', resource: group, alreadyGone: false }),
      { type: 'completed' },
    );
    for (const event of [
      { type: 'resumed' },
      { type: 'completed' },
      { type: 'failed', error: { code: 'x' } },
    ] as const) {
      expect(() => reduceDiscard(done, event)).toThrow(IllegalDiscardTransitionError);
    }
  });
});
