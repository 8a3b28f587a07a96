import { describe, expect, it } from 'vitest';
import { KEY_HELP, presenterCommand, stepFrom } from '../../../src/renderer/presenter/keys';

const ctx = { stepCount: 7, current: 3, helpOpen: false };

describe('presenter keys', () => {
  it('moves one step with the arrows and a clicker, never past either end', () => {
    expect(presenterCommand({ key: 'ArrowRight' }, ctx)).toEqual({ type: 'step', index: 4 });
    expect(presenterCommand({ key: 'PageDown' }, ctx)).toEqual({ type: 'step', index: 4 });
    expect(presenterCommand({ key: 'ArrowLeft' }, ctx)).toEqual({ type: 'step', index: 2 });
    expect(presenterCommand({ key: 'PageUp' }, ctx)).toEqual({ type: 'step', index: 2 });
    expect(presenterCommand({ key: 'ArrowRight' }, { ...ctx, current: 6 })).toBeNull();
    expect(presenterCommand({ key: 'ArrowLeft' }, { ...ctx, current: 0 })).toBeNull();
    expect(stepFrom(6, 1, 7)).toBe(6);
    expect(stepFrom(0, -1, 7)).toBe(0);
    expect(stepFrom(0, 1, 0)).toBe(0);
  });

  it('leaves up and down to scrolling a long step', () => {
    expect(presenterCommand({ key: 'ArrowDown' }, ctx)).toBeNull();
    expect(presenterCommand({ key: 'ArrowUp' }, ctx)).toBeNull();
    expect(presenterCommand({ key: ' ' }, ctx)).toBeNull();
  });

  it('jumps to a step by its number, when the agenda has it', () => {
    expect(presenterCommand({ key: '0' }, ctx)).toEqual({ type: 'step', index: 0 });
    expect(presenterCommand({ key: '6' }, ctx)).toEqual({ type: 'step', index: 6 });
    expect(presenterCommand({ key: '3' }, ctx)).toBeNull();
    expect(presenterCommand({ key: '7' }, ctx)).toBeNull();
    expect(presenterCommand({ key: '5' }, { ...ctx, stepCount: 5 })).toBeNull();
    expect(presenterCommand({ key: 'Home' }, ctx)).toEqual({ type: 'step', index: 0 });
    expect(presenterCommand({ key: 'End' }, ctx)).toEqual({ type: 'step', index: 6 });
  });

  it('opens the key help with ?, and while it is open Escape closes it instead of leaving', () => {
    expect(presenterCommand({ key: '?' }, ctx)).toEqual({ type: 'help' });
    expect(presenterCommand({ key: 'Escape' }, ctx)).toEqual({ type: 'exit' });
    const open = { ...ctx, helpOpen: true };
    expect(presenterCommand({ key: 'Escape' }, open)).toEqual({ type: 'closeHelp' });
    expect(presenterCommand({ key: '?' }, open)).toEqual({ type: 'closeHelp' });
    expect(presenterCommand({ key: 'ArrowRight' }, open)).toBeNull();
    expect(presenterCommand({ key: '2' }, open)).toBeNull();
  });

  it('leaves shortcuts with a modifier to the browser and the system', () => {
    expect(presenterCommand({ key: 'ArrowRight', altKey: true }, ctx)).toBeNull();
    expect(presenterCommand({ key: '1', ctrlKey: true }, ctx)).toBeNull();
    expect(presenterCommand({ key: 'ArrowLeft', metaKey: true }, ctx)).toBeNull();
  });

  it('lists every command it knows in the help', () => {
    expect(KEY_HELP.map((k) => k.id)).toEqual(['next', 'previous', 'scroll', 'step', 'firstLast', 'help', 'exit']);
  });
});
