// Settings discovery benchmarks (run by `npm run bench` at the end of bench/probe.ts, or alone:
// npx tsx bench/settings.ts):
// - offline lookup (bundled data) per call: p50 and p99 of single calls, and the mean over a batch
// - full online discovery against loopback servers (a DNS server, an HTTPS server with the test CA,
//   an IMAP-over-TLS server and smtp-server for confirmed guesses), median wall time per scenario.
// The servers run in a child process of their own (this file with the argument "lab"), so their
// TLS work does not share a CPU queue with the discovery being measured.
import { fork } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import ipaddr from 'ipaddr.js';

const SELF = fileURLToPath(import.meta.url);

interface Lab {
  caCert: string;
  dnsPort: number;
  httpsPort: number;
  imaps: number;
  smtps: number;
  submission: number;
  closed: number;
}

async function lab(): Promise<void> {
  const { startDnsServer } = await import('../test/support/dns-server.js');
  const { reservePorts } = await import('../test/support/free-port.js');
  const { startHostileServer } = await import('../test/support/hostile-servers.js');
  const { startHttpsServer } = await import('../test/support/https-server.js');
  const { makeTestPki } = await import('../test/support/pki.js');
  const { startSmtpServers } = await import('../test/support/smtp-server.js');
  const pki = await makeTestPki();
  const [web, imap, smtp, [closed]] = await Promise.all([
    startHttpsServer({ pki, names: ['autoconfig.company.test', 'ispdb.test'] }),
    startHostileServer('tls-imap', { pki }),
    startSmtpServers(pki),
    reservePorts(1),
  ]);
  web.routes.set('autoconfig.company.test/mail/config-v1.1.xml', {
    body: `<?xml version="1.0"?><clientConfig version="1.1"><emailProvider id="company.test"><domain>company.test</domain><displayName>Company</displayName>
<incomingServer type="imap"><hostname>imap.company.test</hostname><port>993</port><socketType>SSL</socketType><username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication></incomingServer>
<outgoingServer type="smtp"><hostname>smtp.company.test</hostname><port>587</port><socketType>STARTTLS</socketType><username>%EMAILADDRESS%</username><authentication>password-cleartext</authentication></outgoingServer>
</emailProvider></clientConfig>`,
  });
  const dns = await startDnsServer({
    'autoconfig.company.test': { A: ['127.0.0.1'] },
    'company.test': { MX: [{ exchange: 'mx.company.test', priority: 10 }] },
    'ispdb.test': { A: ['127.0.0.1'] },
    'hosted.test': { MX: [{ exchange: 'hosted-test.mail.protection.outlook.com', priority: 0 }] },
    '_imaps._tcp.srv.test': { SRV: [{ target: 'imap.srv.test', port: 993 }] },
    '_submission._tcp.srv.test': { SRV: [{ target: 'smtp.srv.test', port: 587 }] },
    'imap.srv.test': { A: ['127.0.0.1'] },
    'smtp.srv.test': { A: ['127.0.0.1'] },
    'imap.good.test': { A: ['127.0.0.1'] },
    'smtp.good.test': { A: ['127.0.0.1'] },
  });
  const info: Lab = { caCert: pki.caCert, dnsPort: dns.port, httpsPort: web.port, imaps: imap.port, smtps: smtp.ports.smtps, submission: smtp.ports.submission, closed: closed ?? 1 };
  process.stdout.write(`${JSON.stringify(info)}\n`);
  process.stdin.resume();
  process.stdin.on('end', () => {
    void Promise.all([web.close(), imap.close(), smtp.stop(), dns.close()]).then(() => process.exit(0));
  });
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? NaN;

async function measure(): Promise<void> {
  const { lookupByMxHost, lookupOffline } = await import('../src/core/settings/offline.js');
  const { discover } = await import('../src/core/settings/online.js');

  // Offline: single calls timed one by one (performance.now resolves well below a microsecond here).
  const domains = ['gmail.com', 'outlook.com', 'hotmail.com', 'yahoo.com', 'aol.com', 'icloud.com', 'gmx.de', 'web.de', 't-online.de', 'orange.fr', 'free.fr', 'libero.it', 'comcast.net', 'btinternet.com', 'qq.com', '163.com', 'naver.com', 'seznam.cz', 'wp.pl', 'yandex.ru', 'mail.ru', 'unknown-domain.example'];
  const mxHosts = ['aspmx.l.google.com', 'example-com.mail.protection.outlook.com', 'mx.zoho.eu', 'in1-smtp.messagingengine.com', 'eu-smtp-inbound-1.mimecast.com', 'mx.unknown.example'];
  lookupOffline('warm.example');
  for (let i = 0; i < 20_000; i++) lookupOffline(`someone@${domains[i % domains.length] ?? ''}`);
  const single = (fn: (i: number) => unknown, n: number) => {
    const times: number[] = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      fn(i);
      times.push((performance.now() - t0) * 1000);
    }
    return times;
  };
  const offline = single((i) => lookupOffline(`someone@${domains[i % domains.length] ?? ''}`), 100_000);
  const byMx = single((i) => lookupByMxHost(mxHosts[i % mxHosts.length] ?? ''), 100_000);
  const t0 = performance.now();
  for (let i = 0; i < 100_000; i++) lookupOffline(`someone@${domains[i % domains.length] ?? ''}`);
  const mean = ((performance.now() - t0) * 1000) / 100_000;
  console.log(`settings offline: lookupOffline p50 ${percentile(offline, 50).toFixed(1)} µs, p99 ${percentile(offline, 99).toFixed(1)} µs, mean ${mean.toFixed(1)} µs (100,000 calls, ${domains.length} domains); lookupByMxHost p50 ${percentile(byMx, 50).toFixed(1)} µs`);

  const child = fork(SELF, ['lab'], { stdio: ['pipe', 'pipe', 'inherit', 'ipc'], execArgv: ['--import', 'tsx'] });
  if (!child.stdout || !child.stdin) throw new Error('the lab has no stdio');
  const info = await new Promise<Lab>((resolve) => createInterface({ input: child.stdout as NodeJS.ReadableStream }).once('line', (l) => resolve(JSON.parse(l) as Lab)));
  try {
    const context = {
      config: { probeTimeoutMs: 8000, probeAllowNetworks: [ipaddr.parseCIDR('127.0.0.0/8')], dnsServers: [{ host: '127.0.0.1', port: info.dnsPort }] },
      extraCa: [info.caCert],
      ports: { https: info.httpsPort, imaps: info.imaps, imap: info.closed, pop3s: info.closed, pop3: info.closed, smtps: info.smtps, submission: info.submission },
      ispdbBaseUrl: 'https://ispdb.test',
    };
    const scenarios: [string, string][] = [
      ['autoconfig file (domain with its own autoconfig)', 'anna@company.test'],
      ['MX → Microsoft 365 (custom domain, every other source empty)', 'anna@hosted.test'],
      ['SRV records', 'anna@srv.test'],
      ['confirmed guess (imap./smtp. probed)', 'anna@good.test'],
      ['nothing found (no records at all)', 'anna@nothing.test'],
    ];
    for (const [name, input] of scenarios) {
      await discover(input, context);
      const runs: number[] = [];
      let source = '';
      for (let i = 0; i < 21; i++) {
        const started = performance.now();
        const answer = await discover(input, context);
        runs.push(performance.now() - started);
        source = `${answer.source}${answer.provider ? '' : ', provider null'}`;
      }
      console.log(`settings online, ${name}: median ${percentile(runs, 50).toFixed(1)} ms, max ${Math.max(...runs).toFixed(1)} ms (21 runs; source ${source})`);
    }
  } finally {
    child.stdin.end();
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

if (process.argv[2] === 'lab') await lab();
else await measure();
