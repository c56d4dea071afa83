import { describe, expect, it } from 'vitest';
import { triggerOf } from '../../../main/lifecycle/updater';

describe('an EventBridge rule as an updater trigger (main/lifecycle/updater.ts)', () => {
  it.each([
    ['rate(1 minute)', 60],
    ['rate(5 minutes)', 300],
    ['rate(2 hours)', 7200],
    ['rate(1 day)', 86400],
    ['cron(0/5 * * * ? *)', 60],
  ])('reads the schedule %s as every %i seconds', (schedule, seconds) => {
    expect(triggerOf('r', true, schedule, undefined)).toEqual({
      ruleName: 'r',
      enabled: true,
      kind: 'schedule',
      periodSeconds: seconds,
    });
  });

  it('reads the manual’s failover-only RDS rule with its categories', () => {
    const pattern = JSON.stringify({
      source: ['aws.rds'],
      'detail-type': ['RDS DB Instance Event'],
      detail: { EventCategories: ['failover'] },
    });
    expect(triggerOf('f', false, undefined, pattern)).toEqual({
      ruleName: 'f',
      enabled: false,
      kind: 'rdsEvent',
      eventCategories: ['failover'],
    });
  });

  it('takes an RDS rule without categories as one for every event, and other sources as other', () => {
    expect(triggerOf('a', true, undefined, '{"source":"aws.rds"}')).toEqual({
      ruleName: 'a',
      enabled: true,
      kind: 'rdsEvent',
    });
    expect(triggerOf('o', true, undefined, '{"source":["aws.ec2"]}').kind).toBe('otherEvent');
    expect(triggerOf('x', true, undefined, 'not json').kind).toBe('otherEvent');
  });
});
