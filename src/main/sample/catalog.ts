/**
 * The fictional company behind the sample: Acme Analytics, a São Paulo B2B software vendor selling in
 * Latin America, Europe, the US, Russia and China. Everything here is invented; the numbers are
 * chosen so the funnel lands near DESIGN.md's benchmark lines.
 */

export type Language = 'en' | 'pt' | 'es' | 'ru' | 'zh';

export interface Country {
  readonly name: string;
  readonly weight: number;
  /** UTC offset used for "business-like hours" (no daylight saving: roughly right is enough). */
  readonly offsetHours: number;
  readonly currency: string;
  /** Units of `currency` per US dollar, to price deals in local money. */
  readonly perUsd: number;
  /** Rounding step of prices in local money. */
  readonly priceStep: number;
  readonly language: Language;
  readonly owners: readonly string[];
  readonly touchChannels: readonly string[];
}

export const OWNERS = {
  ana: 'Ana Ribeiro',
  lucas: 'Lucas Martins',
  diego: 'Diego Fernández',
  valentina: 'Valentina Rojas',
  mikhail: 'Mikhail Orlov',
  wei: 'Zhang Wei',
  emily: 'Emily Carter',
  jonas: 'Jonas Becker',
} as const;

/** The owner whose follow-up is clearly worse than the rest (the meeting's SLA story). */
export const SLOW_OWNER = OWNERS.lucas;

export const COUNTRIES: readonly Country[] = [
  {
    name: 'Brazil',
    weight: 30,
    offsetHours: -3,
    currency: 'BRL',
    perUsd: 5.2,
    priceStep: 100,
    language: 'pt',
    owners: [OWNERS.ana, OWNERS.lucas],
    touchChannels: ['whatsapp', 'phone', 'email'],
  },
  {
    name: 'Mexico',
    weight: 10,
    offsetHours: -6,
    currency: 'MXN',
    perUsd: 18,
    priceStep: 500,
    language: 'es',
    owners: [OWNERS.diego],
    touchChannels: ['whatsapp', 'phone', 'email'],
  },
  {
    name: 'Spain',
    weight: 9,
    offsetHours: 1,
    currency: 'EUR',
    perUsd: 0.92,
    priceStep: 50,
    language: 'es',
    owners: [OWNERS.diego],
    touchChannels: ['phone', 'email', 'linkedin'],
  },
  {
    name: 'Argentina',
    weight: 6,
    offsetHours: -3,
    currency: 'USD',
    perUsd: 1,
    priceStep: 50,
    language: 'es',
    owners: [OWNERS.valentina],
    touchChannels: ['whatsapp', 'phone', 'email'],
  },
  {
    name: 'Colombia',
    weight: 6,
    offsetHours: -5,
    currency: 'COP',
    perUsd: 4000,
    priceStep: 100_000,
    language: 'es',
    owners: [OWNERS.valentina],
    touchChannels: ['whatsapp', 'phone', 'email'],
  },
  {
    name: 'Chile',
    weight: 5,
    offsetHours: -4,
    currency: 'CLP',
    perUsd: 930,
    priceStep: 10_000,
    language: 'es',
    owners: [OWNERS.valentina],
    touchChannels: ['phone', 'email', 'whatsapp'],
  },
  {
    name: 'Portugal',
    weight: 4,
    offsetHours: 0,
    currency: 'EUR',
    perUsd: 0.92,
    priceStep: 50,
    language: 'pt',
    owners: [OWNERS.ana],
    touchChannels: ['phone', 'email', 'linkedin'],
  },
  {
    name: 'USA',
    weight: 9,
    offsetHours: -5,
    currency: 'USD',
    perUsd: 1,
    priceStep: 50,
    language: 'en',
    owners: [OWNERS.emily],
    touchChannels: ['email', 'phone', 'linkedin'],
  },
  {
    name: 'UK',
    weight: 5,
    offsetHours: 0,
    currency: 'GBP',
    perUsd: 0.79,
    priceStep: 50,
    language: 'en',
    owners: [OWNERS.emily],
    touchChannels: ['email', 'phone', 'linkedin'],
  },
  {
    name: 'Germany',
    weight: 6,
    offsetHours: 1,
    currency: 'EUR',
    perUsd: 0.92,
    priceStep: 50,
    language: 'en',
    owners: [OWNERS.jonas],
    touchChannels: ['email', 'phone', 'linkedin'],
  },
  {
    name: 'Russia',
    weight: 5,
    offsetHours: 3,
    currency: 'RUB',
    perUsd: 90,
    priceStep: 5000,
    language: 'ru',
    owners: [OWNERS.mikhail],
    touchChannels: ['phone', 'email', 'telegram'],
  },
  {
    name: 'China',
    weight: 5,
    offsetHours: 8,
    currency: 'CNY',
    perUsd: 7.2,
    priceStep: 500,
    language: 'zh',
    owners: [OWNERS.wei],
    touchChannels: ['wechat', 'phone', 'email'],
  },
];

export type SourceKey = 'web_form' | 'webinar' | 'paid_search' | 'events' | 'referral' | 'outbound';

