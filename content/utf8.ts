function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** Bytes of `text` in UTF-8 (a lone surrogate counts as U+FFFD, as TextEncoder writes it). */
export function utf8Length(text: string): number {
  return utf8Prefix(text, Number.POSITIVE_INFINITY).bytes;
}

/** The longest prefix of `text` whose UTF-8 encoding fits in `maxBytes`, cut on a character boundary. */
export function utf8Prefix(text: string, maxBytes: number): { text: string; bytes: number } {
  let bytes = 0;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    let width = 1;
    let size = 3;
    if (code < 0x80) size = 1;
    else if (code < 0x800) size = 2;
    else if (isHighSurrogate(code) && isLowSurrogate(text.charCodeAt(index + 1))) {
      size = 4;
      width = 2;
    }
    if (bytes + size > maxBytes) break;
    bytes += size;
    index += width;
  }
  return { text: index === text.length ? text : text.slice(0, index), bytes };
}
