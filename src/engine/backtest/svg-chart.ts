import type { Decimal } from '../money';

/**
 * A self-contained SVG (no scripts, no external fonts or links) with two panels: portfolio value
 * over time per policy, and drift from target over time per policy. Built as a string so the
 * engine stays free of any DOM; every label is XML-escaped, so a class or policy name cannot
 * inject markup.
 */

export interface ChartSeries {
  name: string;
  values: readonly Decimal[];
}

export interface BacktestChartInput {
  title: string;
  /** One label per point (index 0 is the start). */
  xLabels: readonly string[];
  value: readonly ChartSeries[];
  drift: readonly ChartSeries[];
}

const WIDTH = 760;
const PANEL_HEIGHT = 240;
const MARGIN = { left: 90, right: 170, top: 40, bottom: 36 };
const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#17becf'];

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function fixed(n: number): string {
  return Number.isFinite(n) ? n.toFixed(1) : '0';
}

function panel(
  top: number,
  heading: string,
  series: readonly ChartSeries[],
  xLabels: readonly string[],
  formatY: (v: number) => string,
): string {
  const numbers = series.map((s) => s.values.map((v) => v.toNumber()));
  const all = numbers.flat();
  let min = Math.min(0, ...all);
  let max = Math.max(...all, 0);
  if (max === min) max = min + 1;
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = PANEL_HEIGHT - MARGIN.top - MARGIN.bottom;
  const points = Math.max(xLabels.length, 2);
  const x = (i: number) => MARGIN.left + (plotW * i) / (points - 1);
  const y = (v: number) => top + MARGIN.top + plotH - (plotH * (v - min)) / (max - min);
  const parts: string[] = [];
  parts.push(`<text x="${MARGIN.left}" y="${top + 24}" font-size="14" font-weight="bold">${escapeXml(heading)}</text>`);
  parts.push(
    `<rect x="${MARGIN.left}" y="${top + MARGIN.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#999"/>`,
  );
  for (let k = 0; k <= 4; k += 1) {
    const v = min + ((max - min) * k) / 4;
    parts.push(
      `<text x="${MARGIN.left - 6}" y="${fixed(y(v) + 4)}" font-size="10" text-anchor="end">${escapeXml(formatY(v))}</text>`,
    );
  }
  const step = Math.max(1, Math.ceil(xLabels.length / 10));
  xLabels.forEach((label, i) => {
    if (i % step !== 0 && i !== xLabels.length - 1) return;
    parts.push(
      `<text x="${fixed(x(i))}" y="${top + PANEL_HEIGHT - 18}" font-size="10" text-anchor="middle">${escapeXml(label)}</text>`,
    );
  });
  numbers.forEach((values, s) => {
    const color = COLORS[s % COLORS.length];
    const path = values.map((v, i) => `${fixed(x(i))},${fixed(y(v))}`).join(' ');
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="1.5" points="${path}"/>`);
    const legendY = top + MARGIN.top + 14 * s + 8;
    parts.push(`<rect x="${WIDTH - MARGIN.right + 12}" y="${legendY - 8}" width="10" height="10" fill="${color}"/>`);
    parts.push(
      `<text x="${WIDTH - MARGIN.right + 28}" y="${legendY + 1}" font-size="11">${escapeXml(series[s].name)}</text>`,
    );
  });
  return parts.join('\n');
}

export function backtestSvg(input: BacktestChartInput): string {
  const height = 30 + PANEL_HEIGHT * 2;
  const dollars = (v: number) => `$${String(Math.round(v)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
  const percent = (v: number) => `${(v * 100).toFixed(1)}%`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif">`,
    `<title>${escapeXml(input.title)}</title>`,
    `<text x="${WIDTH / 2}" y="20" font-size="15" text-anchor="middle">${escapeXml(input.title)}</text>`,
    panel(30, 'Portfolio value', input.value, input.xLabels, dollars),
    panel(30 + PANEL_HEIGHT, 'Drift from target (half the sum of |weight - target|, before trading)', input.drift, input.xLabels, percent),
    '</svg>',
    '',
  ].join('\n');
}