export interface Source {
  readonly key: SourceKey;
  /** As a CRM export writes it. */
  readonly label: string;
  /** Share of leads in an ordinary week (events come in bursts after each event instead). */
  readonly weight: number;
  /** Added to a lead's latent quality: referrals are good, paid search is noisy. */
  readonly quality: number;
  readonly campaigns: readonly string[];
}

export const SOURCES: readonly Source[] = [
  {
    key: 'web_form',
    label: 'Web form',
    weight: 30,
    quality: 0,
    campaigns: ['Website — Request a demo', 'Website — Contact us', 'Ebook — The B2B funnel playbook', 'Pricing page'],
  },
  {
    key: 'paid_search',
    label: 'Paid search',
    weight: 21,
    quality: -0.3,
    campaigns: [
      'Google Ads — Brand',
      'Google Ads — Generic LatAm',
      'Google Ads — Competitor terms',
      'Bing Ads — Europe',
    ],
  },
  { key: 'webinar', label: 'Webinar', weight: 16, quality: 0.05, campaigns: [] },
  { key: 'events', label: 'Events', weight: 0, quality: 0.15, campaigns: [] },
  {
    key: 'referral',
    label: 'Referral',
    weight: 9,
    quality: 0.6,
    campaigns: ['Partner program', 'Customer referral', 'Agency partners'],
  },
  {
    key: 'outbound',
    label: 'Outbound',
    weight: 12,
    quality: -0.15,
    campaigns: ['SDR — Enterprise ABM', 'SDR — LatAm mid-market', 'SDR — Europe expansion'],
  },
];

/** One webinar a month; the campaign is named after its topic. */
export const WEBINAR_TOPICS: readonly string[] = [
  'Pipeline hygiene in 30 minutes',
  'Forecasting without spreadsheets',
  'Lead scoring that sales trusts',
  'The marketing–sales SLA',
  'Attribution for B2B',
  'Win/loss analysis done right',
  'Building an ICP from your data',
  'RevOps for mid-size teams',
  'Board-ready funnel reports',
  'Nurture programs that convert',
  'Quarter-end without panic',
  'Data quality in your CRM',
];

/** Trade shows, by weeks before the sample's last day; leads arrive in the days after each one. */
export const EVENTS: ReadonlyArray<{ readonly name: string; readonly weeksBeforeEnd: number; readonly size: number }> =
  [
    { name: 'SaaS Summit São Paulo', weeksBeforeEnd: 47, size: 1.3 },
    { name: 'Web Forum Lisboa', weeksBeforeEnd: 38, size: 0.9 },
    { name: 'Latam Sales Congress (CDMX)', weeksBeforeEnd: 29, size: 1.0 },
    { name: 'Revenue Ops Live Madrid', weeksBeforeEnd: 19, size: 0.8 },
    { name: 'B2B Growth Expo São Paulo', weeksBeforeEnd: 4, size: 1.2 },
  ];

export type SegmentName = 'SMB' | 'Mid-market' | 'Enterprise';

export interface Segment {
  readonly name: SegmentName;
  readonly weight: number;
  readonly quality: number;
  /** Median yearly contract in USD and its log spread. */
  readonly dealMedianUsd: number;
  readonly dealSigma: number;
  readonly employees: readonly [number, number];
  /** Sales cycles are longer for bigger buyers (multiplies stage durations). */
  readonly cycle: number;
}

export const SEGMENTS: readonly Segment[] = [
  { name: 'SMB', weight: 36, quality: -0.15, dealMedianUsd: 6_000, dealSigma: 0.5, employees: [8, 199], cycle: 0.7 },
  {
    name: 'Mid-market',
    weight: 44,
    quality: 0.3,
    dealMedianUsd: 28_000,
    dealSigma: 0.45,
    employees: [200, 999],
    cycle: 1,
  },
  {
    name: 'Enterprise',
    weight: 20,
    quality: 0.35,
    dealMedianUsd: 120_000,
    dealSigma: 0.55,
    employees: [1000, 25_000],
    cycle: 1.6,
  },
];

export const INDUSTRIES: ReadonlyArray<readonly [string, number]> = [
  ['Software', 18],
  ['Financial services', 12],
  ['Retail', 11],
  ['Manufacturing', 11],
  ['Logistics', 8],
  ['Healthcare', 8],
  ['Education', 7],
  ['Professional services', 10],
  ['Telecom', 5],
  ['Agribusiness', 6],
  ['Media', 4],
];

/** The people who run the weekly review (and sign the SLA). */
export const PEOPLE = {
  marketingLead: 'Camila Duarte',
  salesLead: 'Rodrigo Almeida',
  ops: 'Priya Nair',
} as const;

export const WORKSPACE_NAME = 'Sample — Acme Analytics';
export const WORKSPACE_TIME_ZONE = 'America/Sao_Paulo';
/** America/Sao_Paulo has no daylight saving since 2019: a fixed offset is exact. */
export const WORKSPACE_OFFSET_HOURS = -3;
