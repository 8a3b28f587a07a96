import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readThrough } from '../../../src/main/db/read-through';
import { JobRegistry } from '../../../src/main/jobs/registry';
import { recordingControl } from '../../helpers/recording-control';
import { tmpDir } from '../../helpers/tmp';

const recorder = (stopAfter = Infinity) => recordingControl((p) => (p.done ?? 0) >= stopAfter);

describe('readThrough', () => {
  it('reads the whole file in chunks, its progress in bytes up to the size', async () => {
    const file = path.join(tmpDir(), 'w.db');
    fs.writeFileSync(file, Buffer.alloc(20 * 1024 * 1024 + 123, 7));
    const { ctl, seen } = recorder();
    await readThrough(file, ctl);
    const size = fs.statSync(file).size;
    expect(seen[0]).toEqual({ done: 0, total: size, phase: 'workspace.reading' });
    const done = seen.slice(1).map((p) => p.done);
    expect(done).toEqual([8 * 1024 * 1024, 16 * 1024 * 1024, size]);
  });

  it('stops between chunks when cancelled, and leaves a missing file to the open', async () => {
    const file = path.join(tmpDir(), 'w.db');
    fs.writeFileSync(file, Buffer.alloc(40 * 1024 * 1024, 1));
    const { ctl, seen } = recorder(8 * 1024 * 1024);
    await expect(readThrough(file, ctl)).rejects.toMatchObject({ code: 'jobs.cancelled' });
    expect(seen.at(-1)).toEqual({ done: 8 * 1024 * 1024 });
    await expect(readThrough(path.join(tmpDir(), 'missing.db'), recorder().ctl)).resolves.toBeUndefined();
  });

  it('as a job, ends cancelled when asked to stop', async () => {
    const file = path.join(tmpDir(), 'w.db');
    fs.writeFileSync(file, Buffer.alloc(64 * 1024 * 1024, 1));
    const jobs = new JobRegistry();
    const job = jobs.start('workspace.open', (ctl) => readThrough(file, ctl), 'bytes');
    jobs.cancel(job.id);
    expect((await jobs.wait(job.id, undefined, 5)).state).toBe('cancelled');
  });
});
