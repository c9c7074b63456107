import { setMaxListeners } from 'node:events';
import type { Cidr } from '../../probes/address-policy.js';
import type { DnsServer } from '../../probes/resolve.js';
import { lookupOffline, normalizeDomain } from './offline.js';
import { safeFetch, type SafeFetch } from './safe-fetch.js';
import { fromAutoconfig } from './source-autoconfig.js';
import { STANDARD_PORTS, type DiscoveryPorts, type OnlineSource, type SourceContext, type SourceOutcome } from './source-context.js';
import { fromGuess } from './source-guess.js';
import { fromIspdb, ISPDB_BASE_URL } from './source-ispdb.js';
import { fromMx } from './source-mx.js';
import { fromSrv } from './source-srv.js';
import type { ServerSetting, SettingsAnswer } from './types.js';

export type { DiscoveryPorts, OnlineSource } from './source-context.js';

/**
 * Settings discovery with the network (`emailhelp settings` without --offline).
 *
 * Precedence, most authoritative first — the order in which a source's answer wins:
 * 1. bundled: verified data shipped with emailhelp (ISPDB plus the cited overlay). A domain it
 *    knows is answered at once, with no network at all: these are mailbox providers whose
 *    settings do not depend on anything a DNS or web answer could add.
 * 2. autoconfig: the domain's own autoconfig file. Its owner published it for exactly this, and
 *    it is complete (hosts, ports, encryption, user name format, sign-in methods).
 * 3. ispdb: Thunderbird's ISPDB online. Just as complete and curated, but a third party's word
 *    about the domain, so the domain's own file comes first (Thunderbird orders them the same).
 * 4. srv: the domain's SRV records (RFC 6186/8314). The owner's word too, but only host, port
 *    and encryption: no user name format, no sign-in caveats.
 * 5. mx: MX → provider. An inference — right for the big hosted providers, but it cannot see a
 *    gateway's hidden provider or a domain's own arrangements.
 * 6. guess: usual host names confirmed by a probe. Proves only that something answers there.
 *
 * All online sources start together under ONE deadline (PROBE_TIMEOUT_MS). The answer is given as
 * soon as the best available evidence is in: when the most authoritative source that has not
 * failed has answered, the rest are cancelled. A source that stalls cannot hold an answer that a
 * lower source already has for longer than GRACE (Thunderbird's guesser waits on such stalls for
 * up to ~14 s), nor anything past the deadline. Sources that answer differently are named in the
 * notes instead of being silently outvoted — notably a stale autoconfig file against MX records
 * that point to Microsoft 365 or Google, a known way for Thunderbird to set up the wrong server.
 */

export const PRECEDENCE: readonly OnlineSource[] = ['autoconfig', 'ispdb', 'srv', 'mx', 'guess'];

/** How long a lower source's answer waits for a stalled higher one: a healthy HTTPS fetch takes well under a second. */
const GRACE_MS = 2000;
/**
 * Once the winner is known, the DNS-only sources (MX, SRV) still get this long to arrive: they are
 * what shows a stale autoconfig file, and they usually beat any HTTPS fetch anyway.
 */
const CROSS_CHECK_MS = 250;
const CROSS_CHECK: readonly OnlineSource[] = ['mx', 'srv'];
/**
 * The answer is put together this long before the deadline (5% of it, 60–250 ms), so that it is
 * out by PROBE_TIMEOUT_MS even on a busy machine.
 */
const wrapUpMs = (timeoutMs: number) => Math.min(250, Math.max(60, timeoutMs * 0.05));
/** After cancelling, how long to wait for the sources' last words (the guess's partial result). */
const ABORT_SETTLE_MS = 20;

