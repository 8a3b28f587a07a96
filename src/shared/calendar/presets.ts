import type { CalendarPreset, CalendarSettings, Holiday } from './model';

/**
 * Public holidays by rule, for a starting list the team then edits: national holidays only
 * (no regional ones), without one-off bridge days or the yearly decrees that move days off in
 * RU and CN. Movable feasts come from Easter (Gregorian or Orthodox), nth weekdays and, for CN,
 * the Chinese calendar of the JavaScript runtime (Intl) and the Qingming solar-term formula.
 */

const DAY_MS = 86_400_000;

function iso(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

function weekday(date: string): number {
  return ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** Gregorian Easter Sunday (anonymous Gregorian algorithm). */
export function easter(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return iso(year, month, day);
}

/** The n-th (1-based; -1 = last) given ISO weekday of a month. */
function nthWeekday(year: number, month: number, isoWeekday: number, n: number): string {
  if (n > 0) {
    const first = iso(year, month, 1);
    const offset = (isoWeekday - weekday(first) + 7) % 7;
    return shiftDays(first, offset + (n - 1) * 7);
  }
  const last = new Date(Date.UTC(year, month, 0)).toISOString().slice(0, 10);
  return shiftDays(last, -((weekday(last) - isoWeekday + 7) % 7));
}

/** US federal rule: a Saturday holiday is observed on Friday, a Sunday one on Monday. */
function observedUs(date: string): string {
  const w = weekday(date);
  return w === 6 ? shiftDays(date, -1) : w === 7 ? shiftDays(date, 1) : date;
}

/** Gregorian date of a day of the Chinese lunar calendar, found with Intl's `chinese` calendar. */
function chineseDate(year: number, lunarMonth: number, lunarDay: number): string | null {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-u-ca-chinese', {
      timeZone: 'UTC',
      month: 'numeric',
      day: 'numeric',
      year: 'numeric',
    });
  } catch {
    return null;
  }
  // Every such day falls between 21 January and 10 October of the Gregorian year.
  for (let t = Date.UTC(year, 0, 21); t <= Date.UTC(year, 9, 10); t += DAY_MS) {
    const parts = format.formatToParts(new Date(t));
    const month = parts.find((p) => p.type === 'month')?.value;
    const day = parts.find((p) => p.type === 'day')?.value;
    if (month === String(lunarMonth) && day === String(lunarDay)) return new Date(t).toISOString().slice(0, 10);
  }
  return null;
}

/** Qingming (the solar term near 5 April), by the usual 21st-century formula. */
function qingming(year: number): string {
  const y = year % 100;
  return iso(year, 4, Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4));
}

type Rule = (year: number) => Array<[string, string]>;

