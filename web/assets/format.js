// format.js - how the UI shows and reads dates, times and money. Dates from the API are
// "YYYY-MM-DD" (a date, not a time: never shifted by the time zone); note times are ISO
// date-times shown in the browser's zone; money is integer cents, typed and shown in dollars
// and parsed here without floating point. Components are in ui.js.

const DATE_FMT = new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', year: 'numeric', month: 'short', day: 'numeric' });
const TIME_FMT = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });
const LOCAL_DATE_FMT = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });

const pad = (n, w = 2) => String(n).padStart(w, '0');

/** Today as "YYYY-MM-DD" in the browser's zone. */
export function todayISO(d = new Date()) {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "2026-01-15" -> "Jan 15, 2026" (in the user's locale); "" for an unset date. */
export function fmtDate(iso) {
  if (!iso) return '';
  const d = new Date(`${iso}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : DATE_FMT.format(d);
}

/** An ISO date-time -> {date, time} in the browser's zone, for notes and the timeline. */
export function fmtDateTime(iso) {
  if (!iso) return { date: '', time: '' };
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return { date: iso, time: '' };
  return { date: LOCAL_DATE_FMT.format(d), time: TIME_FMT.format(d) };
}

/** An ISO date-time -> the value of an <input type="datetime-local"> (local, to the minute). */
export function toLocalInput(iso) {
  const d = iso ? new Date(iso) : new Date();
  if (Number.isNaN(d.getTime())) return '';
  return `${todayISO(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The value of an <input type="datetime-local"> -> an ISO date-time (UTC); null when empty. */
export function fromLocalInput(v) {
  if (!v) return null;
  const d = new Date(v);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** "12 days", "1 day". */
export function days(n) {
  return `${n} ${Math.abs(n) === 1 ? 'day' : 'days'}`;
}

/** Integer cents -> "1,234.56" (no currency sign); "" for null. */
export function centsToDollars(cents) {
  if (cents === null || cents === undefined || cents === '') return '';
  const neg = cents < 0;
  const abs = Math.abs(Math.trunc(Number(cents)));
  const whole = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${neg ? '-' : ''}${whole}.${pad(abs % 100)}`;
}

/** Integer cents -> "$1,234.56"; "" for null. */
export function fmtMoney(cents) {
  const s = centsToDollars(cents);
  if (!s) return '';
  return s.startsWith('-') ? `-$${s.slice(1)}` : `$${s}`;
}

/**
 * A typed dollar amount -> integer cents: "1,234.5" -> 123450, "$250k" is refused. Returns
 * null for an empty input and NaN for something that is not an amount (at most two decimals,
 * no sign). Parsed as text, never through floating point.
 */
export function parseDollars(text) {
  const t = String(text ?? '').trim().replace(/^\$\s*/, '').replace(/,(?=\d{3}(\D|$))/g, '');
  if (t === '') return null;
  const m = /^(\d{1,13})(?:\.(\d{0,2}))?$/.exec(t) || /^()\.(\d{1,2})$/.exec(t);
  if (!m) return NaN;
  const whole = m[1] ? Number(m[1]) : 0;
  const frac = Number((m[2] || '').padEnd(2, '0') || '0');
  return whole * 100 + frac;
}
