import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { compileErrors, validate } from '@readme/openapi-parser';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const DOCUMENT = join(ROOT, 'shared', 'smooz-api', 'openapi.yaml');
const GENERATED = join(ROOT, 'shared', 'smooz-api', 'openapi-types.ts');

describe('SMOOZ OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const document = parse(await readFile(DOCUMENT, 'utf8')) as { openapi: string };
    expect(document.openapi).toMatch(/^3\.1\./);
    const result = await validate(DOCUMENT);
    expect(result.valid ? '' : compileErrors(result)).toBe('');
  });

  it('has generated types that match the document (run `npm run generate:smooz-types`)', async () => {
    // The same options as the npm script: enum value arrays and root-level type aliases.
    const ast = await openapiTS(new URL(`file://${DOCUMENT}`), {
      enumValues: true,
      rootTypes: true,
      silent: true,
    });
    const options = await prettier.resolveConfig(GENERATED);
    const expected = await prettier.format(`${COMMENT_HEADER}${astToString(ast)}`, {
      ...options,
      filepath: GENERATED,
    });
    expect(await readFile(GENERATED, 'utf8')).toBe(expected);
  });
});
