import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { checklistChannels } from '../../shared/ipc/channels/checklist';
import { canComplete, stepIssues, type ChecklistState } from '../../shared/steps/checklistState';
import { withLambdaDefault } from '../../shared/steps/namingDefaults';
import { STEPS, stepById, type StepId } from '../../shared/steps/steps';
import { renderHtml, renderMarkdown } from '../checklist/documentRender';
import { buildQuickCreateLink } from '../checklist/quickCreate';
import { readTemplateInfo, readTemplateText, TEMPLATE_FILE_NAME } from '../checklist/templateFile';
import type { MainServices } from '../app/mainServices';
import type { HandlerTable } from './handlers';

/** The first step after `from` that is not checked off yet (or the last step). */
function nextOpenStep(state: ChecklistState, from: StepId): StepId {
  const start = STEPS.findIndex((s) => s.id === from);
  const open = STEPS.slice(start + 1).find((s) => !state.completed.includes(s.id));
  return open?.id ?? from;
}

const datedName = (base: string, extension: string, now: Date) =>
  `${base}-${now.toISOString().slice(0, 10).replace(/-/g, '')}.${extension}`;

/**
 * The offline checklist. Nothing here talks to AWS or SMOOZ: values, check-offs and exports stay
 * on this computer, which is what the offline mode promises.
 */
export function createChecklistHandlers(
  services: MainServices,
): Pick<HandlerTable, keyof typeof checklistChannels> {
  const store = services.checklistStore;
  const template = () => readTemplateInfo(services.templatesDir, services.config.templateUrl);
  return {
    'checklist:get': async () => {
      const info = await template();
      // ① comes pre-filled with the name the automated flow would derive (one default for both).
      const current = store.get();
      const state =
        current.namingId === undefined || current.values.lambdaFunctionName === undefined
          ? store.update((s) => {
              const namingId = s.namingId ?? randomUUID();
              return { ...s, namingId, values: withLambdaDefault(namingId, {}, s.values) };
            })
          : current;
      return { state, template: info };
    },
    'checklist:setValues': async (patch) =>
      store.update((state) => {
        const values = { ...state.values, ...patch };
        return state.namingId === undefined
          ? { ...state, values }
          : { ...state, values: withLambdaDefault(state.namingId, state.values, values) };
      }),
    'checklist:setConfirmation': async ({ step, confirmation, checked }) => {
      if (!stepById(step).confirmations.includes(confirmation)) {
        throw new AppError('checklist.unknownConfirmation', { step, confirmation });
      }
      return store.update((state) => ({
        ...state,
        confirmations: { ...state.confirmations, [`${step}.${confirmation}`]: checked },
      }));
    },
    'checklist:setStepDone': async ({ step, done }) => {
      const current = store.get();
      if (done && !canComplete(stepById(step), current)) {
        throw new AppError('checklist.stepIncomplete', {
          step,
          issues: stepIssues(stepById(step), current).length,
        });
      }
      return store.update((state) => {
        const completed = state.completed.filter((id) => id !== step);
        if (!done) return { ...state, completed, currentStep: step };
        const next = { ...state, completed: [...completed, step] };
        return { ...next, currentStep: nextOpenStep(next, step) };
      });
    },
    'checklist:goTo': async ({ step }) =>
      store.update((state) => ({ ...state, currentStep: step })),
    'checklist:reset': async () => store.reset(),
    'checklist:saveTemplate': async () =>
      services.saveFile({
        suggestedName: TEMPLATE_FILE_NAME,
        filters: [{ name: 'CloudFormation template (YAML)', extensions: ['yaml', 'yml'] }],
        content: await readTemplateText(services.templatesDir),
      }),
    'checklist:quickCreateLink': async () =>
      buildQuickCreateLink(store.get().values, await template()),
    'checklist:exportDocument': async ({ format, document }) => {
      const now = new Date();
      if (format === 'markdown') {
        return services.saveFile({
          suggestedName: datedName('smooz-privatelink-checklist', 'md', now),
          filters: [{ name: 'Markdown', extensions: ['md'] }],
          content: renderMarkdown(document),
        });
      }
      const pdf = await services.printToPdf(renderHtml(document));
      if (Buffer.from(pdf.subarray(0, 5)).toString('latin1') !== '%PDF-') {
        throw new AppError('checklist.pdfFailed');
      }
      return services.saveFile({
        suggestedName: datedName('smooz-privatelink-checklist', 'pdf', now),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        content: pdf,
      });
    },
  };
}
