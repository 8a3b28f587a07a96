import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { FileRef } from '../../shared/domain/types';

interface Entry {
  readonly ref: FileRef;
  readonly path: string;
  /** Files we wrote (uploads, exports) are deleted on dispose; user files given by path never are. */
  readonly owned: boolean;
}

/** Largest file a front end may upload (imports of a million leads are a few hundred MB). */
export const MAX_UPLOAD_BYTES = 4 * 1024 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.csv': 'text/csv',
  '.tsv': 'text/tab-separated-values',
  '.txt': 'text/plain',
  '.json': 'application/json',
  '.md': 'text/markdown',
  '.pdf': 'application/pdf',
  '.ics': 'text/calendar',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.db': 'application/vnd.sqlite3',
  '.zip': 'application/zip',
};

export function mimeFor(name: string): string {
  return MIME[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Files handed between a front end and the services by id: a path chosen in a native dialog, an
 * upload from the browser, or an export waiting to be saved. Contract methods take and return ids,
 * never paths a browser could not have.
 */
export class FileStore {
  private readonly entries = new Map<string, Entry>();
  readonly dir: string;

  constructor(baseDir = os.tmpdir()) {
    this.dir = fs.mkdtempSync(path.join(baseDir, 'funnel-review-files-'));
  }

  /** A user's file, read in place. */
  registerPath(file: string): FileRef {
    const abs = path.resolve(file);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      throw new AppError('files.notFound', { path: abs });
    }
    if (!stat.isFile()) throw new AppError('files.notAFile', { path: abs });
    return this.add(abs, path.basename(abs), stat.size, false);
  }

  /** A path where a service may write a new file, registered once `commit` is called. */
  reserve(name: string): { path: string; commit: () => FileRef } {
    const safe = path.basename(name).replace(/[^\p{L}\p{N}._ -]/gu, '_') || 'file';
    const target = path.join(this.dir, `${randomUUID()}-${safe}`);
    return {
      path: target,
      commit: () => this.add(target, safe, fs.statSync(target).size, true),
    };
  }

  /** Uploads in progress: bytes arrive in order, each part at the offset the sender expects. */
  private readonly uploads = new Map<
    string,
    { path: string; name: string; expected: number; received: number; fd: number }
  >();

  beginUpload(name: string, expected: number): string {
    if (expected > MAX_UPLOAD_BYTES) throw new AppError('files.uploadTooLarge', { limit: MAX_UPLOAD_BYTES });
    const slot = this.reserve(name);
    const id = randomUUID();
    this.uploads.set(id, {
      path: slot.path,
      name: path.basename(slot.path),
      expected,
      received: 0,
      fd: fs.openSync(slot.path, 'w'),
    });
    return id;
  }

  appendUpload(id: string, offset: number, bytes: Buffer): number {
    const u = this.uploads.get(id);
    if (!u) throw new AppError('files.unknownId', { id });
    if (offset !== u.received || u.received + bytes.length > u.expected) {
      this.abortUpload(id);
      throw new AppError('files.badChunk');
    }
    fs.writeSync(u.fd, bytes);
    u.received += bytes.length;
    return u.received;
  }

  finishUpload(id: string): FileRef {
    const u = this.uploads.get(id);
    if (!u) throw new AppError('files.unknownId', { id });
    fs.closeSync(u.fd);
    this.uploads.delete(id);
    if (u.received !== u.expected) {
      fs.rmSync(u.path, { force: true });
      throw new AppError('files.badChunk');
    }
    // The stored name carries a uuid prefix to keep paths unique; users see their own name.
    return this.add(u.path, u.name.replace(/^[0-9a-f-]{36}-/, ''), u.received, true);
  }

  private abortUpload(id: string): void {
    const u = this.uploads.get(id);
    if (!u) return;
    fs.closeSync(u.fd);
    fs.rmSync(u.path, { force: true });
    this.uploads.delete(id);
  }

  get(id: string): Entry {
    const e = this.entries.get(id);
    if (!e) throw new AppError('files.unknownId', { id });
    return e;
  }

  pathOf(id: string): string {
    return this.get(id).path;
  }

  dispose(): void {
    for (const id of [...this.uploads.keys()]) this.abortUpload(id);
    for (const e of this.entries.values()) if (e.owned) fs.rmSync(e.path, { force: true });
    this.entries.clear();
    fs.rmSync(this.dir, { recursive: true, force: true });
  }

  private add(file: string, name: string, sizeBytes: number, owned: boolean): FileRef {
    const ref: FileRef = { id: randomUUID(), name, sizeBytes, mime: mimeFor(name) };
    this.entries.set(ref.id, { ref, path: file, owned });
    return ref;
  }
}
