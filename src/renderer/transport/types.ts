import type { Api } from '../../shared/contract';
import type { FileRef } from '../../shared/domain/types';

/** Bytes sent so far and the file's size, reported after every chunk. */
export type UploadProgress = (sentBytes: number, totalBytes: number) => void;

/**
 * How the renderer reaches the services. Chosen once at start-up (Electron IPC or the local HTTP
 * server); components only ever see this interface.
 */
export interface Transport {
  /** The whole contract; failures arrive as thrown `AppError`s. */
  readonly api: Api;
  /** Hands a produced file (export, PDF) to the user: a save dialog or a browser download. */
  download(ref: FileRef): Promise<void>;
  /** Sends a file the user chose or dropped to the services and returns its reference. */
  upload(file: File, onProgress?: UploadProgress): Promise<FileRef>;
}
