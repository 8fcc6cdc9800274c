import { afterEach, describe, expect, test } from 'vitest';
import { durationMinutes, formatTimer, listNodes, regionName, toArabicIndic, toLatinDigits, today, typedDay } from './format';
import { setLanguage } from './i18n';

afterEach(() => setLanguage('en'));

describe('format', () => {
  test('case numbers in Arabic-Indic digits keep their spaces', () => {
    expect(toArabicIndic('4821 0937 552')).toBe('٤٨٢١ ٠٩٣٧ ٥٥٢');
    expect(toLatinDigits('٤٨٢١ ۰۹۳۷ 552')).toBe('4821 0937 552');
  });

  test('the timer is mm:ss and never negative', () => {
    expect(formatTimer(0)).toBe('00:00');
    expect(formatTimer(65_999)).toBe('01:05');
    expect(formatTimer(-5000)).toBe('00:00');
    expect(formatTimer(100 * 60_000)).toBe('100:00');
  });

  test('today is the local calendar day', () => {
    expect(today(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  test('durations in whole minutes; none without an end', () => {
    expect(durationMinutes('2026-03-02T10:00:00Z', '2026-03-02T10:12:29Z')).toBe(12);
    expect(durationMinutes('2026-03-02T10:00:00Z', null)).toBeNull();
  });

  test('country names follow the UI language; unknown codes have none', () => {
    setLanguage('sv');
    expect(regionName('JO')).toBe(new Intl.DisplayNames(['sv-SE'], { type: 'region' }).of('JO'));
    expect(regionName('QQ')).toBeUndefined();
  });

  test('a list of nodes keeps the nodes and takes the separators from Intl', () => {
    const a = document.createElement('bdi');
    const b = document.createElement('bdi');
    const parts = listNodes([a, 'two', b]);
    expect(parts[0]).toBe(a);
    expect(parts.at(-1)).toBe(b);
    expect(parts.filter((part) => typeof part === 'string').join('|')).toContain('two');
  });
});

describe('typedDay (issue 12)', () => {
  test('reads a day in any digits and separators, and refuses what is no calendar day', () => {
    expect(typedDay('2026-03-06')).toBe('2026-03-06');
    expect(typedDay(' ٢٠٢٦-٠٣-٠٦ ')).toBe('2026-03-06');
    expect(typedDay('۲۰۲۶/۳/۶')).toBe('2026-03-06');
    expect(typedDay('2026.3.6')).toBe('2026-03-06');
    expect(typedDay('\u200e2026-03-06')).toBe('2026-03-06');
    for (const bad of ['', '2026-02-30', '2026-13-01', '06/03/2026', 'tomorrow', '2026-03']) expect(typedDay(bad), bad).toBeNull();
  });
});
