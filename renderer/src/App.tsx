import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/preferences';
import type { AutomatedPrefill } from '../../shared/steps/handoff';
import { AboutPanel } from './about/AboutPanel';
import { ChecklistScreen } from './checklist/ChecklistScreen';
import { ConnectionList } from './home/ConnectionList';
import { ExistingSetups } from './lifecycle/ExistingSetups';
import { ModeChoice, type SetupMode } from './home/ModeChoice';
import { UpdateNotice } from './home/UpdateNotice';
import { useAnnounceScreen } from './common/currentScreen';
import { useIpcEvent } from './data/useIpcEvent';
import { LanguageSwitch } from './layout/LanguageSwitch';
import { usePreferences } from './layout/usePreferences';
import { SupportModeProvider } from './support/SupportModeContext';
import { SupportBanner } from './support/SupportBanner';
import { SupportToolbar } from './support/SupportToolbar';
import { GuidedSetup } from './setup/GuidedSetup';
import { UpgradeReview } from './upgrade/UpgradeReview';
import { useReopenGuided } from './setup/useReopenGuided';

type View =
  | { name: 'home' }
  | { name: 'about' }
  | { name: 'upgrade'; connectionId: string }
  | { name: 'setup'; mode: SetupMode; connectionId?: string; prefill?: AutomatedPrefill };

export function App() {
  const { t, i18n } = useTranslation();
  const [view, setView] = useState<View>({ name: 'home' });
  const openGuided = (connectionId: string) =>
    setView({ name: 'setup', mode: 'automated', connectionId });
  useReopenGuided(openGuided);
  useAnnounceScreen(
    view.name === 'setup'
      ? `setup:${view.mode}:${view.connectionId ?? 'new'}`
      : view.name === 'upgrade'
        ? `upgrade:${view.connectionId}`
        : view.name,
  );

  const { save } = usePreferences();
  useIpcEvent('app:preferencesChanged', (prefs) => void i18n.changeLanguage(prefs.language));

  const changeLanguage = (language: Language) => {
    void i18n.changeLanguage(language);
    save({ language });
  };

  return (
    <SupportModeProvider>
      <div className="app">
        <header className="app-header">
          <div>
            <h1>{t('appTitle')}</h1>
            <p className="subtitle">{t('appSubtitle')}</p>
          </div>
          <nav className="header-actions" aria-label={t('nav.home')}>
            <SupportToolbar />
            <LanguageSwitch onChange={changeLanguage} />
            {view.name === 'home' ? (
              <button type="button" onClick={() => setView({ name: 'about' })}>
                {t('nav.about')}
              </button>
            ) : (
              <button type="button" onClick={() => setView({ name: 'home' })}>
                {t('nav.back')}
              </button>
            )}
          </nav>
        </header>
        <SupportBanner />
        <main className="app-main">
          {view.name === 'home' && (
            <>
              <UpdateNotice />
              <ConnectionList
                onOpen={openGuided}
                onUpgrade={(connectionId) => setView({ name: 'upgrade', connectionId })}
              />
              <ModeChoice onChoose={(mode) => setView({ name: 'setup', mode })} />
              <ExistingSetups />
            </>
          )}
          {view.name === 'about' && <AboutPanel />}
          {view.name === 'upgrade' && (
            <UpgradeReview
              connectionId={view.connectionId}
              onHome={() => setView({ name: 'home' })}
              onOpenConnection={openGuided}
            />
          )}
          {view.name === 'setup' && view.mode === 'offline' && (
            <ChecklistScreen
              onSwitchToAutomated={(prefill) =>
                setView({ name: 'setup', mode: 'automated', prefill })
              }
            />
          )}
          {view.name === 'setup' && view.mode === 'automated' && (
            <GuidedSetup
              key={view.connectionId ?? 'new'}
              {...(view.connectionId ? { connectionId: view.connectionId } : {})}
              {...(view.prefill ? { prefill: view.prefill } : {})}
              onHome={() => setView({ name: 'home' })}
              onOpen={openGuided}
            />
          )}
        </main>
      </div>
    </SupportModeProvider>
  );
}