export interface DiscoverContext {
  /** PROBE_TIMEOUT_MS, PROBE_ALLOW_NETWORKS and DNS_SERVERS of the configuration. */
  config: { probeTimeoutMs: number; probeAllowNetworks: readonly Cidr[]; dnsServers: readonly DnsServer[] };
  /** Extra trusted CA certificates (PEM): a lab's own CA. Verification is never turned off. */
  extraCa?: readonly string[];
  /** Replaces the HTTPS fetcher (which must keep its guarantees); for tests and embedding. */
  fetchImpl?: SafeFetch;
  /** Tests only: ports in place of the standard ones (HTTPS 443, IMAP 993/143, …). */
  ports?: Partial<DiscoveryPorts>;
  /** Base URL of the online ISPDB; Thunderbird's by default. */
  ispdbBaseUrl?: string;
  /** The online sources to run (all by default): to see one source alone. */
  sources?: readonly OnlineSource[];
}

const RUNNERS: Record<OnlineSource, (context: SourceContext) => Promise<SourceOutcome>> = {
  autoconfig: fromAutoconfig,
  ispdb: fromIspdb,
  srv: fromSrv,
  mx: fromMx,
  guess: fromGuess,
};

const LABEL: Record<OnlineSource, string> = {
  autoconfig: "the domain's autoconfig file",
  ispdb: "Thunderbird's online ISPDB",
  srv: "the domain's SRV records",
  mx: "the domain's MX records",
  guess: 'probing the usual server names',
};

/** Settings for an email address or domain from every source; throws SettingsInputError for bad input. */
export async function discover(emailOrDomain: string, context: DiscoverContext): Promise<SettingsAnswer> {
  const domain = normalizeDomain(emailOrDomain);
  const bundled = lookupOffline(domain);
  if (bundled.provider !== null) return bundled;

  const started = performance.now();
  const timeoutMs = context.config.probeTimeoutMs;
  const controller = new AbortController();
  // Every pending lookup, fetch and guessed connection listens for the one abort: a few dozen at most.
  setMaxListeners(100, controller.signal);
  const sourceContext: SourceContext = {
    domain,
    email: emailOf(emailOrDomain, domain),
    allowNetworks: context.config.probeAllowNetworks,
    dnsServers: context.config.dnsServers,
    extraCa: context.extraCa,
    signal: controller.signal,
    deadlineAt: started + timeoutMs,
    ports: { ...STANDARD_PORTS, ...context.ports },
    ispdbBaseUrl: context.ispdbBaseUrl ?? ISPDB_BASE_URL,
    fetch: context.fetchImpl ?? safeFetch,
  };
  const order = PRECEDENCE.filter((s) => context.sources?.includes(s) ?? true);
  const { outcomes, waiting, reason } = await race(order, sourceContext, controller, timeoutMs);
  return compose(domain, order, outcomes, waiting, reason, timeoutMs, Math.round(performance.now() - started));
}

/** The address as typed (trimmed), for the domain's own autoconfig server; null for a bare domain. */
function emailOf(input: string, domain: string): string | null {
  const trimmed = input.trim();
  const at = trimmed.lastIndexOf('@');
  return at > 0 ? `${trimmed.slice(0, at)}@${domain}` : null;
}

type Reason = 'complete' | 'grace' | 'deadline';

