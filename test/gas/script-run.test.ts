import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { dec } from '../../src/engine/money';
import { checkTransportable, createScriptRun, type CallServer } from '../../src/local-google/script-run';

const echo: CallServer = async (_name, args) => args[0];

describe('checkTransportable', () => {
  it('accepts plain data and returns a copy; undefined in arrays becomes null, undefined properties vanish', () => {
    const input = { cash: '1500.25', lots: [{ shares: 10, covered: true }, undefined], note: null, gone: undefined };
    const out = checkTransportable(input, 'args[0]');
    expect(out).toEqual({ cash: '1500.25', lots: [{ shares: 10, covered: true }, null], note: null });
    expect(out).not.toBe(input);
    expect(Object.keys(out as object)).not.toContain('gone');
  });

  it('rejects a Date, a Decimal, a function, a DOM node, naming the path', () => {
    expect(() => checkTransportable({ asOf: new Date(0) }, 'args[0]')).toThrow(
      'Failed due to illegal value in property: args[0].asOf (a Date; send an ISO date string)',
    );
    expect(() => checkTransportable({ lots: [{ price: dec('10.5') }] }, 'result')).toThrow(
      'Failed due to illegal value in property: result.lots[0].price (an instance of Decimal',
    );
    expect(() => checkTransportable([() => 1], 'args[1]')).toThrow('illegal value in property: args[1][0] (a function)');
    expect(() => checkTransportable({ el: { nodeType: 1, nodeName: 'DIV' } }, 'args[0]')).toThrow('args[0].el (a DOM node)');
    class Plan {
      trades = [];
    }
    expect(() => checkTransportable(new Plan(), 'result')).toThrow('result (an instance of Plan');
    expect(() => checkTransportable(new Map(), 'result')).toThrow('an instance of Map');
  });

  it('rejects circular structures and non-finite numbers; keys that are not identifiers are quoted', () => {
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(() => checkTransportable(loop, 'args[0]')).toThrow('args[0].self (a circular reference)');
    expect(() => checkTransportable({ 'Drift %': Number.NaN }, 'result')).toThrow('result["Drift %"] (the number NaN)');
    const shared = { x: 1 };
    expect(checkTransportable([shared, shared], 'args[0]')).toEqual([{ x: 1 }, { x: 1 }]); // shared, not circular
  });

  it('accepts plain objects made in another realm (a vm context)', () => {
    const foreign = vm.runInNewContext('({ rows: [[1, "a"]], nested: Object.create(null) })') as object;
    expect(checkTransportable(foreign, 'result')).toEqual({ rows: [[1, 'a']], nested: {} });
    const foreignDate = vm.runInNewContext('new Date(0)') as object;
    expect(() => checkTransportable(foreignDate, 'result')).toThrow('a Date');
  });
});

describe('createScriptRun', () => {
  it('chains success handler and user object; the server gets a copy of the arguments', async () => {
    const seen: unknown[] = [];
    const { run, idle } = createScriptRun(async (name, args) => {
      seen.push(name, args);
      (args[0] as { n: number }).n = 99; // the server mutates its copy only
      return { ok: true };
    });
    const arg = { n: 1 };
    const results: unknown[] = [];
    run.withUserObject('row-7').withSuccessHandler((result, user) => results.push(result, user)).planTrades(arg, [undefined]);
    await idle();
    expect(seen).toEqual(['planTrades', [{ n: 99 }, [null]]]);
    expect(arg.n).toBe(1);
    expect(results).toEqual([{ ok: true }, 'row-7']);
  });

  it('an illegal argument throws in the caller, before any request', () => {
    let calls = 0;
    const { run } = createScriptRun(async () => {
      calls++;
    });
    expect(() => run.withSuccessHandler(() => {}).applyPlan({ asOf: new Date() })).toThrow('args[0].asOf (a Date');
    expect(() => run.applyPlan('ok', dec(1))).toThrow('args[1] (an instance of Decimal');
    expect(calls).toBe(0);
  });

  it('an illegal result and a server error reach the failure handler as Errors', async () => {
    const { run, idle } = createScriptRun(async (name) => {
      if (name === 'boom') throw new Error('Accounts row 3, column C: cash is not a number');
      return { when: new Date(0) };
    });
    const failures: [string, unknown][] = [];
    const onFailure = (error: Error, user: unknown) => failures.push([error.message, user]);
    run.withFailureHandler(onFailure).withUserObject(1).getPlan();
    run.withFailureHandler(onFailure).withUserObject(2).boom();
    await idle();
    expect(failures).toEqual([
      ['Failed due to illegal value in property: result.when (a Date; send an ISO date string)', 1],
      ['Accounts row 3, column C: cash is not a number', 2],
    ]);
  });

  it('a function ending in _ is not found; without a failure handler the failure is reported', async () => {
    const unhandled: string[] = [];
    const { run, idle } = createScriptRun(echo, { onUnhandledFailure: (e, name) => unhandled.push(`${name}: ${e.message}`) });
    run.helper_();
    run.withFailureHandler(null).helper_(); // withFailureHandler(null) silences it, as in Google
    await idle();
    expect(unhandled).toEqual(['helper_: Script function not found: helper_']);
  });

  it('keeps at most 10 calls in flight; the rest wait their turn', async () => {
    const releases: (() => void)[] = [];
    const { run, idle, inFlight, peakInFlight } = createScriptRun(
      (_name, args) => new Promise((resolve) => releases.push(() => resolve(args[0]))),
    );
    const done: unknown[] = [];
    for (let i = 0; i < 15; i++) run.withSuccessHandler((r) => done.push(r)).slow(i);
    await Promise.resolve();
    expect(inFlight()).toBe(10);
    while (releases.length > 0) {
      releases.shift()!();
      await new Promise((r) => setTimeout(r, 0));
    }
    await idle();
    expect(peakInFlight()).toBe(10);
    expect(done).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  });

  it('idle() rejects with an error a handler threw, so a failed assertion in a handler fails the test', async () => {
    const { run, idle } = createScriptRun(echo);
    run
      .withSuccessHandler(() => {
        throw new Error('handler broke');
      })
      .anything(1);
    await expect(idle()).rejects.toThrow('handler broke');
  });
});
