import { release, version } from 'node:os';
import { redactDeep } from '../../shared/redaction/deep';
import { displayValue } from '../../shared/redaction/kinds';
import { STEPS } from '../../shared/steps/steps';
import { VALUE_SPECS, type ChecklistValues, type ValueKey } from '../../shared/steps/values';
import { escapeHtml } from '../base/escapeHtml';
import type { ChecklistState } from '../../shared/steps/checklistState';
import type { AppStore } from '../base/appStore';
import type { DiagnosticsRegistry } from '../base/diagnosticsRegistry';
import type { RuntimeInfo } from '../base/runtimeInfo';
import { renderSummaryHtml } from './reportSummary';

/** What the report reads: the app's services satisfy it; tests pass only these. */
export interface ReportSources {
  readonly runtime: RuntimeInfo;
  readonly store: Pick<AppStore, 'getPreferences' | 'listConnections'>;
  readonly checklistStore: { get(): ChecklistState };
  readonly diagnostics: Pick<DiagnosticsRegistry, 'sections' | 'recentErrors'>;
}

export const REPORT_FORMAT = 'smooz-privatelink-diagnostic-report/1';

/** Checklist values masked by what they are (an account id is masked even if it has hyphens). */
function maskedValues(values: ChecklistValues): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).map(([key, raw]) => [
      key,
      displayValue(VALUE_SPECS[key as ValueKey].display, raw ?? '', true),
    ]),
  );
}

async function collectSections(services: ReportSources): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const [name, provider] of services.diagnostics.sections()) {
    try {
      out[name] = await provider();
    } catch (error) {
      out[name] = { unavailable: String(error) };
    }
  }
  return out;
}

/**
 * Everything support needs to follow a customer's setup, always redacted: account ids, ARNs,
 * hostnames, IP addresses, tokens and keys are masked (last four characters kept) by
 * `redactDeep`, after the checklist values were masked by kind.
 */
export async function buildDiagnosticReport(
  services: ReportSources,
  now = new Date(),
): Promise<unknown> {
  const checklist = services.checklistStore.get();
  const report = {
    generatedAt: now.toISOString(),
    app: {
      version: services.runtime.appVersion,
      electron: services.runtime.versions.electron,
      chromium: services.runtime.versions.chromium,
      node: services.runtime.versions.node,
    },
    os: {
      platform: services.runtime.platform,
      arch: services.runtime.arch,
      release: release(),
      version: version(),
    },
    preferences: services.store.getPreferences(),
    checklist: {
      currentStep: checklist.currentStep,
      completed: checklist.completed,
      remaining: STEPS.map((s) => s.id).filter((id) => !checklist.completed.includes(id)),
      confirmations: checklist.confirmations,
      values: maskedValues(checklist.values),
      updatedAt: checklist.updatedAt,
    },
    connections: services.store.listConnections(),
    ...(await collectSections(services)),
    lastErrors: services.diagnostics.recentErrors(),
  };
  // The format marker is ours and names nothing; redaction would take it for a token.
  return { format: REPORT_FORMAT, ...(redactDeep(report) as Record<string, unknown>) };
}

/**
 * One file support can open in any browser: the key facts as tables, then every section in full,
 * and the same data as JSON in an inert script block for tools (`#smooz-diagnostic-report`).
 */
export function renderReportHtml(report: unknown): string {
  const sections = Object.entries(report as Record<string, unknown>)
    .map(
      ([name, value]) =>
        `<section><h2>${escapeHtml(name)}</h2><pre>${escapeHtml(JSON.stringify(value, null, 2))}</pre></section>`,
    )
    .join('\n');
  const json = JSON.stringify(report).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="ja"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>SMOOZ PrivateLink 診断レポート / diagnostic report</title><style>body{font-family:'Noto Sans CJK JP',Meiryo,sans-serif;margin:2rem;color:#111}pre{background:#f4f4f4;padding:.75rem;overflow-x:auto;white-space:pre-wrap}h2{border-bottom:1px solid #999}table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}th{background:#eee}</style></head><body><h1>SMOOZ PrivateLink 診断レポート / diagnostic report</h1><p>アカウント ID・ARN・ホスト名・IP アドレス・トークン・キーは末尾 4 文字以外を伏せ字にしています。 Account ids, ARNs, hostnames, IP addresses, tokens and keys are masked except for their last four characters.</p>\n${renderSummaryHtml(report)}\n<h1>詳細データ / full data</h1>\n${sections}\n<script type="application/json" id="smooz-diagnostic-report">${json}</script></body></html>\n`;
}
