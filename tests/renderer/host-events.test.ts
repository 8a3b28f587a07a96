import { describe, expect, it } from 'vitest';
import type { AppEvent } from '../../src/shared/app/contract';
import { contract } from '../../src/shared/contract';
import { buildClient } from '../../src/shared/contract/define';
import { listenToHostEvents } from '../../src/renderer/host-events';

type Answer = { events: AppEvent[]; last: number } | Error;

/** An api whose app.events answers from a script, then aborts the loop when the script runs out. */
function scripted(answers: Answer[], controller: AbortController) {
  const inputs: unknown[] = [];
  const api = buildClient(contract, async (wire, input) => {
    if (wire !== 'app.events') throw new Error(`unexpected ${wire}`);
    inputs.push(input);
    const next = answers.shift();
    if (!next) {
      controller.abort();
      return { events: [], last: 0 };
    }
    if (next instanceof Error) throw next;
    return next;
  });
  return { api, inputs };
}

const menu = (seq: number, command: AppEvent['command']): AppEvent => ({ seq, type: 'menu', command });

describe('host events loop', () => {
  it('skips events queued before the page started, then delivers new ones in order', async () => {
    const controller = new AbortController();
    const { api, inputs } = scripted(
      [
        { events: [menu(1, 'help.about'), menu(2, 'export')], last: 2 },
        { events: [menu(3, 'workspace.sample')], last: 3 },
        { events: [], last: 3 },
        { events: [menu(4, 'view.presenter'), menu(5, 'imports.import')], last: 5 },
      ],
      controller,
    );
    const seen: string[] = [];
    await listenToHostEvents(api, (e) => seen.push(`${e.seq}:${e.command}`), controller.signal, { waitMs: 50 });
    expect(seen).toEqual(['3:workspace.sample', '4:view.presenter', '5:imports.import']);
    expect(inputs).toEqual([
      { after: 0, waitMs: 0 },
      { after: 2, waitMs: 50 },
      { after: 3, waitMs: 50 },
      { after: 3, waitMs: 50 },
      { after: 5, waitMs: 50 },
    ]);
  });

  it('keeps polling after failures, backing off between attempts', async () => {
    const controller = new AbortController();
    const { api } = scripted(
      [
        { events: [], last: 7 },
        new Error('server restarting'),
        new Error('still down'),
        { events: [menu(8, 'help.about')], last: 8 },
      ],
      controller,
    );
    const delays: number[] = [];
    const seen: number[] = [];
    await listenToHostEvents(api, (e) => seen.push(e.seq), controller.signal, {
      waitMs: 10,
      retryDelayMs: (failures) => {
        delays.push(failures);
        return 1;
      },
    });
    expect(delays).toEqual([1, 2]);
    expect(seen).toEqual([8]);
  });

  it('stops at once when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const { api, inputs } = scripted([{ events: [], last: 1 }], new AbortController());
    await listenToHostEvents(api, () => undefined, controller.signal);
    expect(inputs).toEqual([]);
  });
});
