/**
 * The few ANSI styles the console uses. `paint(false)` returns the text unchanged, so one rendering
 * serves a terminal (colour) and a pipe, a file or NO_COLOR (plain).
 */

const CODES = {
  bold: [1, 22],
  dim: [2, 22],
  red: [31, 39],
  green: [32, 39],
  yellow: [33, 39],
} as const;

export type Style = keyof typeof CODES;
export type Paint = (style: Style, text: string) => string;

export function paint(color: boolean): Paint {
  if (!color) return (_style, text) => text;
  return (style, text) => (text === '' ? text : `\x1b[${CODES[style][0]}m${text}\x1b[${CODES[style][1]}m`);
}

/** Colour for a terminal unless the user opted out (https://no-color.org: any non-empty NO_COLOR). */
export function wantsColor(isTTY: boolean, env: Record<string, string | undefined> = process.env): boolean {
  return isTTY && (env.NO_COLOR ?? '') === '';
}

/** Removes ANSI escape sequences: what a plain reader sees of painted text. */
export function stripAnsi(text: string): string {
  return text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
}
