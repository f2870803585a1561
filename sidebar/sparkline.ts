import { el } from './dom';
import { percent } from './format';

/** One History row as getPlannerState sends it: an ISO date and the household drift as a decimal string. */
export interface DriftPointJson {
  date: string;
  drift: string;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xml = (text: string) => text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]);
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const dayNumber = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

/** The points worth drawing: a real date and a finite drift, oldest first (anything else is skipped). */
export function cleanPoints(points: readonly DriftPointJson[]): { date: string; day: number; drift: number }[] {
  return points
    .filter((p) => typeof p?.date === 'string' && ISO.test(p.date) && Number.isFinite(Number(p.drift)) && p.drift !== '')
    .map((p) => ({ date: p.date, day: dayNumber(p.date), drift: Number(p.drift) }))
    .sort((a, b) => a.day - b.day);
}

/**
 * The sparkline as an SVG document: drift against the date (days, so a gap between checks shows
 * as one), from 0 at the bottom, the last point marked. Every piece of text in it is escaped.
 */
export function sparklineSvg(points: readonly DriftPointJson[], width = 268, height = 36): string | null {
  const pts = cleanPoints(points);
  if (pts.length < 2) return null;
  const pad = 3;
  const first = pts[0].day;
  const span = Math.max(1, pts[pts.length - 1].day - first);
  const top = Math.max(0.01, ...pts.map((p) => p.drift));
  const x = (day: number) => pad + ((day - first) / span) * (width - 2 * pad);
  const y = (drift: number) => height - pad - (Math.max(0, drift) / top) * (height - 2 * pad);
  const line = pts.map((p) => `${x(p.day).toFixed(1)},${y(p.drift).toFixed(1)}`).join(' ');
  const last = pts[pts.length - 1];
  const title = `Household drift from ${percent(String(pts[0].drift))} on ${pts[0].date} to ${percent(String(last.drift))} on ${last.date}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<title>${xml(title)}</title>`,
    `<line x1="${pad}" y1="${height - pad}" x2="${width - pad}" y2="${height - pad}" stroke="#dadce0" stroke-width="1"/>`,
    `<polyline points="${line}" fill="none" stroke="#1a73e8" stroke-width="1.5" stroke-linejoin="round"/>`,
    `<circle cx="${x(last.day).toFixed(1)}" cy="${y(last.drift).toFixed(1)}" r="2.5" fill="#1a73e8"/>`,
    '</svg>',
  ].join('');
}

/** Household drift at each scheduled check (History tab), with a caption; null until there are two checks. */
export function driftSparkline(points: readonly DriftPointJson[]): HTMLElement | null {
  const svg = sparklineSvg(points);
  if (svg === null) return null;
  const pts = cleanPoints(points);
  const first = pts[0];
  const last = pts[pts.length - 1];
  // As an image, like the backtest chart: the SVG is never parsed into the sidebar's DOM.
  return el('div', { class: 'sparkline', attrs: { 'data-points': String(pts.length) } }, [
    el('img', { attrs: { src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`, alt: 'Household drift over time', width: '268', height: '36' } }),
    el('div', { class: 'muted small', text: `Household drift at each check: ${percent(String(first.drift))} on ${first.date} → ${percent(String(last.drift))} on ${last.date}` }),
  ]);
}
