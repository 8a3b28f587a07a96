import type { Theme } from '../shared/domain/types';

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function resolveTheme(theme: Theme, systemPrefersDark: boolean): 'light' | 'dark' {
  if (theme === 'system') return systemPrefersDark ? 'dark' : 'light';
  return theme;
}

/**
 * Applies the theme as `data-theme` on <html> (the CSS variables follow it) and keeps following
 * the system setting while the preference is "system". Returns the unsubscribe function.
 */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): () => void {
  const media = window.matchMedia(DARK_QUERY);
  const apply = () => {
    root.dataset.theme = resolveTheme(theme, media.matches);
  };
  apply();
  if (theme !== 'system') return () => undefined;
  media.addEventListener('change', apply);
  return () => media.removeEventListener('change', apply);
}
