import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupState, StateAt } from '../../../shared/flow/state';
import type { DisplayKind } from '../../../shared/redaction/kinds';
import {
  splitList,
  validateAdditionalSubnetIds,
  validateSubnetId,
} from '../../../shared/validation/awsIds';
import { invalid, valid, type ValidationResult } from '../../../shared/validation/result';
import { ErrorNotice } from '../common/ErrorNotice';
import { Sensitive } from '../support/Sensitive';
import { AlreadyCreated } from './AlreadyCreated';
import { DerivedNames } from './DerivedNames';
import { FactRow } from '../common/FactRow';
import { NameFields, useNameDraft } from './NameFields';
import { OpenWarnings } from './OpenWarnings';
import { PlacementChoice } from './PlacementChoice';
import { ValidatedField, problemOf, type FieldProblem } from './ValidatedField';
import { monthlyCost } from './costEstimate';
import { formatUsd } from './format';
import type { ApplyAnswer } from './useSetupFlow';
import { useFlowAction } from './useFlowAction';
import { useFlowCommands, useRequiredPermissions } from './useFlowCommands';

interface Props {
  readonly state: StateAt<'ready'>;
  readonly existingNames: readonly string[];
  readonly apply: ApplyAnswer;
}

/** ⑥ first, then one subnet per AZ the database may fail over into. */
function validateSubnets(raw: string): ValidationResult {
  const [first = '', ...rest] = splitList(raw);
  const head = validateSubnetId(first);
  if (!head.ok) return head;
  const tail = validateAdditionalSubnetIds(rest.join(','));
  if (!tail.ok) return tail;
  if (tail.value.split(',').includes(head.value))
    return invalid('subnetIds.duplicate', { item: head.value });
  return valid([head.value, ...(tail.value === '' ? [] : tail.value.split(','))].join(','));
}

/**
 * 3-2, the last decision: everything that will be created, what it costs each month and which
 * permissions it uses, with the few values that may still change, the warnings the user continued
 * past, and what the preflight fix already made.
 */
