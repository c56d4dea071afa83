import { cleanup } from '@testing-library/react';
import { afterEach, beforeAll } from 'vitest';
import { initI18n } from '../../renderer/src/i18n/i18n';

// The UI's default language, as the app starts: every assertion reads the Japanese catalogue.
beforeAll(async () => {
  await initI18n('ja');
});

afterEach(() => {
  cleanup();
});
