import { describe, expect, it } from 'vitest';
import { dec } from '../../src/engine/money';
import { backtestSvg, escapeXml } from '../../src/engine/backtest/svg-chart';
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
    expect(out.stdout).toContain('$977,660');
  });
});
