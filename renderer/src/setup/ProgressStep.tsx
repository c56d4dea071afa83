import { useTranslation } from 'react-i18next';
import type { StackEvent } from '../../../shared/flow/plan';
import { runsInVpc } from '../../../shared/flow/placement';
import type { SetupState } from '../../../shared/flow/state';
import { ColumnHeads } from '../common/ColumnHeads';
import { Sensitive } from '../support/Sensitive';
import { EXPECTED_WAITS } from '../../../shared/flow/waitEstimate';
import { formatDuration } from './format';
import { useNow } from './useNow';
import { WaitLeft } from './WaitLeft';

interface Props {
  readonly state: SetupState;
  readonly events: readonly StackEvent[];
  readonly startedAt: number | undefined;
}

const PHASES = [
  'creatingSecurityGroup',
  'authorizingRules',
  'creatingStack',
  'authorizingLoadBalancer',
] as const;
const EVENT_COLUMNS = ['time', 'resource', 'status'] as const;

/**
 * 3-1 security groups, then 3-2 the stack: a real progress bar (resources done / total), the live
 * event list, the time so far and the time still expected.
 */
export function ProgressStep({ state, events, startedAt }: Props) {
  const { t, i18n } = useTranslation('guided');
  const now = useNow(1000);
  const progress = state.step === 'creatingStack' ? state.progress : { done: 0, total: 0 };
  const elapsed = startedAt === undefined ? 0 : now - startedAt;
  // Outside the VPC there is no security group to create.
  const phases: readonly (typeof PHASES)[number][] = runsInVpc(state.plan)
    ? PHASES
    : PHASES.filter((phase) => phase !== 'creatingSecurityGroup');
  const current = phases.indexOf(state.step as (typeof PHASES)[number]);
  const percent = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;

  return (
    <div className="progress-step">
      <ol className="phases">
        {phases.map((phase, index) => (
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
            <WaitLeft expected={EXPECTED_WAITS.stackCreate} elapsedMs={elapsed} />
          </p>
          <h3 id="stack-events-title">{t('progress.events')}</h3>
          <div
            className="table-scroll events-scroll"
            role="region"
            aria-labelledby="stack-events-title"
            tabIndex={0}
          >
            <table className="stack-events" data-testid="stack-events">
              <ColumnHeads
                labels={EVENT_COLUMNS.map((column) => t(`progress.columns.${column}`))}
              />
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
