import { useTranslation } from 'react-i18next';
import { MANUAL_SECTIONS } from '../../../shared/steps/stepRef';
import { STEPS } from '../../../shared/steps/steps';
import { Sensitive } from '../support/Sensitive';
import type { ChecklistItem } from './checklistModel';

const SECTION_OF = new Map(STEPS.map((s) => [s.id, s.ref.section]));

/** The manual's steps down the side, each with its state, so the user always knows where they are. */
export function SideChecklist({ items }: { items: readonly ChecklistItem[] }) {
  const { t } = useTranslation('guided');
  return (
    <nav className="guided-checklist card" aria-label={t('checklist.title')}>
      {MANUAL_SECTIONS.map((section) => (
        <section key={section} aria-labelledby={`guided-section-${section}`}>
          <h3 id={`guided-section-${section}`}>
            <span className="guided-ref">{section}</span> {t(`checklist.sections.${section}`)}
          </h3>
          <ol>
            {items
              .filter((item) => SECTION_OF.get(item.id) === section)
              .map((item) => (
                <li
                  key={item.id}
                  className={`checklist-item state-${item.state}`}
                  data-testid={`checklist-${item.id}`}
                  data-state={item.state}
                  aria-current={
                    item.state === 'running' || item.state === 'attention' ? 'step' : undefined
                  }
                >
                  <span className="state-icon" aria-hidden="true">
                    {t(`checklist.icons.${item.state}`)}
                  </span>
                  <span className="checklist-text">
                    <span className="checklist-label">
                      {item.ref !== section && <span className="guided-ref">{item.ref}</span>}{' '}
                      {t(`checklist.items.${item.id}`)}
                    </span>
                    {item.value && (
                      <Sensitive
                        className="checklist-value"
                        kind={item.value.kind}
                        value={item.value.text}
                      />
                    )}
                    <span className="sr-only-text">{t(`checklist.states.${item.state}`)}</span>
                  </span>
                </li>
              ))}
          </ol>
        </section>
      ))}
    </nav>
  );
}
