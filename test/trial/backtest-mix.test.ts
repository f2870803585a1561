import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';

describe('backtest --mix that does not add up to 100', () => {
  it.each([
    ['70', '--mix: expected percents that add up to 100, like 70/30; found "70", which adds up to 70'],
    ['70/40', '--mix: expected percents that add up to 100, like 70/30; found "70/40", which adds up to 110'],
  ])('--mix %s is a usage error naming the flag (exit 2), not a simulator error for 1928-2025', async (mix, message) => {
    const result = await runCli(['backtest', '--mix', mix, '--constant', '8%,4%', '--years', '3']);
    expect(result.exitCode).toBe(2);
    expect((result.stderr ?? '').split('\n')[0]).toBe(`error: ${message}`);
  });
  it('60/40, 60%/40% and 100 still run', async () => {
    for (const [mix, constant] of [['60/40', '8%,4%'], ['60%/40%', '8%,4%'], ['100', '8%'], ['50/30/20', '8%,4%,2%']]) {
      expect((await runCli(['backtest', '--mix', mix, '--constant', constant, '--years', '2'])).exitCode).toBe(0);
    }
  });
});

describe('backtest --constant with a return per asset missing or extra', () => {
  it('is a usage error naming --constant and the mix\'s assets (exit 2)', async () => {
    const result = await runCli(['backtest', '--mix', '100', '--constant', '8%,4%,2%', '--years', '2']);
    expect(result.exitCode).toBe(2);
    expect((result.stderr ?? '').split('\n')[0]).toBe('error: --constant: expected one return per asset of the mix, in its order (stocks); found 3 for 1');
  });
});
