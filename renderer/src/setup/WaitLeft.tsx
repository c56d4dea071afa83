import { useTranslation } from 'react-i18next';
import { waitFigure, type ExpectedWait } from '../../../shared/flow/waitEstimate';

/** The time still expected for a wait on AWS, from what AWS usually takes (never below zero). */
export function WaitLeft({ expected, elapsedMs }: { expected: ExpectedWait; elapsedMs: number }) {
  const { t } = useTranslation('guided');
  const figure = waitFigure(expected, elapsedMs);
  if (figure.kind === 'overdue') return <>{t('wait.overdue')}</>;
  return figure.minMinutes > 0 ? (
    <>{t('wait.left', { min: figure.minMinutes, max: figure.maxMinutes })}</>
  ) : (
    <>{t('wait.upTo', { max: figure.maxMinutes })}</>
  );
}
