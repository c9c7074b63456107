import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackApp, SlackStartError } from '../../src/app.js';
import { createLogger } from '../../src/commands/index.js';
import { GUIDED_MODAL } from '../../src/commands/views/guided-modal.js';
import { parseConfig } from '../../src/config.js';
import { startDnsServer, type DnsServer } from '../support/dns-server.js';
import { startEmailhelp, type RunningEmailhelp } from '../support/emailhelp-slack.js';
import { appMentionEvent, blockKitProblems, newEventId, SLACK_IDS, slashCommand, STAND_IN_TOKENS, startSlackStandIn, unescapedUserMarkup, viewSubmission, type SlackStandIn } from '../support/slack/index.js';

/**
 * The same app in Socket Mode: it opens its link through SLACK_API_URL's apps.connections.open,
 * and Slack's envelopes arrive over a real WebSocket; acks go back on it.
 */

let standIn: SlackStandIn;
let emailhelp: RunningEmailhelp;
let dns: DnsServer;

beforeAll(async () => {
  standIn = await startSlackStandIn();
  dns = await startDnsServer({});
  emailhelp = await startEmailhelp({ mode: 'socket', standIn, env: { DNS_SERVERS: `${dns.host}:${dns.port}` } });
  await standIn.socket.connected();
});

afterAll(async () => {
  // The app first: a Socket Mode client whose server vanishes keeps trying to reconnect.
  await emailhelp?.stop();
  await Promise.all([standIn?.close(), dns?.close()]);
});

describe('Socket Mode', () => {
  it('opened its link through SLACK_API_URL with the app token', () => {
    const open = standIn.callsTo('apps.connections.open');
    expect(open.length).toBeGreaterThan(0);
    expect(open[0]?.token).toBe(STAND_IN_TOKENS.app);
  });

  it('acks a slash command envelope, then answers through the response_url', async () => {
    const responseUrl = standIn.responseUrl();
    const ack = await standIn.socket.send('slash_commands', slashCommand({ text: 'explain pop-vs-imap', response_url: responseUrl }));
    expect(ack.ms).toBeLessThan(3000);
    const answer = await standIn.waitForResponse((r) => r.id === responseUrl.split('/').pop(), 10_000);
    expect(answer.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(answer.body.blocks)).toMatch(/POP/);
    expect(blockKitProblems(answer.body, 'message')).toEqual([]);
  });

  it('puts modal errors in the ack of a view submission', async () => {
    const ack = await standIn.socket.send('interactive', viewSubmission({ callback_id: GUIDED_MODAL, values: { address: { value: 'no way' } } }));
    expect(ack.payload).toMatchObject({ response_action: 'errors', errors: { address: expect.any(String) } });
  });

  it('answers a mention once in its thread although the event comes twice, and escapes what it echoes', async () => {
    const eventId = newEventId();
    const event = appMentionEvent({ text: `<@${SLACK_IDS.botUserId}> diagnose Outlook 0x800CCC92 for <!channel> <@U0SOMEONE> at <http://evil.example|imap.example.com>`, event_id: eventId, thread_ts: '1700000000.000100' });
    await standIn.socket.send('events_api', event);
    await standIn.socket.send('events_api', event, { retryAttempt: 1, retryReason: 'timeout' });
    // With a server named, a "checking …" reply comes first and the answer replaces it (chat.update).
    const answered = (c: { method: string; body: Record<string, unknown> }) => ['chat.postMessage', 'chat.update'].includes(c.method) && JSON.stringify(c.body).includes('Most likely');
    const posted = await standIn.waitFor((e) => e.kind === 'call' && answered(e), 10_000);
    expect(unescapedUserMarkup(posted.body)).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    expect(standIn.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === '1700000000.000100')).toHaveLength(1);
    expect(standIn.calls.filter(answered)).toHaveLength(1);
  });

  it('stops the start with one clear line when the app token is refused', async () => {
    const config = parseConfig({ SLACK_BOT_TOKEN: STAND_IN_TOKENS.bot, SLACK_APP_TOKEN: 'xapp-1-wrong-token', SLACK_API_URL: standIn.url });
    const app = createSlackApp(config, { logger: createLogger({ write: () => undefined }) });
    const failure = await app.start().then(() => null, (e: unknown) => e);
    await app.stop();
    expect(failure).toBeInstanceOf(SlackStartError);
    expect((failure as Error).message).toMatch(/SLACK_APP_TOKEN/);
    expect((failure as Error).message).not.toContain('xapp-1-wrong-token');
  });
});
