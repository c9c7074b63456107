/**
 * Text crossing the Slack boundary. Slack sends `&`, `<` and `>` as entities and real markup
 * (`<@U123>`, `<!channel>`, `<https://…|label>`) in what users type; only those three characters
 * are control characters in Slack's formatting (https://api.slack.com/reference/surfaces/formatting).
 */

/** Makes any text safe inside mrkdwn or plain_text: it can then never mention, link or break out. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * What the user actually typed, for diagnosis: markup turned into the words it shows (a link into
 * its label, a mailto link into the address, a mention into @name) and entities decoded.
 */
export function slackTextToPlain(text: string): string {
  const plain = text.replace(/<([^<>]*)>/g, (_whole, inner: string) => {
    const bar = inner.indexOf('|');
    const target = bar < 0 ? inner : inner.slice(0, bar);
    const label = bar < 0 ? null : inner.slice(bar + 1);
    if (target.startsWith('@') || target.startsWith('#')) return label === null ? target : `${target[0]}${label.replace(/^[@#]/, '')}`;
    if (target.startsWith('!')) return label ?? `@${target.slice(1).split('^')[0]}`;
    if (label !== null && label !== '') return label;
    return target.replace(/^mailto:/i, '');
  });
  // &amp; last, so that "&amp;lt;" (a user who typed "&lt;") stays "&lt;".
  return plain.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Removes the app's own mention (`<@UBOT>` or `<@UBOT|name>`) from an @mention's text. */
export function withoutMention(text: string, botUserId: string | undefined): string {
  if (!botUserId) return text.replace(/^\s*<@[A-Z0-9]+(?:\|[^>]*)?>\s*/, '');
  return text.replace(new RegExp(`<@${botUserId}(?:\\|[^>]*)?>`, 'g'), ' ').trim();
}