/** Runs the sources side by side and stops them when the answer is decided. */
function race(
  order: readonly OnlineSource[],
  context: SourceContext,
  controller: AbortController,
  timeoutMs: number,
): Promise<{ outcomes: Map<OnlineSource, SourceOutcome>; waiting: OnlineSource[]; reason: Reason }> {
  const outcomes = new Map<OnlineSource, SourceOutcome>();
  return new Promise((resolve) => {
    let decided = false;
    let graceTimer: NodeJS.Timeout | undefined;
    let crossCheckTimer: NodeJS.Timeout | undefined;
    const deadlineTimer = setTimeout(() => void decide('deadline'), Math.max(0, timeoutMs - wrapUpMs(timeoutMs)));
    if (order.length === 0) return void decide('complete');
    const runs = order.map((source) =>
      RUNNERS[source](context)
        .catch((): SourceOutcome => ({ source, answer: null, notes: [], evidence: null }))
        .then((outcome) => {
          outcomes.set(source, outcome);
          if (!decided) evaluate();
        }),
    );

    async function decide(reason: Reason): Promise<void> {
      if (decided) return;
      decided = true;
      clearTimeout(deadlineTimer);
      clearTimeout(graceTimer);
      clearTimeout(crossCheckTimer);
      const waiting = order.filter((s) => !outcomes.has(s));
      controller.abort();
      if (waiting.length > 0) {
        let settleTimer: NodeJS.Timeout | undefined;
        await Promise.race([Promise.all(runs), new Promise((r) => (settleTimer = setTimeout(r, ABORT_SETTLE_MS)))]);
        clearTimeout(settleTimer);
      }
      resolve({ outcomes, waiting, reason });
    }

    function evaluate(): void {
      if (outcomes.size === order.length) return void decide('complete');
      if (winnerKnown()) {
        if (!CROSS_CHECK.some((s) => order.includes(s) && !outcomes.has(s))) return void decide('complete');
        crossCheckTimer ??= setTimeout(() => void decide('complete'), CROSS_CHECK_MS);
        return;
      }
      const anyAnswer = [...outcomes.values()].some((o) => o.answer !== null);
      if (anyAnswer && graceTimer === undefined) graceTimer = setTimeout(() => void decide('grace'), Math.min(GRACE_MS, timeoutMs / 4));
    }

    /** Every source above one that answered has failed: nothing still running can beat it. */
    function winnerKnown(): boolean {
      for (const source of order) {
        const outcome = outcomes.get(source);
        if (outcome === undefined) return false;
        if (outcome.answer !== null) return true;
      }
      return false;
    }
  });
}

function compose(
  domain: string,
  order: readonly OnlineSource[],
  outcomes: Map<OnlineSource, SourceOutcome>,
  waiting: readonly OnlineSource[],
  reason: Reason,
  timeoutMs: number,
  elapsedMs: number,
): SettingsAnswer {
  const ranked = order.map((s) => outcomes.get(s)).filter((o): o is SourceOutcome => o !== undefined);
  const winner = ranked.find((o) => o.answer !== null);
  const stalled = waiting.filter((s) => !outcomes.get(s)?.answer);
  const stalledNote = (above: (s: OnlineSource) => boolean) => {
    const names = stalled.filter(above).map((s) => LABEL[s]);
    if (names.length === 0) return [];
    const limit = reason === 'deadline' ? `PROBE_TIMEOUT_MS (${timeoutMs} ms)` : `${(elapsedMs / 1000).toFixed(1)} s`;
    return [`No answer from ${joinWords(names)} within ${limit}; this answer does not wait for ${names.length === 1 ? 'it' : 'them'}.`];
  };

  if (winner?.answer) {
    const rank = order.indexOf(winner.source);
    const higher = ranked.filter((o) => order.indexOf(o.source) < rank);
    const answer = structuredClone(winner.answer);
    answer.notes = [
      ...disagreements(winner, ranked),
      ...answer.notes,
      ...stalledNote((s) => order.indexOf(s) < rank),
      // Why the sources above the winner were not used, when that is worth knowing.
      ...higher.flatMap((o) => o.notes),
    ];
    answer.notes = [...new Set(answer.notes)];
    return answer;
  }
  return notFound(domain, ranked, stalledNote(() => true));
}

/** Two answers agree when they share a server host for incoming and for outgoing mail (where both list any). */
function agrees(a: SettingsAnswer, b: SettingsAnswer): boolean {
  const overlap = (x: readonly ServerSetting[], y: readonly ServerSetting[]) => x.length === 0 || y.length === 0 || x.some((s) => y.some((t) => t.host === s.host));
  return overlap(a.incoming, b.incoming) && overlap(a.outgoing, b.outgoing);
}

