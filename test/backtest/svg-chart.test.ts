import { describe, expect, it } from 'vitest';
import { dec } from '../../src/engine/money';
import { backtestSvg, escapeXml } from '../../src/engine/backtest/svg-chart';
import { compactDollars, compactPercent, niceTicks } from '../../src/engine/backtest/chart-ticks';
import { backtestCommand } from '../../src/cli/commands/backtest';

describe('SVG chart', () => {
  it('escapes labels and carries no script', () => {
    const svg = backtestSvg({
      title: 'A <script>alert(1)</script> & "quotes"',
      xLabels: ['start', '1', '2'],
      value: [{ name: '<b>never</b>', values: [dec(100), dec(110), dec(120)] }],
      drift: [{ name: 'never', values: [dec(0), dec('0.01'), dec('0.02')] }],
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).not.toMatch(/<script/i);
    expect(svg).not.toMatch(/\bon[a-z]+=/i);
    expect(svg).toContain('A &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(svg).toContain('&lt;b&gt;never&lt;/b&gt;');
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(escapeXml(`'`)).toBe('&apos;');
  });

  it('the CLI prints one line per policy in each panel', async () => {
    const out = await backtestCommand(['--constant', '8%,4%', '--mix', '70/30', '--policy', 'never,annual,threshold', '--svg'], {
      readFile: () => '',
    });
    expect(out.exitCode).toBe(0);
    expect(out.stdout.match(/<polyline/g)).toHaveLength(6);
    // Round ticks ($0, $200K ... $1M), not the data's own figures.
    expect(out.stdout).toContain('>$1M</text>');
    expect(out.stdout).toContain('>$200K</text>');
    expect(out.stdout).not.toContain('$977,660');
  });
});

describe('ticks a person reads at a glance', () => {
  it('a few round values covering the data', () => {
    expect(niceTicks(0, 1154180, 3)).toEqual([0, 500000, 1000000, 1500000]);
    expect(niceTicks(0, 977660, 5)).toEqual([0, 200000, 400000, 600000, 800000, 1000000]);
    expect(niceTicks(0, 0.0723, 3)).toEqual([0, 0.025, 0.05, 0.075]);
    expect(niceTicks(0, 0, 3)).toEqual([0, 0.5, 1]);
  });

  it('labels as short as the value allows: $1.2M, not $1,154,180', () => {
    expect([1200000, 1000000, 1250000, 750000, 950, 0, 2.5e9, -40000].map(compactDollars)).toEqual(['$1.2M', '$1M', '$1.25M', '$750K', '$950', '$0', '$2.5B', '−$40K']);
    expect([0, 0.025, 0.05, 0.1, 0.123].map(compactPercent)).toEqual(['0%', '2.5%', '5%', '10%', '12.3%']);
  });
});

describe('the compact chart, drawn at the sidebar width', () => {
  const years = Array.from({ length: 11 }, (_, i) => (i === 0 ? 'start' : String(2015 + i)));
  const line = (from: number, to: number) => years.map((_, i) => dec(Math.round(from + ((to - from) * i) / 10)));
  const input = {
    title: 'Latest window, 2016-2025: value and drift',
    xLabels: years,
    value: ['yours', 'never', 'annual', 'threshold', 'planner'].map((name, k) => ({ name, values: line(742246, 1154180 + k * 20000) })),
    drift: ['yours', 'never', 'annual', 'threshold', 'planner'].map((name, k) => ({ name, values: years.map((_, i) => dec((0.01 * ((i + k) % 4)).toFixed(3))) })),
  };
  const svg = backtestSvg(input, 'compact');
  const texts = [...svg.matchAll(/<text[^>]*font-size="(\d+)"[^>]*>([^<]*)<\/text>/g)].map((m) => ({ size: Number(m[1]), text: m[2] }));

  it('is 280 wide with no text under 10 px, so nothing is scaled down in a 300 px sidebar', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="280" /);
    expect(Math.min(...texts.map((t) => t.size))).toBeGreaterThanOrEqual(10);
  });

  it('has a few round money ticks and at most 4 year labels per panel', () => {
    const money = texts.filter((t) => t.text.startsWith('$')).map((t) => t.text);
    expect(money).toEqual(['$0', '$500K', '$1M', '$1.5M']);
    const yearLabels = texts.filter((t) => /^(start|\d{4})$/.test(t.text)).map((t) => t.text);
    expect(yearLabels.length).toBeLessThanOrEqual(8);
    expect(yearLabels).toContain('2025');
  });

  it('one legend under the panels; each name fits its column', () => {
    const legend = texts.filter((t) => ['yours', 'never', 'annual', 'threshold', 'planner'].includes(t.text));
    expect(legend.map((t) => t.text)).toEqual(['yours', 'never', 'annual', 'threshold', 'planner']);
    const long = backtestSvg({ ...input, value: [{ name: 'calendar+threshold with a very long name', values: line(1, 2) }] }, 'compact');
    expect(long).toContain('calendar+threshold…');
  });
});
