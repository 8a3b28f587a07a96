import { AppError } from '../../shared/errors';

/**
 * What the disk says when it will not take more bytes: SQLite reports SQLITE_FULL (ENOSPC, or a
 * short write when a file-size limit is reached); Node's fs reports the errno itself.
 */
const FULL = new Set(['SQLITE_FULL', 'ENOSPC', 'EFBIG', 'EDQUOT']);

function codeOf(e: unknown): string {
  return typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
}

/**
 * Turns a storage failure into the translated error people should read instead of "internal
 * error": a full disk, or a read or write the device did not complete (a removed drive, a disk
 * error, a file-size limit hit exactly at a write). Every workspace write runs in a transaction,
 * so such a failure leaves the workspace as it was; the messages say so. Null for anything else.
 */
export function storageError(e: unknown): AppError | null {
  if (e instanceof AppError) return null;
  const code = codeOf(e);
  if (FULL.has(code)) return new AppError('workspace.diskFull', { code });
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return new AppError('workspace.ioError', { code });
  return null;
}