/** Hosted providers whose customers all use the provider's own server names, whatever their domain. */
const SHARED_HOST_PROVIDERS = new Set(['microsoft365', 'outlook', 'google']);

function disagreements(winner: SourceOutcome, ranked: readonly SourceOutcome[]): string[] {
  const mine = winner.answer;
  if (!mine) return [];
  const notes: string[] = [];
  for (const other of ranked) {
    const theirs = other.answer;
    if (other === winner || !theirs || agrees(mine, theirs)) continue;
    const myHost = mine.incoming[0]?.host ?? mine.outgoing[0]?.host ?? '(none)';
    const theirHost = theirs.incoming[0]?.host ?? theirs.outgoing[0]?.host ?? '(none)';
    if (other.source === 'mx' && theirs.provider && SHARED_HOST_PROVIDERS.has(theirs.provider.id)) {
      // Thunderbird's known failure: a web host's leftover autoconfig file outranks MX records
      // that say the domain moved to Microsoft 365 (or Google), and the account points at a
      // server that no longer holds the mail.
      notes.push(
        `Sources disagree: ${LABEL[winner.source]} names ${myHost}, but the MX records send mail for ${mine.domain} to ${theirs.provider.name} (${other.evidence ?? 'MX'}). ` +
          `If the mailboxes are there, ${LABEL[winner.source]} is probably left over from an earlier host: use the servers of ${theirs.provider.name} instead (incoming ${theirHost}${theirs.outgoing[0] ? `, outgoing ${theirs.outgoing[0].host}` : ''}).`,
      );
    } else {
      notes.push(`Sources disagree: ${LABEL[winner.source]} names ${myHost}, while ${LABEL[other.source]} ${other.source === 'guess' ? 'found' : 'names'} ${theirHost}. This answer follows ${LABEL[winner.source]}, which ranks higher; if it does not work, try ${theirHost}.`);
    }
  }
  return notes;
}

function notFound(domain: string, ranked: readonly SourceOutcome[], stalled: string[]): SettingsAnswer {
  const mx = ranked.find((o) => o.source === 'mx')?.mx;
  const notes: string[] = [];
  switch (mx?.status) {
    case 'no-domain':
      notes.push(`${domain} does not exist in DNS: check the spelling of the address.`);
      break;
    case 'no-mx':
      notes.push(`${domain} has no MX record, so it does not receive email as it stands: check the spelling of the address, or ask whoever runs the domain.`);
      break;
    case 'null-mx':
      notes.push(`${domain} publishes a "null MX" record (RFC 7505): it accepts no email at all.`);
      break;
    case 'failed':
      // Cancelled at the deadline: the note about sources that did not answer says it better.
      if (mx.code === 'ECANCELLED') break;
      notes.push(`Looking up ${domain} in DNS failed (${mx.code ?? 'no answer'}): check the network connection, or DNS_SERVERS if it is set. Until DNS answers, this result is incomplete.`);
      break;
    case 'unknown':
      notes.push(`Mail for ${domain} goes to ${mx.hosts.slice(0, 3).join(', ')}, which is not a provider emailhelp knows: the domain may run its own mail server.`);
      break;
    default:
      break;
  }
  notes.push(`No mail settings were found for ${domain}: no autoconfig file, no ISPDB entry, no SRV records, no MX record of a known provider, and no usual server name (imap., mail., pop., smtp.) answered with a valid certificate.`);
  notes.push(...ranked.flatMap((o) => o.notes), ...stalled);
  notes.push(
    `Ask the IT department or the mail provider of ${domain} for the server names; then emailhelp probe SERVER checks a server without logging in.`,
  );
  // A gateway's MX answer is all there is to say about the provider: report it as the MX result.
  const source = mx && mx.status !== 'failed' && mx.status !== 'no-domain' && mx.status !== 'no-mx' ? 'mx' : 'guess';
  return { domain, provider: null, source, incoming: [], outgoing: [], notes: [...new Set(notes)] };
}

function joinWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;
}
