// Numbers, dates and names in the UI language, through Intl. Case numbers are never localised
// here except for the Arabic reading aid (`toArabicIndic`).

import { currentLanguage, type Language } from './i18n';

const LOCALES: Readonly<Record<Language, string>> = { en: 'en-GB', sv: 'sv-SE', ar: 'ar' };

/** The BCP 47 tag Intl formats with for a UI language. */
export function intlLocale(language: Language = currentLanguage()): string {
  return LOCALES[language];
}

export function formatInteger(value: number, minimumIntegerDigits = 1): string {
  return new Intl.NumberFormat(intlLocale(), { minimumIntegerDigits, useGrouping: false }).format(value);
}

/** A count (statistics) in the UI language, grouped the way that language groups digits. */
export function formatCount(value: number): string {
  return new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 0 }).format(value);
}

/** A measure such as minutes, with at most one decimal. */
export function formatDecimal(value: number): string {
  return new Intl.NumberFormat(intlLocale(), { maximumFractionDigits: 1 }).format(value);
}

/**
 * A month ('YYYY-MM') as it is written in the UI language's digits, still year first. Shown
 * left to right in every language, like the month picker.
 */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  return `${formatInteger(Number(match[1]), 4)}-${formatInteger(Number(match[2]), 2)}`;
}

/** A month ('YYYY-MM') by name ("March 2026"), for tooltips and screen readers. */
export function monthName(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return month;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return new Intl.DateTimeFormat(intlLocale(), { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
}

/** The calendar month of `now` (local time), as 'YYYY-MM'. */
export function thisMonth(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** The calendar month before the one of `now` (local time), as 'YYYY-MM'. */
export function previousMonth(now: Date = new Date()): string {
  const date = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** A running call's time: minutes and seconds ("07:05", "75:00"), digits of the UI language. */
export function formatTimer(elapsedMs: number): string {
  const seconds = Math.max(0, Math.floor(elapsedMs / 1000));
  return `${formatInteger(Math.floor(seconds / 60), 2)}:${formatInteger(seconds % 60, 2)}`;
}

/** A point in time (RFC 3339) as a date and time in the UI language. */
export function formatDateTime(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(time);
}

/** The time of day of a point in time (RFC 3339), hours and minutes, in the UI language. */
export function formatTime(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(), { timeStyle: 'short' }).format(time);
}

function parseDay(day: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** A calendar day (YYYY-MM-DD) in the UI language. */
export function formatDay(day: string): string {
  const date = parseDay(day);
  return date ? new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium' }).format(date) : day;
}

/**
 * Text of digits and dashes (a month, a day, k) in the UI language's digits, each run of digits
 * keeping its length, so "2026-03" reads as the UI writes numbers.
 */
export function inUiDigits(text: string): string {
  return text.replace(/[0-9]+/g, (digits) => formatInteger(Number(digits), digits.length));
}

/**
 * A day as typed: year, month and day in any digits (Latin, Arabic-Indic, Persian), apart by
 * '-', '/', '.' or spaces; 'YYYY-MM-DD', or null when it is no calendar day.
 */
export function typedDay(typed: string): string | null {
  const match = /^(\d{4})\s*[-/.\s]\s*(\d{1,2})\s*[-/.\s]\s*(\d{1,2})$/.exec(toLatinDigits(typed.trim()).replace(/[\u200e\u200f\u061c]/g, ''));
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  if (date.getFullYear() !== year || date.getMonth() !== month - 1 || date.getDate() !== day) return null;
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Today in local time, as YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whole minutes between two times, or null when either is missing. */
export function durationMinutes(startedAt: string, endedAt: string | null): number | null {
  if (endedAt === null) return null;
  const ms = Date.parse(endedAt) - Date.parse(startedAt);
  return Number.isNaN(ms) ? null : Math.max(0, Math.round(ms / 60_000));
}

const ARABIC_INDIC = '٠١٢٣٤٥٦٧٨٩';

/** The same text with 0-9 written as Arabic-Indic digits (٠-٩), for reading a number aloud. */
export function toArabicIndic(text: string): string {
  return text.replace(/[0-9]/g, (digit) => ARABIC_INDIC[Number(digit)] ?? digit);
}

/** Latin digits for Arabic-Indic and Persian ones, so "١٠" and "۱۰" read as 10. */
export function toLatinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (digit) => {
    const code = digit.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}

/** A country's name in the UI language, or undefined when Intl does not know the code. */
export function regionName(code: string): string | undefined {
  try {
    return new Intl.DisplayNames([intlLocale()], { type: 'region', fallback: 'none' }).of(code.toUpperCase());
  } catch {
    return undefined;
  }
}

/** "a, b and c" in the UI language. */
export function formatList(items: string[], type: 'conjunction' | 'unit' = 'conjunction'): string {
  return new Intl.ListFormat(intlLocale(), { type, style: type === 'unit' ? 'short' : 'long' }).format(items);
}

/**
 * Like `formatList`, for items that are nodes (isolated user text): the separators come from
 * Intl, the items are kept as they are.
 */
export function listNodes(items: (Node | string)[], type: 'conjunction' | 'unit' = 'conjunction'): (Node | string)[] {
  const parts = new Intl.ListFormat(intlLocale(), { type, style: type === 'unit' ? 'short' : 'long' }).formatToParts(
    items.map((_, index) => String(index)),
  );
  let next = 0;
  return parts.map((part) => (part.type === 'element' ? (items[next++] ?? '') : part.value));
}
