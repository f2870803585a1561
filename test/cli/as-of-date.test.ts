import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { EXAMPLE_DIR } from '../support/example-grids';

describe('--as-of', () => {
  it('a day that does not exist is "not a real date", naming why; a wrong form asks for YYYY-MM-DD', async () => {
    const impossible = await runCli(['drift', EXAMPLE_DIR, '--as-of', '2018-09-31']);
    expect(impossible.exitCode).toBe(2);
    expect(impossible.stderr).toMatch(/--as-of: "2018-09-31" is not a real date: September 2018 has 30 days/);
    expect(impossible.stderr).not.toMatch(/expected|as YYYY-MM-DD/);
    const form = await runCli(['drift', EXAMPLE_DIR, '--as-of', '9/30/2018']);
    expect(form.exitCode).toBe(2);
    expect(form.stderr).toMatch(/--as-of: expected a date as YYYY-MM-DD; found "9\/30\/2018"/);
  });
});
