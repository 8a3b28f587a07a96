import type { FixedTarget } from './fields';
import { normalizeLabel } from './text';
import { stageNames, type StageRef } from './stages';

/**
 * Header names by target, in English, Portuguese, Spanish, Russian and Chinese, with the spellings
 * CRMs use. Compared after `normalizeLabel`, so case, accents and punctuation do not matter.
 * Earlier entries win when two columns claim the same target.
 */
const FIELD_SYNONYMS: ReadonlyArray<readonly [FixedTarget, readonly string[]]> = [
  [
    'lead_id',
    [
      'lead id',
      'lead_id',
      'id',
      'record id',
      'contact id',
      'deal id',
      'opportunity id',
      'prospect id',
      'external id',
      'crm id',
      'mql id',
      'leadid',
      'id do lead',
      'id lead',
      'codigo do lead',
      'id do contato',
      'id do negocio',
      'id de lead',
      'id del lead',
      'id del contacto',
      'id del prospecto',
      'id лида',
      'идентификатор',
      'идентификатор лида',
      'id сделки',
      'id контакта',
      'номер лида',
      '线索id',
      '线索 id',
      '线索编号',
      '客户id',
      '客户编号',
      '编号',
    ],
  ],
  [
    'created_at',
    [
      'created at',
      'create date',
      'created date',
      'creation date',
      'date created',
      'created on',
      'created',
      'createdate',
      'created time',
      'add time',
      'deal created',
      'data de criacao',
      'data de cadastro',
      'criado em',
      'data criacao',
      'data de entrada',
      'fecha de creacion',
      'fecha de alta',
      'fecha creacion',
      'creado',
      'creado el',
      'дата создания',
      'создан',
      'создано',
      'дата добавления',
      'дата поступления',
      '创建时间',
      '创建日期',
      '添加时间',
      '录入时间',
    ],
  ],
  [
    'source',
    [
      'source',
      'lead source',
      'original source',
      'origin',
      'channel',
      'utm source',
      'acquisition channel',
      'source channel',
      'origem',
      'fonte',
      'canal',
      'origem do lead',
      'fonte do lead',
      'origen',
      'fuente',
      'origen del lead',
      'canal de adquisicion',
      'источник',
      'канал',
      'источник лида',
      'канал привлечения',
      'источник сделки',
      '来源',
      '渠道',
      '线索来源',
      '客户来源',
    ],
  ],
  [
    'campaign',
    [
      'campaign',
      'utm campaign',
      'campaign name',
      'campanha',
      'nome da campanha',
      'campana',
      'кампания',
      'рекламная кампания',
      '活动',
      '营销活动',
      '推广活动',
    ],
  ],
  [
    'segment',
    [
      'segment',
      'market segment',
      'business segment',
      'customer segment',
      'segmento',
      'сегмент',
      '细分',
      '客户细分',
      '市场细分',
    ],
  ],
  ['country', ['country', 'country region', 'pais', 'страна', '国家', '国家 地区', '国家地区']],
  [
    'owner',
    [
      'owner',
      'lead owner',
      'contact owner',
      'deal owner',
      'opportunity owner',
      'record owner',
      'hubspot owner',
      'sales rep',
      'salesperson',
      'sales agent',
      'assigned to',
      'responsavel',
      'proprietario',
      'dono',
      'vendedor',
      'dono do negocio',
      'propietario',
      'responsable',
      'ответственный',
      'менеджер',
      'владелец',
      'ответственный менеджер',
      '负责人',
      '所有者',
      '销售',
      '销售代表',
      '跟进人',
    ],
  ],
  [
    'score',
    [
      'score',
      'lead score',
      'hubspot score',
      'scoring',
      'pontuacao',
      'pontuacao do lead',
      'puntuacion',
      'puntaje',
      'скоринг',
      'оценка',
      'балл',
      '评分',
      '分数',
      '线索评分',
    ],
  ],
  [
    'amount',
    [
      'amount',
      'value',
      'deal value',
      'deal amount',
      'opportunity amount',
      'close value',
      'valor',
      'valor do negocio',
      'importe',
      'monto',
      'valor del negocio',
      'сумма',
      'бюджет',
      'сумма сделки',
      '金额',
      '交易金额',
      '商机金额',
    ],
  ],
  ['currency', ['currency', 'currency code', 'moeda', 'moneda', 'divisa', 'валюта', '货币', '币种']],
  [
    'first_touch_at',
    [
      'first touch at',
      'first touch',
      'first touch date',
      'first contacted',
      'first contacted at',
      'first response at',
      'first response',
      'first outreach date',
      'date of first engagement',
      'first engagement date',
      'primeiro contato',
      'data do primeiro contato',
      'primer contacto',
      'fecha del primer contacto',
      'первый контакт',
      'дата первого контакта',
      '首次联系',
      '首次联系时间',
      '首次跟进时间',
    ],
  ],
  [
    'first_touch_channel',
    [
      'first touch channel',
      'first contact channel',
      'canal do primeiro contato',
      'canal del primer contacto',
      'канал первого контакта',
      '首次联系渠道',
    ],
  ],
  [
    'assigned_at',
    [
      'assigned at',
      'assigned date',
      'owner assigned date',
      'assignment date',
      'data de atribuicao',
      'atribuido em',
      'fecha de asignacion',
      'asignado el',
      'дата назначения',
      'назначен',
      '分配时间',
      '分配日期',
    ],
  ],
  [
    'outcome_reason',
    [
      'outcome reason',
      'reason',
      'loss reason',
      'lost reason',
      'closed lost reason',
      'reason lost',
      'win loss reason',
      'motivo',
      'motivo da perda',
      'motivo de perda',
      'motivo de perdida',
      'razon',
      'причина',
      'причина отказа',
      'причина проигрыша',
      '原因',
      '丢单原因',
      '输单原因',
    ],
  ],
  ['outcome_reason_code', ['outcome reason code', 'reason code']],
  [
    'status',
    [
      'status',
      'lead status',
      'lifecycle stage',
      'deal stage',
      'stage',
      'estagio',
      'estagio no funil',
      'etapa',
      'etapa do funil',
      'fase',
      'estado',
      'этап',
      'стадия',
      'статус',
      'этап сделки',
      '阶段',
      '状态',
      '生命周期阶段',
      '销售阶段',
    ],
  ],
  [
    'status_at',
    [
      'close date',
      'closed date',
      'closed at',
      'date closed',
      'closed on',
      'data de fechamento',
      'fecha de cierre',
      'дата закрытия',
      '成交日期',
      '关闭日期',
    ],
  ],
];

