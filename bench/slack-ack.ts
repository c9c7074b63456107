// Slack acknowledgement latency (issue 5), run by `npm run bench` after a build:
// the built emailhelp (`node dist/main.js`, HTTP mode) and a bare Bolt app that only acks
// (bench/bare-bolt-app.mjs), each in its own process, answer signed /emailhelp slash commands
// from autocannon. The Slack Web API and response_urls are the local stand-in of the tests.
// 1. steady 100 commands/s (one every 10 ms, bench/paced-load.ts) for STEADY_S seconds, the two apps
//    alternated ROUNDS times: p50/p99 ack latency, medians over the rounds
// 2. bursts: autocannon's overallRate of 100/s, which sends each second's 100 commands at once over
//    10 connections (see paced-load.ts), alternated the same way: how a burst drains
// 3. saturation (no rate limit, CONNECTIONS connections): commands/s acked, and for emailhelp the CPU
//    time of its process per answered command (an answer = a post to the response_url)
// Numbers are printed; docs/benchmarks.md records a run.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { reservePorts } from '../test/support/free-port.js';
import { signedRequest } from '../test/support/slack/sign.js';
import { pacedLoad, percentile } from './paced-load.js';
import { slashCommand, STAND_IN_TOKENS } from '../test/support/slack/payloads.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SECRET = 'bench-signing-secret-0123456789abcdef';
const STEADY_S = Number(process.env.BENCH_STEADY_S ?? 10);
const SATURATION_S = Number(process.env.BENCH_SATURATION_S ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 32;
const TEXT = process.env.BENCH_TEXT ?? 'diagnose Sending reported error (0x800CCC0F): The connection to the server was interrupted. If this problem continues, contact your server administrator or Internet service provider (ISP).';
const CLOCK_TICKS = 100;

const standInProcess = spawn(process.execPath, ['--import', 'tsx', `${ROOT}bench/stand-in-process.ts`], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
const standIn = await new Promise<{ url: string; responseUrl: string }>((resolve) => createInterface({ input: standInProcess.stdout as NodeJS.ReadableStream }).once('line', (l) => resolve(JSON.parse(l) as { url: string; responseUrl: string })));

interface Running {
  name: string;
  child: ChildProcess;
  url: string;
}

async function startApp(name: 'emailhelp' | 'bare'): Promise<Running> {
  const [port] = await reservePorts(1);
  const env: NodeJS.ProcessEnv = { ...process.env, SLACK_BOT_TOKEN: STAND_IN_TOKENS.bot, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: standIn.url, PORT: String(port) };
  delete env.SLACK_APP_TOKEN;
  const args = name === 'emailhelp' ? [...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=/tmp/ehprof'] : []), `${ROOT}dist/main.js`] : [`${ROOT}bench/bare-bolt-app.mjs`];
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'ignore'] });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  await new Promise<void>((resolve, reject) => {
    lines.on('line', (line) => {
      if (/listening/.test(line)) resolve();
    });
    child.once('exit', (code) => reject(new Error(`${name} exited with ${code}`)));
  });
  return { name, child, url: `http://127.0.0.1:${port}/slack/events` };
}

/** utime + stime of a process in ms, from /proc (Linux); of its main thread alone with `mainThread`. */
function cpuMs(pid: number, mainThread = false): number {
  const fields = readFileSync(mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}

function signedBody(): { body: string; headers: Record<string, string> } {
  // One response_url for the run: the stand-in counts posts to it as answers.
  const body = new URLSearchParams(slashCommand({ text: TEXT, response_url: standIn.responseUrl })).toString();
  return { body, headers: { 'content-type': 'application/x-www-form-urlencoded', ...signedRequest(SECRET, body) } };
}

async function load(app: Running, options: { rate?: number; seconds: number }): Promise<autocannon.Result> {
  const { body, headers } = signedBody();
  return autocannon({
    url: app.url,
    method: 'POST',
    body,
    headers,
    connections: options.rate ? 10 : CONNECTIONS,
    ...(options.rate ? { overallRate: options.rate } : {}),
    duration: options.seconds,
  });
}

function answered(): Promise<number> {
  return new Promise((resolve) => {
    standInProcess.once('message', (m) => resolve((m as { count: number }).count));
    standInProcess.send('count');
  });
}

const apps = { bare: await startApp('bare'), emailhelp: await startApp('emailhelp') };
// Warm both (JIT, first diagnosis, module loading) before measuring.
for (const app of Object.values(apps)) await load(app, { rate: 100, seconds: 2 });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number) => x.toFixed(2);
type Rounds = { p50: number[]; p99: number[]; errors: number };
const rounds = (): Record<'bare' | 'emailhelp', Rounds> => ({ bare: { p50: [], p99: [], errors: 0 }, emailhelp: { p50: [], p99: [], errors: 0 } });
function report(title: string, r: Record<'bare' | 'emailhelp', Rounds>, digits: (x: number) => string): void {
  console.log(title);
  for (const name of ['bare', 'emailhelp'] as const) {
    const s = r[name];
    console.log(`  ${name.padEnd(9)} p50 median ${digits(median(s.p50))} (runs ${s.p50.map(digits).join(', ')}) · p99 median ${digits(median(s.p99))} (runs ${s.p99.map(digits).join(', ')}) · errors ${s.errors}`);
  }
  console.log(`  emailhelp p99 / bare p99 = ${(median(r.emailhelp.p99) / median(r.bare.p99)).toFixed(2)}`);
}

