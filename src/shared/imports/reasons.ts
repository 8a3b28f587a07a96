import { normalizeLabel } from './text';

/** A reason of the workspace taxonomy (the `reasons` table). */
export interface ReasonRef {
  readonly code: string;
  readonly kind: string;
  readonly labels: Readonly<Record<string, string>>;
}

/**
 * Matches free-text reasons to taxonomy codes: the mapping's `reasonValues` first, then codes and
 * labels in any locale (case, accents and punctuation ignored). Unknown text keeps no code; the
 * import lists it so someone can map it, and the text itself is always kept.
 */
export function reasonResolver(
  reasons: readonly ReasonRef[],
  reasonValues: Readonly<Record<string, string>>,
): (text: string) => string | null {
  const known = new Map<string, string>();
  for (const r of reasons) {
    known.set(normalizeLabel(r.code), r.code);
    for (const label of Object.values(r.labels)) if (label) known.set(normalizeLabel(label), r.code);
  }
  for (const [text, code] of Object.entries(reasonValues)) known.set(normalizeLabel(text), code);
  const cache = new Map<string, string | null>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined) return hit;
    const code = known.get(normalizeLabel(text)) ?? null;
    if (cache.size < 10_000) cache.set(text, code);
    return code;
  };
}
