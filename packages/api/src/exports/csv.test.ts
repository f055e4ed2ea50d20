import { describe, expect, it } from 'vitest';
import { csvField, csvLine } from './csv.ts';

describe('csvField (RFC 4180)', () => {
  it.each([
    ['plain text', 'plain text'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['two\nlines', '"two\nlines"'],
    ['carriage\rreturn', '"carriage\rreturn"'],
    ["it's; fine", "it's; fine"],
    ['', ''],
  ])('writes %j as %j', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  it('writes numbers and booleans as text, and null or undefined as an empty field', () => {
    expect([0, 7.4, true, false, null, undefined].map(csvField)).toEqual(['0', '7.4', 'true', 'false', '', '']);
  });
});

describe('csvLine', () => {
  it('joins the fields with commas and ends the line with CRLF', () => {
    expect(csvLine(['a', 'b,c', null, 3, ''])).toBe('a,"b,c",,3,\r\n');
    expect(csvLine([])).toBe('\r\n');
  });
});
