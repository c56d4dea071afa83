import { describe, expect, it } from 'vitest';
import {
  applicableSteps,
  INITIAL_CHECKLIST_STATE,
  isChecklistComplete,
  stepConfirmations,
  stepIssues,
} from '../../../shared/steps/checklistState';
import { stackParameterList } from '../../../shared/steps/parameterList';
import { stepById } from '../../../shared/steps/steps';
import type { ChecklistValues } from '../../../shared/steps/values';

const outside: ChecklistValues = { updaterPlacement: 'outsideVpc' };
const inside: ChecklistValues = { updaterPlacement: 'insideVpc' };
const ids = (values: ChecklistValues) => applicableSteps(values).map((s) => s.id);

describe('the offline checklist follows where the updater runs', () => {
  it("leaves out step 3-1's new security group, its rule and ⑦ outside the VPC (also when nothing is chosen)", () => {
    for (const values of [outside, {}]) {
      expect(ids(values)).not.toContain('sg.createLambdaSg');
      expect(ids(values)).not.toContain('stack.param7');
      expect(ids(values)).not.toContain('sg.addRdsRules');
      expect(ids(values)).toContain('stack.nlbRules');
    }
    expect(ids(inside)).toContain('sg.createLambdaSg');
    expect(ids(inside)).toContain('stack.param7');
  });

  it('asks for the rule from the Lambda group and the NAT route only inside the VPC, and for the NLB’s /32s in both', () => {
    expect(ids(inside)).toContain('sg.addRdsRules');
    expect(stepConfirmations(stepById('sg.addRdsRules'), inside)).toContain('ruleFromLambdaSg');
    // In both placements the NLB is admitted by its own /32s, after the stack, never a subnet.
    for (const values of [outside, inside]) {
      expect(stepConfirmations(stepById('stack.nlbRules'), values)).toEqual([
        'foundInterfaces',
        'rulePerAddress',
        'noSubnetRule',
      ]);
    }
    expect(stepConfirmations(stepById('prep.subnet'), outside)).toEqual(['sameAz']);
  });

  it('lists ⑦ among the stack parameters only inside the VPC, and the placement always', () => {
    const names = (values: ChecklistValues) =>
      stackParameterList({ ...values, lambdaSecurityGroupId: 'sg-0123456789abcdef0' }, {}).map(
        (p) => p.name,
      );
    expect(names(outside)).not.toContain('LambdaSecurityGroupIds');
    expect(names(inside)).toContain('LambdaSecurityGroupIds');
    expect(names({})).toContain('UpdaterPlacement');
  });

  it('is complete outside the VPC without the in-VPC steps, and not inside without them', () => {
    const completed = applicableSteps(outside).map((s) => s.id);
    expect(isChecklistComplete({ ...INITIAL_CHECKLIST_STATE, values: outside, completed })).toBe(
      true,
    );
    expect(isChecklistComplete({ ...INITIAL_CHECKLIST_STATE, values: inside, completed })).toBe(
      false,
    );
  });

  it('refuses a placement that is neither, at the field', () => {
    const issues = stepIssues(stepById('prep.database'), {
      ...INITIAL_CHECKLIST_STATE,
      values: { updaterPlacement: 'vpc' },
    });
    expect(issues).toContainEqual({
      kind: 'value',
      key: 'updaterPlacement',
      message: { key: 'updaterPlacement.invalid' },
    });
  });
});
