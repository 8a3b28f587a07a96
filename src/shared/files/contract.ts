import { z } from 'zod';
import { method } from '../contract/define';
import type { FileRef } from '../domain/types';

const uploadId = z.string().uuid();
/**
 * Bytes per upload call: 4 MiB is about 5.6 MB of base64, well inside the local server's JSON body
 * limit (8 MiB) with room for the envelope, and small enough that one message never holds a whole
 * large export.
 */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;

export const filesContract = {
  /** Starts sending a file chosen or dropped in the UI (works the same over IPC and HTTP). */
  beginUpload: method<{ uploadId: string }>()({
    input: z.object({ name: z.string().min(1).max(255), sizeBytes: z.number().int().min(0) }).strict(),
    doc: 'Start uploading a file chosen in the UI.',
  }),
  appendUpload: method<{ receivedBytes: number }>()({
    input: z
      .object({
        uploadId,
        offset: z.number().int().min(0),
        base64: z.string().max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4),
      })
      .strict(),
    doc: 'Send the next part of an upload.',
  }),
  finishUpload: method<FileRef>()({
    input: z.object({ uploadId }).strict(),
    doc: 'Finish an upload; returns the file reference other methods accept.',
  }),
};
