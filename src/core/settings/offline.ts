import { domainToASCII } from 'node:url';
import { ISPDB_PROVIDERS, type IspdbProvider, type IspdbServer } from '../../content/providers/ispdb.generated.js';
import { MX_RULES, PROVIDER_OVERLAY, type OverlayNoteKind, type OverlayServer, type ProviderOverlay } from '../../content/providers/overlay.js';
import { SettingsInputError, type MxMatch, type ProviderRef, type ServerSetting, type SettingsAnswer } from './types.js';

/**
 * Settings discovery without the network: the bundled ISPDB data plus the hand-kept overlay, looked
 * up by mail domain (lookupOffline) or by a custom domain's MX host (lookupByMxHost). One index is
 * built on first use; a lookup is then a few Map reads, so the other discovery steps can call it freely.
 */

/** An address is at most 254 characters (RFC 5321's path limit); anything far longer is not one. */
const MAX_INPUT_LENGTH = 320;
const HOST_NAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

interface BundledProvider {
  readonly ref: ProviderRef;
  readonly incoming: readonly ServerSetting[];
  readonly outgoing: readonly ServerSetting[];
  readonly notes: readonly string[];
}

interface MxTarget {
  readonly provider: BundledProvider | null;
  readonly gateway: string | null;
  readonly matched: string;
  readonly note: string | undefined;
}

interface MxPattern {
  readonly regex: RegExp;
  readonly target: MxTarget;
}

interface Index {
  readonly byDomain: Map<string, BundledProvider>;
  readonly byId: Map<string, BundledProvider>;
  /** Names whose subdomains are MX hosts of one provider or gateway: ISPDB's MX names and `*.suffix` rules. */
  readonly byMxSuffix: Map<string, MxTarget>;
  /** Rules a suffix cannot express (`*.ionos.*`, `inbound-smtp.{region}.amazonaws.com`), tried first. */
  readonly mxPatterns: readonly MxPattern[];
}

let index: Index | undefined;

function getIndex(): Index {
  index ??= buildIndex();
  return index;
}

function buildIndex(): Index {
  const byDomain = new Map<string, BundledProvider>();
  const byId = new Map<string, BundledProvider>();
  const byMxSuffix = new Map<string, MxTarget>();
  const overlayByIspdb = new Map(PROVIDER_OVERLAY.filter((o) => o.ispdb !== undefined).map((o) => [o.ispdb, o]));

  // ISPDB first, in file order, first provider winning a shared name (as Thunderbird's lookup does);
  // the overlay's own domains and rules come after and win, because each is a curated, cited choice.
  for (const p of ISPDB_PROVIDERS) {
    const overlay = overlayByIspdb.get(p.id);
    const provider = bundle(overlay, p);
    byId.set(p.id, provider);
    byId.set(provider.ref.id, provider);
    for (const d of p.domains) if (!byDomain.has(d)) byDomain.set(d, provider);
    for (const d of p.mxDomains) if (!byMxSuffix.has(d)) byMxSuffix.set(d, { provider, gateway: null, matched: d, note: undefined });
  }
  for (const o of PROVIDER_OVERLAY) {
    const provider = o.ispdb === undefined ? bundle(o, undefined) : byId.get(o.ispdb);
    if (!provider) throw new Error(`overlay entry ${o.id} names ISPDB provider ${o.ispdb ?? ''}, which the bundled data lacks`);
    byId.set(o.id, provider);
    for (const d of o.domains ?? []) byDomain.set(d, provider);
  }

  const mxPatterns: MxPattern[] = [];
  for (const rule of MX_RULES) {
    const provider = rule.provider === undefined ? null : (byId.get(rule.provider) ?? null);
    if (rule.provider !== undefined && !provider) throw new Error(`MX rule ${rule.pattern} names unknown provider ${rule.provider}`);
    const target: MxTarget = { provider, gateway: rule.gateway ?? null, matched: rule.pattern, note: rule.note };
    const suffix = /^\*\.([^*{}]+)$/.exec(rule.pattern)?.[1];
    if (suffix !== undefined) byMxSuffix.set(suffix, target);
    else mxPatterns.push({ regex: patternToRegex(rule.pattern), target });
  }
  return { byDomain, byId, byMxSuffix, mxPatterns };
}

function patternToRegex(pattern: string): RegExp {
  const source = pattern
    .split('.')
    .map((label) => (label === '*' ? '[a-z0-9-]+(?:\\.[a-z0-9-]+)*' : label === '{region}' ? '(?<region>[a-z0-9-]+)' : label.replace(/[^a-z0-9-]/g, '\\$&')))
    .join('\\.');
  return new RegExp(`^${source}$`);
}

