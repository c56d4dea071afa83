import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StackEvent } from '../../../shared/flow/plan';
import type { SetupState } from '../../../shared/flow/state';
import { Sensitive } from '../support/Sensitive';
import { formatDuration, remainingMs } from './format';

interface Props {
  readonly state: SetupState;
  readonly events: readonly StackEvent[];
  readonly startedAt: number | undefined;
}

const useNow = (intervalMs: number): number => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
};

const PHASES = [
  'creatingSecurityGroup',
  'authorizingRules',
  'creatingStack',
  'authorizingLoadBalancer',
] as const;

/**
 * 3-1 security groups, then 3-2 the stack: a real progress bar (resources done / total), the live
 * event list, the time so far and the time still expected.
 */
export function ProgressStep({ state, events, startedAt }: Props) {
  const { t, i18n } = useTranslation('guided');
  const now = useNow(1000);
  const progress = state.step === 'creatingStack' ? state.progress : { done: 0, total: 0 };
  const elapsed = startedAt === undefined ? 0 : now - startedAt;
  const remaining = remainingMs(elapsed, progress.done, progress.total);
  const current = PHASES.indexOf(state.step as (typeof PHASES)[number]);
  const percent = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;

  return (
    <div className="progress-step">
      <ol className="phases">
        {PHASES.map((phase, index) => (
          <li
            key={phase}
            className={
              index < current ? 'state-done' : index === current ? 'state-running' : 'state-waiting'
            }
          >
            {t(`progress.phases.${phase}`)}
          </li>
        ))}
      </ol>
      {state.step === 'creatingStack' && (
        <>
          <label htmlFor="stack-progress" className="progress-label">
            {t('progress.resources', { done: progress.done, total: progress.total || '—' })}
          </label>
          <progress
            id="stack-progress"
            data-testid="stack-progress"
            max={Math.max(progress.total, 1)}
            value={progress.done}
            aria-valuetext={t('progress.percent', { percent })}
          />
          <p className="timing" data-testid="stack-timing">
            {t('progress.elapsed', { time: formatDuration(elapsed) })} ·{' '}
            {t('progress.remaining', { time: formatDuration(remaining) })}
          </p>
          <h3 id="stack-events-title">{t('progress.events')}</h3>
          <div
            className="table-scroll events-scroll"
            role="region"
            aria-labelledby="stack-events-title"
            tabIndex={0}
          >
            <table className="stack-events" data-testid="stack-events">
              <thead>
                <tr>
                  <th scope="col">{t('progress.columns.time')}</th>
                  <th scope="col">{t('progress.columns.resource')}</th>
                  <th scope="col">{t('progress.columns.status')}</th>
                </tr>
              </thead>
              <tbody>
                {events.slice(0, 50).map((event) => (
                  <tr
                    key={event.eventId}
                    className={event.status.endsWith('FAILED') ? 'failed' : undefined}
                  >
                    <td>{new Date(event.timestamp).toLocaleTimeString(i18n.language)}</td>
                    <td className="wrap">
                      {event.logicalResourceId} <span className="muted">{event.resourceType}</span>
                    </td>
                    <td className="wrap">
                      {event.status}
                      {event.reason ? (
                        <span className="muted">
                          {' — '}
                          <Sensitive kind="text" value={event.reason} />
                        </span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
