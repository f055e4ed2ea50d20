/** RFC 4180 CSV: a field with a comma, quote or line break is quoted, with quotes doubled. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (values: readonly (string | number | boolean | null | undefined)[]) =>
  `${values.map(csvField).join(',')}\r\n`;
