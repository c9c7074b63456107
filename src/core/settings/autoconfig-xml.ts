import { XMLValidator } from 'fast-xml-parser';
import { canonicalHost, isHostName } from './host-name.js';
import { attributeOf, childrenOf, childText as childTextOf, named, parseXmlTree, textOf as textOfNode, type XmlNode } from './xml-tree.js';
import type { Security, ServerSetting, UsernameFormat } from './types.js';

/**
 * Reads a Mozilla autoconfig v1.1 file (the format of a domain's own autoconfig file and of
 * Thunderbird's ISPDB, https://wiki.mozilla.org/Thunderbird:Autoconfiguration:ConfigFileFormat)
 * that came from the network. Whoever runs the web server wrote it, so:
 * - a DTD or entity declaration refuses the whole file before parsing (the "billion laughs"
 *   entity bomb needs one; a provider file never does), and the parser's entity processing is
 *   off: only XML's five predefined entities and character references are decoded, by hand;
 * - the file must be well-formed and have clientConfig/emailProvider with at least one usable
 *   IMAP, POP3 or SMTP server; anything else is the wrong schema;
 * - every server is checked: a DNS host name (after %EMAILDOMAIN%), a port from 1 to 65535, a
 *   known socketType, a user name that is a known placeholder or a short plain pattern;
 *   servers failing that are dropped and counted;
 * - text is cut short and stripped of control characters before it can reach an answer.
 */

export type AutoconfigXmlProblem = 'DTD_REFUSED' | 'NOT_XML' | 'WRONG_SCHEMA';

export class AutoconfigXmlError extends Error {
  constructor(
    readonly code: AutoconfigXmlProblem,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AutoconfigXmlError';
  }
}

export interface AutoconfigDocument {
  /** emailProvider's id attribute when it is a plain domain name. */
  providerId: string | null;
  displayName: string | null;
  /** Recommended first: IMAP before POP3, the file's order kept within each. */
  incoming: ServerSetting[];
  outgoing: ServerSetting[];
  /** Every usable server lists OAuth2 as its only sign-in method. */
  oauthOnly: boolean;
  /** The provider's help page, when the file gives an https link. */
  help: string | null;
  /** Something to switch on in webmail first (<enable>), with its https link. */
  enable: { text: string; url: string } | null;
  /** IMAP, POP3 or SMTP servers left out for an unusable host name, port, socketType or user name. */
  rejected: number;
}

/** A provider file holds a handful of servers; more is not a provider file. */
const MAX_SERVERS = 40;
const MAX_TEXT = 200;
const USERNAME_PATTERN = /^[A-Za-z0-9%._@+-]{1,64}$/;

type Node = XmlNode;

// Every text an answer shows is capped: a hostile file cannot make a note a megabyte long.
const attribute = (node: Node, name: string) => attributeOf(node, name, MAX_TEXT);
const textOf = (node: Node) => textOfNode(node, MAX_TEXT);
const childText = (node: Node, tag: string) => childTextOf(node, tag, MAX_TEXT);

const SOCKET_TYPES: Record<string, Security> = { SSL: 'tls', STARTTLS: 'starttls', plain: 'none' };

function usernameOf(raw: string | undefined): UsernameFormat | null {
  const value = raw ?? '%EMAILADDRESS%';
  if (value === '%EMAILADDRESS%' || value === '%EMAILLOCALPART%@%EMAILDOMAIN%') return 'email';
  if (value === '%EMAILLOCALPART%') return 'local-part';
  return USERNAME_PATTERN.test(value) ? value : null;
}

/** An https link only: a help link in an answer is something people click. */
function httpsLink(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && url.username === '' && url.password === '' && url.href.length <= MAX_TEXT ? url.href : null;
  } catch {
    return null;
  }
}

interface ReadServer {
  setting: ServerSetting;
  auth: string[];
}

/** null: another protocol (Exchange, EWS, …), which a mail app set up by hand does not use. */
function readServer(node: Node, domain: string): ReadServer | 'rejected' | null {
  const type = attribute(node, 'type');
  if (type !== 'imap' && type !== 'pop3' && type !== 'smtp') return null;
  const host = canonicalHost((childText(node, 'hostname') ?? '').replaceAll('%EMAILDOMAIN%', domain));
  const portText = childText(node, 'port') ?? '';
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  const security = SOCKET_TYPES[childText(node, 'socketType') ?? ''];
  const username = usernameOf(childText(node, 'username'));
  if (!isHostName(host) || !(port >= 1 && port <= 65535) || security === undefined || username === null) return 'rejected';
  const auth = named(childrenOf(node), 'authentication').map(textOf);
  return { setting: { protocol: type, host, port, security, username }, auth };
}

export function parseAutoconfig(xml: string, domain: string): AutoconfigDocument {
  // Refused, not merely ignored: a provider file has no use for a DTD, and an entity bomb needs one.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new AutoconfigXmlError('DTD_REFUSED', 'it declares a DTD or entities, which a settings file never needs');
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new AutoconfigXmlError('NOT_XML', 'it is not well-formed XML');
  let doc: Node[];
  try {
    doc = parseXmlTree(xml) as Node[];
  } catch (error) {
    throw new AutoconfigXmlError('NOT_XML', 'it is not well-formed XML', { cause: error });
  }
  const root = named(doc, 'clientConfig')[0];
  const provider = root && named(childrenOf(root), 'emailProvider')[0];
  if (!root || !provider) throw new AutoconfigXmlError('WRONG_SCHEMA', 'it has no clientConfig/emailProvider');

  const inside = childrenOf(provider);
  const serverNodes = [...named(inside, 'incomingServer'), ...named(inside, 'outgoingServer')];
  if (serverNodes.length > MAX_SERVERS) throw new AutoconfigXmlError('WRONG_SCHEMA', `it lists ${serverNodes.length} servers; a settings file has a handful`);
  const read = serverNodes.map((n) => readServer(n, domain));
  const usable = read.filter((s): s is ReadServer => s !== null && s !== 'rejected');
  if (usable.length === 0) throw new AutoconfigXmlError('WRONG_SCHEMA', 'it lists no usable IMAP, POP3 or SMTP server');

  const settings = usable.map((s) => s.setting);
  const unique = (list: ServerSetting[]) =>
    list.filter((s, i) => list.findIndex((t) => t.protocol === s.protocol && t.host === s.host && t.port === s.port && t.security === s.security) === i);
  const incoming = unique([...settings.filter((s) => s.protocol === 'imap'), ...settings.filter((s) => s.protocol === 'pop3')]);
  const outgoing = unique(settings.filter((s) => s.protocol === 'smtp'));

  const id = attribute(provider, 'id');
  const displayName = childText(provider, 'displayName') || null;
  const documentation = named(inside, 'documentation').map((d) => httpsLink(attribute(d, 'url'))).find((u) => u !== null) ?? null;
  const enableNode = named(inside, 'enable')[0] ?? named(childrenOf(root), 'enable')[0];
  const enableUrl = enableNode ? httpsLink(attribute(enableNode, 'visiturl')) : null;
  const instruction = enableNode ? named(childrenOf(enableNode), 'instruction').map(textOf).find(Boolean) : undefined;

  return {
    providerId: id !== undefined && isHostName(canonicalHost(id)) ? canonicalHost(id) : null,
    displayName,
    incoming,
    outgoing,
    oauthOnly: usable.every((s) => s.auth.length > 0 && s.auth.every((a) => a === 'OAuth2')),
    help: documentation,
    enable: enableUrl && instruction ? { text: instruction, url: enableUrl } : null,
    rejected: read.filter((s) => s === 'rejected').length,
  };
}
