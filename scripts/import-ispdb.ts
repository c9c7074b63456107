/**
 * Turns Thunderbird's ISP database (ISPDB: one autoconfig XML file per provider) into the compact
 * typed module src/content/providers/ispdb.generated.ts, so that `emailhelp settings --offline`
 * needs no XML parser, no file system and no network at run time.
 *
 * Run: npx tsx scripts/import-ispdb.ts [ISPDB_DIR]
 * ISPDB_DIR defaults to data/ispdb in this repository (copied from the project's shared data; see its SOURCE.md for origin and
 * licence). test/settings/offline.test.ts re-runs the import in memory and checks the output is current.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { attributeOf, childrenOf, childText, named, parseXmlTree, textOf, type XmlNode } from '../src/core/settings/xml-tree.js';

export const DEFAULT_ISPDB_DIR = fileURLToPath(new URL('../data/ispdb/', import.meta.url));
export const GENERATED_PATH = fileURLToPath(new URL('../src/content/providers/ispdb.generated.ts', import.meta.url));

/**
 * ISPDB lists some names so that a custom domain whose MX host lies under them leads to the
 * provider (Thunderbird looks the MX host's domain up in the same table). Nobody's address ends
 * in these, except google.com, which is also Google's own mail domain. ISPDB marks them only
 * now and then, in free-text comments that also sit above ordinary hosted domains, so the list
 * is kept here; the importer refuses to write when a name disappears from the data, so it cannot go stale.
 */
const MX_HOST_NAMES: ReadonlyMap<string, { alsoMailDomain: boolean }> = new Map([
  ['google.com', { alsoMailDomain: true }], // aspmx.l.google.com
  ['mail.protection.outlook.com', { alsoMailDomain: false }], // example-com.mail.protection.outlook.com
  ['olc.protection.outlook.com', { alsoMailDomain: false }], // hotmail-com.olc.protection.outlook.com
  ['yahoodns.net', { alsoMailDomain: false }], // Yahoo: mta5.am0.yahoodns.net
  ['am0.yahoodns.net', { alsoMailDomain: false }],
  ['mail.am0.yahoodns.net', { alsoMailDomain: false }],
  ['mail.gm0.yahoodns.net', { alsoMailDomain: false }],
  ['secureserver.net', { alsoMailDomain: false }], // GoDaddy: mx1.secureserver.net
  ['emailsrvr.com', { alsoMailDomain: false }], // Rackspace: mx1.emailsrvr.com
  ['messagingengine.com', { alsoMailDomain: false }], // Fastmail: in1-smtp.messagingengine.com
  ['kundenserver.de', { alsoMailDomain: false }], // 1&1 / IONOS: mx00.kundenserver.de
  ['schlund.de', { alsoMailDomain: false }],
  ['rzone.de', { alsoMailDomain: false }], // Strato: smtpin.rzone.de
  ['ispgateway.de', { alsoMailDomain: false }], // domainFACTORY
  ['ovh.net', { alsoMailDomain: false }], // mx1.mail.ovh.net
  ['yandex.net', { alsoMailDomain: false }], // mx.yandex.net
  ['cloudeu.xion.oxcs.net', { alsoMailDomain: false }],
  ['cloudus.xion.oxcs.net', { alsoMailDomain: false }],
]);

type Node = XmlNode;

export interface ImportResult {
  source: { repository: string; commit: string; license: string };
  providers: ImportedProvider[];
  /** Servers left out because they are not IMAP, POP3 or SMTP (Exchange, EWS, OWA, Graph). */
  skippedServers: number;
  /** Names in MX_HOST_NAMES that the data no longer has: the list needs a look. */
  staleMxHostNames: string[];
}

interface ImportedServer {
  protocol: 'imap' | 'pop3' | 'smtp';
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  username: string;
  auth: string[];
  restriction?: string;
}

interface ImportedProvider {
  id: string;
  name: string;
  domains: string[];
  mxDomains: string[];
  incoming: ImportedServer[];
  outgoing: ImportedServer[];
  docs: { url: string; text: string }[];
  enable?: { url: string; text: string };
}

export class IspdbImportError extends Error {
  readonly code = 'ISPDB_IMPORT';
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'IspdbImportError';
  }
}

// The shared reader keeps entity processing off (see src/core/settings/xml-tree.ts).
const children = childrenOf;
const elements = named;
const attr = (node: Node, name: string) => attributeOf(node, name);
const text = (node: Node) => textOf(node);

/** English where ISPDB has a language tag; an untagged text is the English one by convention. */
function englishOf(nodes: Node[]): string | undefined {
  const pick = nodes.find((n) => attr(n, 'lang') === undefined) ?? nodes.find((n) => attr(n, 'lang')?.startsWith('en')) ?? nodes[0];
  return pick === undefined ? undefined : text(pick);
}

const SECURITY: Record<string, ImportedServer['security']> = { SSL: 'tls', STARTTLS: 'starttls', plain: 'none' };
const USERNAME: Record<string, string> = { '%EMAILADDRESS%': 'email', '%EMAILLOCALPART%': 'local-part' };

function readServer(node: Node, file: string): ImportedServer | undefined {
  const type = attr(node, 'type');
  if (type !== 'imap' && type !== 'pop3' && type !== 'smtp') return undefined;
  const host = childText(node, 'hostname')?.toLowerCase();
  const port = Number(childText(node, 'port'));
  const socketType = childText(node, 'socketType') ?? '';
  const security = SECURITY[socketType];
  if (!host || !Number.isInteger(port) || port <= 0 || port > 65535 || security === undefined) {
    throw new IspdbImportError(`${file}: ${type} server without a usable hostname, port or socketType`);
  }
  const rawUser = childText(node, 'username') ?? '%EMAILADDRESS%';
  const server: ImportedServer = {
    protocol: type,
    host,
    port,
    security,
    username: USERNAME[rawUser] ?? rawUser,
    auth: elements(children(node), 'authentication').map(text),
  };
  const restriction = childText(node, 'restriction');
  if (restriction) server.restriction = restriction;
  return server;
}

