import type { Decimal } from '../money';
import { compactDollars, compactPercent, niceTicks } from './chart-ticks';

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

/**
 * Two layouts. `wide` (760 px, legend at the right) for the CLI's --svg and the sidebar's
 * "open larger" dialog; `compact` (280 px, legend below) drawn at the size the 300 px sidebar
 * shows it, so its 10 px labels stay 10 px. Both use a few round ticks ($1.2M, 4%).
 */
export type ChartLayout = 'wide' | 'compact';

interface Geometry {
  width: number;
  panelHeight: number;
  margin: { left: number; right: number; top: number; bottom: number };
  font: { title: number; heading: number; tick: number; legend: number };
  ticks: number;
  xLabels: number;
  /** Legend to the right of each panel, or one legend under both, in `columns`. */
  legend: { side: 'right' } | { side: 'below'; columns: number; row: number };
  title: boolean;
}

const GEOMETRY: Record<ChartLayout, Geometry> = {
  wide: {
    width: 760,
    panelHeight: 240,
    margin: { left: 70, right: 170, top: 40, bottom: 36 },
    font: { title: 15, heading: 14, tick: 11, legend: 12 },
    ticks: 5,
    xLabels: 10,
    legend: { side: 'right' },
    title: true,
  },
  compact: {
    width: 280,
    panelHeight: 150,
    margin: { left: 40, right: 10, top: 22, bottom: 22 },
    font: { title: 12, heading: 11, tick: 10, legend: 10 },
    ticks: 3,
    xLabels: 4,
    legend: { side: 'below', columns: 2, row: 15 },
    title: false,
  },
};

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

/** A legend name cut to the room it has (an average glyph is about 0.6 em wide). */
function fit(name: string, room: number, font: number): string {
  const chars = Math.max(3, Math.floor(room / (font * 0.6)));
  return name.length <= chars ? name : `${name.slice(0, chars - 1)}…`;
}

function legendEntry(x: number, y: number, color: string, name: string, room: number, font: number): string {
  return [
    `<rect x="${fixed(x)}" y="${fixed(y - font + 2)}" width="10" height="${font - 2}" fill="${color}"/>`,
    `<text x="${fixed(x + 14)}" y="${fixed(y)}" font-size="${font}">${escapeXml(fit(name, room - 16, font))}</text>`,
  ].join('\n');
}

/** Which of `count` x positions get a label: about `wanted`, evenly spaced, always the last. */
function labelled(count: number, wanted: number): Set<number> {
  const step = Math.max(1, Math.ceil((count - 1) / Math.max(1, wanted - 1)));
  const out = new Set<number>();
  for (let i = 0; i < count; i += step) out.add(i);
  // The last label replaces one that would collide with it.
  const last = count - 1;
  const prev = [...out].filter((i) => i !== last).pop();
  if (prev !== undefined && last - prev < step * 0.6) out.delete(prev);
  out.add(last);
  return out;
}

function panel(g: Geometry, top: number, heading: string, series: readonly ChartSeries[], xLabels: readonly string[], formatY: (v: number) => string): string {
  const numbers = series.map((s) => s.values.map((v) => v.toNumber()));
  const all = numbers.flat();
  const ticks = niceTicks(Math.min(0, ...all), Math.max(0, ...all), g.ticks);
  const min = ticks[0];
  const max = ticks[ticks.length - 1];
  const { margin } = g;
  const plotW = g.width - margin.left - margin.right;
  const plotH = g.panelHeight - margin.top - margin.bottom;
  const points = Math.max(xLabels.length, 2);
  const x = (i: number) => margin.left + (plotW * i) / (points - 1);
  const y = (v: number) => top + margin.top + plotH - (plotH * (v - min)) / (max - min || 1);
  const parts: string[] = [];
  parts.push(`<text x="${margin.left}" y="${top + margin.top - 7}" font-size="${g.font.heading}" font-weight="bold">${escapeXml(heading)}</text>`);
  for (const v of ticks) {
    parts.push(`<line x1="${margin.left}" x2="${margin.left + plotW}" y1="${fixed(y(v))}" y2="${fixed(y(v))}" stroke="#e8eaed"/>`);
    parts.push(`<text x="${margin.left - 4}" y="${fixed(y(v) + g.font.tick / 3)}" font-size="${g.font.tick}" text-anchor="end" fill="#5f6368">${escapeXml(formatY(v))}</text>`);
  }
  parts.push(`<rect x="${margin.left}" y="${top + margin.top}" width="${plotW}" height="${plotH}" fill="none" stroke="#9aa0a6"/>`);
  const shown = labelled(xLabels.length, g.xLabels);
  xLabels.forEach((label, i) => {
    if (!shown.has(i)) return;
    const anchor = i === 0 ? 'start' : i === xLabels.length - 1 ? 'end' : 'middle';
    parts.push(`<text x="${fixed(x(i))}" y="${top + margin.top + plotH + g.font.tick + 4}" font-size="${g.font.tick}" text-anchor="${anchor}" fill="#5f6368">${escapeXml(label)}</text>`);
  });
  numbers.forEach((values, s) => {
    const color = COLORS[s % COLORS.length];
    const path = values.map((v, i) => `${fixed(x(i))},${fixed(y(v))}`).join(' ');
    parts.push(`<polyline fill="none" stroke="${color}" stroke-width="1.5" points="${path}"/>`);
    if (g.legend.side === 'right') {
      parts.push(legendEntry(g.width - margin.right + 12, top + margin.top + 16 * s + 10, color, series[s].name, margin.right - 14, g.font.legend));
    }
  });
  return parts.join('\n');
}

/** One legend under both panels, in columns (compact layout). */
function legendBelow(g: Geometry, top: number, names: readonly string[]): string {
  if (g.legend.side !== 'below') return '';
  const { columns, row } = g.legend;
  const room = (g.width - g.margin.left + 30) / columns;
  return names
    .map((name, s) => legendEntry(g.margin.left - 30 + room * (s % columns), top + row * Math.floor(s / columns) + g.font.legend, COLORS[s % COLORS.length], name, room, g.font.legend))
    .join('\n');
}

export function backtestSvg(input: BacktestChartInput, layout: ChartLayout = 'wide'): string {
  const g = GEOMETRY[layout];
  const head = g.title ? 30 : 0;
  const names = input.value.map((s) => s.name);
  const legendRows = g.legend.side === 'below' ? Math.ceil(names.length / g.legend.columns) : 0;
  const legendHeight = g.legend.side === 'below' ? legendRows * g.legend.row + 6 : 0;
  const height = head + g.panelHeight * 2 + legendHeight;
  const driftHeading = layout === 'wide' ? 'Drift from target (half the sum of |weight - target|, before trading)' : 'Drift from target';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${g.width}" height="${height}" viewBox="0 0 ${g.width} ${height}" font-family="Roboto, Arial, sans-serif">`,
    `<title>${escapeXml(input.title)}</title>`,
    g.title ? `<text x="${g.width / 2}" y="20" font-size="${g.font.title}" text-anchor="middle">${escapeXml(input.title)}</text>` : '',
    panel(g, head, 'Portfolio value', input.value, input.xLabels, compactDollars),
    panel(g, head + g.panelHeight, driftHeading, input.drift, input.xLabels, compactPercent),
    legendBelow(g, head + g.panelHeight * 2, names),
    '</svg>',
    '',
  ]
    .filter((line) => line !== '')
    .concat([''])
    .join('\n');
}
