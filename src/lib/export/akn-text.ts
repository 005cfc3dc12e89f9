/**
 * Text as Akoma Ntoso can carry it: the code points XML 1.0 cannot hold
 * dropped, white space folded, only web links kept as links.
 */
/** Code points XML 1.0 cannot carry: C0 controls but tab/LF/CR, U+FFFE/U+FFFF, lone surrogates. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Text as it goes into an element: XML-safe, white space folded (line breaks of the source are not content). */
export function clean(text: string): string {
  return xmlSafe(text).replace(/\s+/g, ' ');
}

/** Only web links become `<ref href>`; anything else stays text. */
export function safeHref(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

