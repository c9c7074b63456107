// Character classes the extractor's hand-written scans share, as its regular expressions define them.

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** The regular expressions' \w (NaN, past the end, is not one). */
export function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

/** The code with an ASCII capital lower-cased: what toLowerCase does to ASCII, nothing else. */
export function lowerAscii(code: number): number {
  return code >= 65 && code <= 90 ? code + 32 : code;
}

/** JavaScript's \s. */
export function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