const RULES: Record<CalendarPreset, Rule> = {
  BR: (y) => {
    const e = easter(y);
    const list: Array<[string, string]> = [
      [iso(y, 1, 1), 'Confraternização Universal'],
      [shiftDays(e, -48), 'Carnaval (segunda-feira)'],
      [shiftDays(e, -47), 'Carnaval (terça-feira)'],
      [shiftDays(e, -2), 'Sexta-feira Santa'],
      [iso(y, 4, 21), 'Tiradentes'],
      [iso(y, 5, 1), 'Dia do Trabalho'],
      [shiftDays(e, 60), 'Corpus Christi'],
      [iso(y, 9, 7), 'Independência do Brasil'],
      [iso(y, 10, 12), 'Nossa Senhora Aparecida'],
      [iso(y, 11, 2), 'Finados'],
      [iso(y, 11, 15), 'Proclamação da República'],
      [iso(y, 12, 25), 'Natal'],
    ];
    if (y >= 2024) list.push([iso(y, 11, 20), 'Dia Nacional de Zumbi e da Consciência Negra']);
    return list;
  },
  ES: (y) => [
    [iso(y, 1, 1), 'Año Nuevo'],
    [iso(y, 1, 6), 'Epifanía del Señor'],
    [shiftDays(easter(y), -2), 'Viernes Santo'],
    [iso(y, 5, 1), 'Fiesta del Trabajo'],
    [iso(y, 8, 15), 'Asunción de la Virgen'],
    [iso(y, 10, 12), 'Fiesta Nacional de España'],
    [iso(y, 11, 1), 'Todos los Santos'],
    [iso(y, 12, 6), 'Día de la Constitución'],
    [iso(y, 12, 8), 'Inmaculada Concepción'],
    [iso(y, 12, 25), 'Navidad'],
  ],
  MX: (y) => {
    const list: Array<[string, string]> = [
      [iso(y, 1, 1), 'Año Nuevo'],
      [nthWeekday(y, 2, 1, 1), 'Día de la Constitución'],
      [nthWeekday(y, 3, 1, 3), 'Natalicio de Benito Juárez'],
      [iso(y, 5, 1), 'Día del Trabajo'],
      [iso(y, 9, 16), 'Día de la Independencia'],
      [nthWeekday(y, 11, 1, 3), 'Día de la Revolución'],
      [iso(y, 12, 25), 'Navidad'],
    ];
    if (y >= 2024 && (y - 2024) % 6 === 0) list.push([iso(y, 10, 1), 'Transmisión del Poder Ejecutivo Federal']);
    return list;
  },
  RU: (y) => [
    ...[1, 2, 3, 4, 5, 6, 8].map((d): [string, string] => [iso(y, 1, d), 'Новогодние каникулы']),
    [iso(y, 1, 7), 'Рождество Христово'],
    [iso(y, 2, 23), 'День защитника Отечества'],
    [iso(y, 3, 8), 'Международный женский день'],
    [iso(y, 5, 1), 'Праздник Весны и Труда'],
    [iso(y, 5, 9), 'День Победы'],
    [iso(y, 6, 12), 'День России'],
    [iso(y, 11, 4), 'День народного единства'],
  ],
  CN: (y) => {
    const list: Array<[string, string]> = [
      [iso(y, 1, 1), '元旦'],
      [qingming(y), '清明节'],
      [iso(y, 5, 1), '劳动节'],
      [iso(y, 10, 1), '国庆节'],
      [iso(y, 10, 2), '国庆节'],
      [iso(y, 10, 3), '国庆节'],
    ];
    if (y >= 2025) list.push([iso(y, 5, 2), '劳动节']);
    const spring = chineseDate(y, 1, 1);
    if (spring) {
      // Since 2025 the eve is a statutory day off as well.
      if (y >= 2025) list.push([shiftDays(spring, -1), '春节']);
      for (let d = 0; d < 3; d++) list.push([shiftDays(spring, d), '春节']);
      if (y >= 2025) list.push([shiftDays(spring, 3), '春节']);
    }
    const dragonBoat = chineseDate(y, 5, 5);
    if (dragonBoat) list.push([dragonBoat, '端午节']);
    const midAutumn = chineseDate(y, 8, 15);
    if (midAutumn) list.push([midAutumn, '中秋节']);
    return list;
  },
  US: (y) => [
    [observedUs(iso(y, 1, 1)), "New Year's Day"],
    [nthWeekday(y, 1, 1, 3), 'Martin Luther King Jr. Day'],
    [nthWeekday(y, 2, 1, 3), "Washington's Birthday"],
    [nthWeekday(y, 5, 1, -1), 'Memorial Day'],
    ...(y >= 2021 ? [[observedUs(iso(y, 6, 19)), 'Juneteenth National Independence Day'] as [string, string]] : []),
    [observedUs(iso(y, 7, 4)), 'Independence Day'],
    [nthWeekday(y, 9, 1, 1), 'Labor Day'],
    [nthWeekday(y, 10, 1, 2), 'Columbus Day'],
    [observedUs(iso(y, 11, 11)), 'Veterans Day'],
    [nthWeekday(y, 11, 4, 4), 'Thanksgiving Day'],
    [observedUs(iso(y, 12, 25)), 'Christmas Day'],
  ],
  UK: (y) => {
    const e = easter(y);
    // England and Wales: a holiday on a weekend moves to the next free weekday.
    const newYear = iso(y, 1, 1);
    const ny =
      weekday(newYear) === 6 ? shiftDays(newYear, 2) : weekday(newYear) === 7 ? shiftDays(newYear, 1) : newYear;
    const christmas = iso(y, 12, 25);
    const cw = weekday(christmas);
    const xmas = cw === 6 ? shiftDays(christmas, 2) : cw === 7 ? shiftDays(christmas, 2) : christmas;
    const boxing =
      cw === 5
        ? shiftDays(christmas, 3)
        : cw === 6
          ? shiftDays(christmas, 3)
          : cw === 7
            ? shiftDays(christmas, 1)
            : shiftDays(christmas, 1);
    return [
      [ny, "New Year's Day"],
      [shiftDays(e, -2), 'Good Friday'],
      [shiftDays(e, 1), 'Easter Monday'],
      [nthWeekday(y, 5, 1, 1), 'Early May bank holiday'],
      [nthWeekday(y, 5, 1, -1), 'Spring bank holiday'],
      [nthWeekday(y, 8, 1, -1), 'Summer bank holiday'],
      [xmas, 'Christmas Day'],
      [boxing, 'Boxing Day'],
    ];
  },
};

/** Typical office hours and zone per preset; teams adjust them. */
const WORKWEEK: Record<CalendarPreset, Pick<CalendarSettings, 'timeZone' | 'shifts'>> = {
  BR: {
    timeZone: 'America/Sao_Paulo',
    shifts: [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '18:00' },
    ],
  },
  ES: {
    timeZone: 'Europe/Madrid',
    shifts: [
      { start: '09:00', end: '14:00' },
      { start: '16:00', end: '19:00' },
    ],
  },
  MX: {
    timeZone: 'America/Mexico_City',
    shifts: [
      { start: '09:00', end: '14:00' },
      { start: '15:00', end: '18:00' },
    ],
  },
  RU: {
    timeZone: 'Europe/Moscow',
    shifts: [
      { start: '09:00', end: '13:00' },
      { start: '14:00', end: '18:00' },
    ],
  },
  CN: {
    timeZone: 'Asia/Shanghai',
    shifts: [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '18:00' },
    ],
  },
  US: { timeZone: 'America/New_York', shifts: [{ start: '09:00', end: '17:00' }] },
  UK: { timeZone: 'Europe/London', shifts: [{ start: '09:00', end: '17:30' }] },
};

/** The preset's public holidays for the given years, sorted, one entry per date. */
export function presetHolidays(preset: CalendarPreset, fromYear: number, toYear: number): Holiday[] {
  const byDate = new Map<string, string>();
  for (let y = fromYear; y <= toYear; y++) {
    for (const [date, name] of RULES[preset](y)) if (!byDate.has(date)) byDate.set(date, name);
  }
  return [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, name]) => ({ date, name }));
}

/** A full calendar from a preset: its zone, office hours Monday to Friday and holidays. */
export function presetCalendar(preset: CalendarPreset, fromYear: number, toYear: number): CalendarSettings {
  return {
    ...WORKWEEK[preset],
    workingDays: [1, 2, 3, 4, 5],
    holidays: presetHolidays(preset, fromYear, toYear),
    preset,
  };
}
