import { PassThrough } from 'node:stream';
import type { Config } from '../../src/config.js';
import { runConsole } from '../../src/console/index.js';
import { defaultConfig } from '../../src/load-config.js';

/**
 * The console in-process, driven through its streams as a user would drive it: lines go in,
 * stdout and stderr are collected, and `until` waits for something to appear (bounded by the
 * test's time limit, never by a timer of its own).
 */

export interface ConsoleDriver {
  /** Types one line and Enter. */
  type(line: string): void;
  /** Writes raw input (several lines at once, control keys). */
  send(text: string): void;
  /** Closes stdin: Ctrl-D, or the end of a pipe. */
  end(): void;
  stdout(): string;
  stderr(): string;
  /** Resolves with stdout once it matches (from `from` on); rejects if the console ends first. */
  until(pattern: RegExp | string, from?: number): Promise<string>;
  /** The exit status runConsole returned. */
  done: Promise<number>;
}

export interface DriverOptions {
  config?: Partial<Config>;
  isTTY?: boolean;
  extraCa?: readonly string[];
}

export function startConsole(options: DriverOptions = {}): ConsoleDriver {
  const input = new PassThrough();
  const output = new PassThrough();
  const errorOutput = new PassThrough();
  let out = '';
  let err = '';
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  output.setEncoding('utf8');
  errorOutput.setEncoding('utf8');
  output.on('data', (chunk: string) => {
    out += chunk;
    wake();
  });
  errorOutput.on('data', (chunk: string) => {
    err += chunk;
    wake();
  });
  const config: Config = { ...defaultConfig(), ...options.config };
  const done = runConsole(config, { input, output, errorOutput, isTTY: options.isTTY ?? false, ...(options.extraCa ? { extraCa: options.extraCa } : {}) });
  let finished = false;
  void done.finally(() => {
    finished = true;
    wake();
  });

  return {
    type: (line) => input.write(`${line}\n`),
    send: (text) => input.write(text),
    end: () => input.end(),
    stdout: () => out,
    stderr: () => err,
    done,
    until(pattern, from = 0) {
      const matches = () => (typeof pattern === 'string' ? out.indexOf(pattern, from) >= 0 : pattern.test(out.slice(from)));
      return new Promise((resolve, reject) => {
        const check = () => {
          if (matches()) resolve(out);
          else if (finished) reject(new Error(`the console ended before ${String(pattern)} appeared; stdout:\n${out}\nstderr:\n${err}`));
          else waiters.push(check);
        };
        check();
      });
    },
  };
}

/** Everything a piped session prints: each line typed, then the end of input. */
export async function pipe(lines: readonly string[], options: DriverOptions = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  const driver = startConsole(options);
  for (const line of lines) driver.type(line);
  driver.end();
  const status = await driver.done;
  return { status, stdout: driver.stdout(), stderr: driver.stderr() };
}

/** Any ANSI escape sequence (colour, cursor movement). */
export const ANSI = /\x1b\[/;
/** A colour or style (SGR) sequence. */
export const SGR = /\x1b\[[\d;]*m/;
