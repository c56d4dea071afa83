import { AppError, type AppErrorData } from '../../shared/errors';
import type { SmoozConnectivityTestResult } from '../../shared/smooz/apiShapes';
import type { SmoozApi } from './smoozApiClient';

export type ConnectivityCheck =
  { readonly result: SmoozConnectivityTestResult } | { readonly error: AppErrorData };

/**
 * Asks SMOOZ to log in to the database through the endpoint (its connectivity test). A test that
 * could not run (SMOOZ unreachable, the connection not `available` on SMOOZ's side yet) is an
 * error to show beside the verification, never a failed connection.
 */
export async function checkConnectivity(
  client: Pick<SmoozApi, 'testConnectivity'>,
  smoozConnectionId: string,
): Promise<ConnectivityCheck> {
  try {
    return { result: await client.testConnectivity(smoozConnectionId) };
  } catch (error) {
    if (error instanceof AppError) return { error: error.toData() };
    throw error;
  }
}
