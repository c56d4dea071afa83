import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { AppError } from '../../shared/errors';
import type { TemplateInfo } from '../../shared/ipc/channels/checklist';

export const TEMPLATE_FILE_NAME = 'smooz-privatelink.yaml';

export const templatePath = (templatesDir: string) => join(templatesDir, TEMPLATE_FILE_NAME);

export async function readTemplateText(templatesDir: string): Promise<string> {
  try {
    return await readFile(templatePath(templatesDir), 'utf8');
  } catch (error) {
    throw new AppError('checklist.templateMissing', { file: TEMPLATE_FILE_NAME }, error);
  }
}

/**
 * The bundled template's Parameters, read from the file itself so the checklist, the saved file
 * and the quick-create link can never disagree with what is deployed. CloudFormation's short
 * intrinsic tags (!Ref, !Sub …) are left unresolved; only Parameters is read.
 */
export function parseTemplateParameters(text: string): TemplateInfo['parameters'] {
  // Unknown tags are warnings in `yaml`, and the tagged value stays as written: enough here.
  const doc = parseDocument(text, { logLevel: 'silent' });
  if (doc.errors.length > 0) {
    throw new AppError('checklist.templateInvalid', { file: TEMPLATE_FILE_NAME });
  }
  const root = doc.toJS() as { Parameters?: Record<string, Record<string, unknown>> } | null;
  return Object.entries(root?.Parameters ?? {}).map(([name, p]) => ({
    name,
    type: String(p.Type ?? 'String'),
    ...(p.Default === undefined ? {} : { default: String(p.Default) }),
    ...(Array.isArray(p.AllowedValues) ? { allowedValues: p.AllowedValues.map(String) } : {}),
    noEcho: p.NoEcho === true || p.NoEcho === 'true',
  }));
}

export async function readTemplateInfo(
  templatesDir: string,
  templateUrl: string | undefined,
): Promise<TemplateInfo> {
  return {
    fileName: TEMPLATE_FILE_NAME,
    parameters: parseTemplateParameters(await readTemplateText(templatesDir)),
    templateUrl: templateUrl ?? null,
  };
}

export const templateDefaults = (info: TemplateInfo): Record<string, string> =>
  Object.fromEntries(
    info.parameters.flatMap((p) => (p.default === undefined ? [] : [[p.name, p.default]])),
  );
