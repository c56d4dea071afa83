import { useTranslation } from 'react-i18next';
import type { CreatedResource } from '../../../shared/flow/resources';
import type { StateAt } from '../../../shared/flow/state';

function describe(resource: CreatedResource): string {
  switch (resource.kind) {
    case 'securityGroup':
      return `${resource.groupName} (${resource.groupId})`;
    case 'ingressRule':
      return `${resource.groupId}:${resource.port} ← ${
        resource.source.type === 'securityGroup' ? resource.source.groupId : resource.source.cidr
      }`;
    case 'vpcEndpoint':
      return `${resource.serviceName} (${resource.endpointId})`;
    case 'stack':
      return resource.stackName;
  }
}

/** What teardown removed (and what was already gone), as it happens and when it is done. */
export function TeardownView({
  state,
  onHome,
}: {
  state: StateAt<'tearingDown'> | StateAt<'tornDown'>;
  onHome: () => void;
}) {
  const { t } = useTranslation('guided');
  const report = state.teardown ?? { removed: [], alreadyGone: [] };
  return (
    <div className="teardown" data-testid={`teardown-${state.step}`}>
      <p role="status">{t(state.step === 'tornDown' ? 'teardown.done' : 'teardown.running')}</p>
      <ul className="removed">
        {report.removed.map((r) => (
          <li key={`removed-${describe(r)}`}>
            {t(`teardown.kinds.${r.kind}`)}: {describe(r)}
          </li>
        ))}
        {report.alreadyGone.map((r) => (
          <li key={`gone-${describe(r)}`} className="muted">
            {t(`teardown.kinds.${r.kind}`)}: {describe(r)} — {t('teardown.alreadyGone')}
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={onHome}>
          {t('actions.home')}
        </button>
      </div>
    </div>
  );
}
