import { describe, expect, it } from 'vitest';
import { escapeSlack, slackTextToPlain, withoutMention } from '../../src/commands/blocks/slack-text.js';

describe('Slack text in and out', () => {
  const incoming: [string, string][] = [
    ['Cannot send to &lt;someone@example.com&gt; &amp; others', 'Cannot send to <someone@example.com> & others'],
    ['server <http://imap.example.com|imap.example.com> refused', 'server imap.example.com refused'],
    ['mail to <mailto:bob@example.com|bob@example.com>', 'mail to bob@example.com'],
    ['see <https://example.com/help>', 'see https://example.com/help'],
    ['<!channel> help, <@U123|alice> gets 0x800CCC0E', '@channel help, @alice gets 0x800CCC0E'],
    ['<!here|@here> <#C42|it-help>', '@here #it-help'],
    ['typed &amp;lt; literally', 'typed &lt; literally'],
  ];
  it.each(incoming)('decodes %j for diagnosis', (slack, plain) => {
    expect(slackTextToPlain(slack)).toBe(plain);
  });

  const outgoing: [string, string][] = [
    ['<!channel>', '&lt;!channel&gt;'],
    ['<@U123>', '&lt;@U123&gt;'],
    ['<http://evil.example|click>', '&lt;http://evil.example|click&gt;'],
    ['a & b', 'a &amp; b'],
    ['&lt;', '&amp;lt;'],
  ];
  it.each(outgoing)('escapes %j before posting', (text, escaped) => {
    expect(escapeSlack(text)).toBe(escaped);
  });

  it('removes the bot mention only', () => {
    expect(withoutMention('<@UBOT> probe imap.example.com', 'UBOT')).toBe('probe imap.example.com');
    expect(withoutMention('hey <@UBOT|emailhelp> ask <@UOTHER>', 'UBOT')).toBe('hey   ask <@UOTHER>');
    expect(withoutMention('<@UBOT> settings example.com', undefined)).toBe('settings example.com');
  });
});
