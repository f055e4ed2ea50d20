import { describe, expect, it } from 'vitest';
import { snippetParts, unescapeHtml } from './snippet.ts';

describe('search snippets', () => {
  it('splits the marked matches from the text around them', () => {
    expect(snippetParts('Russia lifts its arms <mark>embargo</mark> on <mark>Pakistan</mark>')).toEqual([
      { text: 'Russia lifts its arms ', match: false },
      { text: 'embargo', match: true },
      { text: ' on ', match: false },
      { text: 'Pakistan', match: true },
    ]);
  });

  it('turns escaped markup back into the characters the data holds, as text, never as elements', () => {
    expect(
      snippetParts('&lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>&quot;Mi-35&quot;</mark> &#39;x&#39;'),
    ).toEqual([
      { text: '<script>alert(1)</script> & ', match: false },
      { text: '"Mi-35"', match: true },
      { text: " 'x'", match: false },
    ]);
  });

  it('reads numeric entities and leaves unknown ones as they are', () => {
    expect(unescapeHtml('&#x2013; &#8212; &nbsp; &bogus;')).toBe('– — &nbsp; &bogus;');
  });
});
