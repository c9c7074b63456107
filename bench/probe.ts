// Probe benchmarks (run by `npm run bench` after bench/run.mjs), against the local servers of
// bench/lab-servers.ts (Dovecot, smtp-server, a loopback DNS server, two misbehaving servers):
// - a full sweep of six checks (IMAP, POP3, SMTP × implicit TLS and STARTTLS), median wall time,
//   in process and as `emailhelp probe` commands
// - a sweep in which one port is silent, against PROBE_TIMEOUT_MS
// - peak RSS of the CLI probing the server that sends a 2 MB line without CRLF
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import ipaddr from 'ipaddr.js';
import { probe, type ProbeContext } from '../src/core/probe/index.js';
import type { CheckSpec } from '../src/probes/types.js';

interface Lab {
  caCert: string;
  caCertPath: string;
  dnsPort: number;
  dovecot: { imap: number; imaps: number; pop3: number; pop3s: number };
  smtp: { submission: number; smtps: number };
  silent: number;
  hugeLine: number;
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = `${ROOT}dist/cli.js`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

const lab = spawn(process.execPath, ['--import', 'tsx', `${ROOT}bench/lab-servers.ts`], { stdio: ['pipe', 'pipe', 'inherit'] });
const labInfo = await new Promise<Lab>((resolve) => createInterface({ input: lab.stdout }).once('line', (l) => resolve(JSON.parse(l) as Lab)));

function run(args: string[], env: Record<string, string>): Promise<{ ms: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(args[0] ?? '', args.slice(1), { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', () => resolve({ ms: performance.now() - started, stdout, stderr }));
  });
}

try {
  const context = (timeoutMs: number): ProbeContext => ({
    config: { probeTimeoutMs: timeoutMs, probeAllowNetworks: [ipaddr.parseCIDR('127.0.0.0/8')], dnsServers: [{ host: '127.0.0.1', port: labInfo.dnsPort }] },
    extraCa: [labInfo.caCert],
  });
  const d = labInfo.dovecot;
  const groups: [string, CheckSpec[]][] = [
    ['good.test', [
      { protocol: 'imap', port: d.imaps, security: 'tls' },
      { protocol: 'imap', port: d.imap, security: 'starttls' },
      { protocol: 'pop3', port: d.pop3s, security: 'tls' },
      { protocol: 'pop3', port: d.pop3, security: 'starttls' },
    ]],
    ['smtp.good.test', [
      { protocol: 'smtp', port: labInfo.smtp.smtps, security: 'tls' },
      { protocol: 'smtp', port: labInfo.smtp.submission, security: 'starttls' },
    ]],
  ];
  // The six checks of `--protocol all` (Dovecot and smtp-server listen on two loopback addresses).
  const sweep = async (timeoutMs: number, more: [string, CheckSpec[]][] = []) => {
    const started = performance.now();
    const reports = await Promise.all([...groups, ...more].map(([input, checks]) => probe({ input, checks }, context(timeoutMs))));
    return { ms: performance.now() - started, statuses: reports.flatMap((r) => r.checks.map((c) => c.status)) };
  };
  await sweep(8000);
  const runs: number[] = [];
  let statuses: string[] = [];
  for (let i = 0; i < 21; i++) {
    const r = await sweep(8000);
    runs.push(r.ms);
    statuses = r.statuses;
  }
  console.log(`probe sweep, six checks, in process: median ${median(runs).toFixed(0)} ms, max ${Math.max(...runs).toFixed(0)} ms (21 runs; ${statuses.join(' ')})`);

  const env = { PATH: process.env.PATH ?? '', DNS_SERVERS: `127.0.0.1:${labInfo.dnsPort}`, PROBE_ALLOW_NETWORKS: '127.0.0.0/8', NODE_EXTRA_CA_CERTS: labInfo.caCertPath };
  const cli = (port: number, protocol: string, host: string) => run([process.execPath, CLI, 'probe', '--json', '--protocol', protocol, '--port', String(port), host], env);
  const cliRuns: number[] = [];
  for (let i = 0; i < 11; i++) {
    const started = performance.now();
    await Promise.all(groups.flatMap(([host, checks]) => checks.map((c) => cli(c.port, c.protocol, host))));
    cliRuns.push(performance.now() - started);
  }
  console.log(`probe sweep, six 'emailhelp probe' processes side by side: median ${median(cliRuns).toFixed(0)} ms (11 runs, process start included)`);

  for (const timeoutMs of [1000, 3000]) {
    const r = await sweep(timeoutMs, [['hostile.test', [{ protocol: 'imap', port: labInfo.silent, security: 'starttls' }]]]);
    console.log(`probe sweep with one silent port, PROBE_TIMEOUT_MS=${timeoutMs}: ended after ${r.ms.toFixed(0)} ms (${((r.ms / timeoutMs) * 100).toFixed(0)}% of the timeout)`);
  }

  const rss = await run(['/usr/bin/time', '-f', '%M', process.execPath, CLI, 'probe', '--json', '--protocol', 'imap', '--port', String(labInfo.hugeLine), 'hostile.test'], { ...env, PROBE_TIMEOUT_MS: '3000' });
  const kb = Number(rss.stderr.trim().split('\n').pop());
  const code = (JSON.parse(rss.stdout) as { checks: { error: { code: string } | null }[] }).checks[0]?.error?.code;
  console.log(`CLI peak RSS probing the 2 MB-line server: ${(kb / 1024).toFixed(0)} MB (result ${code}; ${rss.ms.toFixed(0)} ms)`);
  const baseline = await run(['/usr/bin/time', '-f', '%M', process.execPath, CLI, 'help'], env);
  console.log(`CLI peak RSS of 'emailhelp help', for comparison: ${(Number(baseline.stderr.trim().split('\n').pop()) / 1024).toFixed(0)} MB`);
} finally {
  lab.stdin.end();
  await new Promise((resolve) => lab.once('exit', resolve));
}

// Settings discovery (offline lookup, online discovery against its own loopback servers): docs/settings.md.
await import('./settings.js');
