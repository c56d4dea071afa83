import { beforeEach } from 'vitest';
import { screenshotOpenPages } from '../support/browser';

// A failed e2e test leaves a picture of every open page beside the other screenshots, so a
// failure in CI (or a rare one) can be read afterwards without running it again.
beforeEach(({ task, onTestFailed }) => {
  onTestFailed(() => screenshotOpenPages(task.name));
});
