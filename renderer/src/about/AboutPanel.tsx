import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../common/ErrorNotice';
import { EndpointOverrides } from './EndpointOverrides';
import { useDiagnostics } from './useDiagnostics';

export function AboutPanel() {
  const { t } = useTranslation('about');
  const state = useDiagnostics();
  if (state.status === 'loading') return <p>{t('common:loading')}</p>;
  if (state.status === 'error') return <ErrorNotice error={state.error} />;
  const d = state.value;
  const none = t('common:notAvailable');
  const file = (f: { path: string; exists: boolean }) =>
    f.exists ? f.path : t('fileMissing', { path: f.path });
  const rows: [string, string, string][] = [
    ['app-version', t('appVersion'), d.appVersion],
    ['electron', t('electron'), d.versions.electron ?? none],
    ['chromium', t('chromium'), d.versions.chromium ?? none],
    ['node', t('node'), d.versions.node],
    ['platform', t('platform'), `${d.platform} / ${d.arch}`],
    ['aws-config', t('awsConfigFile'), file(d.aws.configFile)],
    ['aws-credentials', t('awsCredentialsFile'), file(d.aws.credentialsFile)],
    ['profile-count', t('profileCount'), t('profileCountValue', { count: d.aws.profileCount })],
  ];
  return (
    <section className="panel" aria-labelledby="about-title">
      <h2 id="about-title">{t('title')}</h2>
      <dl className="diagnostics">
        {rows.map(([id, label, value]) => (
          <div key={id} className="diagnostics-row">
            <dt>{label}</dt>
            <dd data-testid={`diag-${id}`}>{value}</dd>
          </div>
        ))}
      </dl>
      <EndpointOverrides overrides={d.endpointOverrides} />
    </section>
  );
}
