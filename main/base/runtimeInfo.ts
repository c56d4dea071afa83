/** What the diagnostics panel reports about the process main runs in. */
export interface RuntimeInfo {
  readonly appVersion: string;
  readonly versions: { electron: string | null; chromium: string | null; node: string };
  readonly platform: string;
  readonly arch: string;
}

export function currentRuntimeInfo(appVersion: string): RuntimeInfo {
  return {
    appVersion,
    versions: {
      electron: process.versions.electron ?? null,
      chromium: process.versions.chrome ?? null,
      node: process.versions.node,
    },
    platform: process.platform,
    arch: process.arch,
  };
}
