import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract } from '../../src/shared/contract';
import { buildClient } from '../../src/shared/contract/define';
import { filesContract, UPLOAD_CHUNK_BYTES } from '../../src/shared/files/contract';
import { toBase64 } from '../../src/renderer/transport/base64';
import { uploadThroughApi } from '../../src/renderer/transport/upload';

const binary = (bytes: Uint8Array): string => {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
};
/** The platform's own base64, as the reference. */
const referenceBase64 = (bytes: Uint8Array): string => btoa(binary(bytes));
const decode = (base64: string): Uint8Array => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
const concat = (parts: readonly Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** An API whose files.* methods behave like the main side's FileStore, validating every input. */
function fakeFilesApi(options: { lie?: boolean } = {}) {
  const received: Uint8Array[] = [];
  const calls: string[] = [];
  let expected = 0;
  const api = buildClient(contract, async (wire, input) => {
    calls.push(wire);
    if (wire === 'files.beginUpload') {
      const { sizeBytes } = filesContract.beginUpload.input.parse(input);
      expected = sizeBytes;
      return { uploadId: '3f2b8c1e-7d4a-4b9e-8f6a-1c2d3e4f5a6b' };
    }
    if (wire === 'files.appendUpload') {
      const { base64, offset } = filesContract.appendUpload.input.parse(input);
      const total = received.reduce((n, b) => n + b.length, 0);
      if (offset !== total) throw new Error(`offset ${offset}, expected ${total}`);
      const chunk = decode(base64);
      received.push(chunk);
      return { receivedBytes: total + chunk.length - (options.lie ? 1 : 0) };
    }
    if (wire === 'files.finishUpload') {
      const data = concat(received);
      if (data.length !== expected) throw new Error('size mismatch');
      return { id: 'f', name: 'x', sizeBytes: data.length, mime: 'text/csv' };
    }
    throw new Error(`unexpected ${wire}`);
  });
  return { api, received, calls };
}

const fileOf = (bytes: Uint8Array<ArrayBuffer>, name = 'leads.csv') => new File([bytes], name, { type: 'text/csv' });

describe('base64', () => {
  it('matches Node for any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(toBase64(bytes)).toBe(referenceBase64(bytes));
      }),
    );
  });

  it('handles lengths across its internal slices', () => {
    const bytes = new Uint8Array(3 * 16384 * 2 + 2).map((_v, i) => (i * 7) % 256);
    expect(toBase64(bytes)).toBe(referenceBase64(bytes));
  });
});

describe('upload through the contract', () => {
  it('sends chunks of at most the given size, in order, and the bytes arrive intact', async () => {
    const bytes = new Uint8Array(10_000).map((_v, i) => (i * 31) % 251);
    const fake = fakeFilesApi();
    const progress: number[] = [];
    const ref = await uploadThroughApi(fake.api, fileOf(bytes), (sent) => progress.push(sent), 4096);
    expect(ref.sizeBytes).toBe(10_000);
    expect(fake.received.map((b) => b.length)).toEqual([4096, 4096, 1808]);
    expect(concat(fake.received)).toEqual(bytes);
    expect(fake.calls).toEqual([
      'files.beginUpload',
      'files.appendUpload',
      'files.appendUpload',
      'files.appendUpload',
      'files.finishUpload',
    ]);
    expect(progress).toEqual([0, 4096, 8192, 10_000]);
  });

  it('uses the contract chunk size by default, which the schema accepts', async () => {
    const bytes = new Uint8Array(UPLOAD_CHUNK_BYTES + 5).fill(65);
    const fake = fakeFilesApi();
    await uploadThroughApi(fake.api, fileOf(bytes));
    expect(fake.received.map((b) => b.length)).toEqual([UPLOAD_CHUNK_BYTES, 5]);
  });

  it('uploads an empty file without any chunk', async () => {
    const fake = fakeFilesApi();
    await uploadThroughApi(fake.api, fileOf(new Uint8Array(0)));
    expect(fake.calls).toEqual(['files.beginUpload', 'files.finishUpload']);
  });

  it('stops when the services count different bytes than were sent', async () => {
    const fake = fakeFilesApi({ lie: true });
    await expect(uploadThroughApi(fake.api, fileOf(new Uint8Array(100)), undefined, 64)).rejects.toMatchObject({
      code: 'files.badChunk',
    });
    expect(fake.calls).not.toContain('files.finishUpload');
  });

  it('keeps the end of an over-long name, where the extension is', async () => {
    const fake = fakeFilesApi();
    const names: string[] = [];
    const api = {
      ...fake.api,
      files: {
        ...fake.api.files,
        beginUpload: (input: { name: string; sizeBytes: number }) => {
          names.push(input.name);
          return fake.api.files.beginUpload(input);
        },
      },
    };
    await uploadThroughApi(api, fileOf(new Uint8Array(3), `${'a'.repeat(300)}.xlsx`));
    expect(names[0]).toHaveLength(255);
    expect(names[0]!.endsWith('.xlsx')).toBe(true);
  });
});
