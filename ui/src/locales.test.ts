// The translations in assets/locales: valid Fluent, the same messages in every language,
// and every message the code asks for.

import { FluentBundle, FluentResource } from '@fluent/bundle';
import { FluentParser, Junk, Message, Term } from '@fluent/syntax';
import { describe, expect, test } from 'vitest';
import { FTL_SOURCES, LANGUAGES, MESSAGE_IDS } from './i18n';
import { CLIENT_ERROR_CODES, ERROR_CODES } from './ipc';

interface Entry {
  /** `id`, `id.attribute`, or `-term` */
  keys: string[];
  /** The variables each key uses, e.g. `home-greeting` → ['user']. */
  variables: Map<string, string[]>;
}

function variablesIn(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) {
    for (const item of node) variablesIn(item, found);
  } else if (typeof node === 'object' && node !== null) {
    const record = node as Record<string, unknown>;
    if (record.type === 'VariableReference') {
      const id = record.id as { name: string };
      found.add(id.name);
    }
    for (const [key, value] of Object.entries(record)) {
      if (key !== 'span') variablesIn(value, found);
    }
  }
  return found;
}

/** Parses one .ftl file strictly: a syntax error is a problem, not a skipped entry. */
function parse(language: string, source: string, problems: string[]): Entry {
  const resource = new FluentParser({ withSpans: true }).parse(source);
  const keys: string[] = [];
  const variables = new Map<string, string[]>();
  for (const entry of resource.body) {
    if (entry instanceof Junk) {
      const why = entry.annotations.map((annotation) => annotation.message).join('; ');
      problems.push(`${language}: syntax error: ${why}: ${JSON.stringify(entry.content.trim())}`);
    } else if (entry instanceof Message || entry instanceof Term) {
      const id = entry instanceof Term ? `-${entry.id.name}` : entry.id.name;
      if (keys.includes(id)) problems.push(`${language}: ${id} is defined twice`);
      keys.push(id);
      variables.set(id, [...variablesIn(entry.value)].sort());
      for (const attribute of entry.attributes) {
        const key = `${id}.${attribute.id.name}`;
        keys.push(key);
        variables.set(key, [...variablesIn(attribute.value)].sort());
      }
    }
  }
  return { keys, variables };
}

/** Every problem with a set of translations; empty when they are complete and valid. */
function checkLocales(sources: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  const parsed = new Map<string, Entry>();
  for (const [language, source] of Object.entries(sources)) {
    parsed.set(language, parse(language, source, problems));
  }
  const all = new Set<string>();
  for (const entry of parsed.values()) for (const key of entry.keys) all.add(key);
  for (const [language, entry] of parsed) {
    for (const key of all) {
      if (!entry.keys.includes(key)) {
        const where = [...parsed].filter(([, other]) => other.keys.includes(key)).map(([l]) => l);
        problems.push(`${language}: missing ${key} (present in ${where.join(', ')})`);
      }
    }
  }
  const reference = parsed.get('en');
  if (reference) {
    for (const [language, entry] of parsed) {
      for (const [key, names] of entry.variables) {
        const expected = reference.variables.get(key);
        if (expected && expected.join() !== names.join()) {
          problems.push(`${language}: ${key} uses {${names}} but en uses {${expected}}`);
        }
      }
    }
  }
  return problems;
}

