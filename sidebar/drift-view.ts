import type { AccountJson, ClassBarJson } from '../src/gas/sidebar-api';
import { el, type Child } from './dom';
import { money, percent } from './format';
import { driftSparkline, type DriftPointJson } from './sparkline';

const pct = (fraction: number, scale: number) => `${Math.max(0, Math.min(100, (fraction / scale) * 100)).toFixed(2)}%`;

/** One class: the current weight as a filled bar, the band as a shaded span, the target as a tick. */
function bar(name: string, weight: string, target: string | null, bandLow: string | null, bandHigh: string | null, status: string, scale: number, tick: 'target' | 'plan' = 'target'): HTMLElement {
  const w = Number(weight);
  const statusClass = status === 'over' || status === 'under' ? status : status === 'within' ? 'within' : 'neutral';
  const track = el('div', { class: 'track' }, [
    el('div', { class: 'fill', style: { width: pct(w, scale) } }),
    bandLow !== null && bandHigh !== null
      ? el('div', { class: 'band', style: { left: pct(Number(bandLow), scale), width: pct(Number(bandHigh) - Number(bandLow), scale) } })
      : null,
    target !== null ? el('div', { class: 'target', style: { left: pct(Number(target), scale) } }) : null,
  ]);
  const title =
    target === null
      ? `${name}: ${percent(weight)}`
      : `${name}: ${percent(weight)} now, ${tick === 'plan' ? 'planned' : 'target'} ${percent(target)}${bandLow !== null && bandHigh !== null ? `, band ${percent(bandLow)}–${percent(bandHigh)}` : ''} (${status})`;
  return el('div', { class: `bar-row status-${statusClass}`, title, attrs: { 'data-class': name, 'data-status': status } }, [
    el('div', { class: 'bar-label' }, [
      el('span', { class: 'name', text: name }),
      el('span', { class: 'nums' }, [el('b', { text: percent(weight) }), target !== null ? el('span', { class: 'muted', text: ` / ${percent(target)}` }) : null]),
    ]),
    track,
  ]);
}

/** A common scale so bars compare across classes: the largest weight or band edge, plus room. */
function scaleOf(values: readonly (string | null)[]): number {
  const max = Math.max(0.05, ...values.map((v) => Number(v ?? 0)).filter(Number.isFinite));
  return Math.min(1, max * 1.1);
}

export function householdBars(classes: readonly ClassBarJson[], history: readonly DriftPointJson[] = []): Child[] {
  const scale = scaleOf(classes.flatMap((c) => [c.weight, c.bandHigh, c.target]));
  return [
    driftSparkline(history),
    ...classes.map((c) => bar(c.assetClass, c.weight, c.status === 'no target' ? null : c.target, c.bandLow, c.bandHigh, c.status, scale)),
    el('div', { class: 'legend' }, [
      el('span', {}, [el('i', { attrs: { style: 'background:rgba(26,115,232,.25)' } }), 'band']),
      el('span', {}, [el('i', { attrs: { style: 'background:#202124;width:2px' } }), 'target']),
      el('span', {}, [el('i', { attrs: { style: 'background:#1e8e3e' } }), 'within']),
      el('span', {}, [el('i', { attrs: { style: 'background:#d93025' } }), 'over']),
      el('span', {}, [el('i', { attrs: { style: 'background:#f29900' } }), 'under']),
    ]),
  ];
}

/**
 * Each account against its share of the household plan (after asset location: bonds in the IRA,
 * growth in the Roth), not against the household targets: an IRA holding mostly bonds by design
 * is within its plan. The tick is the planned weight, the band the household's tolerance around
 * it. Without a plan (the planner refused), the household targets are shown, and why.
 */
export function accountBars(accounts: readonly AccountJson[], classes: readonly ClassBarJson[]): Child[] {
  const targetOf = new Map(classes.filter((c) => c.status !== 'no target').map((c) => [c.assetClass, c.target]));
  const order = (name: string) => {
    const i = classes.findIndex((c) => c.assetClass === name);
    return i < 0 ? classes.length : i;
  };
  const problem = accounts.find((a) => a.planned === null)?.planProblem ?? null;
  const intro = problem
    ? el('p', { class: 'muted account-plan-note', text: `${problem} The ticks show the household targets instead.` })
    : el('p', { class: 'muted account-plan-note', text: "Each account against its share of the household plan (classes placed by asset location), so bonds held in an IRA by design show as within." });
  return [
    intro,
    ...accounts.map((a) => {
      const scale = scaleOf([...a.classes.map((c) => c.weight), ...(a.planned ?? []).flatMap((c) => [c.planned, c.bandHigh])]);
      const rows =
        a.planned !== null
          ? a.planned.map((c) => bar(c.assetClass, c.weight, c.status === 'no target' ? null : c.planned, c.status === 'no target' ? null : c.bandLow, c.status === 'no target' ? null : c.bandHigh, c.status, scale, 'plan'))
          : [...a.classes].sort((x, y) => order(x.assetClass) - order(y.assetClass)).map((c) => bar(c.assetClass, c.weight, targetOf.get(c.assetClass) ?? null, null, null, 'neutral', scale));
      const off = (a.planned ?? []).filter((c) => c.status === 'over' || c.status === 'under').length;
      return el('div', { class: 'account-drift', attrs: { 'data-account': a.name } }, [
        el('h3', {}, [
          el('span', { text: a.name }),
          el('span', { class: 'muted', text: ` · ${a.type} · ${money(a.total)}` }),
          a.planned !== null ? el('span', { class: off === 0 ? 'plan-ok' : 'plan-off', text: off === 0 ? ' · within plan' : ` · ${off} off plan` }) : null,
        ]),
        a.classes.length === 0 && (a.planned ?? []).length === 0 ? el('p', { class: 'muted', text: 'No holdings.' }) : null,
        ...rows,
      ]);
    }),
  ];
}