function bundle(overlay: ProviderOverlay | undefined, ispdb: IspdbProvider | undefined): BundledProvider {
  const incoming = ispdb ? ispdb.incoming.map(toSetting) : (overlay?.incoming ?? []).map(toSetting);
  const outgoing = ispdb ? ispdb.outgoing.map(toSetting) : (overlay?.outgoing ?? []).map(toSetting);
  const name = overlay?.name ?? ispdb?.name ?? '';
  return {
    ref: { id: overlay?.id ?? ispdb?.id ?? '', name },
    // Stable sort: ISPDB's order (its first server of a protocol is the preferred one) survives within IMAP and POP3.
    incoming: [...incoming.filter((s) => s.protocol === 'imap'), ...incoming.filter((s) => s.protocol !== 'imap')],
    outgoing,
    notes: providerNotes(overlay, ispdb, name, [...incoming, ...outgoing]),
  };
}

function toSetting(server: IspdbServer | OverlayServer): ServerSetting {
  return { protocol: server.protocol, host: server.host, port: server.port, security: server.security, username: server.username };
}

function providerNotes(overlay: ProviderOverlay | undefined, ispdb: IspdbProvider | undefined, name: string, servers: readonly ServerSetting[]): string[] {
  const kinds = new Set<OverlayNoteKind>((overlay?.notes ?? []).map((n) => n.kind));
  const notes = (overlay?.notes ?? []).map((n) => n.text);
  if (ispdb?.enable && !kinds.has('enable')) notes.push(`Before a mail app can connect: ${ispdb.enable.text} (${ispdb.enable.url})`);
  const ispdbServers = ispdb ? [...ispdb.incoming, ...ispdb.outgoing] : [];
  // ISPDB's authentication lists are how Thunderbird knows a provider takes no passwords at all.
  if (!kinds.has('oauth') && ispdbServers.length > 0 && ispdbServers.every((s) => s.auth.length > 0 && s.auth.every((a) => a === 'OAuth2'))) {
    notes.push(`${name} accepts only OAuth2 sign-in: use a mail app that opens the provider's own sign-in window. A password typed into an app that only knows basic authentication is refused.`);
  }
  for (const s of ispdbServers) {
    if (s.restriction === 'client-IP-address') notes.push(`${s.host} accepts connections only from ${name}'s own network (its broadband or mobile lines); elsewhere, use webmail or another server.`);
  }
  for (const s of servers) {
    if (s.security === 'none') notes.push(`${s.host} port ${s.port} is unencrypted: it sends the password in clear text. Use an SSL/TLS or STARTTLS server listed here instead.`);
  }
  if (servers.some((s) => s.protocol === 'pop3')) {
    notes.push('With POP, tick "Leave a copy of messages on the server" in the mail app: otherwise mail it downloads disappears from webmail and from every other device (emailhelp explain leave-on-server).');
  }
  const help = overlay?.help ?? ispdb?.docs[0]?.url;
  if (help) notes.push(`${name} help: ${help}`);
  // Two servers on one host with the same restriction would say the same thing twice.
  return [...new Set(notes)];
}

/** The domain of an email address or domain, lower-case ASCII; throws SettingsInputError for anything else. */
export function normalizeDomain(emailOrDomain: string): string {
  const input = emailOrDomain.trim();
  if (input === '') throw new SettingsInputError('empty', 'Give an email address or a domain, such as someone@example.com or example.com.');
  if (input.length > MAX_INPUT_LENGTH) throw new SettingsInputError('too_long', 'That is too long to be an email address or a domain.');
  const at = input.lastIndexOf('@');
  if (at >= 0 && (at === 0 || /\s/.test(input))) throw new SettingsInputError('bad_email', 'That is not an email address: it needs a name before the @ and no spaces.');
  return toAsciiHost(input.slice(at + 1));
}

function toAsciiHost(name: string): string {
  const bare = name.toLowerCase().replace(/\.$/, '');
  // domainToASCII gives the xn-- form of an internationalised name and '' for one that cannot be valid.
  const ascii = /^[\x21-\x7e]*$/.test(bare) ? bare : domainToASCII(bare);
  if (!HOST_NAME.test(ascii)) throw new SettingsInputError('bad_domain', 'That is not a domain name such as example.com.');
  return ascii;
}

