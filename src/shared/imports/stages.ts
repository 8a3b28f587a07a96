import { LOCALES, type LocalizedText, type StageKind } from '../domain/types';
import { normalizeLabel } from './text';

/** A workspace stage as the importer needs it. */
export interface StageRef {
  readonly id: number;
  readonly key: string;
  readonly kind: StageKind;
  readonly labels: LocalizedText;
}

/**
 * What CRMs call the default stages, in the five languages, including HubSpot's internal values
 * (`marketingqualifiedlead`, `closedwon`), Salesforce's lead statuses and opportunity stages and
 * Pipedrive's statuses. Used only for stages the workspace has, and only after the mapping's own
 * `stageValues`, the stage keys and the stage labels.
 */
export const STAGE_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  lead: [
    'lead',
    'new',
    'new lead',
    'open not contacted',
    'contact',
    'conversao',
    'primeira conversao',
    'novo',
    'novo lead',
    'nuevo',
    'nuevo lead',
    'conversion',
    'новый',
    'новый лид',
    'лид',
    'первичный контакт',
    '线索',
    '新线索',
    '潜在客户',
  ],
  mql: [
    'mql',
    'marketing qualified lead',
    'marketingqualifiedlead',
    'marketing qualified',
    'lead qualificado',
    'lead qualificado marketing',
    'lead calificado',
    'lead calificado por marketing',
    'квалифицированный лид',
    'квалифицированный маркетингом',
    '市场合格线索',
    '营销合格线索',
  ],
  sal: [
    'sal',
    'sales accepted lead',
    'salesacceptedlead',
    'sales accepted',
    'accepted',
    'working contacted',
    'appointment scheduled',
    'appointmentscheduled',
    'aceito',
    'aceito por vendas',
    'aceptado',
    'aceptado por ventas',
    'принят',
    'принят продажами',
    '销售接受线索',
    '已接受',
  ],
  sql: [
    'sql',
    'sales qualified lead',
    'salesqualifiedlead',
    'sales qualified',
    'qualified',
    'qualified to buy',
    'qualifiedtobuy',
    'qualification',
    'closed converted',
    'converted',
    'qualificado',
    'qualificado para vendas',
    'calificado',
    'calificado por ventas',
    'квалифицирован',
    'квалифицирован продажами',
    '销售合格线索',
    '已合格',
  ],
  opportunity: [
    'opportunity',
    'opp',
    'deal',
    'presentation scheduled',
    'presentationscheduled',
    'decision maker bought in',
    'decisionmakerboughtin',
    'contract sent',
    'contractsent',
    'needs analysis',
    'value proposition',
    'id decision makers',
    'perception analysis',
    'proposal price quote',
    'negotiation review',
    'proposal',
    'negotiation',
    'oportunidade',
    'negociacao',
    'proposta',
    'oportunidad',
    'negociacion',
    'propuesta',
    'сделка',
    'возможность',
    'переговоры',
    'коммерческое предложение',
    '商机',
    '谈判',
    '报价',
  ],
  won: [
    'won',
    'closed won',
    'closedwon',
    'win',
    'customer',
    'cliente',
    'ganho',
    'ganha',
    'venda',
    'vendido',
    'ganado',
    'ganada',
    'выиграно',
    'успешно реализовано',
    'клиент',
    'сделка успешна',
    '赢单',
    '成交',
    '客户',
    '已成交',
  ],
  lost: [
    'lost',
    'closed lost',
    'closedlost',
    'loss',
    'perdido',
    'perdida',
    'perda',
    'проиграно',
    'закрыто и не реализовано',
    'потерян',
    '输单',
    '丢单',
    '已丢失',
  ],
  recycled: [
    'recycled',
    'recycle',
    'nurture',
    'nurturing',
    'back to nurture',
    'reciclado',
    'nutricao',
    'nutricion',
    'прогрев',
    'возвращён в прогрев',
    '退回培育',
    '培育',
  ],
  disqualified: [
    'disqualified',
    'closed not converted',
    'not converted',
    'unqualified',
    'junk',
    'desqualificado',
    'descalificado',
    'дисквалифицирован',
    'некачественный',
    '不合格',
    '无效',
  ],
};

/** Every normalised name a stage goes by: key, labels in every locale, and the synonyms above. */
export function stageNames(stage: StageRef): string[] {
  const names = new Set<string>([normalizeLabel(stage.key)]);
  for (const l of LOCALES) {
    const label = stage.labels[l];
    if (label) names.add(normalizeLabel(label));
  }
  for (const s of STAGE_SYNONYMS[stage.key] ?? []) names.add(normalizeLabel(s));
  names.delete('');
  return [...names];
}

/**
 * Resolves CRM stage values to workspace stages: a stage, `null` for "no stage event" (mapped so on
 * purpose), or `undefined` for a value nobody mapped (an error that names it).
 */
export type StageResolver = (value: string) => StageRef | null | undefined;

export function stageResolver(
  stages: readonly StageRef[],
  stageValues: Readonly<Record<string, string | null>>,
): StageResolver {
  const byKey = new Map(stages.map((s) => [s.key, s]));
  const explicit = new Map<string, StageRef | null>();
  for (const [value, key] of Object.entries(stageValues)) {
    const stage = key === null ? null : byKey.get(key);
    // A mapping to a stage this workspace lacks is reported when the mapping is compiled.
    if (stage !== undefined) explicit.set(normalizeLabel(value), stage);
  }
  const known = new Map<string, StageRef>();
  // Keys and labels first, synonyms after, so a team's own label always wins.
  for (const s of stages) known.set(normalizeLabel(s.key), s);
  for (const s of stages) for (const l of LOCALES) if (s.labels[l]) known.set(normalizeLabel(s.labels[l]!), s);
  for (const s of stages)
    for (const syn of STAGE_SYNONYMS[s.key] ?? [])
      if (!known.has(normalizeLabel(syn))) known.set(normalizeLabel(syn), s);
  const cache = new Map<string, StageRef | null | undefined>();
  return (value) => {
    if (cache.has(value)) return cache.get(value);
    const n = normalizeLabel(value);
    const hit = explicit.has(n) ? explicit.get(n) : known.get(n);
    if (cache.size < 10_000) cache.set(value, hit);
    return hit;
  };
}

/** Closing statuses: a status column's date means "closed on" only for these. */
export function isClosingKind(kind: StageKind): boolean {
  return kind !== 'funnel';
}
