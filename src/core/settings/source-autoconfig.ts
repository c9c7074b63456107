import { answerFromDocument, fetchConfigFile, type ConfigFileResult } from './config-file.js';
import { miss, type SourceContext, type SourceOutcome } from './source-context.js';

/**
 * The domain's own autoconfig file, at the two places Thunderbird reads it:
 * https://autoconfig.<domain>/mail/config-v1.1.xml?emailaddress=<address> and
 * https://<domain>/.well-known/autoconfig/mail/config-v1.1.xml. Both are asked at once; the first
 * usable file wins (both are the domain owner's word, so neither outranks the other). Only HTTPS:
 * Thunderbird still falls back to plain HTTP for the first, which lets anyone on the path hand out
 * the server a password goes to.
 */
export async function fromAutoconfig(context: SourceContext): Promise<SourceOutcome> {
  const { domain, email } = context;
  const query = email === null ? '' : `?emailaddress=${encodeURIComponent(email)}`;
  const urls = [`https://autoconfig.${domain}/mail/config-v1.1.xml${query}`, `https://${domain}/.well-known/autoconfig/mail/config-v1.1.xml`];
  const attempts = urls.map((url) => fetchConfigFile(url, context, 'The autoconfig file'));
  const found = await firstUsable(attempts);
  if (found.ok) {
    const answer = answerFromDocument(found.doc, context, 'autoconfig', `From the domain's own autoconfig file (${found.url}).`, domain);
    return { source: 'autoconfig', answer, notes: [], evidence: found.url };
  }
  const results = await Promise.all(attempts);
  return miss('autoconfig', results.flatMap((r) => (!r.ok && r.note ? [r.note] : [])));
}

/** The first attempt that yields a file, as soon as it does; a failure when every attempt has failed. */
function firstUsable(attempts: Promise<ConfigFileResult>[]): Promise<ConfigFileResult> {
  return new Promise((resolve) => {
    let failed = 0;
    for (const attempt of attempts) {
      void attempt.then((result) => {
        if (result.ok) resolve(result);
        else if (++failed === attempts.length) resolve(result);
      });
    }
  });
}
