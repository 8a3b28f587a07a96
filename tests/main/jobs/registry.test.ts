import { describe, expect, it } from 'vitest';
import { JobRegistry, type JobControl } from '../../../src/main/jobs/registry';

/** Work that runs until `finish` is called, ignoring cancels meanwhile (like a write under way). */
function heldWork(): { run: (ctl: JobControl) => Promise<string>; finish: () => void } {
  let finish = () => {};
  const finished = new Promise<void>((resolve) => (finish = resolve));
  return {
    run: async () => {
      await finished;
      return 'done';
    },
    finish,
  };
}

describe('JobRegistry.startOnce', () => {
  it('names the subject in the status, which `start` leaves null', async () => {
    const jobs = new JobRegistry();
    const work = heldWork();
    expect(jobs.start('leads.export', work.run).subject).toBeNull();
    const once = jobs.startOnce('meeting 3', 'meetings.start', work.run, 'reads');
    expect(once).toMatchObject({ subject: 'meeting 3', kind: 'meetings.start', state: 'running' });
    expect(jobs.list().find((j) => j.id === once.id)?.subject).toBe('meeting 3');
    work.finish();
    await jobs.wait(once.id, undefined, 5);
  });

  it('follows the running job of the same kind and subject, and starts anew once it ended or was asked to stop', async () => {
    const jobs = new JobRegistry();
    const first = heldWork();
    const a = jobs.startOnce('meeting 3', 'meetings.start', first.run);
    expect(jobs.startOnce('meeting 3', 'meetings.start', heldWork().run).id).toBe(a.id);
    // Another subject, or another kind of work on the same subject, is other work.
    const other = heldWork();
    const b = jobs.startOnce('meeting 4', 'meetings.start', other.run);
    const c = jobs.startOnce('meeting 3', 'meetings.end', other.run);
    expect(new Set([a.id, b.id, c.id]).size).toBe(3);
    // Asked to stop but still running: a new request is not handed the job being cancelled.
    jobs.cancel(a.id);
    expect(jobs.get(a.id).state).toBe('running');
    const again = heldWork();
    const d = jobs.startOnce('meeting 3', 'meetings.start', again.run);
    expect(d.id).not.toBe(a.id);
    first.finish();
    other.finish();
    again.finish();
    expect((await jobs.wait(d.id, undefined, 5)).state).toBe('done');
    // Ended: the next request starts a new job.
    const e = jobs.startOnce('meeting 3', 'meetings.start', heldWork().run);
    expect(e.id).not.toBe(d.id);
    jobs.cancelAll();
  });

  it('hands a waiter the final status as the job ends, with nothing to poll', async () => {
    const jobs = new JobRegistry();
    const work = heldWork();
    const job = jobs.start('imports.apply', work.run);
    // An interval longer than the test may run: the wait does not poll when it has no listener.
    const waiting = jobs.wait(job.id, undefined, 60_000);
    setTimeout(work.finish, 10);
    expect(await waiting).toMatchObject({ id: job.id, state: 'done' });
    await expect(jobs.wait('no such job')).rejects.toMatchObject({ code: 'jobs.notFound' });
  });
});
