import type { Api } from '../../shared/contract';
import type { FileRef } from '../../shared/domain/types';
import { UPLOAD_CHUNK_BYTES } from '../../shared/files/contract';
import { AppError } from '../../shared/errors';
import { toBase64 } from './base64';
import type { UploadProgress } from './types';

/** The contract caps names at 255 characters; keeping the end keeps the extension imports rely on. */
function uploadName(name: string): string {
  const trimmed = name.trim() || 'upload';
  return trimmed.length > 255 ? trimmed.slice(trimmed.length - 255) : trimmed;
}

/**
 * Uploads through the contract (begin, append base64 chunks, finish), so IPC and HTTP share one
 * path and the main side validates every chunk the same way.
 */
export async function uploadThroughApi(
  api: Api,
  file: Blob & { readonly name: string },
  onProgress?: UploadProgress,
  chunkBytes: number = UPLOAD_CHUNK_BYTES,
): Promise<FileRef> {
  const total = file.size;
  const { uploadId } = await api.files.beginUpload({ name: uploadName(file.name), sizeBytes: total });
  let offset = 0;
  onProgress?.(0, total);
  while (offset < total) {
    const end = Math.min(offset + chunkBytes, total);
    const bytes = new Uint8Array(await file.slice(offset, end).arrayBuffer());
    const { receivedBytes } = await api.files.appendUpload({ uploadId, offset, base64: toBase64(bytes) });
    // The services count what they stored; a mismatch means a chunk went missing on the way.
    if (receivedBytes !== end) throw new AppError('files.badChunk');
    offset = end;
    onProgress?.(offset, total);
  }
  return api.files.finishUpload({ uploadId });
}
