import { serverNotes } from './answer-notes.js';
import { AutoconfigXmlError, parseAutoconfig, type AutoconfigDocument } from './autoconfig-xml.js';
import { displayUrl, SafeFetchError } from './safe-fetch.js';
import type { SourceContext } from './source-context.js';
import type { SettingsAnswer, SettingsSource } from './types.js';

/**
 * One autoconfig-format file fetched and read: shared by the domain's own autoconfig and the
 * online ISPDB. A failure that says something about the domain's set-up or about a hostile answer
 * (a blocked address or redirect, a certificate problem, a refused file) becomes a note; one that
 * only means "no file here" (no such name, nothing listening, 404, a web site's HTML page) does not.
 */

export type ConfigFileResult = { ok: true; doc: AutoconfigDocument; url: string } | { ok: false; note: string | null };

const SILENT_FETCH_FAILURES = new Set(['DNS', 'CONNECT', 'HTTP_STATUS', 'TIMEOUT', 'ABORTED']);

/** `what`: how notes name the file, e.g. "The autoconfig file". */
export async function fetchConfigFile(url: string, context: SourceContext, what: string): Promise<ConfigFileResult> {
  const shown = displayUrl(url);
  let response;
  try {
    response = await context.fetch(url, {
      allowNetworks: context.allowNetworks,
      dnsServers: context.dnsServers,
      extraCa: context.extraCa,
      signal: context.signal,
      deadlineAt: context.deadlineAt,
      httpsPort: context.ports.https,
    });
  } catch (error) {
    if (!(error instanceof SafeFetchError)) return { ok: false, note: null };
    if (SILENT_FETCH_FAILURES.has(error.code)) return { ok: false, note: null };
    const redirected = error.url !== shown ? ` redirects to ${error.url}, which` : '';
    const why: Record<string, string> = {
      BLOCKED_ADDRESS: `was not fetched: ${error.message}`,
      BLOCKED_PORT: `was not fetched: ${error.message}`,
      NOT_HTTPS: 'was not fetched: settings files are only read over HTTPS',
      BAD_URL: `was not fetched: ${error.message}`,
      TOO_MANY_REDIRECTS: `was not used: ${error.message}`,
      TOO_LARGE: `was cut off and not used: ${error.message}`,
      TLS: `was not used: its HTTPS certificate is not valid (${error.message})`,
    };
    return { ok: false, note: `${what} at ${shown}${redirected} ${why[error.code] ?? `was not used (${error.code})`}.` };
  }
  if (looksLikeHtml(response.body, response.contentType)) return { ok: false, note: null };
  try {
    const doc = parseAutoconfig(response.body, context.domain);
    return { ok: true, doc, url: displayUrl(response.url) };
  } catch (error) {
    const reason = error instanceof AutoconfigXmlError ? error.message : 'it could not be read';
    return { ok: false, note: `${what} at ${displayUrl(response.url)} was ignored: ${reason}.` };
  }
}

/** A web site that answers every path with its home page is no settings file and no news. */
function looksLikeHtml(body: string, contentType: string | null): boolean {
  return /\bhtml\b/i.test(contentType ?? '') || /^\s*(?:<!doctype\s+html|<html[\s>])/i.test(body);
}

export function answerFromDocument(doc: AutoconfigDocument, context: SourceContext, source: SettingsSource, sourceNote: string, providerId: string): SettingsAnswer {
  const name = doc.displayName ?? context.domain;
  const notes = [sourceNote];
  if (doc.oauthOnly) {
    notes.push(`${name} accepts only OAuth2 sign-in: use a mail app that opens the provider's own sign-in window. A password typed into an app that only knows basic authentication is refused.`);
  }
  if (doc.enable) notes.push(`Before a mail app can connect: ${doc.enable.text} (${doc.enable.url})`);
  notes.push(...serverNotes([...doc.incoming, ...doc.outgoing]));
  if (doc.rejected > 0) notes.push(`${doc.rejected} server entr${doc.rejected === 1 ? 'y' : 'ies'} of the file had an unusable host name, port, encryption or user name and ${doc.rejected === 1 ? 'was' : 'were'} left out.`);
  if (doc.help) notes.push(`${name} help: ${doc.help}`);
  return { domain: context.domain, provider: { id: providerId, name }, source, incoming: doc.incoming, outgoing: doc.outgoing, notes };
}
