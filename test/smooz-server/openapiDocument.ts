import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import type { operations } from '../../shared/smooz-api/openapi-types';

export const OPENAPI_PATH = join(
  import.meta.dirname,
  '..',
  '..',
  'shared',
  'smooz-api',
  'openapi.yaml',
);

export type OperationId = keyof operations;
export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
type Method = (typeof HTTP_METHODS)[number];

interface ParameterObject {
  name: string;
  in: 'path' | 'header' | 'query';
  required?: boolean;
}
/** A parameter with the JSON pointer of its definition, where its schema is compiled from. */
export interface Parameter extends ParameterObject {
  readonly pointer: string;
}
interface OperationObject {
  operationId: string;
  parameters?: (ParameterObject | { $ref: string })[];
  requestBody?: { required?: boolean; content: Record<string, { schema: unknown }> };
  responses: Record<string, { $ref: string } | ResponseObject>;
}
interface ResponseObject {
  content?: Record<string, { schema: unknown }>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
}

export interface Operation {
  readonly operationId: OperationId;
  readonly method: Method;
  readonly pathTemplate: string;
  readonly pathPattern: RegExp;
  readonly parameters: readonly Parameter[];
  readonly hasBody: boolean;
}

export interface ValidationIssue {
  readonly pointer: string;
  readonly detail: string;
}

const DOC_ID = 'https://api.smooz.jp/openapi.yaml';

/**
 * The contract, loaded once and compiled with Ajv's JSON Schema 2020-12 dialect (the dialect of
 * OpenAPI 3.1). The reference server validates every request with it and the contract tests
 * validate what both sides send and answer.
 */
export class OpenApiContract {
  readonly document: OpenApiDocument;
  readonly operations: readonly Operation[];
  private readonly ajv: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(path: string = OPENAPI_PATH) {
    this.document = parse(readFileSync(path, 'utf8')) as OpenApiDocument;
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    this.ajv.addFormat('date-time', (s: string) =>
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/.test(s),
    );
    this.ajv.addFormat('uri', (s: string) => URL.canParse(s));
    this.ajv.addSchema(this.document as object, DOC_ID);
    this.operations = this.collectOperations();
  }

  operation(operationId: OperationId): Operation {
    const found = this.operations.find((op) => op.operationId === operationId);
    if (!found) throw new Error(`No operation ${operationId} in the document`);
    return found;
  }

  /** The operation a method and path name, with its path parameters; undefined when none. */
  match(
    method: string,
    pathname: string,
  ): { operation: Operation; params: Record<string, string> } | undefined {
    for (const operation of this.operations) {
      if (operation.method !== method.toLowerCase()) continue;
      const m = operation.pathPattern.exec(pathname);
      if (m) return { operation, params: { ...m.groups } };
    }
    return undefined;
  }

  /** Paths that exist under some method, to tell 404 from 405. */
  pathExists(pathname: string): boolean {
    return this.operations.some((op) => op.pathPattern.test(pathname));
  }

  validateParameter(parameter: Parameter, value: unknown): ValidationIssue[] {
    return this.check(`${parameter.pointer}/schema`, value);
  }

  validateRequestBody(operation: Operation, body: unknown): ValidationIssue[] {
    return this.check(
      `${this.operationPointer(operation)}/requestBody/content/application~1json/schema`,
      body,
    );
  }

  /** Checks a response against the document: a documented status, its media type and schema. */
  validateResponse(
    operationId: OperationId,
    status: number,
    contentType: string | null,
    body: unknown,
  ): ValidationIssue[] {
    const operation = this.operation(operationId);
    const raw = (this.document.paths[operation.pathTemplate]?.[operation.method] as OperationObject)
      .responses[String(status)];
    if (!raw) return [{ pointer: '', detail: `status ${status} is not documented` }];
    const response = this.resolve<ResponseObject>(raw);
    const mediaTypes = Object.keys(response.content ?? {});
    if (mediaTypes.length === 0) return [];
    const mediaType = (contentType ?? '').split(';')[0]?.trim() ?? '';
    if (!mediaTypes.includes(mediaType)) {
      return [{ pointer: '', detail: `content type ${mediaType} is not one of ${mediaTypes}` }];
    }
    const base =
      '$ref' in raw ? raw.$ref : `${this.operationPointer(operation)}/responses/${status}`;
    return this.check(`${base}/content/${mediaType.replace('/', '~1')}/schema`, body);
  }

  private check(pointer: string, value: unknown): ValidationIssue[] {
    let validate = this.cache.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${DOC_ID}${pointer}` });
      this.cache.set(pointer, validate);
    }
    if (validate(value)) return [];
    return (validate.errors ?? []).map((e: ErrorObject) => ({
      pointer: e.instancePath,
      detail: `${e.keyword}: ${e.message ?? 'invalid'}`,
    }));
  }

  private at(pointer: string): unknown {
    const parts = pointer.replace(/^#\//, '').split('/').map(unescapePointer);
    let node: unknown = this.document;
    for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
    return node;
  }

  private resolve<T>(node: T | { $ref: string }): T {
    let current: unknown = node;
    while (current && typeof current === 'object' && '$ref' in current) {
      current = this.at((current as { $ref: string }).$ref);
    }
    return current as T;
  }

  private operationPointer(operation: Operation): string {
    return `${this.pathItemPointer(operation)}/${operation.method}`;
  }

  private pathItemPointer(operation: Operation): string {
    return `#/paths/${escapePointer(operation.pathTemplate)}`;
  }

  private parametersAt(pointer: string): Parameter[] {
    const list = (this.at(pointer) as { parameters?: unknown[] } | undefined)?.parameters ?? [];
    return list.map((p, i) => {
      const ref = (p as { $ref?: string }).$ref;
      const at = ref ?? `${pointer}/parameters/${i}`;
      return { ...this.resolve<ParameterObject>(p as ParameterObject), pointer: at };
    });
  }

  private collectOperations(): Operation[] {
    const result: Operation[] = [];
    for (const [pathTemplate, item] of Object.entries(this.document.paths)) {
      const itemPointer = `#/paths/${escapePointer(pathTemplate)}`;
      const shared = this.parametersAt(itemPointer);
      for (const method of HTTP_METHODS) {
        const op = item[method] as OperationObject | undefined;
        if (!op) continue;
        const pattern = pathTemplate.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)');
        result.push({
          operationId: op.operationId as OperationId,
          method,
          pathTemplate,
          pathPattern: new RegExp(`^${pattern}$`),
          parameters: [...shared, ...this.parametersAt(`${itemPointer}/${method}`)],
          hasBody: op.requestBody !== undefined,
        });
      }
    }
    return result;
  }
}

function escapePointer(part: string): string {
  return part.replaceAll('~', '~0').replaceAll('/', '~1');
}

function unescapePointer(part: string): string {
  return part.replaceAll('~1', '/').replaceAll('~0', '~');
}
