/** How often the engine polls AWS and how long it waits out resources still in use. */
export interface EngineTiming {
  /** Between polls of a stack or an endpoint being created or deleted. */
  readonly pollMs: number;
  /** Between attempts to delete a security group still in use (Lambda ENIs linger). */
  readonly dependencyRetryMs: number;
  readonly dependencyAttempts: number;
}

export const DEFAULT_TIMING: EngineTiming = {
  pollMs: 5_000,
  dependencyRetryMs: 15_000,
  dependencyAttempts: 40,
};
