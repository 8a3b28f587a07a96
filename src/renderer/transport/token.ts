/** sessionStorage key: per tab, survives reloads, gone when the tab closes. */
export const TOKEN_KEY = 'funnel-review.token';

export interface TokenEnvironment {
  readonly location: { readonly href: string };
  readonly history: { readonly state: unknown; replaceState(data: unknown, unused: string, url?: string): void };
  readonly storage: { getItem(key: string): string | null; setItem(key: string, value: string): void };
}

/**
 * Browser mode opens the page as `/?token=...`. The token moves to sessionStorage and out of the
 * address bar at once, so it does not end up in bookmarks, history or screenshots.
 */
export function takeToken(env: TokenEnvironment): string | null {
  const url = new URL(env.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    env.storage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    env.history.replaceState(env.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  return env.storage.getItem(TOKEN_KEY);
}