describe('translations', () => {
  test('all three languages are valid Fluent with the same messages', () => {
    expect(Object.keys(FTL_SOURCES).sort()).toEqual([...LANGUAGES].sort());
    expect(checkLocales(FTL_SOURCES)).toEqual([]);
  });

  test('the check catches a message missing in one language', () => {
    const sources = {
      en: 'hello = Hello\nbye = Bye\n',
      sv: 'hello = Hej\nbye = Hej då\n',
      ar: 'hello = مرحبًا\n',
    };
    expect(checkLocales(sources)).toEqual(['ar: missing bye (present in en, sv)']);
  });

  test('the check catches an extra message, an attribute and a lost variable', () => {
    const sources = {
      en: 'greet = Hi { $user }\n    .title = Greeting\n',
      sv: 'greet = Hej\n    .title = Hälsning\nextra = Extra\n',
    };
    expect(checkLocales(sources)).toEqual([
      'en: missing extra (present in sv)',
      'sv: greet uses {} but en uses {user}',
    ]);
  });

  test('the check catches syntax errors', () => {
    const sources = { en: 'ok = Fine\nbroken = { $user\n', sv: 'ok = Bra\nbroken = Trasig\n' };
    const problems = checkLocales(sources);
    expect(problems.some((problem) => problem.startsWith('en: syntax error'))).toBe(true);
  });

  test('every message the code uses is there, and nothing unused', () => {
    const used = [
      ...MESSAGE_IDS,
      ...[...ERROR_CODES, ...CLIENT_ERROR_CODES, 'unknown'].map((code) => `error-${code}`),
    ].sort();
    const problems: string[] = [];
    const en = parse('en', FTL_SOURCES.en, problems);
    expect(problems).toEqual([]);
    expect([...en.keys].sort()).toEqual(used);
  });

  test('every message formats without errors in every language', () => {
    // A value for every variable any message uses; a new variable must be added here.
    const samples = {
      user: 'Maja',
      number: '4821 0937 552',
      started: '21 Nov 2026, 10:05',
      step: 2,
      countries: 'Turkey, Jordan and Lebanon',
      count: 45_000,
      max: 50_000,
      minutes: 12,
      relationship: 'Mother',
      gender: 'Woman',
      age: '15–17',
      situation: 'Returned',
      environment: 'Criminal network',
      from: '2026-01',
      to: '2026-03',
      k: 5,
      below: 4,
      symbol: '<5',
      month: '2026-02',
      value: '12',
      path: '/home/maja/statistics.csv',
      file: 'helpline-2026-03-09.hlbak',
      cases: 3,
      calls: 2,
      months: 24,
      place: 'calls-notes',
      case: '1f3a9c07b2d4e6f8',
      name: 'Ahmad',
      time: '2 Mar 2026, 21:12',
      setting: 'retention_months',
      fields: 'level, notes',
      format: 'CSV',
      seq: 17,
      last: 19,
      shown: 50,
      total: 12_345,
      fingerprint: '3f9a0c1b2d4e6f80',
      reason: 'wrong_passphrase',
      when: '14 Mar 2026, 08:26',
      unreadable: 2,
      replaced: 'yes',
      example: '2026-03',
      min: 3,
      date: '2026-03-06',
    };
    for (const language of LANGUAGES) {
      const bundle = new FluentBundle(language);
      expect(bundle.addResource(new FluentResource(FTL_SOURCES[language]))).toEqual([]);
      for (const id of MESSAGE_IDS) {
        const message = bundle.getMessage(id);
        expect(message?.value, `${language}: ${id}`).toBeTruthy();
        for (const [role, open] of [
          ['volunteer', 'yes'],
          ['supervisor', 'no'],
        ]) {
          const errors: Error[] = [];
          const text = bundle.formatPattern(message!.value!, { ...samples, role: role!, open: open! }, errors);
          expect(errors, `${language}: ${id}`).toEqual([]);
          expect(text.trim(), `${language}: ${id}`).not.toBe('');
        }
      }
    }
  });

  test('the open/closed message really depends on the state in every language', () => {
    for (const language of LANGUAGES) {
      const bundle = new FluentBundle(language);
      bundle.addResource(new FluentResource(FTL_SOURCES[language]));
      const pattern = bundle.getMessage('case-state')!.value!;
      expect(bundle.formatPattern(pattern, { open: 'yes' })).not.toBe(bundle.formatPattern(pattern, { open: 'no' }));
    }
  });

  test('the role message really depends on the role in every language', () => {
    for (const language of LANGUAGES) {
      const bundle = new FluentBundle(language);
      bundle.addResource(new FluentResource(FTL_SOURCES[language]));
      const pattern = bundle.getMessage('home-role')!.value!;
      expect(bundle.formatPattern(pattern, { role: 'volunteer' })).not.toBe(
        bundle.formatPattern(pattern, { role: 'supervisor' }),
      );
    }
  });

  test('error messages differ from the generic one, so each code says something', () => {
    for (const language of LANGUAGES) {
      const bundle = new FluentBundle(language);
      bundle.addResource(new FluentResource(FTL_SOURCES[language]));
      // A limit the core names fills $min and $max; other messages ignore them.
      const text = (id: string) => bundle.formatPattern(bundle.getMessage(id)!.value!, { min: 1, max: 9 });
      const generic = text('error-unknown');
      // The two kinds of wrong case number mean the same to the volunteer: ask again. They
      // must read alike, and unlike "no such case".
      const alias: Record<string, string> = { case_number_malformed: 'case_number_check_failed' };
      expect(text('error-case_number_malformed')).toBe(text('error-case_number_check_failed'));
      expect(text('error-no_such_case')).not.toBe(text('error-case_number_check_failed'));
      const seen = new Set<string>();
      for (const code of [...ERROR_CODES, ...CLIENT_ERROR_CODES]) {
        const message = text(`error-${code}`);
        expect(message, `${language}: ${code}`).not.toBe(generic);
        if (code in alias) continue;
        expect(seen.has(message), `${language}: ${code} repeats another error`).toBe(false);
        seen.add(message);
      }
    }
  });
});

describe('Arabic (issue 12)', () => {
  test('every Latin run in an Arabic message is isolated (LRI…PDI) or a placeable, so it cannot reorder', () => {
    // The statistics tables' own symbol for a hidden count is not text.
    const symbols = new Set(['statistics-hidden']);
    const resource = new FluentParser().parse(FTL_SOURCES.ar);
    const problems: string[] = [];
    const visit = (id: string, node: unknown): void => {
      if (Array.isArray(node)) node.forEach((item) => visit(id, item));
      else if (typeof node === 'object' && node !== null) {
        const record = node as Record<string, unknown>;
        if (record.type === 'TextElement') {
          const bare = String(record.value).replace(/\u2066[^\u2069]*\u2069/g, '');
          if (/[A-Za-z]/.test(bare)) problems.push(`${id}: ${JSON.stringify(record.value)}`);
        }
        for (const [key, value] of Object.entries(record)) if (key !== 'span' && key !== 'key') visit(id, value);
      }
    };
    for (const entry of resource.body) {
      if (entry instanceof Message && !symbols.has(entry.id.name)) visit(entry.id.name, entry.value);
    }
    expect(problems).toEqual([]);
  });

  test('a final yeh is written as yeh (U+064A); alef maksura (U+0649) only where Arabic spells it, no Persian yeh', () => {
    const maksura = new Set(
      [...FTL_SOURCES.ar.matchAll(/[\u0621-\u064a\u064b-\u0652]*\u0649[\u064b-\u0652]*/g)].map((match) => match[0].replace(/[\u064b-\u0652]/g, '')),
    );
    expect([...maksura].sort()).toEqual(
      ['أخرى', 'أعطى', 'أعلى', 'إحدى', 'إلى', 'الأخرى', 'الفصحى', 'المستوى', 'بمحتوى', 'تبقى', 'تحمى', 'تخفى', 'حتى', 'على', 'متى', 'مستوى', 'ومتى', 'يبقى', 'ويبقى', 'يرجى', 'يمحى'].sort(),
    );
    expect(FTL_SOURCES.ar).not.toMatch(/[\u06cc\u06d2]/);
  });
});
