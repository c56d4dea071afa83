import { z } from 'zod';
import { ChecklistDocumentSchema } from '../../steps/document';
import { ChecklistStateSchema, StepIdSchema } from '../../steps/checklistState';
import { ChecklistValuesSchema, ValueKeySchema } from '../../steps/values';

const NoPayload = z.undefined();

/** One parameter of the bundled template as the checklist needs it (read from the file). */
export const TemplateParameterInfoSchema = z.object({
  name: z.string(),
  type: z.string(),
  default: z.string().optional(),
  allowedValues: z.array(z.string()).optional(),
  noEcho: z.boolean(),
});

export const TemplateInfoSchema = z.object({
  fileName: z.string(),
  parameters: z.array(TemplateParameterInfoSchema),
  /** An S3 URL SMOOZ hosts the same template at; quick-create links need one. */
  templateUrl: z.string().nullable(),
});
export type TemplateInfo = z.infer<typeof TemplateInfoSchema>;

export const ChecklistSnapshotSchema = z.object({
  state: ChecklistStateSchema,
  template: TemplateInfoSchema,
});
export type ChecklistSnapshot = z.infer<typeof ChecklistSnapshotSchema>;

export const SavedFileSchema = z.discriminatedUnion('saved', [
  z.object({ saved: z.literal(true), fileName: z.string() }),
  z.object({ saved: z.literal(false) }),
]);
export type SavedFile = z.infer<typeof SavedFileSchema>;

export const QuickCreateLinkSchema = z.discriminatedUnion('available', [
  z.object({ available: z.literal(true), url: z.url() }),
  z.object({
    available: z.literal(false),
    reason: z.enum(['noTemplateUrl', 'missingValues']),
    missing: z.array(ValueKeySchema),
  }),
]);
export type QuickCreateLink = z.infer<typeof QuickCreateLinkSchema>;

export const checklistChannels = {
  'checklist:get': { request: NoPayload, response: ChecklistSnapshotSchema },
  /** Merges typed values (raw text; validated on read so nothing typed is lost). */
  'checklist:setValues': { request: ChecklistValuesSchema, response: ChecklistStateSchema },
  'checklist:setConfirmation': {
    request: z.object({
      step: StepIdSchema,
      confirmation: z.string().min(1).max(40),
      checked: z.boolean(),
    }),
    response: ChecklistStateSchema,
  },
  /** Checks a step off (refused with the step's issues unless its inputs are valid) or reopens it. */
  'checklist:setStepDone': {
    request: z.object({ step: StepIdSchema, done: z.boolean() }),
    response: ChecklistStateSchema,
  },
  'checklist:goTo': { request: z.object({ step: StepIdSchema }), response: ChecklistStateSchema },
  'checklist:reset': { request: NoPayload, response: ChecklistStateSchema },
  'checklist:saveTemplate': { request: NoPayload, response: SavedFileSchema },
  'checklist:quickCreateLink': { request: NoPayload, response: QuickCreateLinkSchema },
  'checklist:exportDocument': {
    request: z.object({ format: z.enum(['markdown', 'pdf']), document: ChecklistDocumentSchema }),
    response: SavedFileSchema,
  },
} as const;
