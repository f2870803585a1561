/**
 * Axis ticks a person reads at a glance: a few round values (1, 2, 2.5 or 5 times a power of
 * ten) covering the data, and labels as short as the step allows ($1.2M, $800K, 4%). Chart
 * geometry only: plain numbers are fine here, no money is computed from them.
 */

/** Round tick values from at or below `min` to at or above `max`, about `target` intervals. */
export function niceTicks(min: number, max: number, target = 4): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0, 1];
  if (max <= min) max = min + (min === 0 ? 1 : Math.abs(min) * 0.1);
  const raw = (max - min) / Math.max(1, target);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const first = Math.floor(min / step + 1e-9) * step;
  const ticks: number[] = [];
  for (let v = first; v < max + step - 1e-9 * step; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks.length >= 2 ? ticks : [first, first + step];
}

/** The fewest decimals (up to `max`) that show `x` exactly: 1, 1.5, 1.25. */
function shortest(x: number, max: number): string {
  for (let p = 0; p < max; p++) {
    const text = x.toFixed(p);
    if (Math.abs(Number(text) - x) < 1e-9 * Math.max(1, Math.abs(x))) return text;
  }
  return x.toFixed(max);
}

/** $1.2M, $1M, $750K, $950, $0: a tick label as short as its value allows. */
export function compactDollars(value: number): string {
  const abs = Math.abs(value);
  const sign = value < 0 ? '−' : '';
  if (abs < 0.5) return '$0';
  const unit = abs >= 1e9 ? 1e9 : abs >= 1e6 ? 1e6 : abs >= 1e3 ? 1e3 : 1;
  const suffix = unit === 1e9 ? 'B' : unit === 1e6 ? 'M' : unit === 1e3 ? 'K' : '';
  return `${sign}$${shortest(abs / unit, unit === 1 ? 0 : 2)}${suffix}`;
}

/** 0%, 2.5%, 10%: a fraction as a percent, as short as its value allows. */
export function compactPercent(value: number): string {
  return `${shortest(value * 100, 2)}%`;
}
