// How a search is read, exactly, at the edges of docs/querying.md ("Search"): each message says
// what is wrong, and each limit holds at its value, not one before. From text-search.ts's mutants.
import { describe, expect, it } from 'vitest';
import { toFtsQuery } from './text-search.ts';

const HINT = 'Use words, "quoted phrases", prefix*, OR, NOT and parentheses.';
const refusal = (input: string) => {
  try {
    toFtsQuery(input, 'query');
  } catch (error) {
    const { code, argument, message } = error as { code: string; argument: string; message: string };
    return { code, argument, message };
  }
  throw new Error(`expected ${JSON.stringify(input)} to be refused`);
};

describe('toFtsQuery', () => {
  it.each([
    ['"unclosed', 'has an unclosed double quote'],
    ['OR pipeline', 'needs a word before OR'],
    ['()', 'has an empty pair of parentheses or an operator right before ")"'],
    ['pipeline)', 'closes a parenthesis it never opened'],
    ['embargo OR', 'needs a word after OR'],
    ['pipeline embargo NOT', 'needs a word after NOT'],
    ['(embargo', 'leaves a parenthesis open'],
  ])('refuses %j: "The search %s."', (input, problem) => {
    expect(refusal(input)).toEqual({
      code: 'INVALID_SEARCH',
      argument: 'query',
      message: `The search ${problem}. ${HINT}`,
    });
  });

  it('takes 500 characters and refuses 501, saying how many', () => {
    expect(toFtsQuery('a'.repeat(500), 'query')).toBe(`"${'a'.repeat(500)}"`);
    expect(refusal('a'.repeat(501))).toEqual({
      code: 'INVALID_SEARCH',
      argument: 'query',
      message: 'The search is 501 characters long; at most 500 are allowed. Search for fewer, more telling words.',
    });
  });

  it('counts words, not operators, against the 32-word limit', () => {
    const words = Array.from({ length: 32 }, (_, index) => `w${index}`);
    expect(toFtsQuery(words.join(' OR '), 'query')).toBe(words.map((word) => `"${word}"`).join(' OR '));
  });

  it('counts the words after operators and inside parentheses too', () => {
    const words = Array.from({ length: 33 }, (_, index) => `w${index}`);
    for (const input of [words.join(' OR '), `(${words.join(' ')})`])
      expect(refusal(input)).toEqual({
        code: 'INVALID_SEARCH',
        argument: 'query',
        message: 'The search has more than 32 words; search for at most 32, the most telling ones.',
      });
  });

  it('reads nothing but spaces as no search at all', () => {
    expect(toFtsQuery('', 'query')).toBeNull();
    expect(toFtsQuery('   ', 'query')).toBeNull();
  });

  it.each([
    ['pipe*', '"pipe"*'],
    ['pipe**', '"pipe"*'],
    ['*pipe', '"*pipe"'],
    ['pi*pe', '"pi*pe"'],
    ['Mi-35', '"Mi-35"*'],
    ['Mi-35M', '"Mi-35M"'],
    ['"arms embargo"*', '"arms embargo"*'],
    ['"arms embargo"', '"arms embargo"'],
  ])(
    'reads %j as %s: a trailing * (only) makes a prefix, and a designation ending in digits matches its variants',
    (input, fts) => {
      expect(toFtsQuery(input, 'query')).toBe(fts);
    },
  );

  it('makes every word a prefix when asked', () => {
    expect(toFtsQuery('arms deal', 'query', { prefixEveryWord: true })).toBe('"arms"* AND "deal"*');
  });
});
