import { useTranslation } from 'react-i18next';
import type { ConsoleScreen } from '../../../../shared/steps/steps';
import { VALUE_SPECS, type ChecklistValues } from '../../../../shared/steps/values';
import { useSupportMode } from '../../support/SupportModeContext';
import { SCREENS, type MockRow } from './screens';

const WIDTH = 640;
const ROW_HEIGHT = 34;
const TOP = 78;
const RED = '#d13212';

const rowHeight = (row: MockRow) => (row.kind === 'tabs' ? 30 : ROW_HEIGHT);

/**
 * A console screen drawn as SVG (no external images): the fields the current step is about are
 * framed in red and numbered like the manual's pictures; the user's own values appear in them
 * (masked in support mode), samples elsewhere.
 */
export function ConsoleMock({
  screen,
  activeFrames,
  values,
}: {
  screen: ConsoleScreen;
  activeFrames: readonly number[];
  values: ChecklistValues;
}) {
  const { t } = useTranslation('checklist');
  const { format } = useSupportMode();
  const spec = SCREENS[screen];
  const label = (key: string) =>
    t(`pictures.${screen}.${key}`, { defaultValue: t(`pictures.common.${key}`) });
  const sample = (key: string) => format('text', label(key));
  const shown = (row: MockRow, fallback: string) => {
    if (!('value' in row) || row.value === undefined) return fallback;
    const raw = values[row.value]?.trim();
    return raw ? format(VALUE_SPECS[row.value].display, raw) : fallback;
  };

  /** Which radio option the user's value selects (the first, as the console defaults, if none). */
  const selected = (row: MockRow) => {
    if (row.kind !== 'radio' || row.value === undefined) return 0;
    return values[row.value]?.trim().toLowerCase() === 'iam' ? 1 : 0;
  };

  const positioned = spec.rows.reduce<{ row: MockRow; y: number }[]>((acc, row) => {
    const last = acc[acc.length - 1];
    const y = last === undefined ? TOP : last.y + rowHeight(last.row) + 6;
    return [...acc, { row, y }];
  }, []);
  const bottom = (positioned.at(-1)?.y ?? TOP) + ROW_HEIGHT + 16;

  const frames = new Map<number, { top: number; bottom: number }>();
  for (const { row, y } of positioned) {
    if (row.frame === undefined) continue;
    const box = frames.get(row.frame) ?? { top: y, bottom: y };
    frames.set(row.frame, {
      top: Math.min(box.top, y),
      bottom: Math.max(box.bottom, y + rowHeight(row)),
    });
  }

  const isSmooz = spec.product === 'smooz';
  return (
    <svg
      className="console-mock"
      viewBox={`0 0 ${WIDTH} ${bottom}`}
      role="img"
      aria-label={t(`pictures.${screen}.alt`)}
      data-testid={`picture-${screen}`}
    >
      <rect x="0" y="0" width={WIDTH} height={bottom} rx="8" fill="#ffffff" stroke="#c6ccd5" />
      <rect x="0" y="0" width={WIDTH} height="34" rx="8" fill={isSmooz ? '#0f6e6e' : '#232f3e'} />
      <text x="16" y="22" fill="#ffffff" fontSize="14" fontWeight="700">
        {t(`pictures.products.${spec.product}`)}
      </text>
      <text x="16" y="56" fill="#0b5cad" fontSize="12">
        {label(spec.breadcrumb)}
      </text>
      {positioned.map(({ row, y }, index) => (
        <g key={index}>{drawRow(row, y, label, sample, shown, selected)}</g>
      ))}
      {[...frames].map(([n, box]) => {
        const active = activeFrames.includes(n);
        return (
          <g key={`frame-${n}`} data-frame={n} data-active={active ? 'true' : 'false'}>
            <rect
              x="30"
              y={box.top - 4}
              width={WIDTH - 44}
              height={box.bottom - box.top + 8}
              fill="none"
              stroke={active ? RED : '#b8bec8'}
              strokeWidth={active ? 3 : 1}
              strokeDasharray={active ? undefined : '4 3'}
              rx="4"
            />
            <circle cx="16" cy={box.top + 12} r="11" fill={active ? RED : '#b8bec8'} />
            <text
              x="16"
              y={box.top + 16.5}
              fill="#ffffff"
              fontSize="13"
              fontWeight="700"
              textAnchor="middle"
            >
              {n}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

function drawRow(
  row: MockRow,
  y: number,
  label: (key: string) => string,
  sample: (key: string) => string,
  shown: (row: MockRow, fallback: string) => string,
  selected: (row: MockRow) => number,
) {
  const cellText = (row: Extract<MockRow, { kind: 'columns' }>, i: number, cell: string) => {
    if (row.header) return sample(cell);
    if (i === row.cells.length - 1) return shown(row, sample(cell));
    const key = row.cellValues?.[i];
    return key === undefined ? sample(cell) : shown({ ...row, value: key }, sample(cell));
  };
  const mid = y + ROW_HEIGHT / 2 + 4;
  switch (row.kind) {
    case 'heading':
      return (
        <text x="44" y={mid} fontSize="14" fontWeight="700" fill="#16191f">
          {label(row.label)}
        </text>
      );
    case 'pair':
      return (
        <>
          <text x="44" y={mid} fontSize="12" fill="#5f6b7a">
            {label(row.label)}
          </text>
          <text x="230" y={mid} fontSize="12.5" fill="#16191f" fontFamily="monospace">
            {shown(row, sample(row.sample))}
          </text>
        </>
      );
    case 'field':
      return (
        <>
          <text x="44" y={mid} fontSize="12" fill="#16191f">
            {label(row.label)}
          </text>
          <rect
            x="230"
            y={y + 4}
            width="370"
            height={ROW_HEIGHT - 8}
            rx="3"
            fill="#fff"
            stroke="#8d99a8"
          />
          <text x="238" y={mid} fontSize="12" fill="#414d5c" fontFamily="monospace">
            {shown(row, row.sample === undefined ? '' : sample(row.sample))}
          </text>
          {row.select && <path d={`M584 ${y + 14} l6 7 l6 -7 z`} fill="#414d5c" />}
        </>
      );
    case 'columns': {
      const width = (WIDTH - 88) / row.cells.length;
      return (
        <>
          {row.header && (
            <rect x="40" y={y + 2} width={WIDTH - 80} height={ROW_HEIGHT - 4} fill="#f2f3f3" />
          )}
          {row.cells.map((cell, i) => (
            <text
              key={cell + i}
              x={44 + i * width}
              y={mid}
              fontSize="12"
              fontWeight={row.header ? 700 : 400}
              fill="#16191f"
              fontFamily={row.header ? undefined : 'monospace'}
            >
              {cellText(row, i, cell)}
            </text>
          ))}
        </>
      );
    }
    case 'tabs':
      return (
        <>
          {row.labels.map((tab, i) => (
            <g key={tab}>
              <text
                x={44 + i * 130}
                y={y + 18}
                fontSize="12.5"
                fontWeight={i === row.active ? 700 : 400}
                fill={i === row.active ? '#0972d3' : '#414d5c'}
              >
                {label(tab)}
              </text>
              {i === row.active && (
                <rect x={44 + i * 130} y={y + 24} width="110" height="3" fill="#0972d3" />
              )}
            </g>
          ))}
        </>
      );
    case 'checkbox':
      return (
        <>
          <rect x="44" y={y + 9} width="16" height="16" rx="2" fill="#fff" stroke="#414d5c" />
          <path d={`M47 ${y + 17} l4 4 l7 -8`} fill="none" stroke={RED} strokeWidth="2.5" />
          <text x="68" y={mid} fontSize="11.5" fill="#16191f">
            {label(row.label)}
          </text>
        </>
      );
    case 'radio':
      return (
        <>
          {row.labels.map((option, i) => (
            <g key={option}>
              <circle cx={52 + i * 200} cy={y + 17} r="7" fill="#fff" stroke="#414d5c" />
              {i === selected(row) && (
                <circle cx={52 + i * 200} cy={y + 17} r="3.5" fill="#0972d3" />
              )}
              <text x={66 + i * 200} y={mid} fontSize="12.5" fill="#16191f">
                {label(option)}
              </text>
            </g>
          ))}
        </>
      );
    case 'button':
      return (
        <>
          <rect x="44" y={y + 3} width="190" height={ROW_HEIGHT - 6} rx="14" fill="#ff9900" />
          <text x="139" y={mid} fontSize="12.5" fontWeight="700" fill="#16191f" textAnchor="middle">
            {label(row.label)}
          </text>
        </>
      );
  }
}
