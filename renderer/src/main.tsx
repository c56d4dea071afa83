import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n/i18n';
import { IpcClientProvider } from './data/IpcClientContext';
import { windowIpcClient } from './ipc/api';
import './styles.css';

async function boot() {
  const client = windowIpcClient();
  const preferences = await client.call('app:getPreferences');
  await initI18n(preferences.language);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <IpcClientProvider client={client}>
        <App />
      </IpcClientProvider>
    </StrictMode>,
  );
}

void boot();
