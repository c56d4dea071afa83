import { useTranslation } from 'react-i18next';
import { formatStepRef, type StepRef } from '../../../shared/steps/stepRef';

/**
 * The manual's step reference ("手順 3-2 ⑥"), large enough to read on a shared screen so the
 * customer and support talk about the same place in the manual.
 */
export function StepRefBadge({
  stepRef,
  size = 'large',
}: {
  stepRef: StepRef;
  size?: 'large' | 'small';
}) {
  const { t } = useTranslation('support');
  return (
    <span className={`step-ref step-ref-${size}`} data-testid="step-ref">
      {t('stepRef', { ref: formatStepRef(stepRef) })}
    </span>
  );
}
