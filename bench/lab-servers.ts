// The local servers the probe benchmark runs against, in a process of their own so that their
// TLS work does not share a CPU queue with the probe being measured. Prints one JSON line with
// the ports, and stops everything when stdin closes.
import { startDnsServer } from '../test/support/dns-server.js';
import { startDovecot } from '../test/support/dovecot.js';
import { startHostileServer } from '../test/support/hostile-servers.js';
import { makeTestPki } from '../test/support/pki.js';
import { startSmtpServers } from '../test/support/smtp-server.js';

const pki = await makeTestPki();
const [dovecot, smtp, silent, hugeLine] = await Promise.all([
  startDovecot(pki),
  startSmtpServers(pki),
  startHostileServer('silent', { pki }),
  startHostileServer('huge-line', { pki }),
]);
const dns = await startDnsServer({
  'good.test': { A: [dovecot.host] },
  'smtp.good.test': { A: ['127.0.0.1'] },
  'hostile.test': { A: ['127.0.0.1'] },
});
process.stdout.write(
  `${JSON.stringify({ caCert: pki.caCert, caCertPath: pki.caCertPath, dnsPort: dns.port, dovecot: dovecot.ports, smtp: smtp.ports, silent: silent.port, hugeLine: hugeLine.port })}\n`,
);
process.stdin.resume();
process.stdin.on('end', () => {
  void Promise.all([dovecot.stop(), smtp.stop(), silent.close(), hugeLine.close(), dns.close()]).then(() => process.exit(0));
});
