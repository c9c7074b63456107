import { Secret } from '../secret.js';

/**
 * Reading the login test's password on the command line, never from argv (where `ps` and shell
 * history would keep it): from a terminal without echo, or the first line of piped stdin. The text
 * is wrapped in a Secret as it arrives.
 */

/** The smallest part of a TTY read stream this needs (process.stdin in real use, a fake in tests). */
export interface HiddenInput {
  isTTY?: boolean;
  setRawMode?(mode: boolean): unknown;
  setEncoding(encoding: BufferEncoding): unknown;
  on(event: 'data', listener: (chunk: string) => void): unknown;
  off(event: 'data', listener: (chunk: string) => void): unknown;
  resume(): unknown;
  pause(): unknown;
}

export class PasswordCancelled extends Error {
  readonly code = 'CANCELLED';
}

/** Prompts on `output` (stderr, so stdout stays the answer) and reads one line with echo off. */
export function promptHidden(prompt: string, input: HiddenInput, output: { write(text: string): unknown }): Promise<Secret> {
  output.write(prompt);
  input.setRawMode?.(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve, reject) => {
    let value = '';
    const finish = (error: Error | null) => {
      input.off('data', onData);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      if (error) reject(error);
      else resolve(new Secret(value));
      value = '';
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish(null);
        if (ch === '\u0003') return finish(new PasswordCancelled('cancelled: no password was entered'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    input.on('data', onData);
  });
}

/** The first line of piped stdin; the rest is ignored. */
export function firstLine(text: string): Secret {
  return new Secret(text.split(/\r?\n/, 1)[0] ?? '');
}
