import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { EXAMPLE_DIR } from '../support/example-grids';

describe('rebalance lots, as text', () => {
  it('shows dollars as dollars, like drift and plan, and a loss lot\'s tax as a saving', async () => {
    const result = await runCli(['lots', EXAMPLE_DIR]);
    expect(result.exitCode).toBe(0);
    const line = (lot: string) => result.stdout.split('\n').find((l) => l.includes(` ${lot} `)) ?? '';
    // 610.25 FSPSX: basis $24,410.00, value 610.25 x $55.20 = $33,685.80, gain $9,275.80, $15.20 a share.
    expect(line('A401K-FSPSX-2017a')).toMatch(/\$24,410\.00\s+\$33,685\.80\s+\$9,275\.80\s+\$15\.20\s+long/);
    // 250 BND at $73.80 against $21,725.00: a $3,275.00 loss, saving 20% of it ($655.00).
    expect(line('TX-BND-2021')).toMatch(/\$21,725\.00\s+\$18,450\.00\s+-\$3,275\.00\s+-\$13\.10\s+long.*saves \$655\.00/);
  });
});
