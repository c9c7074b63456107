import { createInterface } from 'node:readline';

/**
 * Lines from the user. On a terminal: readline's editing and history, a prompt, and lines that
 * arrive together (a multi-line error pasted at once) read as one text — a line that comes within
 * `pasteWindowMs` of the one before belongs to it, which a person typing never manages. On a pipe
 * every line is one request and nothing is written back.
 */

export interface LineReader {
  /** The next text, or null at the end of input (Ctrl-D, a closed pipe, Ctrl-C on an empty line). */
  read(prompt: string): Promise<string | null>;
  /**
   * While work runs: stop reading, and on a real terminal hand Ctrl-C back to the terminal so that
   * it ends a slow probe at once. The next read takes over again.
   */
  hold(): void;
  close(): void;
}

export interface LineReaderOptions {
  input: NodeJS.ReadableStream;
  /** Where a terminal's prompt and echo go; unused on a pipe. */
  output: NodeJS.WritableStream;
  terminal: boolean;
  /** How close together lines must arrive to be one paste (terminal only). */
  pasteWindowMs?: number;
}

const DEFAULT_PASTE_WINDOW_MS = 30;

interface RawModeStream {
  isTTY?: boolean;
  setRawMode?: (mode: boolean) => unknown;
}

export function createLineReader(options: LineReaderOptions): LineReader {
  const { input, terminal } = options;
  const pasteWindowMs = terminal ? (options.pasteWindowMs ?? DEFAULT_PASTE_WINDOW_MS) : 0;
  const rl = createInterface({
    input,
    output: terminal ? options.output : undefined,
    terminal,
    crlfDelay: Infinity,
    historySize: terminal ? 100 : 0,
  });

  const ready: string[] = [];
  let burst: string[] | null = null;
  let burstTimer: NodeJS.Timeout | null = null;
  let ended = false;
  let waiting: ((text: string | null) => void) | null = null;

  const deliver = () => {
    if (!waiting) return;
    const text = ready.shift();
    if (text !== undefined) {
      const resolve = waiting;
      waiting = null;
      resolve(text);
    } else if (ended) {
      const resolve = waiting;
      waiting = null;
      resolve(null);
    }
  };

  const closeBurst = () => {
    if (burstTimer) clearTimeout(burstTimer);
    burstTimer = null;
    if (burst) ready.push(burst.join('\n'));
    burst = null;
    deliver();
  };

  rl.on('line', (line) => {
    if (pasteWindowMs === 0) {
      ready.push(line);
      deliver();
      return;
    }
    (burst ??= []).push(line);
    if (burstTimer) clearTimeout(burstTimer);
    burstTimer = setTimeout(closeBurst, pasteWindowMs);
  });

  rl.on('close', () => {
    ended = true;
    closeBurst();
  });

  // Ctrl-C clears a half-typed line, as in a shell; on an empty line it leaves the console.
  rl.on('SIGINT', () => {
    if (rl.line !== '') {
      rl.write(null, { ctrl: true, name: 'u' });
      return;
    }
    options.output.write('\n');
    rl.close();
  });

  const raw = input as RawModeStream;
  let held = false;

  return {
    read(prompt) {
      if (held && !ended) {
        held = false;
        if (raw.isTTY && raw.setRawMode) raw.setRawMode(true);
        rl.resume();
      }
      return new Promise((resolve) => {
        waiting = resolve;
        if (terminal && !ended && ready.length === 0 && burst === null) {
          rl.setPrompt(prompt);
          rl.prompt();
        }
        deliver();
      });
    },
    hold() {
      if (!terminal || ended) return;
      held = true;
      rl.pause();
      if (raw.isTTY && raw.setRawMode) raw.setRawMode(false);
    },
    close() {
      if (burstTimer) clearTimeout(burstTimer);
      ended = true;
      rl.close();
    },
  };
}
