import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { overallSeverity, type Finding } from '../../../shared/lifecycle/diagnosis';
import type { AdoptionState } from '../../../shared/lifecycle/adopt';
import type { ScannedSetup } from '../../../shared/lifecycle/scan';
import { ErrorNotice } from '../common/ErrorNotice';
import { useAction } from '../data/useAction';
import { useIpcClient } from '../data/IpcClientContext';
import { IpcCallError } from '../ipc/api';
import { Sensitive } from '../support/Sensitive';
import { useSupportMode } from '../support/SupportModeContext';
import type { FoundSetupProps } from './foundSetupProps';
import { MigrationPanel } from './MigrationPanel';
import { RowAction } from '../common/RowAction';
import { valueOf } from '../data/useIpcQuery';
import { useMigrations } from './useMigrations';

/** One found setup: what it is, its diagnosis (SMOOZ's test first), and adoption. */
export function FoundSetupCard({ found, adoption, smoozAccountId }: FoundSetupProps) {
  const { t } = useTranslation('lifecycle');
  const { setup, findings } = found;
  const title = setup.smooz?.name ?? setup.stack?.name ?? setup.key;
  const worst = overallSeverity(findings);
  const movedAway = valueOf(useMigrations())?.find((m) => m.key === setup.key)?.phase === 'done';
  return (
    <li className="found-setup" data-testid={`found-setup-${setup.key}`} aria-label={title}>
      <div className="found-setup-head">
        <strong>{title}</strong>
        <span className={`badge origin-${setup.origin}`}>{t(`origin.${setup.origin}`)}</span>
        <span className={`badge severity-${worst}`}>{t(`severity.${worst}`)}</span>
      </div>
      <dl className="found-setup-parts">
        <dt>{t('parts.endpointService')}</dt>
        <dd>
          <Sensitive kind="endpointServiceName" value={setup.endpointService.name} />
        </dd>
        <dt>{t('parts.database')}</dt>
        <dd>
          {setup.database ? `${setup.database.identifier} (${setup.database.engine})` : t('none')}
        </dd>
        <dt>{t('parts.updater')}</dt>
        <dd>
          {setup.updater
            ? `${setup.updater.functionName} (${setup.updater.runtime ?? '-'})`
            : t('none')}
        </dd>
        <dt>{t('parts.stack')}</dt>
        <dd>{setup.stack?.name ?? t('none')}</dd>
        <dt>{t('parts.smooz')}</dt>
        <dd>{setup.smooz ? `${setup.smooz.name} (${setup.smooz.status})` : t('none')}</dd>
      </dl>
      <ul className="findings" aria-label={t('findingsLabel', { name: title })}>
        {findings.map((f) => (
          <FindingLine key={`${f.id}-${JSON.stringify(f.params)}`} finding={f} />
        ))}
      </ul>
      {/* Moved to the current design: these parts are deleted, there is nothing left to adopt. */}
      {!movedAway && <Adoption found={found} adoption={adoption ?? found.adoption} title={title} />}
      <MigrationPanel
        found={found}
        adoption={adoption ?? found.adoption}
        smoozAccountId={smoozAccountId}
      />
    </li>
  );
}

/**
 * SMOOZ's connectivity words (how far it got, the first broken link and its fix) are the guided
 * flow's own, so both screens say the same thing.
 */
function wordsOf(t: TFunction, finding: Finding): { title: string; fix: string } {
  const params: Record<string, string | number> = { ...finding.params };
  if (typeof params.checked === 'string') params.checked = t(`checked.${params.checked}`);
  if (finding.id === 'connectivityFailed') {
    const link = String(finding.params.brokenLink);
    return {
      title: t(`findings.${finding.id}.title`, {
        brokenLink: t(`guided:endpoint.connectivity.links.${link}`, { defaultValue: link }),
      }),
      fix: t(`guided:endpoint.connectivity.fixes.${link}`, {
        defaultValue: t(`findings.${finding.id}.fix`),
      }),
    };
  }
  return {
    title: t(`findings.${finding.id}.title`, params),
    fix: t(`findings.${finding.id}.fix`, params),
  };
}

