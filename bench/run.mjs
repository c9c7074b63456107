// Benchmarks for emailhelp's diagnosis (run: npm run bench; it builds first).
// - throughput of diagnose() on one core for ~500-character texts
// - cold start of `emailhelp diagnose --json …` (a fresh Node process each time)
// - time to answer hostile input (1 MB, binary, emoji, regex-hostile)
// Numbers are printed; docs/benchmarks.md records a run. No test asserts on time.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const cli = `${root}dist/cli.js`;
const { diagnose } = await import(`${root}dist/core/diagnosis/index.js`);

const rows = ['test/fixtures/errors-dev.jsonl', 'test/fixtures/holdout.jsonl']
  .flatMap((f) => readFileSync(`${root}${f}`, 'utf8').split('\n').filter(Boolean))
  .map((l) => JSON.parse(l).text);

// ~500-character texts: each real message, extended with the next ones until it is 500 long.
const texts = rows.map((t, i) => {
  let s = t;
  for (let j = 1; s.length < 500; j++) s += `\n${rows[(i + j) % rows.length]}`;
  return s.slice(0, 500);
});

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}
function pct(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((s.length * p) / 100))];
}

// 0. How fast is this machine? A fixed pure-JavaScript loop, to compare runs across machines.
{
  const t0 = performance.now();
  let x = 0;
  for (let i = 0; i < 1e8; i++) x += i & 7;
  console.log(`calibration: 1e8 integer additions in ${(performance.now() - t0).toFixed(0)} ms (node ${process.version}) ${x > 0 ? '' : '?'}`);
}

// 1. Throughput (warm, one core: this process is single-threaded).
diagnose('warm up the engine');
for (let i = 0; i < 2000; i++) diagnose(texts[i % texts.length]);
const runs = [];
const cpuRuns = [];
for (let r = 0; r < 5; r++) {
  const n = 20_000;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) diagnose(texts[i % texts.length]);
  const c = process.cpuUsage(c0);
  runs.push(n / ((performance.now() - t0) / 1000));
  // CPU time as well: on a shared machine, wall time also counts the time other work held the core.
  cpuRuns.push(n / ((c.user + c.system) / 1e6));
}
console.log(
  `diagnose throughput: median ${Math.round(median(runs))} texts/s wall, ${Math.round(median(cpuRuns))} texts/s of CPU time (5 runs of 20,000 texts, ${texts.length} distinct, 500 chars each)`,
);

// 2. Cold start of the CLI, against a bare `node -e 0` for reference.
const sample = 'Sending reported error (0x800CCC0F): The connection to the server was interrupted. If this problem continues, contact your server administrator or Internet service provider (ISP).';
function wall(args, input) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { input, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`exit ${r.status}: ${r.stderr}`);
  return ms;
}
const cold = [];
const bare = [];
for (let i = 0; i < 21; i++) {
  bare.push(wall(['-e', '0']));
  cold.push(wall([cli, 'diagnose', '--json', sample]));
}
console.log(`cold start: emailhelp diagnose --json … median ${median(cold).toFixed(0)} ms, p90 ${pct(cold, 90).toFixed(0)} ms (bare node -e 0: median ${median(bare).toFixed(0)} ms), 21 runs`);

// 3. Hostile input, in process and through the CLI's stdin.
const hostile = {
  empty: '',
  '1 MB of text': 'Connection refused. '.repeat(52_429),
  'binary 1 MB': Buffer.from(Array.from({ length: 1 << 20 }, (_, i) => (i * 131) % 256)).toString('latin1'),
  'only emoji': '😀🔥📧'.repeat(20_000),
  'nested dots': 'a.'.repeat(500_000),
  // Within the 20,000 characters diagnosis reads: an extraction pattern was quadratic on it (~1 s).
  '20,000 dots': '.'.repeat(20_000),
  '10,000 colons': ':!'.repeat(10_000),
  'regex-hostile': '(?:.*)+$^[\\]{1000}(a+)+b'.repeat(40_000),
  'IMAP tag flood': `${'A'.repeat(1_000_000)}1 NO`,
};
for (const [name, text] of Object.entries(hostile)) {
  const t0 = performance.now();
  const d = diagnose(text);
  const ms = performance.now() - t0;
  console.log(`hostile "${name}" (${text.length} chars): ${ms.toFixed(1)} ms in process → ${d.causes[0].id}`);
}
const viaCli = wall([cli, 'diagnose', '--json', '-'], hostile['binary 1 MB']);
console.log(`hostile "binary 1 MB" through the CLI's stdin: ${viaCli.toFixed(0)} ms wall, process start included`);
