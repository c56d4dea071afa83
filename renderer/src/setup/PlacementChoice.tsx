import { useTranslation } from 'react-i18next';
import type { DatabaseRecord } from '../../../shared/flow/database';
import { recommendPlacement } from '../../../shared/flow/placement';
import {
  UPDATER_PLACEMENTS,
  type UpdaterPlacement,
} from '../../../shared/stack/templateParameters';

interface Props {
  readonly database: DatabaseRecord;
  readonly value: UpdaterPlacement;
  readonly onChange: (placement: UpdaterPlacement) => void;
}

/**
 * Where the updater Lambda runs: the app's recommendation for this database with its reason in
 * one sentence, and the switch (an organisation may require Lambda functions in a VPC).
 */
export function PlacementChoice({ database, value, onChange }: Props) {
  const { t } = useTranslation('guided');
  const recommended = recommendPlacement(database);
  return (
    <fieldset className="placement-choice" aria-describedby="placement-why">
      <legend>{t('confirm.placement.legend')}</legend>
      <p id="placement-why" data-testid="placement-why">
        {t(`confirm.placement.why.${recommended.reason}`, { identifier: database.identifier })}
      </p>
      {UPDATER_PLACEMENTS.map((placement) => (
        <div key={placement} className="radio-row">
          <input
            type="radio"
            id={`placement-${placement}`}
            name="placement"
            checked={value === placement}
            onChange={() => onChange(placement)}
          />
          <label htmlFor={`placement-${placement}`}>
            {t(`confirm.placement.choices.${placement}`)}
            {placement === recommended.placement && ` ${t('confirm.placement.recommended')}`}
          </label>
        </div>
      ))}
    </fieldset>
  );
}
