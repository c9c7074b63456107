import type { Socket } from 'node:net';
import { ProbeError } from './probe-error.js';
import type { Deadline } from './deadline.js';
import type { Stage } from './types.js';

/**
 * Reads CRLF-terminated lines from a socket with hard limits: a line longer than MAX_LINE_BYTES,
 * or more than MAX_BUFFERED_BYTES waiting, ends the dialog at once (a 2 MB line without CRLF costs
 * 8 KiB, not 2 MB), and every read draws on the check's deadline. Binary garbage and an HTTP
 * answer are recognised so the report can say what the port speaks instead of "bad greeting".
 */

export const MAX_LINE_BYTES = 8 * 1024;
const MAX_BUFFERED_BYTES = 64 * 1024;

export class LineReader {
  #buffer: Buffer = Buffer.alloc(0);
  #lines: string[] = [];
  #waiter: { resolve: () => void } | null = null;
  #error: ProbeError | null = null;
  #ended = false;
  readonly #onData = (chunk: Buffer) => this.#push(chunk);
  readonly #onEnd = () => this.#finish();
  readonly #onError = (error: Error & { code?: string }) => {
    this.#error ??= new ProbeError(error.code ?? 'ECONNRESET', this.stage, error.message, { cause: error });
    this.#wake();
  };
  /** Which stage reads are for: a failure is reported in it. */
  stage: Stage = 'greeting';

  constructor(private readonly socket: Socket) {
    socket.on('data', this.#onData);
    socket.on('end', this.#onEnd);
    socket.on('close', this.#onEnd);
    socket.on('error', this.#onError);
  }

  /** Stops listening, e.g. before the socket is handed to TLS. Anything unread is returned. */
  detach(): Buffer {
    this.socket.off('data', this.#onData);
    this.socket.off('end', this.#onEnd);
    this.socket.off('close', this.#onEnd);
    this.socket.off('error', this.#onError);
    const rest = this.#buffer;
    this.#buffer = Buffer.alloc(0);
    return rest;
  }

  /** Lines already received and not yet read, plus bytes without CRLF: after STARTTLS there must be none. */
  pendingBytes(): number {
    return this.#lines.reduce((n, l) => n + l.length, 0) + this.#buffer.length;
  }

  /** `capMs` shortens this one wait below the deadline's own budget. */
  async readLine(deadline: Deadline, capMs = Infinity): Promise<string> {
    for (;;) {
      const line = this.#lines.shift();
      if (line !== undefined) return line;
      if (this.#error) throw this.#error;
      if (this.#ended) throw new ProbeError('ECONNRESET', this.stage, 'the server closed the connection');
      await deadline.step(
        this.stage,
        new Promise<void>((resolve) => {
          this.#waiter = { resolve };
        }),
        () => this.socket.destroy(),
        capMs,
      );
    }
  }

  #push(chunk: Buffer): void {
    if (this.#error) return;
    this.#buffer = this.#buffer.length === 0 ? chunk : Buffer.concat([this.#buffer, chunk]);
    for (;;) {
      const end = this.#buffer.indexOf(0x0a);
      if (end < 0) break;
      const raw = this.#buffer.subarray(0, end);
      this.#buffer = this.#buffer.subarray(end + 1);
      if (raw.length > MAX_LINE_BYTES) return this.#fail('LINE_TOO_LONG', `a line longer than ${MAX_LINE_BYTES} bytes`);
      const garbage = describeGarbage(raw);
      if (garbage) return this.#fail(garbage.code, garbage.message);
      this.#lines.push(raw.toString('latin1').replace(/\r$/, ''));
    }
    if (this.#buffer.length > MAX_LINE_BYTES) {
      const garbage = describeGarbage(this.#buffer.subarray(0, 512));
      if (garbage) return this.#fail(garbage.code, garbage.message);
      return this.#fail('LINE_TOO_LONG', `more than ${MAX_LINE_BYTES} bytes without a line end`);
    }
    if (this.#lines.reduce((n, l) => n + l.length, 0) > MAX_BUFFERED_BYTES) {
      return this.#fail('RESPONSE_TOO_LONG', `more than ${MAX_BUFFERED_BYTES} bytes of response`);
    }
    this.#wake();
  }

  #fail(code: string, message: string): void {
    this.#error = new ProbeError(code, this.stage, message);
    this.#buffer = Buffer.alloc(0);
    this.#lines = [];
    this.socket.destroy();
    this.#wake();
  }

  #finish(): void {
    this.#ended = true;
    this.#wake();
  }

  #wake(): void {
    const waiter = this.#waiter;
    this.#waiter = null;
    waiter?.resolve();
  }
}

/** Names what a non-mail answer is: TLS on a plain port, an HTTP server, or binary noise. */
export function describeGarbage(bytes: Buffer): { code: string; message: string } | null {
  if (bytes.length === 0) return null;
  // A TLS record (handshake 0x16 or alert 0x15, version 3.x): the port speaks TLS from the first byte.
  if ((bytes[0] === 0x16 || bytes[0] === 0x15) && bytes[1] === 0x03) {
    return { code: 'TLS_ON_PLAIN_PORT', message: 'the server answered with TLS where plain text was expected' };
  }
  const head = bytes.subarray(0, 16).toString('latin1');
  if (/^HTTP\/\d/.test(head) || /^<(!doctype|html)/i.test(head)) {
    return { code: 'HTTP_SERVER', message: 'a web server answers on this port, not a mail server' };
  }
  let control = 0;
  for (const b of bytes.subarray(0, 512)) if ((b < 0x20 && b !== 0x09 && b !== 0x0d && b !== 0x0a) || b === 0x7f) control++;
  if (control > 4) return { code: 'BINARY_GARBAGE', message: 'the server sent binary data, not a mail protocol greeting' };
  return null;
}
