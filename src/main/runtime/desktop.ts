/**
 * What only a desktop host can do. The Electron entry implements it with native dialogs; browser
 * mode and the CLI run without one, and the `desktop.*` methods answer `desktop.notAvailable`.
 */
export interface DesktopBridge {
  pickWorkspace(mode: 'open' | 'create', suggestedName?: string): Promise<string | null>;
  pickFile(extensions: readonly string[], title?: string): Promise<string | null>;
  /** Asks where to save and copies `source` there; returns the chosen path or null. */
  saveFile(source: string, suggestedName: string): Promise<string | null>;
  openFolder(folder: string): Promise<void>;
}