const steady = rounds();
let worstLag = 0;
for (let round = 0; round < ROUNDS; round++) {
  for (const name of ['bare', 'emailhelp'] as const) {
    const { body, headers } = signedBody();
    const result = await pacedLoad({ url: apps[name].url, body, headers, rate: 100, seconds: STEADY_S });
    steady[name].p50.push(percentile(result.latencies, 50));
    steady[name].p99.push(percentile(result.latencies, 99));
    steady[name].errors += result.errors;
    worstLag = Math.max(worstLag, result.sendLag.max);
  }
}
report(`steady 100 commands/s (one every 10 ms), ${STEADY_S} s × ${ROUNDS} rounds, alternated (ack latency, ms; bar: emailhelp p99 ≤ 1.3 × bare):`, steady, ms);
console.log(`  generator: worst send ${ms(worstLag)} ms behind schedule`);

const bursts = rounds();
for (let round = 0; round < ROUNDS; round++) {
  for (const name of ['bare', 'emailhelp'] as const) {
    const result = await load(apps[name], { rate: 100, seconds: STEADY_S });
    bursts[name].p50.push(result.latency.p50);
    bursts[name].p99.push(result.latency.p99);
    bursts[name].errors += result.non2xx + result.errors;
  }
}
report(`bursts: autocannon overallRate 100/s (each second's 100 commands at once, 10 connections), ${STEADY_S} s × ${ROUNDS} rounds (ms, autocannon's corrected histogram):`, bursts, String);

console.log(`saturation, ${CONNECTIONS} connections, ${SATURATION_S} s:`);
for (const name of ['bare', 'emailhelp'] as const) {
  const app = apps[name];
  const pid = app.child.pid ?? 0;
  const cpuBefore = cpuMs(pid);
  const mainBefore = cpuMs(pid, true);
  const answersBefore = await answered();
  const result = await load(app, { seconds: SATURATION_S });
  // Let the work queued behind the acks finish, so every answer and its CPU time is counted.
  let last = -1;
  for (let now = await answered(); now !== last; now = await answered()) {
    last = now;
    await new Promise((r) => setTimeout(r, 500));
  }
  const cpu = cpuMs(pid) - cpuBefore;
  const mainCpu = cpuMs(pid, true) - mainBefore;
  const answers = last - answersBefore;
  // The bare app answers nothing, so its CPU is per acked command; emailhelp's per answered command.
  // emailhelp's main thread only acknowledges (answers are built on its worker thread): its CPU per
  // command is the ack path's, comparable with the bare app's.
  const perAnswer =
    name === 'bare'
      ? ` · CPU ${(cpu / Math.max(1, result.requests.total)).toFixed(2)} ms per acked command`
      : ` · ${answers} answers · CPU ${(cpu / Math.max(1, answers)).toFixed(2)} ms per answered command, of which the main thread ${(mainCpu / Math.max(1, result.requests.total)).toFixed(2)} ms per command`;
  console.log(`  ${name.padEnd(9)} ${Math.round(result.requests.average)} commands/s acked (p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.non2xx + result.errors})${perAnswer}`);
}

for (const app of Object.values(apps)) app.child.kill('SIGTERM');
standInProcess.send('stop');
