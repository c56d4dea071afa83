import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { overallSeverity, type Finding } from '../../../shared/lifecycle/diagnosis';
import type { ScannedSetup } from '../../../shared/lifecycle/scan';
import { ErrorNotice } from '../common/ErrorNotice';
import { call, IpcCallError } from '../ipc/api';
import { Sensitive } from '../support/Sensitive';
import { useSupportMode } from '../support/SupportModeContext';

/** One found setup: what it is, its diagnosis (SMOOZ's test first), and adoption. */
export function FoundSetupCard({
  found,
  onChanged,
}: {
  found: ScannedSetup;
  onChanged: () => void;
}) {
  const { t } = useTranslation('lifecycle');
  const { setup, findings } = found;
  const title = setup.smooz?.name ?? setup.stack?.name ?? setup.key;
  const worst = overallSeverity(findings);
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
      <Adoption found={found} title={title} onChanged={onChanged} />
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
  title,
  onChanged,
}: {
  found: ScannedSetup;
  title: string;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation('lifecycle');
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState(title);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const { setup, adoption } = found;

  const act = (work: () => Promise<unknown>) => {
    setBusy(true);
    setError(undefined);
    work().then(
      () => {
        setBusy(false);
        setNaming(false);
        onChanged();
      },
      (e: unknown) => {
        setBusy(false);
        setError(e);
      },
    );
  };
  const adopt = () =>
    act(() =>
      call('lifecycle:adopt', {
        profile: setup.profile,
        region: setup.region,
        key: setup.key,
        name: name.trim(),
      }),
    );
  const release = () => act(() => call('lifecycle:release', { key: setup.key }));

  if (found.tracking === 'connection') return <p className="muted">{t('tracked')}</p>;
  if (adoption?.step === 'adopted') {
    const at = new Date(adoption.lastCheckedAt).toLocaleString(i18n.language);
    return (
      <div className="adoption" role="status">
        <span className="badge severity-ok">{t('adopted', { at })}</span>
        <button
          type="button"
          aria-label={t('releaseNamed', { name: title })}
          disabled={busy}
          onClick={release}
        >
          {t('release')}
        </button>
        {error !== undefined && <ErrorNotice error={error} />}
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
      {busy && <p role="status">{t('adopting')}</p>}
      {!naming ? (
        <button
          type="button"
          aria-label={t('adoptNamed', { name: title })}
          disabled={busy}
          onClick={() => setNaming(true)}
        >
          {adoption?.step === 'failed' ? t('retry') : t('adopt')}
        </button>
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
      {error !== undefined && <ErrorNotice error={error} />}
    </div>
  );
}
