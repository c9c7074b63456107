/**
 * Server text that echoes the password must not reach a report. Some servers quote the command
 * they refuse ("-ERR Unknown command: PASS hunter2"), base64 included; a line with the password
 * in any of those forms is withheld whole. Replacing only the password would show where it was,
 * and for a short password, which characters it is made of.
 */

export const WITHHELD = '[withheld: this part of the reply repeated the password]';

/**
 * Shorter forms are not looked for: a password of three characters is in half the sentences of
 * any reply, and withholding them all would say which characters it has.
 */
export const MIN_ECHO_CHARS = 4;

export function echoForms(user: string, password: string): string[] {
  const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
  const forms = [password, b64(password), b64(`\0${user}\0${password}`), b64(`${user}\0${user}\0${password}`), encodeURIComponent(password)];
  return [...new Set(forms.filter((f) => f.length >= MIN_ECHO_CHARS))];
}

/** Withholds every line (or " | "-joined part) of `text` that contains one of `forms`, case-insensitively. */
export function withholdEchoes(text: string, forms: readonly string[]): string {
  const lowered = forms.map((f) => f.toLowerCase());
  return text
    .split(/(\r?\n| \| )/)
    .map((part) => (lowered.some((f) => part.toLowerCase().includes(f)) ? WITHHELD : part))
    .join('');
}
