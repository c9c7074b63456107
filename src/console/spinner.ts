/**
 * Shows that a slow step is running ("checking imap.example.com…"). On a terminal: a spinner on one
 * line that is wiped when the work ends, so the answer starts clean. Elsewhere: each step once, as
 * a plain line on stderr, so that stdout holds only the answers.
 */

export interface Spinner {
  /** A slow step started; replaces the text of the one before. */
  step(text: string): void;
  /** The work ended: wipe the spinner's line. */
  stop(): void;
}

export const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'] as const;
const FRAME_MS = 80;

export interface SpinnerOptions {
  /** The terminal (when `tty`) or stderr. */
  output: NodeJS.WritableStream;
  tty: boolean;
  /** Timers, replaceable so that a test can turn the frames by hand. */
  timers?: { setInterval: (tick: () => void, ms: number) => unknown; clearInterval: (handle: unknown) => void };
}

const realTimers = {
  setInterval: (tick: () => void, ms: number): unknown => setInterval(tick, ms),
  clearInterval: (handle: unknown) => clearInterval(handle as NodeJS.Timeout),
};

export function createSpinner(options: SpinnerOptions): Spinner {
  const { output, tty } = options;
  const timers = options.timers ?? realTimers;
  let text = '';
  let frame = 0;
  let handle: unknown = null;

  const draw = () => {
    output.write(`\r\x1b[2K${FRAMES[frame % FRAMES.length] ?? ''} ${text}`);
    frame++;
  };

  return {
    step(next) {
      if (!tty) {
        if (next !== text) output.write(`${next}\n`);
        text = next;
        return;
      }
      text = next;
      draw();
      if (handle === null) handle = timers.setInterval(draw, FRAME_MS);
    },
    stop() {
      if (handle !== null) {
        timers.clearInterval(handle);
        handle = null;
        output.write('\r\x1b[2K');
      }
      text = '';
      frame = 0;
    },
  };
}
