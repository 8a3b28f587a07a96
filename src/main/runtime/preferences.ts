import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { LOCALES, type Preferences, type RecentWorkspace } from '../../shared/domain/types';

const MAX_RECENT = 10;

const stored = z.object({
  preferences: z
    .object({
      theme: z.enum(['light', 'dark', 'system']).catch('system'),
      locale: z.enum(LOCALES).nullable().catch(null),
      userName: z.string().max(120).catch(''),
    })
    .catch({ theme: 'system', locale: null, userName: '' }),
  recent: z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.number() })).catch([]),
  window: z
    .object({ x: z.number(), y: z.number(), width: z.number(), height: z.number(), maximized: z.boolean() })
    .nullable()
    .catch(null),
});
type Stored = z.infer<typeof stored>;
export type WindowState = NonNullable<Stored['window']>;

/**
 * Per-user state kept outside any workspace (preferences.json in the data folder). A damaged file
 * falls back to defaults field by field instead of blocking start-up.
 */
export class PreferencesStore {
  private state: Stored;
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'preferences.json');
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(this.file, 'utf8'));
    } catch {
      raw = {};
    }
    this.state = stored.parse(typeof raw === 'object' && raw !== null ? raw : {});
  }

  get preferences(): Preferences {
    return this.state.preferences;
  }

  setPreferences(patch: Partial<Preferences>): Preferences {
    this.state = { ...this.state, preferences: { ...this.state.preferences, ...patch } };
    this.save();
    return this.state.preferences;
  }

  recent(): RecentWorkspace[] {
    return this.state.recent.map((r) => ({ ...r, exists: fs.existsSync(r.path) }));
  }

  touchRecent(file: string, name: string): void {
    const rest = this.state.recent.filter((r) => r.path !== file);
    this.state = { ...this.state, recent: [{ path: file, name, openedAt: Date.now() }, ...rest].slice(0, MAX_RECENT) };
    this.save();
  }

  forgetRecent(file: string): void {
    this.state = { ...this.state, recent: this.state.recent.filter((r) => r.path !== file) };
    this.save();
  }

  get window(): WindowState | null {
    return this.state.window;
  }

  setWindow(window: WindowState): void {
    this.state = { ...this.state, window };
    this.save();
  }

  private save(): void {
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify(this.state, null, 2));
    fs.renameSync(tmp, this.file);
  }
}
