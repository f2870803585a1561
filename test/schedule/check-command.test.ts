import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { EXAMPLE_DIR } from '../support/example-grids';

describe('rebalance check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'check-'));

  it('prints the review it would send, and writes the HTML', async () => {
    const html = join(dir, 'email.html');
    const result = await runCli(['check', EXAMPLE_DIR, '--html', html]);
    expect(result.exitCode).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual(['Check as of 2026-11-20: review (review:2026-11).', 'Would send an email to alex.rivera@example.com.', `HTML written to ${html}.`]);
    expect(result.stdout).toContain('Subject: Rebalance due: 7 classes outside their bands, est. tax saving $91');
    expect(readFileSync(html, 'utf8')).toMatch(/^<!DOCTYPE html>/);
  });

  it('with a state file of this month\'s review: nothing to send', async () => {
    const state = join(dir, 'state.json');
    writeFileSync(state, JSON.stringify({ lastReview: '2026-11-02', reviewKey: 'review:2026-11', alertKey: 'alert:2026-11:International Bonds|REITs|TIPS|US Bonds|US Small Cap' }));
    const result = await runCli(['check', EXAMPLE_DIR, '--state', state, '--json']);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ asOf: '2026-11-20', kind: 'nothing', wouldSend: false, subject: 'No action needed' });
    expect(json.cpaNote).toEqual({ due: false, harvested: '2010', threshold: '3000', to: 'cpa@example.com' });
  });

  it('--as-of moves the date: December is a new review', async () => {
    const state = join(dir, 'state2.json');
    writeFileSync(state, JSON.stringify({ lastReview: '2026-11-02' }));
    const json = JSON.parse((await runCli(['check', EXAMPLE_DIR, '--state', state, '--as-of', '2026-12-01', '--json'])).stdout);
    expect(json).toMatchObject({ kind: 'review', periodKey: 'review:2026-12', wouldSend: true });
  });

  it('a missing workbook argument is a usage error', async () => {
    expect((await runCli(['check'])).exitCode).toBe(2);
  });
});
