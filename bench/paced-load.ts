// An open-loop load generator at a truly steady rate, for bench/slack-ack.ts.
//
// autocannon's `overallRate` is not steady: each connection sends its share of a second's requests
// back to back when the second starts (httpClient.js: a counter reset by a 1 s interval), so "100/s
// over 10 connections" is a burst of 100 requests every second. And with a rate set it records each
// latency with HdrHistogram's coordinated-omission correction at an expected interval of
// ceil(1 / per-connection rate) = 1 ms, which adds a synthetic sample for every millisecond a
// response took beyond the first. Its p99 then measures how long a burst takes to drain.
//
// Here request i is due at start + i / rate, whatever happened to earlier ones (a slow answer never
// delays the next request: open loop), on keep-alive connections. Latency runs from the moment the
// request is written; how late the generator's own timer sent it is reported on its own, as it is
// not the app's doing.
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface PacedLoadOptions {
  url: string;
  body: string;
  headers: Record<string, string>;
  /** Requests per second. */
  rate: number;
  seconds: number;
  /** Most requests in flight at once (keep-alive connections). */
  connections?: number;
}

export interface PacedLoadResult {
  /** Milliseconds from each request's sending to the end of its response, in sending order. */
  latencies: number[];
  errors: number;
  /** How far behind schedule the generator's timer sent: median and worst (ms). */
  sendLag: { p50: number; max: number };
}

export async function pacedLoad(options: PacedLoadOptions): Promise<PacedLoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections ?? 16 });
  const total = Math.round(options.rate * options.seconds);
  const interval = 1000 / options.rate;
  const latencies = new Array<number>(total).fill(NaN);
  const headers = { ...options.headers, 'content-length': String(Buffer.byteLength(options.body)) };
  let errors = 0;
  const lags: number[] = [];
  const pending: Promise<void>[] = [];

  const send = (i: number): Promise<void> =>
    new Promise((resolve) => {
      const sent = performance.now();
      const done = (ok: boolean) => {
        if (ok) latencies[i] = performance.now() - sent;
        else errors++;
        resolve();
      };
      const req = request(options.url, { method: 'POST', agent, headers }, (res) => {
        res.resume();
        res.on('end', () => done(res.statusCode === 200));
        res.on('error', () => done(false));
      });
      req.on('error', () => done(false));
      req.end(options.body);
    });

  const start = performance.now() + 50;
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    lags.push(performance.now() - due);
    pending.push(send(i));
  }
  await Promise.all(pending);
  agent.destroy();
  return { latencies: latencies.filter((l) => !Number.isNaN(l)), errors, sendLag: { p50: percentile(lags, 50), max: Math.max(...lags) } };
}

/** The p-th percentile (nearest rank) of `values`. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((sorted.length * p) / 100) - 1)] as number;
}
