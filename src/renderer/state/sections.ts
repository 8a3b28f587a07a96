/** The app's sections, in navigation order; each is a folder under `screens/`. */
export const SECTIONS = ['review', 'funnel', 'sla', 'win-loss', 'definitions', 'leads', 'imports', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

export const DEFAULT_SECTION: Section = 'review';

export function isSection(value: string): value is Section {
  return (SECTIONS as readonly string[]).includes(value);
}

/** `#/funnel` -> 'funnel'; anything else -> null. The hash keeps the section across reloads. */
export function sectionFromHash(hash: string): Section | null {
  const key = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return isSection(key) ? key : null;
}

export function hashFor(section: Section): string {
  return `#/${section}`;
}
