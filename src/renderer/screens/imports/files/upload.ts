import type { Api } from '../../../../shared/contract';
import type { FileRef } from '../../../../shared/domain/types';
import { uploadThroughApi } from '../../../transport/upload';
import type { UploadProgress } from '../../../transport/types';

/**
 * Chunk size for sending import files. The local server refuses JSON bodies over 8 MiB, and a full
 * default chunk (6 MiB) is 8 MiB of base64 before the envelope, so every file over 6 MiB failed
 * with "413 Payload Too Large" in browser mode. 4 MiB chunks stay well inside the limit.
 */
export const IMPORT_CHUNK_BYTES = 4 * 1024 * 1024;

/**
 * Sends a file the way both transports do (the same begin/append/finish calls), with chunks the
 * server accepts.
 */
export function uploadImportFile(api: Api, file: File, onProgress?: UploadProgress): Promise<FileRef> {
  return uploadThroughApi(api, file, onProgress, IMPORT_CHUNK_BYTES);
}
