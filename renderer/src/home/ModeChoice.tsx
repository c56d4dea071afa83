import { useTranslation } from 'react-i18next';

export type SetupMode = 'automated' | 'offline';

export function ModeChoice({ onChoose }: { onChoose: (mode: SetupMode) => void }) {
  const { t } = useTranslation('home');
  const modes: SetupMode[] = ['automated', 'offline'];
  return (
    <section className="panel" aria-labelledby="modes-title">
      <h2 id="modes-title">{t('modes.title')}</h2>
      <div className="mode-cards">
        {modes.map((mode) => (
          <article key={mode} className="mode-card" aria-labelledby={`mode-${mode}-title`}>
            <h3 id={`mode-${mode}-title`}>{t(`modes.${mode}.title`)}</h3>
            <p>{t(`modes.${mode}.description`)}</p>
            <button type="button" className="primary" onClick={() => onChoose(mode)}>
              {t(`modes.${mode}.action`)}
            </button>
          </article>
        ))}
      </div>
    </section>
  );
}
