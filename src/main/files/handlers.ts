import type { ContractHandlers } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Runtime } from '../runtime/runtime';

export const filesHandlers: ContractHandlers<Runtime>['files'] = {
  beginUpload: ({ name, sizeBytes }, rt) => ({ uploadId: rt.files.beginUpload(name, sizeBytes) }),
  appendUpload: ({ uploadId, offset, base64 }, rt) => {
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new AppError('files.badChunk');
    return { receivedBytes: rt.files.appendUpload(uploadId, offset, Buffer.from(base64, 'base64')) };
  },
  finishUpload: ({ uploadId }, rt) => rt.files.finishUpload(uploadId),
};
