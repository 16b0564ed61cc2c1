// Numbers as Chinese readers expect them: grouped digits (12,345), 万/亿 for large amounts in tiles, percentages
// with one decimal, changes as 个百分点 for rates; dates as 2024年3月31日.
const INTEGER = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 });
const POINTS = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const PERCENT = new Intl.NumberFormat('zh-CN', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });

export const EMPTY = '—';

export function count(value) {
  return value === null || value === undefined ? EMPTY : INTEGER.format(Number(value));
}

export function decimal(value) {
  return value === null || value === undefined ? EMPTY : DECIMAL.format(Number(value));
}

/** 12,345 below 10万; 12.35万 and 1.23亿 above. */
export function large(value) {
  if (value === null || value === undefined) return EMPTY;
  const n = Number(value);
  if (Math.abs(n) >= 1e8) return DECIMAL.format(n / 1e8) + '亿';
  if (Math.abs(n) >= 1e5) return DECIMAL.format(n / 1e4) + '万';
  return Number.isInteger(n) ? INTEGER.format(n) : DECIMAL.format(n);
}

export function rate(value) {
  return value === null || value === undefined ? EMPTY : PERCENT.format(Number(value));
}

/** The change of a count since last year: "+12（+3.4%）". */
export function countChange(now, before) {
  if (now === null || now === undefined || before === null || before === undefined) return null;
  const d = Number(now) - Number(before);
  const sign = d > 0 ? '+' : d < 0 ? '−' : '±';
  const relative = Number(before) === 0 ? '' : '（' + sign + PERCENT.format(Math.abs(d) / Number(before)) + '）';
  return { direction: Math.sign(d), text: sign + large(Math.abs(d)) + relative };
}

/** The change of a rate since last year in percentage points: "+1.2个百分点". */
export function rateChange(now, before) {
  if (now === null || now === undefined || before === null || before === undefined) return null;
  const points = (Number(now) - Number(before)) * 100;
  const sign = points > 0.05 ? '+' : points < -0.05 ? '−' : '±';
  return { direction: Math.sign(Math.round(points * 10)), text: sign + POINTS.format(Math.abs(points)) + '个百分点' };
}

export function date(iso) {
  if (!iso) return EMPTY;
  const d = new Date(iso.length === 10 ? iso + 'T00:00:00+08:00' : iso);
  return new Intl.DateTimeFormat('zh-CN', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'Asia/Shanghai' }).format(d);
}

export function dateTime(iso) {
  if (!iso) return EMPTY;
  return new Intl.DateTimeFormat('zh-CN', {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai',
  }).format(new Date(iso));
}

export function time(d) {
  return new Intl.DateTimeFormat('zh-CN', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false }).format(d);
}

/** Whole days from day a to day b (yyyy-MM-dd), b later → positive. */
export function daysBetween(a, b) {
  const ms = Date.parse(b + 'T00:00:00Z') - Date.parse(a + 'T00:00:00Z');
  return Math.round(ms / 86400000);
}

export function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}
