import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SetupState } from '../../../shared/flow/state';
import { DiscardPanel } from '../setup/DiscardPanel';
import { ResourceList } from '../setup/ResourceLine';
import { RowAction } from '../common/RowAction';

/**
 * Setups started and not finished: each with what it has already created in AWS, and the two
 * ways on — continue it, or discard it (after a confirmation listing exactly what goes).
 */
export function UnfinishedSetups({
  flows,
  onOpen,
  onChanged,
}: {
  flows: readonly SetupState[];
  onOpen: (id: string) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation('guided');
  return (
    <>
      <h3 id="in-progress-title">{t('home.inProgress')}</h3>
      <ul className="in-progress" aria-labelledby="in-progress-title" data-testid="in-progress">
        {flows.map((flow) => (
          <UnfinishedRow
            key={flow.plan.connectionId}
            flow={flow}
            onOpen={onOpen}
            onChanged={onChanged}
          />
        ))}
      </ul>
    </>
  );
}

function UnfinishedRow({
  flow,
  onOpen,
  onChanged,
}: {
  flow: SetupState;
  onOpen: (id: string) => void;
  onChanged: () => void;
}) {
  const { t } = useTranslation('guided');
  const [discarding, setDiscarding] = useState(false);
  const { connectionId, connectionName: name, region } = flow.plan;
  return (
    <li data-testid={`unfinished-${name}`}>
      <div className="unfinished-head">
        <span>
          {name} <span className="muted">({region})</span>
        </span>
        {!discarding && (
          <span className="row-actions">
            <RowAction named={t('home.resumeNamed', { name })} onClick={() => onOpen(connectionId)}>
              {t('home.resume')}
            </RowAction>
            <RowAction named={t('home.discardNamed', { name })} onClick={() => setDiscarding(true)}>
              {t('home.discard')}
            </RowAction>
          </span>
        )}
      </div>
      {!discarding &&
        (flow.created.length === 0 ? (
          <p className="muted">{t('home.nothingCreated')}</p>
        ) : (
          <>
            <p className="muted">{t('home.created')}</p>
            <ResourceList resources={flow.created} testId="unfinished-created" />
          </>
        ))}
      {discarding && (
        <DiscardPanel
          request={{ connectionId }}
          name={name}
          onClose={() => setDiscarding(false)}
          onDiscarded={onChanged}
        />
      )}
    </li>
  );
}
