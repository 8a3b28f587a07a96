import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { devNativeDir, prebuiltUrl } from '../../../src/main/native/electron-sqlite';
import { electronTarget } from '../../../src/main/native/ensure';
import { projectRoot } from '../../../src/main/runtime/paths';

describe('the Electron build of better-sqlite3', () => {
  it('targets the installed Electron and its ABI', () => {
    const t = electronTarget(projectRoot, 'win32', 'x64');
    expect(t.electronVersion).toBe('45.5.0');
    expect(t.abi).toMatch(/^\d{3}$/);
    expect(t.platform).toBe('win32');
  });

  it('names the maintainers prebuilt binary for that ABI and platform', () => {
    const t = { electronVersion: '45.5.0', abi: '140', platform: 'linux' as const, arch: 'x64' };
    expect(prebuiltUrl('12.11.1', t)).toBe(
      'https://github.com/WiseLibs/better-sqlite3/releases/download/v12.11.1/better-sqlite3-v12.11.1-electron-v140-linux-x64.tar.gz',
    );
  });

  it('keeps it in its own folder, away from the Node build in node_modules', () => {
    const dir = devNativeDir('/repo', { electronVersion: '45.5.0', abi: '140', platform: 'darwin', arch: 'arm64' });
    expect(dir).toBe(path.join('/repo', '.electron-native', 'electron-45.5.0-darwin-arm64'));
    expect(dir).not.toContain('node_modules');
  });
});
