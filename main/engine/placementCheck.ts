import type { SetupPlan } from '../../shared/flow/plan';
import type { PreflightCheck } from '../../shared/flow/preflight';

/**
 * Whether the database is publicly accessible, and what that means for where the updater runs.
 * Outside the VPC a public database's name resolves to its public address, which an IP target
 * group refuses (and which is not where SMOOZ's traffic should go): that combination fails. A
 * public database with the updater in the VPC works, but is worth a note.
 */
export function publicDatabase(plan: SetupPlan): PreflightCheck {
  const params = { identifier: plan.database.identifier };
  const inVpc = plan.updaterPlacement === 'insideVpc';
  if (!plan.database.publiclyAccessible) {
    return {
      id: 'publicDatabase',
      status: 'pass',
      explanation: inVpc ? 'publicDatabase.privateInsideVpc' : 'publicDatabase.private',
      params,
    };
  }
  return inVpc
    ? { id: 'publicDatabase', status: 'warn', explanation: 'publicDatabase.public', params }
    : {
        id: 'publicDatabase',
        status: 'fail',
        explanation: 'publicDatabase.publicOutsideVpc',
        params,
      };
}
