import { describe, expect, it } from 'vitest';
import { claim, httpUrl, prose, RECORD_PARSE_OPTIONS } from './format.ts';
import { fieldPath } from './validate.ts';

const citations = [{ source: 'fixture-news', paragraph: 1 }];
const problemsOf = (field: string, value: unknown) => {
  const result = claim.safeParse({ field, value, status: 'asserted', citations }, RECORD_PARSE_OPTIONS);
  return result.success ? [] : result.error.issues.map((issue) => `${fieldPath(issue.path)}: ${issue.message}`);
};
const parsedValueOf = (field: string, value: unknown) =>
  claim.parse({ field, value, status: 'asserted', citations }).value;

describe('claim values', () => {
  it('are checked by the field they are for, at the value', () => {
    expect(problemsOf('amount', 'lots of money NaN')).toEqual([
      'value: must be "<decimal> <currency>", like "2500000000 USD"',
    ]);
    expect(problemsOf('amount', '1,500 DOLLARS')).toEqual([
      expect.stringMatching(/^value: its number must be a plain decimal number/),
      expect.stringMatching(/^value: its currency must be an ISO 4217 currency code/),
    ]);
    expect(problemsOf('quantity', '1.5e3')).toEqual(['value: must be a positive whole number, like "12"']);
    expect(problemsOf('quantity', '0')).toHaveLength(1);
    expect(problemsOf('value', '12 million')).toEqual([
      expect.stringMatching(/^value: must be a plain decimal number/),
    ]);
    expect(problemsOf('participant', 'Not A Slug')).toHaveLength(1);
    expect(problemsOf('date', '2023-02-30')).toHaveLength(1);
    expect(problemsOf('place', 'Karachi\u0007')).toEqual(['value: must not contain control characters']);
    expect(problemsOf('place', 'K'.repeat(20 * 1024 * 1024))).toEqual(['value: must be at most 200 characters']);
  });

  it('accept the values records hold, and store a place in NFC', () => {
    expect(parsedValueOf('amount', '2500000000 USD')).toBe('2500000000 USD');
    expect(parsedValueOf('quantity', 12)).toBe('12');
    expect(parsedValueOf('value', '1.5')).toBe('1.5');
    expect(parsedValueOf('date', 2014)).toBe('2014');
    expect(parsedValueOf('participant', 'russia')).toBe('russia');
    expect(parsedValueOf('place', 'Que\u0301bec')).toBe('Qu\u00e9bec');
  });
});

describe('prose', () => {
  const messagesOf = (schema: ReturnType<typeof prose>, value: string) =>
    schema.safeParse(value).error?.issues.map((issue) => issue.message) ?? [];
  const oneLine = prose(200);
  const lines = prose(200, 'lines');

  it('counts the length after NFC normalisation', () => {
    const decomposed = 'e\u0301'.repeat(150);
    expect(oneLine.parse(decomposed)).toBe('\u00e9'.repeat(150));
    expect(messagesOf(oneLine, 'e\u0301'.repeat(201))).toEqual(['must be at most 200 characters']);
  });

  it('keeps a one-line field on one line, and lets multi-line prose break lines but not tab', () => {
    for (const text of ['a\nb', 'a\r\nb', 'a\tb', 'a\u2028b'])
      expect(messagesOf(oneLine, text)).toEqual(['must be one line, without line breaks or tabs']);
    expect(lines.parse('First line.\nSecond line.')).toBe('First line.\nSecond line.');
    expect(messagesOf(lines, 'a\tb')).toEqual(['must not contain tabs']);
  });

  it('refuses C1 controls, lone surrogates and bidirectional overrides and isolates everywhere', () => {
    for (const schema of [oneLine, lines]) {
      for (const text of ['a\u0085b', 'a\u009bb'])
        expect(messagesOf(schema, text)).toEqual(['must not contain control characters']);
      for (const text of ['a\ud800b', 'a\udfff', '\udc00😀'])
        expect(messagesOf(schema, text)).toEqual([
          expect.stringMatching(/^must not contain lone surrogates \(found U\+D/),
        ]);
      expect(schema.parse('pair 😀')).toBe('pair 😀');
      for (const text of ['a\u202eb', 'a\u2066b', 'a\u2069b'])
        expect(messagesOf(schema, text)).toEqual([
          'must not contain bidirectional overrides or isolates (U+202A–U+202E, U+2066–U+2069)',
        ]);
    }
  });
});

describe('httpUrl', () => {
  it('refuses control characters and lone surrogates, which the URL parser would quietly percent-encode', () => {
    expect(httpUrl.safeParse('https://example.org/report').success).toBe(true);
    for (const url of ['https://example.org/a\u0001b', 'https://example.org/\ud800'])
      expect(httpUrl.safeParse(url).error?.issues[0]?.message).toMatch(/^must not contain/);
  });
});
