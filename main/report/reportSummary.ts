import { escapeHtml } from '../base/escapeHtml';

/**
 * The first part of the diagnostic report's page: the facts support looks for first, as tables
 * (where the flow stopped and why, which checks failed, the stack events, SMOOZ's statuses, the
 * last errors). It reads the already-redacted report defensively: a section that is missing or
 * shaped differently shows as empty rather than breaking the page; the full data follows as JSON.
 */
type Row = readonly unknown[];

const field = (value: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>(
    (at, key) =>
      at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined,
    value,
  );

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

const text = (value: unknown): string => {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
};

/** A titled table; `header` null for a list of label/value pairs. */
function table(title: string, header: readonly string[] | null, rows: readonly Row[]): string {
  const head =
    header === null
      ? ''
      : `<thead><tr>${header.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const body =
    rows.length === 0
      ? `<tr><td colspan="${header?.length ?? 2}">— なし / none —</td></tr>`
      : rows
          .map(
            (row) => `<tr>${row.map((cell) => `<td>${escapeHtml(text(cell))}</td>`).join('')}</tr>`,
          )
          .join('\n');
  return `<section><h2>${escapeHtml(title)}</h2><table>${head}<tbody>${body}</tbody></table></section>`;
}

function overview(report: unknown): string {
  const completed = list(field(report, 'checklist', 'completed')).length;
  const remaining = list(field(report, 'checklist', 'remaining')).length;
  const rows: Row[] = [
    ['作成日時 / generated', field(report, 'generatedAt')],
    ['アプリ / app', field(report, 'app', 'version')],
    [
      'Electron / Chromium / Node',
      [
        field(report, 'app', 'electron'),
        field(report, 'app', 'chromium'),
        field(report, 'app', 'node'),
      ]
        .map(text)
        .join(' / '),
    ],
    [
      'OS',
      [
        field(report, 'os', 'platform'),
        field(report, 'os', 'arch'),
        field(report, 'os', 'release'),
        field(report, 'os', 'version'),
      ]
        .map(text)
        .join(' '),
    ],
    [
      'チェックリスト / checklist',
      `${completed} / ${completed + remaining} (${text(field(report, 'checklist', 'currentStep'))})`,
    ],
  ];
  return table('概要 / overview', null, rows);
}

export function renderSummaryHtml(report: unknown): string {
  const flows = list(field(report, 'flows')).map((flow) => [
    field(flow, 'plan', 'connectionName'),
    field(flow, 'plan', 'region'),
    field(flow, 'step'),
    field(flow, 'resumeStep'),
    field(flow, 'error', 'code'),
    field(flow, 'stackFailure', 'logicalResourceId'),
    field(flow, 'stackFailure', 'reason'),
  ]);
  const preflight = list(field(report, 'preflight')).flatMap((entry) =>
    list(field(entry, 'checks')).map((check) => [
      field(entry, 'connectionName'),
      field(entry, 'checkedAt'),
      field(check, 'id'),
      field(check, 'status'),
      field(check, 'explanation'),
    ]),
  );
  const stackEvents = list(field(report, 'stackEvents')).flatMap((entry) =>
    list(field(entry, 'events')).map((event) => [
      field(entry, 'connectionName'),
      field(event, 'timestamp'),
      field(event, 'logicalResourceId'),
      field(event, 'resourceType'),
      field(event, 'status'),
      field(event, 'reason'),
    ]),
  );
  const smooz = list(field(report, 'smooz', 'statusHistory')).map((event) => [
    field(event, 'at'),
    field(event, 'connectionId'),
    field(event, 'status'),
    field(event, 'tracking'),
    field(event, 'error', 'code'),
  ]);
  const errors = list(field(report, 'lastErrors')).map((error) => [
    field(error, 'at'),
    field(error, 'level'),
    field(error, 'message'),
    field(error, 'fields', 'channel'),
    field(error, 'fields', 'code'),
  ]);
  return [
    overview(report),
    table(
      '自動セットアップ / automated flows',
      ['接続 / connection', 'region', 'step', 'resume', 'error', 'resource', 'reason'],
      flows,
    ),
    table(
      '事前チェック / preflight',
      ['接続 / connection', 'checked', 'check', 'status', 'explanation'],
      preflight,
    ),
    table(
      'スタックイベント / stack events',
      ['接続 / connection', 'time', 'resource', 'type', 'status', 'reason'],
      stackEvents,
    ),
    table(
      'SMOOZ 状態の履歴 / SMOOZ status history',
      ['time', 'connection', 'status', 'tracking', 'error'],
      smooz,
    ),
    table('直近のエラー / last errors', ['time', 'level', 'message', 'channel', 'code'], errors),
  ].join('\n');
}
