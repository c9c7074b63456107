import { answerFromDocument, fetchConfigFile } from './config-file.js';
import { miss, type SourceContext, type SourceOutcome } from './source-context.js';

/**
 * Thunderbird's ISP database online (https://autoconfig.thunderbird.net/v1.1/<domain>): newer than
 * the bundled snapshot, curated by Thunderbird's maintainers. Only the domain is sent, never the
 * address.
 */

export const ISPDB_BASE_URL = 'https://autoconfig.thunderbird.net';

export async function fromIspdb(context: SourceContext): Promise<SourceOutcome> {
  const url = `${context.ispdbBaseUrl.replace(/\/+$/, '')}/v1.1/${context.domain}`;
  const found = await fetchConfigFile(url, context, "Thunderbird's ISPDB entry");
  if (!found.ok) return miss('ispdb', found.note ? [found.note] : []);
  const note = `From Thunderbird's ISP database online (${found.url}); emailhelp's bundled copy does not list ${context.domain}.`;
  const answer = answerFromDocument(found.doc, context, 'ispdb', note, found.doc.providerId ?? context.domain);
  return { source: 'ispdb', answer, notes: [], evidence: found.url };
}