/** Headers of the time column in a long file (one row per stage change). */
const EVENT_TIME_HEADERS = [
  'entered at',
  'entered_at',
  'date',
  'timestamp',
  'changed at',
  'date changed',
  'stage date',
  'stage entered at',
  'event date',
  'time',
  'data',
  'data da mudanca',
  'fecha',
  'fecha del cambio',
  'дата',
  'дата изменения',
  'время',
  '日期',
  '时间',
  '变更时间',
];

const NORMALIZED: ReadonlyArray<readonly [FixedTarget, readonly string[]]> = FIELD_SYNONYMS.map(([target, names]) => [
  target,
  names.map(normalizeLabel),
]);
const EVENT_TIME = new Set(EVENT_TIME_HEADERS.map(normalizeLabel));

/** The field a header names exactly, with its rank (lower is a better name), or null. */
export function fieldForHeader(header: string): { target: FixedTarget; rank: number } | null {
  const h = normalizeLabel(header);
  for (const [target, names] of NORMALIZED) {
    const rank = names.indexOf(h);
    if (rank >= 0) return { target, rank };
  }
  return null;
}

export function isEventTimeHeader(header: string): boolean {
  return EVENT_TIME.has(normalizeLabel(header));
}

/** Words that say "a date" around a stage name: "MQL date", "Data de conversão", "Дата MQL", "赢单日期". */
const DATE_PREFIXES = [
  'date entered',
  'date became',
  'became a',
  'became an',
  'became',
  'date of',
  'date',
  'data de',
  'data da',
  'data do',
  'data',
  'fecha de',
  'fecha del',
  'fecha',
  'дата',
  '日期',
]
  .map(normalizeLabel)
  .sort((a, b) => b.length - a.length);
const DATE_SUFFIXES = [
  'date entered',
  'entered at',
  'entered',
  'date',
  'at',
  'on',
  'time',
  'datetime',
  'timestamp',
  'dt',
  'em',
  'fecha',
  'дата',
  'date time',
]
  .map(normalizeLabel)
  .sort((a, b) => b.length - a.length);
const CJK_SUFFIXES = ['日期', '时间', '日期时间'];
/** Stage names too generic to read out of a header ("Contact date", "Deal date", "New date"). */
const TOO_GENERIC = new Set([
  'contact',
  'new',
  'deal',
  'opp',
  'win',
  'loss',
  'converted',
  'accepted',
  'qualified',
  'conversion',
  'proposal',
]);

/** HubSpot: `Date entered "Marketing Qualified Lead (Lifecycle Stage Pipeline)"`. */
const HUBSPOT_DATE_ENTERED = /^date entered\s*["“](.+?)(?:\s*\([^)]*\))?["”]\s*$/i;

function remainders(h: string): string[] {
  const out = new Set<string>();
  for (const p of [...DATE_PREFIXES, '']) {
    if (p !== '' && !h.startsWith(`${p} `)) continue;
    const afterPrefix = p === '' ? h : h.slice(p.length + 1);
    for (const s of [...DATE_SUFFIXES, '']) {
      if (p === '' && s === '') continue;
      if (s !== '' && !afterPrefix.endsWith(` ${s}`)) continue;
      out.add(s === '' ? afterPrefix : afterPrefix.slice(0, -(s.length + 1)));
    }
  }
  for (const s of CJK_SUFFIXES) if (h.endsWith(s) && h.length > s.length) out.add(h.slice(0, -s.length).trim());
  out.delete('');
  return [...out];
}

/** The stage whose entry date a header holds (wide layout), or null. */
export function stageForDateHeader(header: string, stages: readonly StageRef[]): StageRef | null {
  const names = new Map<string, StageRef>();
  for (const s of stages) for (const n of stageNames(s)) if (!TOO_GENERIC.has(n) && !names.has(n)) names.set(n, s);
  const hubspot = HUBSPOT_DATE_ENTERED.exec(header.trim());
  if (hubspot) return names.get(normalizeLabel(hubspot[1]!)) ?? null;
  const h = normalizeLabel(header);
  if (/^date exited\b/.test(h) || /\bexited\b/.test(h)) return null;
  for (const r of remainders(h)) {
    const hit = names.get(r);
    if (hit) return hit;
  }
  return null;
}
