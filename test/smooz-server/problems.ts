import type { components } from '../../shared/smooz-api/openapi-types';

export type Problem = components['schemas']['Problem'];

const TITLES: Record<string, string> = {
  'bad-request': 'The request is malformed',
  'idempotency-key-missing': 'An Idempotency-Key header is required',
  unauthorized: 'A valid API token is required',
  'admin-required': 'An administrator API token is required',
  'not-found': 'Not found',
  'method-not-allowed': 'Method not allowed',
  'idempotency-key-in-use': 'A request with this Idempotency-Key is still being processed',
  'endpoint-service-in-use': 'The endpoint service already has a connection',
  'invalid-state': 'The connection is not in a state that allows this',
  'validation-failed': 'The request body is invalid',
  'idempotency-key-reused': 'The Idempotency-Key was already used with a different request',
  internal: 'Internal error',
  unavailable: 'Service unavailable',
};

/** An RFC 9457 problem; `type` is a URI per kind and `code` its last segment. */
export class ProblemError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly extras: Partial<Problem> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(code);
  }

  toProblem(instance: string): Problem {
    return {
      type: `https://api.smooz.jp/problems/${this.code}`,
      title: TITLES[this.code] ?? this.code,
      status: this.status,
      code: this.code,
      instance,
      ...this.extras,
    };
  }
}
