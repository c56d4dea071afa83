import { useTranslation } from 'react-i18next';
import type { Diagnostics } from '../../../shared/ipc/channels/app';
import './endpointOverrides.css';

/**
 * Endpoints redirected by environment variables (main/config.ts): always visible in About, so
 * nobody uses a build that sends the SMOOZ token or AWS credentials elsewhere without seeing it.
 */
export function EndpointOverrides({ overrides }: { overrides: Diagnostics['endpointOverrides'] }) {
  const { t } = useTranslation('about');
  if (overrides.applied.length === 0 && overrides.ignored.length === 0) return null;
  return (
    <div className="endpoint-overrides" role="status" data-testid="endpoint-overrides">
      <h3>{t('overridesTitle')}</h3>
      {overrides.applied.length > 0 && (
        <>
          <p>{t('overridesApplied')}</p>
          <ul>
            {overrides.applied.map(({ name, value }) => (
              <li key={name}>
                <code>{name}</code> = <code>{value}</code>
              </li>
            ))}
          </ul>
        </>
      )}
      {overrides.ignored.length > 0 && (
        <>
          <p>{t('overridesIgnored', { variable: 'SMOOZ_DEVELOPER_MODE' })}</p>
          <ul>
            {overrides.ignored.map((name) => (
              <li key={name}>
                <code>{name}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
