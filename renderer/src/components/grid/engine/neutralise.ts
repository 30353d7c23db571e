/**
 * Spreadsheet formula injection: text that begins with = + - @ (or a tab or carriage return) would
 * be read as a formula by Excel or WPS. Such text gets a leading apostrophe; numbers are numbers.
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
