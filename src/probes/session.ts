import type { Socket } from 'node:net';
import { LineReader } from './line-reader.js';
import { ProbeError } from './probe-error.js';
import { startTls, type TlsOptions } from './tls.js';
import type { Deadline } from './deadline.js';
import type { Stage, TlsInfo } from './types.js';

/**
 * A connection as the protocol dialogues see it: send a line, read a line (bounded, under the
 * deadline), upgrade to TLS in place. Nothing a dialogue sends can carry a secret: the probe
 * never logs in.
 */
export class Session {
  #reader: LineReader;
  /** Milliseconds spent waiting in each stage, for the report's timings. */
  readonly timings: Partial<Record<Stage, number>> = {};

  constructor(
    private socket: Socket,
    readonly deadline: Deadline,
    private readonly tlsOptions: TlsOptions,
  ) {
    this.#reader = new LineReader(socket);
  }

  send(line: string): void {
    if (!this.socket.destroyed) this.socket.write(`${line}\r\n`);
  }

  /**
   * Share of the remaining time the first greeting may take. On a plain port some is kept back:
   * silence there is often a server waiting for TLS, and telling that apart needs a second try.
   */
  greetingShare = 1;

  async readLine(stage: Stage): Promise<string> {
    this.#reader.stage = stage;
    const started = performance.now();
    const cap = stage === 'greeting' && this.timings.greeting === undefined ? this.deadline.remaining() * this.greetingShare : Infinity;
    try {
      return await this.#reader.readLine(this.deadline, cap);
    } finally {
      this.timings[stage] = Math.round((this.timings[stage] ?? 0) + performance.now() - started);
    }
  }

  /**
   * STARTTLS/STLS after the server said go ahead. Bytes that arrived after that answer, before the
   * handshake, would be read as if they came over TLS: a man in the middle's injection. They end
   * the check instead.
   */
  async upgrade(): Promise<TlsInfo> {
    if (this.#reader.pendingBytes() > 0) {
      this.socket.destroy();
      throw new ProbeError('STARTTLS_INJECTION', 'starttls', 'the server sent more data after agreeing to STARTTLS, before the TLS handshake');
    }
    this.#reader.detach();
    const started = performance.now();
    const { socket, info } = await startTls({ socket: this.socket }, this.tlsOptions, this.deadline).catch((error: unknown) => {
      if (error instanceof ProbeError) throw new ProbeError(error.code, 'starttls', error.message, { cause: error });
      throw error;
    });
    this.timings.starttls = Math.round((this.timings.starttls ?? 0) + performance.now() - started);
    this.socket = socket;
    this.#reader = new LineReader(socket);
    return info;
  }

  /** Says goodbye if the dialogue got that far, without waiting for the answer. */
  close(goodbye: string | null): void {
    if (goodbye && !this.socket.destroyed) {
      this.send(goodbye);
      this.socket.end();
      // A polite server closes first; a rude one is cut off shortly after.
      setTimeout(() => this.socket.destroy(), GOODBYE_MS).unref();
    } else {
      this.socket.destroy();
    }
  }
}

const GOODBYE_MS = 500;
