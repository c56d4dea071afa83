import { z } from 'zod';
import { displayValue } from '../redaction/kinds';
import {
  applicableSteps,
  confirmationKey,
  relevantInputs,
  relevantUses,
  stepConfirmations,
  type ChecklistState,
} from './checklistState';
import { stackParameterList } from './parameterList';
import { formatStepRef } from './stepRef';
import { VALUE_SPECS, type ValueKey } from './values';

/**
 * The printable checklist as structure, not markup: main renders it to Markdown and to HTML
 * (for PDF) and redacts every text node again on the way out.
 */
export const DocBlockSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('heading'),
    level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
    text: z.string(),
  }),
  z.object({ type: z.literal('paragraph'), text: z.string() }),
  z.object({
    type: z.literal('checklist'),
    items: z.array(z.object({ checked: z.boolean(), text: z.string() })),
  }),
  z.object({
    type: z.literal('table'),
    header: z.array(z.string()),
    rows: z.array(z.array(z.string())),
  }),
]);
export type DocBlock = z.infer<typeof DocBlockSchema>;

export const ChecklistDocumentSchema = z.object({
  language: z.string().max(10),
  title: z.string(),
  blocks: z.array(DocBlockSchema).max(500),
});
export type ChecklistDocument = z.infer<typeof ChecklistDocumentSchema>;

/** Looks wording up by catalogue key (the renderer passes i18next's `t`). */
export type Translate = (key: string, params?: Record<string, string | number>) => string;

/** A value as it appears in an export: sensitive kinds masked, always. */
export function exportValue(key: ValueKey, raw: string | undefined, t: Translate): string {
  if (raw === undefined || raw.trim() === '') return t('checklist:document.notEntered');
  return displayValue(VALUE_SPECS[key].display, raw.trim(), true);
}

export function buildChecklistDocument(
  state: ChecklistState,
  t: Translate,
  language: string,
  templateDefaults: Readonly<Record<string, string>>,
): ChecklistDocument {
  const steps = applicableSteps(state.values);
  const blocks: DocBlock[] = [
    { type: 'paragraph', text: t('checklist:document.intro') },
    { type: 'paragraph', text: t('checklist:document.redactedNote') },
    {
      type: 'paragraph',
      text: t('checklist:document.progress', {
        done: steps.filter((s) => state.completed.includes(s.id)).length,
        total: steps.length,
      }),
    },
  ];
  for (const step of steps) {
    const ref = t('checklist:stepRef', { ref: formatStepRef(step.ref) });
    blocks.push({
      type: 'heading',
      level: 2,
      text: `${state.completed.includes(step.id) ? '☑' : '☐'} ${ref} ${t(`checklist:steps.${step.id}.title`)}`,
    });
    blocks.push({ type: 'paragraph', text: t(`checklist:steps.${step.id}.what`) });
    const shown = [...relevantInputs(step, state.values), ...relevantUses(step, state.values)];
    if (shown.length > 0) {
      blocks.push({
        type: 'table',
        header: [t('checklist:document.field'), t('checklist:document.value')],
        rows: shown.map((key) => [
          t(`checklist:values.${key}.label`),
          exportValue(key, state.values[key], t),
        ]),
      });
    }
    const confirmations = stepConfirmations(step, state.values);
    if (confirmations.length > 0) {
      blocks.push({
        type: 'checklist',
        items: confirmations.map((c) => ({
          checked: state.confirmations[confirmationKey(step.id, c)] === true,
          text: t(`checklist:steps.${step.id}.confirm.${c}`),
        })),
      });
    }
  }
  blocks.push({ type: 'heading', level: 2, text: t('checklist:document.parametersTitle') });
  blocks.push({
    type: 'table',
    header: [
      t('checklist:document.number'),
      t('checklist:document.parameter'),
      t('checklist:document.value'),
    ],
    rows: stackParameterList(state.values, templateDefaults).map((p) => [
      p.number === undefined ? '' : formatStepRef({ section: '3-2', parameter: p.number }),
      p.name,
      p.value === '' ? t('checklist:document.notEntered') : displayValue(p.display, p.value, true),
    ]),
  });
  return {
    language,
    title: t('checklist:document.title'),
    blocks: [{ type: 'heading', level: 1, text: t('checklist:document.title') }, ...blocks],
  };
}
