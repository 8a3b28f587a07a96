import type { WorkspaceInfo } from '../../../shared/domain/types';
import type { TFunction } from '../../../shared/i18n';

/** Why nothing here can write, in words (the workspace's own reason when it has one); null when it can. */
export function readOnlyReason(t: TFunction, workspace: WorkspaceInfo): string | null {
  if (!workspace.readOnly) return null;
  const own = workspace.readOnlyReason ? t(`errors.${workspace.readOnlyReason}`, { defaultValue: '' }) : '';
  return own || t('errors.workspace.readOnly');
}
