import { describe, expect, it } from 'vitest';
import { passedCeiling } from './text-limits.ts';

const ceilings = { maxTokens: 100, maxNesting: 5 };
const nested = (levels: number, open = '[', close = ']') => `{ f(a: ${open.repeat(levels)}1${close.repeat(levels)}) }`;

describe('passedCeiling', () => {
  it('passes a document within both ceilings', () => {
    expect(passedCeiling('query ($a: Int) { events(first: $a) { edges { node { id } } } }', ceilings)).toBeUndefined();
  });

  it('counts braces, brackets and parentheses together', () => {
    // `{` then `f(` then `a: [` … : 2 + levels open at the deepest point.
    expect(passedCeiling(nested(3), ceilings)).toBeUndefined();
    expect(passedCeiling(nested(4), ceilings)).toBe('nesting');
    expect(passedCeiling(`{ f(a: ${'{ b: '.repeat(4)}1${' }'.repeat(4)}) }`, ceilings)).toBe('nesting');
    expect(passedCeiling(`${'{ a '.repeat(6)}${'} '.repeat(6)}`, ceilings)).toBe('nesting');
  });

  it('measures depth, not how many brackets a document holds', () => {
    expect(passedCeiling(`{ f(a: [${'[1] '.repeat(20)}]) }`, ceilings)).toBeUndefined();
  });

  it('ignores brackets inside strings, block strings and comments', () => {
    const inText = '[[[[[[[[[[{{{{{{{{((((((((';
    expect(passedCeiling(`{ f(a: "${inText}") }`, ceilings)).toBeUndefined();
    expect(passedCeiling(`{ f(a: """${inText}""") }`, ceilings)).toBeUndefined();
    expect(passedCeiling(`# ${inText}\n{ f }`, ceilings)).toBeUndefined();
  });

  it('reports a document past both ceilings as too long', () => {
    expect(passedCeiling(`{ ${'f '.repeat(100)} }`, ceilings)).toBe('tokens');
    expect(passedCeiling(nested(200), ceilings)).toBe('tokens');
  });

  it('counts the ceiling’s own number of tokens as within it', () => {
    expect(passedCeiling(`{ ${'f '.repeat(98)}}`, ceilings)).toBeUndefined();
    expect(passedCeiling(`{ ${'f '.repeat(99)}}`, ceilings)).toBe('tokens');
  });

  it('leaves a lexical error to the parser, whatever it read before', () => {
    expect(passedCeiling('{ f(a: "unterminated', ceilings)).toBeUndefined();
    expect(passedCeiling(`${nested(10)} ~`, ceilings)).toBe('nesting');
  });

  it('reads the nesting of the longest allowed document without recursion', () => {
    expect(passedCeiling('['.repeat(100_000), { maxTokens: 200_000, maxNesting: 64 })).toBe('nesting');
  });
});
