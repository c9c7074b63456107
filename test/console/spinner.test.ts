import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createSpinner, FRAMES } from '../../src/console/spinner.js';

/** The spinner with its timer turned by hand: which frames and lines it writes, not when. */

function sink(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { stream, text: () => text };
}

function manualTimers() {
  let tick: (() => void) | null = null;
  return {
    timers: {
      setInterval: (fn: () => void) => {
        tick = fn;
        return 1;
      },
      clearInterval: () => {
        tick = null;
      },
    },
    turn: () => tick?.(),
    running: () => tick !== null,
  };
}

describe('spinner', () => {
  it('on a terminal: a frame at once, the next frame each tick, the step text after it, and a wiped line at the end', () => {
    const out = sink();
    const clock = manualTimers();
    const spinner = createSpinner({ output: out.stream, tty: true, timers: clock.timers });
    spinner.step('checking imap.example.com…');
    clock.turn();
    spinner.step('checking pop.example.com…');
    spinner.stop();
    expect(out.text()).toBe(
      `\r\x1b[2K${FRAMES[0]} checking imap.example.com…` +
        `\r\x1b[2K${FRAMES[1]} checking imap.example.com…` +
        `\r\x1b[2K${FRAMES[2]} checking pop.example.com…` +
        '\r\x1b[2K',
    );
    expect(clock.running()).toBe(false);
  });

  it('elsewhere: each step once, as a plain line, and nothing to wipe', () => {
    const out = sink();
    const clock = manualTimers();
    const spinner = createSpinner({ output: out.stream, tty: false, timers: clock.timers });
    spinner.step('checking imap.example.com…');
    spinner.step('checking imap.example.com…');
    spinner.step('looking up the settings for example.com…');
    spinner.stop();
    expect(out.text()).toBe('checking imap.example.com…\nlooking up the settings for example.com…\n');
    expect(clock.running()).toBe(false);
  });

  it('stop without a step writes nothing', () => {
    const out = sink();
    createSpinner({ output: out.stream, tty: true }).stop();
    expect(out.text()).toBe('');
  });
});
