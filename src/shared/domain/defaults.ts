import type { LocalizedText, StageKind } from './types';

export interface StageSeed {
  readonly key: string;
  readonly kind: StageKind;
  readonly labels: LocalizedText;
  readonly allowedAgeDays: number | null;
}

/** The default funnel (DESIGN.md): lead -> mql -> sal -> sql -> opportunity -> won, plus three exits. */
export const DEFAULT_STAGES: readonly StageSeed[] = [
  {
    key: 'lead',
    kind: 'funnel',
    allowedAgeDays: 30,
    labels: { en: 'Lead', 'pt-BR': 'Lead', es: 'Lead', ru: 'Лид', 'zh-CN': '线索' },
  },
  {
    key: 'mql',
    kind: 'funnel',
    allowedAgeDays: 7,
    labels: { en: 'MQL', 'pt-BR': 'MQL', es: 'MQL', ru: 'MQL', 'zh-CN': '市场合格线索' },
  },
  {
    key: 'sal',
    kind: 'funnel',
    allowedAgeDays: 14,
    labels: { en: 'SAL', 'pt-BR': 'SAL', es: 'SAL', ru: 'SAL', 'zh-CN': '销售接受线索' },
  },
  {
    key: 'sql',
    kind: 'funnel',
    allowedAgeDays: 21,
    labels: { en: 'SQL', 'pt-BR': 'SQL', es: 'SQL', ru: 'SQL', 'zh-CN': '销售合格线索' },
  },
  {
    key: 'opportunity',
    kind: 'funnel',
    allowedAgeDays: 45,
    labels: { en: 'Opportunity', 'pt-BR': 'Oportunidade', es: 'Oportunidad', ru: 'Сделка', 'zh-CN': '商机' },
  },
  {
    key: 'won',
    kind: 'won',
    allowedAgeDays: null,
    labels: { en: 'Won', 'pt-BR': 'Ganho', es: 'Ganado', ru: 'Выиграно', 'zh-CN': '赢单' },
  },
  {
    key: 'lost',
    kind: 'lost',
    allowedAgeDays: null,
    labels: { en: 'Lost', 'pt-BR': 'Perdido', es: 'Perdido', ru: 'Проиграно', 'zh-CN': '输单' },
  },
  {
    key: 'recycled',
    kind: 'recycled',
    allowedAgeDays: null,
    labels: { en: 'Recycled', 'pt-BR': 'Reciclado', es: 'Reciclado', ru: 'Возвращён в прогрев', 'zh-CN': '退回培育' },
  },
  {
    key: 'disqualified',
    kind: 'disqualified',
    allowedAgeDays: null,
    labels: {
      en: 'Disqualified',
      'pt-BR': 'Desqualificado',
      es: 'Descalificado',
      ru: 'Дисквалифицирован',
      'zh-CN': '不合格',
    },
  },
];

export const DEFAULT_TIME_ZONE = 'UTC';
export const DEFAULT_CURRENCY = 'USD';
