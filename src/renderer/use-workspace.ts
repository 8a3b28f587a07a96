import type { WorkspaceInfo } from '../shared/domain/types';
import { useSession } from './app-context';

/**
 * The open workspace, for components that only render inside the shell (which is only shown
 * while a workspace is open).
 */
export function useWorkspace(): WorkspaceInfo {
  const workspace = useSession((s) => s.session?.workspace ?? null);
  if (!workspace) throw new Error('useWorkspace outside an open workspace');
  return workspace;
}
