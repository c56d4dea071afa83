/** US dollars as AWS lists prices: two decimals, a leading `$`. */
export function formatUsd(amount: number): string {
  return `$${amount.toFixed(2)}`;
}

/** A duration as m:ss (or h:mm:ss), the way a stopwatch shows it. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