function FindingLine({ finding }: { finding: Finding }) {
  const { t } = useTranslation('lifecycle');
  const { format } = useSupportMode();
  const words = wordsOf(t, finding);
  return (
    <li className={`finding severity-${finding.severity}`} data-testid={`finding-${finding.id}`}>
      <span className={`badge severity-${finding.severity}`}>
        {t(`severity.${finding.severity}`)}
      </span>{' '}
      <span>{format('text', words.title)}</span>
      {finding.severity !== 'ok' && (
        <p className="finding-fix">
          {t('fix')} {format('text', words.fix)}
        </p>
      )}
    </li>
  );
}

function Adoption({
  found,
  adoption,
  title,
}: {
  found: ScannedSetup;
  adoption: AdoptionState | undefined;
  title: string;
}) {
  const { t, i18n } = useTranslation('lifecycle');
  const client = useIpcClient();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState(title);
  const action = useAction<'adopt' | 'release' | 'teardown'>();
  const { setup } = found;
  const busy = action.busy !== undefined;

  const adopt = () =>
    void action
      .run(
        () =>
          client.call('lifecycle:adopt', {
            profile: setup.profile,
            region: setup.region,
            key: setup.key,
            name: name.trim(),
          }),
        'adopt',
      )
      .then((done) => done && setNaming(false));
  const release = () =>
    void action.run(() => client.call('lifecycle:release', { key: setup.key }), 'release');
  const teardown = () =>
    void action.run(() => client.call('lifecycle:teardown', { key: setup.key }), 'teardown');

  if (found.tracking === 'connection') return <p className="muted">{t('tracked')}</p>;
  if (adoption?.step === 'tornDown') {
    return <p role="status">{t('tornDown')}</p>;
  }
  if (
    adoption?.step === 'adopted' ||
    adoption?.step === 'teardownFailed' ||
    adoption?.step === 'tearingDown'
  ) {
    const at =
      adoption.step === 'adopted'
        ? new Date(adoption.lastCheckedAt).toLocaleString(i18n.language)
        : undefined;
    return (
      <div className="adoption" role="status">
        {at !== undefined && <span className="badge severity-ok">{t('adopted', { at })}</span>}
        {(adoption.step === 'tearingDown' || action.busy === 'teardown') && (
          <span>{t('tearingDown')}</span>
        )}
        {adoption.step === 'teardownFailed' && (
          <ErrorNotice error={new IpcCallError(adoption.error)} />
        )}
        {adoption.step !== 'tearingDown' && (
          <>
            {adoption.step === 'adopted' && (
              <RowAction
                named={t('releaseNamed', { name: title })}
                disabled={busy}
                onClick={release}
              >
                {t('release')}
              </RowAction>
            )}
            {adoption.parts.stackName !== undefined && (
              <RowAction
                named={t('teardownNamed', { name: title })}
                disabled={busy}
                onClick={teardown}
              >
                {adoption.step === 'teardownFailed' ? t('teardownRetry') : t('teardown')}
              </RowAction>
            )}
          </>
        )}
        {action.error !== undefined && <ErrorNotice error={action.error} />}
      </div>
    );
  }
  return (
    <div className="adoption">
      {adoption?.step === 'failed' && (
        <>
          <p className="muted">{t('adoptionFailed')}</p>
          <ErrorNotice error={new IpcCallError(adoption.error)} />
        </>
      )}
      {action.busy === 'adopt' && <p role="status">{t('adopting')}</p>}
      {!naming ? (
        <RowAction
          named={t('adoptNamed', { name: title })}
          disabled={busy}
          onClick={() => setNaming(true)}
        >
          {adoption?.step === 'failed' ? t('retry') : t('adopt')}
        </RowAction>
      ) : (
        <form
          className="adopt-form"
          onSubmit={(event) => {
            event.preventDefault();
            adopt();
          }}
        >
          <label>
            {t('adoptName')}
            <input value={name} maxLength={64} onChange={(e) => setName(e.target.value)} />
          </label>
          <button type="submit" className="primary" disabled={busy || name.trim() === ''}>
            {t('adoptConfirm')}
          </button>
          <button type="button" disabled={busy} onClick={() => setNaming(false)}>
            {t('cancel')}
          </button>
        </form>
      )}
      {action.error !== undefined && <ErrorNotice error={action.error} />}
    </div>
  );
}