export function ConfirmStep({ state, existingNames, apply }: Props) {
  const { t } = useTranslation(['guided', 'setup']);
  const { plan } = state;
  const names = useNameDraft(plan, state.created);
  const [subnets, setSubnets] = useState(plan.subnetIds.join(', '));
  const [placement, setPlacement] = useState(plan.updaterPlacement);
  const inVpc = placement === 'insideVpc';
  const required = useRequiredPermissions();
  const permissions = required.status === 'ready' ? required.value : undefined;
  const commands = useFlowCommands(plan.connectionId);
  const action = useFlowAction<true>(apply);
  const { busy, run } = action;
  const error = action.error ?? (required.status === 'error' ? required.error : undefined);

  const { draft } = names;
  const { nameCheck, lambdaCheck } = draft;
  const nameProblem: FieldProblem | undefined =
    nameCheck.ok &&
    nameCheck.value !== plan.connectionName &&
    existingNames.includes(nameCheck.value)
      ? { source: 'guided', key: 'fieldErrors.nameExists', params: { name: nameCheck.value } }
      : problemOf(nameCheck);
  const subnetCheck = validateSubnets(subnets);
  const subnetsEditable = state.created.length === 0;
  const patch = {
    ...draft.patch,
    ...(subnetsEditable && subnetCheck.ok && subnetCheck.value !== plan.subnetIds.join(',')
      ? { subnetIds: subnetCheck.value.split(',') }
      : {}),
    ...(placement !== plan.updaterPlacement ? { updaterPlacement: placement } : {}),
  };
  const changed = Object.keys(patch).length > 0;
  const allValid = nameProblem === undefined && lambdaCheck.ok && subnetCheck.ok;

  const act = (action: () => Promise<SetupState>) => run(action, true);

  const cost = monthlyCost(state.created, plan.subnetIds.length);
  const rows: [string, string, DisplayKind][] = [
    ['account', plan.accountId, 'accountId'],
    ['region', plan.region, 'text'],
    ['database', `${plan.database.identifier} (${plan.database.engine})`, 'text'],
    ['endpoint', `${plan.database.endpoint}:${plan.database.port}`, 'hostname'],
    ['vpc', plan.database.vpcId, 'text'],
    ['rdsSecurityGroups', plan.database.securityGroupIds.join(', '), 'text'],
    // Every plan the confirmation shows is new, with SMOOZ's role.
    ['smoozRole', plan.smoozRoleArn ?? '', 'arn'],
    ['authMethod', t(`guided:database.authMethods.${plan.authMethod}`), 'text'],
  ];

  return (
    <form
      className="guided-form confirm"
      onSubmit={(event) => {
        event.preventDefault();
        if (changed) void act(() => commands.updatePlan(patch));
        else void act(commands.start);
      }}
    >
      <OpenWarnings report={state.preflight} />
      <section aria-labelledby="confirm-derived">
        <h3 id="confirm-derived">{t('guided:confirm.derived')}</h3>
        <dl className="facts">
          {rows.map(([key, value, kind]) => (
            <FactRow key={key} label={t(`guided:confirm.fields.${key}`)}>
              <Sensitive kind={kind} value={value} />
            </FactRow>
          ))}
        </dl>
      </section>
      <section aria-labelledby="confirm-editable">
        <h3 id="confirm-editable">{t('guided:confirm.editable')}</h3>
        <NameFields idPrefix="confirm" names={names} nameProblem={nameProblem} />
        {subnetsEditable && (
          <ValidatedField
            id="confirm-subnets"
            label={t('guided:confirm.subnets')}
            value={subnets}
            onChange={setSubnets}
            problem={problemOf(subnetCheck)}
            multiline
            hint={t('guided:confirm.subnetsHint', {
              zones: plan.database.availabilityZones.join(', '),
            })}
          />
        )}
        <PlacementChoice database={plan.database} value={placement} onChange={setPlacement} />
      </section>
      <DerivedNames names={draft.names} inVpc={inVpc} />
      <AlreadyCreated created={state.created} />
      <section aria-labelledby="confirm-created">
        <h3 id="confirm-created">{t('guided:confirm.willCreate')}</h3>
        <ul className="will-create" data-testid="will-create">
          {inVpc && (
            <li>
              {t('guided:confirm.create.lambdaSg', { name: draft.names.lambdaSecurityGroupName })}
            </li>
          )}
          <li>
            {t(inVpc ? 'guided:confirm.create.rules' : 'guided:confirm.create.rulesNlbOnly', {
              port: plan.database.port,
              groups: plan.database.securityGroupIds.join(', '),
            })}
          </li>
          <li>{t('guided:confirm.create.stack', { name: draft.names.stackName })}</li>
          <li>{t('guided:confirm.create.nlb', { n: plan.subnetIds.length })}</li>
          <li>{t('guided:confirm.create.service')}</li>
          <li>
            {t(inVpc ? 'guided:confirm.create.lambda' : 'guided:confirm.create.lambdaOutside', {
              name: draft.names.lambdaFunctionName,
            })}
          </li>
          {plan.authMethod === 'iam' && <li>{t('guided:confirm.create.iamRole')}</li>}
        </ul>
      </section>
      <section aria-labelledby="confirm-cost">
        <h3 id="confirm-cost">{t('guided:confirm.cost')}</h3>
        <p data-testid="monthly-cost">
          {t('guided:confirm.costTotal', { total: formatUsd(cost.totalUsd) })}
        </p>
        <ul className="cost-lines">
          <li>{t('guided:confirm.costNlb', { amount: formatUsd(cost.loadBalancerUsd) })}</li>
          <li>{t('guided:confirm.costLcu', { amount: formatUsd(cost.perLcuUsd) })}</li>
          {cost.endpointsUsd > 0 && (
            <li>{t('guided:confirm.costEndpoints', { amount: formatUsd(cost.endpointsUsd) })}</li>
          )}
          <li>{t('guided:confirm.costNote')}</li>
        </ul>
      </section>
      <section aria-labelledby="confirm-permissions">
        <h3 id="confirm-permissions">{t('guided:confirm.permissions')}</h3>
        {permissions === undefined ? (
          <p>{t('common:loading')}</p>
        ) : (
          <details>
            <summary>{t('guided:confirm.permissionsSummary', { n: permissions.length })}</summary>
            <ul className="permissions">
              {permissions.map((p) => (
                <li key={p.action}>
                  <code>{p.action}</code> —{' '}
                  {p.purposes.map((purpose) => t(`setup:permissions.${purpose}`)).join(' / ')}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
      {error !== undefined && <ErrorNotice error={error} />}
      <div className="actions">
        <button
          type="submit"
          className="primary"
          disabled={busy || !allValid}
          data-testid="confirm-create"
        >
          {changed ? t('guided:actions.applyChanges') : t('guided:actions.create')}
        </button>
      </div>
    </form>
  );
}