function readProvider(file: string, xml: string): { provider: ImportedProvider; skipped: number } {
  // Refused before parsing, not merely ignored by it: provider data has no business declaring entities.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw new IspdbImportError(`${file}: DTDs and entity declarations are not accepted`);
  let doc: Node[];
  try {
    doc = parseXmlTree(xml) as Node[];
  } catch (error) {
    throw new IspdbImportError(`${file}: not well-formed XML`, { cause: error });
  }
  const root = elements(doc, 'clientConfig')[0];
  const providerNode = root && elements(children(root), 'emailProvider')[0];
  if (!root || !providerNode) throw new IspdbImportError(`${file}: no clientConfig/emailProvider`);
  // ISPDB's own id attribute repeats (five Zoho regions all say "zoho.com"); the file name is unique.
  const id = file.replace(/\.xml$/, '');
  const name = childText(providerNode, 'displayName');
  if (!name) throw new IspdbImportError(`${file}: emailProvider without displayName`);

  const inside = children(providerNode);
  const allDomains = [...new Set(elements(inside, 'domain').map((d) => text(d).toLowerCase()))];
  const domains = allDomains.filter((d) => MX_HOST_NAMES.get(d)?.alsoMailDomain !== false);
  const mxDomains = allDomains.filter((d) => MX_HOST_NAMES.has(d));

  let skipped = 0;
  const servers = (tag: string): ImportedServer[] =>
    elements(inside, tag).flatMap((n) => {
      const server = readServer(n, file);
      if (!server) skipped++;
      return server ? [server] : [];
    });
  const incoming = servers('incomingServer');
  const outgoing = servers('outgoingServer');

  const docs = elements(inside, 'documentation').flatMap((d) => {
    const url = attr(d, 'url');
    return url ? [{ url, text: englishOf(elements(children(d), 'descr')) ?? '' }] : [];
  });
  // <enable> ("turn on IMAP in webmail first") sits inside emailProvider in some files and beside it in others.
  const enableNode = elements(inside, 'enable')[0] ?? elements(children(root), 'enable')[0];
  const provider: ImportedProvider = { id, name, domains, mxDomains, incoming, outgoing, docs };
  const enableUrl = enableNode && attr(enableNode, 'visiturl');
  if (enableNode && enableUrl) provider.enable = { url: enableUrl, text: englishOf(elements(children(enableNode), 'instruction')) ?? '' };
  return { provider, skipped };
}

function readSource(dir: string): ImportResult['source'] {
  const sourceMd = readFileSync(join(dir, 'SOURCE.md'), 'utf8');
  const commit = /Commit:\s*`([0-9a-f]{40})`/.exec(sourceMd)?.[1];
  const repository = /Repository:\s*(https:\/\/github\.com\/\S+)/.exec(sourceMd)?.[1];
  if (!commit || !repository) throw new IspdbImportError(`${dir}/SOURCE.md does not name the repository and commit`);
  return { repository, commit, license: 'MPL-2.0' };
}

export function importIspdb(dir: string = DEFAULT_ISPDB_DIR): ImportResult {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.xml'))
    .sort();
  let skippedServers = 0;
  const providers: ImportedProvider[] = [];
  for (const file of files) {
    const { provider, skipped } = readProvider(file, readFileSync(join(dir, file), 'utf8'));
    skippedServers += skipped;
    if (provider.incoming.length > 0 || provider.outgoing.length > 0) providers.push(provider);
  }
  const seen = new Set(providers.flatMap((p) => [...p.domains, ...p.mxDomains]));
  const staleMxHostNames = [...MX_HOST_NAMES.keys()].filter((d) => !seen.has(d));
  return { source: readSource(dir), providers, skippedServers, staleMxHostNames };
}


export function renderModule(result: ImportResult): string {
  const { repository, commit, license } = result.source;
  return [
    '// Generated by scripts/import-ispdb.ts from the Thunderbird ISP database (ISPDB): do not edit.',
    `// Source: ${repository} (ispdb/), commit ${commit}.`,
    `// The data is licensed under the Mozilla Public License 2.0 (${license}); see ./ATTRIBUTION.md.`,
    '// This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0. If a copy of the',
    '// MPL was not distributed with this file, You can obtain one at https://mozilla.org/MPL/2.0/.',
    '',
    "import type { IspdbProvider } from './types.js';",
    '',
    "export type { IspdbProvider, IspdbSecurity, IspdbServer } from './types.js';",
    '',
    `export const ISPDB_SOURCE = ${JSON.stringify(result.source)} as const;`,
    '',
    'export const ISPDB_PROVIDERS: readonly IspdbProvider[] = [',
    ...result.providers.map((p) => `${JSON.stringify(p)},`),
    '];',
    '',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const dir = process.argv[2] ?? DEFAULT_ISPDB_DIR;
  const result = importIspdb(dir);
  if (result.staleMxHostNames.length > 0) {
    console.error(`MX host names no longer in ISPDB, update MX_HOST_NAMES: ${result.staleMxHostNames.join(', ')}`);
    process.exit(1);
  }
  const module = renderModule(result);
  writeFileSync(GENERATED_PATH, module);
  const domains = result.providers.reduce((n, p) => n + p.domains.length, 0);
  console.log(
    `${GENERATED_PATH}: ${result.providers.length} providers, ${domains} domains, ${result.skippedServers} non-IMAP/POP3/SMTP servers skipped, ${module.length} bytes`,
  );
}
