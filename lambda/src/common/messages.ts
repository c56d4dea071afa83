/**
 * What the setup helper sends the in-VPC updater when CloudFormation creates or updates the
 * registration resource. The updater answers with an UpdateOutcome.
 */
export const SETUP_SOURCE = 'smooz.setup';

export interface SetupRequest {
  source: typeof SETUP_SOURCE;
  requestType: 'Create' | 'Update';
}

export interface RegisteredTarget {
  id: string;
  port: number;
}

export type UpdateOutcome =
  | {
      status: 'unchanged' | 'updated';
      addresses: string[];
      registered: RegisteredTarget[];
      deregistered: RegisteredTarget[];
    }
  /** DNS failed, timed out or answered nothing: the target group was left exactly as it was. */
  | { status: 'unresolved'; reason: string };
