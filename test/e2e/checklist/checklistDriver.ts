import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { StepId } from '../../../shared/steps/steps';

/** Drives the checklist screen the way a user does: type, tick, mark done. */
export function checklistDriver(page: Page) {
  return {
    async fill(key: string, value: string) {
      await page.getByTestId(`input-${key}`).fill(value);
    },
    async choose(key: string, value: string) {
      await page.getByTestId(`choice-${key}-${value}`).check();
    },
    async confirm(...names: string[]) {
      for (const name of names) await page.getByTestId(`confirm-${name}`).check();
    },
    async showsStep(step: StepId) {
      await page.getByTestId(`step-${step}`).waitFor();
    },
    /** Marks the shown step done and waits until the checklist moved on. */
    async complete(step: StepId) {
      await this.showsStep(step);
      const button = page.getByTestId('complete-step');
      await expect.poll(() => button.isEnabled()).toBe(true);
      await button.click();
      await expect
        .poll(() => page.getByTestId(`nav-${step}`).getAttribute('class'))
        .toContain('done');
    },
  };
}
