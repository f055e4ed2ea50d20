/**
 * How a source document is cut into numbered paragraphs, so that a citation's locator
 * ("paragraph 7") means the same thing to the seed loader, the coverage check and a reviewer.
 *
 * - `blank-lines`: ordinary text. Lines that are empty or hold only white space separate
 *   paragraphs; the lines of one paragraph are joined with single spaces.
 * - `layout`: text extracted from a PDF page layout. Each printed line is followed by an empty
 *   line, so empty lines are only line wraps; a line holding nothing but spaces or tabs ends
 *   a paragraph.
 *
 * Paragraphs are numbered from 1 in document order.
 */
export const PARAGRAPH_STYLES = ['blank-lines', 'layout'] as const;
export type ParagraphStyle = (typeof PARAGRAPH_STYLES)[number];

export function splitParagraphs(text: string, style: ParagraphStyle): string[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const endsParagraph =
    style === 'layout' ? (line: string) => line.length > 0 && line.trim() === '' : (line: string) => line.trim() === '';
  const skipped = style === 'layout' ? (line: string) => line.length === 0 : () => false;

  const paragraphs: string[] = [];
  let current: string[] = [];
  const flush = () => {
    const joined = current.join(' ').replace(/\s+/g, ' ').trim();
    if (joined) paragraphs.push(joined);
    current = [];
  };
  for (const line of lines) {
    if (skipped(line)) continue;
    if (endsParagraph(line)) flush();
    else current.push(line.trim());
  }
  flush();
  return paragraphs;
}
