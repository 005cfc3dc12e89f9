/**
 * The text of a data file in JSON: compact, with a final newline, and with
 * every "<" written \u003c (the same string once parsed), so that no text of
 * a document, such as "</script>", could ever end a <script> element the
 * file is inlined in. Deterministic: keys in the order the value gives them.
 */
export function jsonFileText(value: unknown, replacer?: (key: string, value: unknown) => unknown): string {
  return `${JSON.stringify(value, replacer).replace(/</g, '\\u003c')}\n`;
}
