import { PUBLIC_PROBE_PORTS } from '../../probes/address-policy.js';
import type { MailProtocol } from '../../probes/types.js';
import { domainAnswer, serverNotes, USERNAME_UNKNOWN_NOTE } from './answer-notes.js';
import { describeBlocked, resolveAndJudge } from './checked-address.js';
import { confirmServer } from './confirm-server.js';
import { miss, type DiscoveryPorts, type SourceContext, type SourceOutcome } from './source-context.js';
import type { ServerSetting } from './types.js';

/**
 * The last resort, as in Thunderbird: the names mail servers usually have, kept only when a probe
 * confirms them (the server speaks the protocol and its certificate is valid for the name; no
 * login). Each name is resolved once and judged by the address policy; a name that points inside
 * the network is not probed and the answer says so. On abort the source reports what it had
 * confirmed by then, so a guess that is half done at the deadline still helps.
 */

const CANDIDATES: readonly { prefix: string; protocols: readonly MailProtocol[] }[] = [
  { prefix: 'imap', protocols: ['imap'] },
  { prefix: 'mail', protocols: ['imap', 'pop3', 'smtp'] },
  { prefix: 'pop', protocols: ['pop3'] },
  { prefix: 'pop3', protocols: ['pop3'] },
  { prefix: 'smtp', protocols: ['smtp'] },
];

/** Implicit TLS first (RFC 8314), then the port that starts plain and must offer STARTTLS. */
const PORTS: Record<MailProtocol, readonly { port: keyof DiscoveryPorts; security: 'tls' | 'starttls' }[]> = {
  imap: [{ port: 'imaps', security: 'tls' }, { port: 'imap', security: 'starttls' }],
  pop3: [{ port: 'pop3s', security: 'tls' }, { port: 'pop3', security: 'starttls' }],
  smtp: [{ port: 'smtps', security: 'tls' }, { port: 'submission', security: 'starttls' }],
};

interface Confirmed {
  setting: ServerSetting;
  /** For ordering: candidate name, then port, in the tables' order. */
  rank: number;
}

export async function fromGuess(context: SourceContext): Promise<SourceOutcome> {
  const confirmed: Confirmed[] = [];
  const notes: string[] = [];
  const work = Promise.all(
    CANDIDATES.map(async ({ prefix, protocols }, nameIndex) => {
      const host = `${prefix}.${context.domain}`;
      const check = await resolveAndJudge(host, context);
      if (check.status === 'unresolved') return;
      if (check.status === 'blocked') {
        notes.push(`${host} resolves to ${describeBlocked(check)}, so it was not probed (PROBE_ALLOW_NETWORKS can allow it).`);
        return;
      }
      await Promise.all(
        protocols.flatMap((protocol) =>
          PORTS[protocol].map(async ({ port: portName, security }, portIndex) => {
            const port = context.ports[portName];
            if (!check.allowListed && !PUBLIC_PROBE_PORTS.has(port)) return;
            const result = await confirmServer({ host, addresses: check.addresses, protocol, port, security }, context);
            if (result.confirmed) {
              confirmed.push({ setting: { protocol, host, port, security, username: 'email' }, rank: portIndex * 100 + nameIndex });
            } else if (result.note) {
              notes.push(result.note);
            }
          }),
        ),
      );
    }),
  );
  const aborted = new Promise<'aborted'>((resolve) => {
    if (context.signal.aborted) resolve('aborted');
    else context.signal.addEventListener('abort', () => resolve('aborted'), { once: true });
  });
  const how = await Promise.race([work.then(() => 'done' as const), aborted]);
  return outcome(context, [...confirmed], [...notes], how === 'aborted');
}

function outcome(context: SourceContext, confirmed: Confirmed[], notes: string[], partial: boolean): SourceOutcome {
  if (confirmed.length === 0) return miss('guess', notes, { partial });
  const ordered = confirmed.sort((a, b) => a.rank - b.rank).map((c) => c.setting);
  const hosts = [...new Set(ordered.map((s) => s.host))];
  const answer = domainAnswer(context.domain, 'guess', ordered, [
    `Guessed: ${hosts.join(', ')} answered as mail servers with valid certificates (checked without logging in). Nothing the domain publishes names them, so confirm with its IT department if you can.`,
    USERNAME_UNKNOWN_NOTE,
    ...serverNotes(ordered),
    ...new Set(notes),
  ]);
  return { source: 'guess', answer, notes: [], evidence: hosts.join(', '), partial };
}
