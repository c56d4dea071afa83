import { useTranslation } from 'react-i18next';
import { stepById, type StepId } from '../../../shared/steps/steps';
import type { StepRef } from '../../../shared/steps/stepRef';
import type { ChecklistValues } from '../../../shared/steps/values';
import { ConsoleMock } from '../checklist/pictures/ConsoleMock';
import { StepRefBadge } from '../support/StepRefBadge';
import type { ScreenName } from './screenFor';

/**
 * The current step's title, what it does in the user's AWS account and why, and — where the
 * manual has one — a small picture of the console screen it replaces, with the manual's frames.
 */
export function StepHeader({
  screen,
  step,
  values,
  stepRef,
  what = 'what',
}: {
  screen: ScreenName;
  step: StepId | undefined;
  values: ChecklistValues;
  /** The manual's section when the screen stands for no single step. */
  stepRef?: StepRef | undefined;
  /** Which wording of "what this screen does" applies now. */
  what?: 'what' | 'whatExisting' | undefined;
}) {
  const { t } = useTranslation('guided');
  const definition = step === undefined ? undefined : stepById(step);
  return (
    <header className={definition ? 'step-header with-picture' : 'step-header'}>
      <div className="step-header-text">
        {definition ? (
          <StepRefBadge stepRef={definition.ref} />
        ) : (
          stepRef && <StepRefBadge stepRef={stepRef} />
        )}
        <h2 id="guided-step-title" tabIndex={-1} data-testid="guided-step-title">
          {t(`screens.${screen}.title`)}
        </h2>
        <p data-testid="step-what">{t(`screens.${screen}.${what}`)}</p>
        <p className="muted">{t(`screens.${screen}.why`)}</p>
      </div>
      {definition && (
        <figure className="step-picture">
          <ConsoleMock
            screen={definition.screen}
            activeFrames={definition.frames}
            values={values}
          />
          <figcaption>{t('pictureCaption')}</figcaption>
        </figure>
      )}
    </header>
  );
}
