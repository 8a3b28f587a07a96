import type { z } from 'zod';
import type { JobStatus } from '../jobs/types';

/**
 * One API method: the schema its input must satisfy and, as a phantom type, what it returns.
 * `writes` marks methods that change the open workspace, so read-only sessions refuse them up front
 * (creating or restoring another file is not a write to the open workspace).
 */
export interface MethodSpec<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly doc: string;
  readonly writes: boolean;
  /**
   * The method starts a job and answers with its first status; front ends follow it with
   * `jobs.get` (the CLI's `api` command waits for it to end).
   */
  readonly job: boolean;
  /** Never set at runtime: carries the output type for the client and handler types. */
  readonly output?: O;
}

export type Group = Record<string, MethodSpec>;
export type ContractShape = Record<string, Group>;

/**
 * Declares a method. Curried so the output type is written once and the input type is inferred:
 * `method<WorkspaceInfo>()({ input: z.object({}), doc: 'Counts of the open workspace.' })`.
 */
export function method<O>() {
  return <I extends z.ZodType>(spec: { input: I; doc: string; writes?: boolean }): MethodSpec<I, O> => ({
    input: spec.input,
    doc: spec.doc,
    writes: spec.writes ?? false,
    job: false,
  });
}

/** Declares a method that starts long work as a job: it answers at once with the job's status. */
export function job<R>() {
  return <I extends z.ZodType>(spec: { input: I; doc: string; writes?: boolean }): MethodSpec<I, JobStatus<R>> => ({
    ...method<JobStatus<R>>()(spec),
    job: true,
  });
}

export type InputOf<M> = M extends MethodSpec<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<M> = M extends MethodSpec<infer I, unknown> ? z.output<I> : never;
export type OutputOf<M> = M extends MethodSpec<z.ZodType, infer O> ? O : never;

/** What the renderer (and any other front end) sees: `api.group.method(input) -> Promise<output>`. */
export type ApiClient<C extends ContractShape> = {
  readonly [G in keyof C]: {
    readonly [M in keyof C[G]]: (input: InputOf<C[G][M]>) => Promise<OutputOf<C[G][M]>>;
  };
};

/** What main implements: one handler per method, receiving the already validated input. */
export type Handlers<C extends ContractShape, Ctx> = {
  readonly [G in keyof C]: {
    readonly [M in keyof C[G]]: (
      input: ParsedInputOf<C[G][M]>,
      ctx: Ctx,
    ) => OutputOf<C[G][M]> | Promise<OutputOf<C[G][M]>>;
  };
};

export interface MethodEntry {
  readonly group: string;
  readonly name: string;
  /** The name on the wire: IPC channel suffix, HTTP path segment, CLI `api` argument. */
  readonly wire: string;
  readonly spec: MethodSpec;
}

const NAME = /^[a-z][A-Za-z0-9]*$/;

/** Flattens the contract into wire names, refusing malformed or duplicate names at start-up. */
export function listMethods(contract: ContractShape): MethodEntry[] {
  const seen = new Set<string>();
  const entries: MethodEntry[] = [];
  for (const [group, methods] of Object.entries(contract)) {
    if (!NAME.test(group)) throw new Error(`Invalid API group name: ${group}`);
    for (const [name, spec] of Object.entries(methods)) {
      if (!NAME.test(name)) throw new Error(`Invalid API method name: ${group}.${name}`);
      const wire = `${group}.${name}`;
      if (seen.has(wire)) throw new Error(`Duplicate API method: ${wire}`);
      seen.add(wire);
      entries.push({ group, name, wire, spec });
    }
  }
  return entries;
}

/**
 * Builds a client for any transport from one `call(wire, input)` function. The Electron preload
 * and the HTTP bridge both use it, so their shapes cannot drift from the contract.
 */
export function buildClient<C extends ContractShape>(
  contract: C,
  call: (wire: string, input: unknown) => Promise<unknown>,
): ApiClient<C> {
  const client: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const { group, name, wire } of listMethods(contract)) {
    (client[group] ??= {})[name] = (input: unknown) => call(wire, input);
  }
  // The loop above creates exactly the keys of C; TypeScript cannot follow that construction.
  return client as ApiClient<C>;
}
