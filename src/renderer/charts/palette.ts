/**
 * Every colour a chart uses is decided here, so a stage or a source has the same colour on every
 * screen. Categories use the Okabe–Ito palette, which stays distinguishable with the common forms
 * of colour blindness; funnel stages use one blue ramp, light to dark in funnel order, so their
 * order reads without a legend; exits use the palette's meaning-laden colours.
 */
export const OKABE_ITO = {
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
  grey: '#8C8C8C',
} as const;

/** Categorical order: strongest contrast first; yellow last (weak on white). */
export const CATEGORY_COLORS: readonly string[] = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.bluishGreen,
  OKABE_ITO.reddishPurple,
  OKABE_ITO.skyBlue,
  OKABE_ITO.vermillion,
  OKABE_ITO.yellow,
];
/** Everything beyond the palette: "other" sources, values of little weight. */
export const OTHER_COLOR = OKABE_ITO.grey;

/** Met / breached / pending, good / bad / not yet judged. */
export const STATUS_COLORS = {
  good: OKABE_ITO.bluishGreen,
  bad: OKABE_ITO.vermillion,
  pending: OKABE_ITO.skyBlue,
  neutral: OKABE_ITO.grey,
} as const;

function exitColor(kind: string): string {
  switch (kind) {
    case 'won':
      return OKABE_ITO.bluishGreen;
    case 'lost':
      return OKABE_ITO.vermillion;
    case 'recycled':
      return OKABE_ITO.orange;
    default:
      return OTHER_COLOR;
  }
}

/** Ends of the funnel ramp (sRGB); both read on the light and the dark surface. */
const RAMP_LIGHT = [0x9e, 0xcf, 0xee] as const;
const RAMP_DARK = [0x23, 0x5c, 0xb0] as const;

function hex(rgb: readonly number[]): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`.toUpperCase();
}

export interface StageLike {
  readonly key: string;
  readonly kind: string;
  readonly position: number;
}

/** A stage's colour: funnel stages along the ramp by their place among funnel stages, exits by meaning. */
export function stageColor(key: string, stages: readonly StageLike[]): string {
  const stage = stages.find((s) => s.key === key);
  if (!stage) return OTHER_COLOR;
  if (stage.kind !== 'funnel') return exitColor(stage.kind);
  const funnel = stages.filter((s) => s.kind === 'funnel').sort((a, b) => a.position - b.position);
  const i = funnel.findIndex((s) => s.key === key);
  const t = funnel.length <= 1 ? 0 : i / (funnel.length - 1);
  return hex(RAMP_LIGHT.map((c, j) => c + (RAMP_DARK[j]! - c) * t));
}

/**
 * Colours for a set of categories (sources, reasons), given in their order of weight: the first
 * get the palette, the rest share grey. Pass the whole workspace's order (not a filtered subset),
 * so a source keeps its colour whatever the filters.
 */
export function assignColors(ordered: readonly string[]): ReadonlyMap<string, string> {
  return new Map(ordered.map((key, i) => [key, CATEGORY_COLORS[i] ?? OTHER_COLOR]));
}

/** The colour of one category from an assignment, grey when it is not among the named ones. */
export function categoryColor(colors: ReadonlyMap<string, string>, key: string | null): string {
  return (key !== null && colors.get(key)) || OTHER_COLOR;
}

/** The same colour with an alpha, for the previous period's bars and bands. */
export function withAlpha(color: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) return color;
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})`;
}
