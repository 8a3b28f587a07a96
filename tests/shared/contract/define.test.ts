import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildClient, job, listMethods, method } from '../../../src/shared/contract/define';
import { contract, methods } from '../../../src/shared/contract';

const spec = method<string>()({ input: z.object({}), doc: 'x' });

describe('the API contract', () => {
  it('flattens groups into wire names', () => {
    expect(listMethods({ a: { b: spec, c: spec }, d: { e: spec } }).map((m) => m.wire)).toEqual(['a.b', 'a.c', 'd.e']);
  });

  it('refuses malformed names at start-up', () => {
    expect(() => listMethods({ 'a.b': { c: spec } })).toThrow('Invalid API group name');
    expect(() => listMethods({ a: { __proto__x: spec } })).toThrow('Invalid API method name');
    expect(() => listMethods({ a: { 'b-c': spec } })).toThrow('Invalid API method name');
  });

  it('builds a client whose every method calls the transport with its wire name', async () => {
    const calls: Array<[string, unknown]> = [];
    const client = buildClient({ g: { m: spec } }, async (wire, input) => {
      calls.push([wire, input]);
      return 'ok';
    });
    await expect(client.g.m({})).resolves.toBe('ok');
    expect(calls).toEqual([['g.m', {}]]);
  });

  it('documents every method and validates every input with a schema', () => {
    expect(methods.length).toBeGreaterThan(10);
    for (const m of methods) {
      expect(m.spec.doc.length, m.wire).toBeGreaterThan(5);
      expect(typeof m.spec.input.safeParse, m.wire).toBe('function');
    }
    expect(Object.keys(contract)).toContain('workspace');
  });

  it('marks the methods that start a job, so front ends know to follow them', () => {
    expect(job<string>()({ input: z.object({}), doc: 'x', writes: true })).toMatchObject({ job: true, writes: true });
    expect(spec.job).toBe(false);
    // Every method documented as a job is declared as one.
    for (const m of methods) expect(m.spec.job, m.wire).toBe(m.spec.doc.includes('(a job)'));
    expect(methods.filter((m) => m.spec.job).map((m) => m.wire)).toEqual(
      expect.arrayContaining(['imports.apply', 'imports.undo', 'leads.export', 'meetings.start']),
    );
  });
});