function answer(domain: string, provider: BundledProvider, source: SettingsAnswer['source'], region?: string): SettingsAnswer {
  const fill = (s: ServerSetting): ServerSetting => ({ ...s, host: region === undefined ? s.host : s.host.replace('{region}', region) });
  return {
    domain,
    provider: { ...provider.ref },
    source,
    incoming: provider.incoming.map(fill),
    outgoing: provider.outgoing.map(fill),
    notes: [...provider.notes],
  };
}

function notFound(domain: string, source: SettingsAnswer['source'], notes: string[]): SettingsAnswer {
  return { domain, provider: null, source, incoming: [], outgoing: [], notes };
}

/** Settings for an email address or domain from the bundled data only (no network). */
export function lookupOffline(emailOrDomain: string): SettingsAnswer {
  const domain = normalizeDomain(emailOrDomain);
  const provider = getIndex().byDomain.get(domain);
  if (provider) return answer(domain, provider, 'bundled');
  return notFound(domain, 'bundled', [
    `emailhelp has no bundled settings for ${domain}.`,
    'Run the lookup without --offline: it also reads the domain\'s own autoconfig file and its MX records, which name the provider of most company domains.',
    `Many providers use imap.${domain} and smtp.${domain}. Test them without logging in: emailhelp probe imap.${domain}, and emailhelp probe --protocol smtp smtp.${domain}.`,
    'For a company or school address, the IT department or the mail provider\'s help pages have the exact server names.',
  ]);
}

/** Who hosts the mailboxes behind a custom domain whose MX record names this host. */
export function lookupByMxHost(mxHost: string): MxMatch {
  const host = toAsciiHost(mxHost.trim());
  const hit = findMxTarget(host);
  if (!hit) {
    return { mxHost: host, kind: 'unknown', provider: null, gateway: null, matched: null, notes: [`${host} is not a mail host emailhelp knows; the domain may run its own mail server or use a provider missing from the bundled data.`] };
  }
  const { target } = hit;
  const notes = target.note === undefined ? [] : [target.note];
  if (target.gateway !== null) {
    notes.unshift(`${host} belongs to ${target.gateway}, a filtering gateway: the mailbox provider behind it is not visible from MX. Ask the domain's IT which service holds the mailboxes, or look up the domain's autoconfig or autodiscover records.`);
    return { mxHost: host, kind: 'gateway', provider: null, gateway: target.gateway, matched: target.matched, notes };
  }
  return { mxHost: host, kind: 'provider', provider: target.provider ? { ...target.provider.ref } : null, gateway: null, matched: target.matched, notes };
}

/** The settings a custom domain gets from its MX host: the provider's servers, with source `mx`. */
export function settingsForMx(emailOrDomain: string, mxHost: string): SettingsAnswer {
  const domain = normalizeDomain(emailOrDomain);
  const host = toAsciiHost(mxHost.trim());
  const hit = findMxTarget(host);
  if (hit?.target.provider) {
    const result = answer(domain, hit.target.provider, 'mx', hit.region);
    if (hit.target.note !== undefined) result.notes.unshift(hit.target.note);
    return result;
  }
  return notFound(domain, 'mx', lookupByMxHost(host).notes);
}

function findMxTarget(host: string): { target: MxTarget; region?: string } | undefined {
  const { mxPatterns, byMxSuffix, byDomain } = getIndex();
  for (const p of mxPatterns) {
    const m = p.regex.exec(host);
    if (m) return { target: p.target, region: m.groups?.region };
  }
  // Most specific name first: eur.olc.protection.outlook.com is Outlook.com even though outlook.com
  // is a mail domain too. A provider's own mail domain counts as well (Thunderbird looks up the MX
  // host's domain the same way), after the names that ISPDB and the overlay give for MX hosts.
  const labels = host.split('.');
  for (let i = 0; i < labels.length - 1; i++) {
    const suffix = labels.slice(i).join('.');
    const explicit = byMxSuffix.get(suffix);
    if (explicit) return { target: explicit };
    const provider = byDomain.get(suffix);
    if (provider) return { target: { provider, gateway: null, matched: suffix, note: undefined } };
  }
  return undefined;
}

/** Sizes of the bundled data, for documentation and health output. */
export function bundledCounts(): { providers: number; domains: number; mxNames: number; mxPatterns: number } {
  const { byDomain, byId, byMxSuffix, mxPatterns } = getIndex();
  return { providers: new Set(byId.values()).size, domains: byDomain.size, mxNames: byMxSuffix.size, mxPatterns: mxPatterns.length };
}
