import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type Tags } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..', '..');
export const TEMPLATE_FILE = join(ROOT, 'templates', 'smooz-privatelink.yaml');

const SHORT_FORMS = [
  'Base64',
  'Cidr',
  'Equals',
  'FindInMap',
  'GetAZs',
  'If',
  'ImportValue',
  'Join',
  'Not',
  'Or',
  'And',
  'Select',
  'Split',
  'Sub',
];

/** CloudFormation's YAML short forms (`!Ref x`, `!If [...]`) as their long JSON forms. */
const cfnTags: Tags = [
  { tag: '!Ref', resolve: (value: string) => ({ Ref: value }) },
  {
    tag: '!GetAtt',
    resolve: (value: string) => ({ 'Fn::GetAtt': value.split('.') }),
  },
  ...SHORT_FORMS.flatMap((name) => [
    { tag: `!${name}`, resolve: (value: string) => ({ [`Fn::${name}`]: value }) },
    {
      tag: `!${name}`,
      collection: 'seq' as const,
      resolve: (value: { toJSON(): unknown }) => ({ [`Fn::${name}`]: value.toJSON() }),
    },
  ]),
];

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface Template {
  Metadata: JsonObject;
  Parameters: Record<string, JsonObject>;
  Rules: JsonObject;
  Conditions: JsonObject;
  Resources: Record<string, { Type: string; Properties: JsonObject } & JsonObject>;
  Outputs: Record<string, JsonObject>;
}

export function parseTemplate(text: string): Template {
  return parse(text, { customTags: cfnTags }) as Template;
}

export function loadTemplate(file = TEMPLATE_FILE): Template {
  return parseTemplate(readFileSync(file, 'utf8'));
}
