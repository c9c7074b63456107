import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GUIDED_MODAL } from '../../src/commands/views/guided-modal.js';
import { DIAGNOSE_MESSAGE } from '../../src/commands/shortcuts/diagnose-message.js';
import { createSlackApp, SlackStartError } from '../../src/app.js';
import { parseConfig } from '../../src/config.js';
import { startDnsServer, type DnsServer } from '../support/dns-server.js';
import { startDovecot, type DovecotServer } from '../support/dovecot.js';
import { startEmailhelp, TEST_SIGNING_SECRET, type RunningEmailhelp } from '../support/emailhelp-slack.js';
import { makeTestPki, type TestPki } from '../support/pki.js';
import {
  appMentionEvent,
  blockAction,
  blockKitProblems,
  messageShortcut,
  newEventId,
  postEvent,
  postInteraction,
  postSlashCommand,
  SLACK_IDS,
  slashCommand,
  STAND_IN_TOKENS,
  startSlackStandIn,
  unescapedUserMarkup,
  viewSubmission,
  type Recorded,
  type SlackStandIn,
} from '../support/slack/index.js';

/**
 * The real Bolt app of emailhelp in HTTP mode, driven with signed requests exactly as Slack sends
 * them, answering through a local stand-in for Slack's Web API and response_urls; probes go to a
 * real Dovecot on loopback.
 */

let standIn: SlackStandIn;
let emailhelp: RunningEmailhelp;
let pki: TestPki;
let dovecot: DovecotServer;
let dns: DnsServer;
/** Every lookup goes to a loopback DNS server: the tests never depend on the machine's network. */
let dnsEnv: Record<string, string>;
const GOOD = 'good.test';

beforeAll(async () => {
  pki = await makeTestPki();
  [standIn, dovecot] = await Promise.all([startSlackStandIn(), startDovecot(pki)]);
  dns = await startDnsServer({ [GOOD]: { A: [dovecot.host] } });
  dnsEnv = { DNS_SERVERS: `${dns.host}:${dns.port}` };
  emailhelp = await startEmailhelp({ mode: 'http', standIn, env: dnsEnv, extraCa: [pki.caCert], probeLimits: { perUserPerMinute: 50 } });
});

afterAll(async () => {
  await emailhelp?.stop();
  await Promise.all([standIn?.close(), dovecot?.stop(), dns?.close()]);
});

type Block = { type: string; elements?: { action_id?: string; value?: string; text?: { text: string } }[] };

function buttons(body: Record<string, unknown>): { action_id: string; value: string; label: string }[] {
  const blocks = (body.blocks ?? []) as Block[];
  return blocks.flatMap((b) => (b.type === 'actions' ? (b.elements ?? []).map((e) => ({ action_id: e.action_id ?? '', value: e.value ?? '', label: e.text?.text ?? '' })) : []));
}

function textOf(body: Record<string, unknown>): string {
  return JSON.stringify(body.blocks ?? []) + String(body.text ?? '');
}

async function slash(text: string, overrides: Record<string, string> = {}) {
  const responseUrl = standIn.responseUrl();
  const id = responseUrl.split('/').pop() ?? '';
  const result = await postSlashCommand(emailhelp.baseUrl, TEST_SIGNING_SECRET, slashCommand({ text, response_url: responseUrl, ...overrides }));
  return { result, id, responseUrl };
}

const finalResponse = (id: string) => standIn.waitForResponse((r) => r.id === id && !String(JSON.stringify(r.body)).includes('hourglass_flowing_sand'), 10_000);

describe('start and health', () => {
  it('checked its token with auth.test at start, and answers GET /healthz', async () => {
    expect(standIn.callsTo('auth.test').some((c) => c.token === STAND_IN_TOKENS.bot)).toBe(true);
    const health = await fetch(`${emailhelp.baseUrl}/healthz`);
    expect(health.status).toBe(200);
  });

  it('stops the start with one clear line when Slack refuses the bot token, without printing it', async () => {
    const config = parseConfig({ SLACK_BOT_TOKEN: 'xoxb-wrong-token-9999', SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: standIn.url, PORT: '3999' });
    const app = createSlackApp(config, { logger: (await import('../../src/commands/index.js')).createLogger({ write: () => undefined }) });
    const failure = await app.start().then(() => null, (e: unknown) => e);
    expect(failure).toBeInstanceOf(SlackStartError);
    expect((failure as Error).message).toMatch(/SLACK_BOT_TOKEN.*invalid_auth/);
    expect((failure as Error).message).not.toContain('xoxb-wrong-token-9999');
    expect((failure as Error).message.split('\n')).toHaveLength(1);
  });
});

describe('start against an unreachable Slack', () => {
  it('gives up within seconds with one line naming SLACK_API_URL', async () => {
    const config = parseConfig({ SLACK_BOT_TOKEN: STAND_IN_TOKENS.bot, SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET, SLACK_API_URL: 'http://127.0.0.1:9/api/', PORT: '3998' });
    const app = createSlackApp(config, { logger: (await import('../../src/commands/index.js')).createLogger({ write: () => undefined }) });
    const failure = await app.start().then(() => null, (e: unknown) => e);
    expect(failure).toBeInstanceOf(SlackStartError);
    expect((failure as Error).message).toMatch(/could not reach the Slack Web API at http:\/\/127\.0\.0\.1:9\/api\/.*SLACK_API_URL/);
  });
});

describe('request signing', () => {
  it('refuses a forged signature and a stale timestamp with 401, and runs nothing', async () => {
    const before = standIn.responses.length + standIn.calls.length;
    const fields = slashCommand({ text: 'someone@gmail.com', response_url: standIn.responseUrl() });
    const forged = await postSlashCommand(emailhelp.baseUrl, 'not-the-secret', fields);
    const stale = await postSlashCommand(emailhelp.baseUrl, TEST_SIGNING_SECRET, fields, { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 });
    expect(forged.status).toBe(401);
    expect(stale.status).toBe(401);
    await new Promise((r) => setTimeout(r, 200));
    expect(standIn.responses.length + standIn.calls.length).toBe(before);
  });
});

describe('/emailhelp', () => {
  it('acks at once, then answers settings for a bare address through the response_url, ephemeral, with Share', async () => {
    const { result, id } = await slash('someone@gmail.com');
    expect(result.status).toBe(200);
    const answer = await finalResponse(id);
    expect(answer.body.response_type).toBe('ephemeral');
    expect(textOf(answer.body)).toContain('imap.gmail.com');
    expect(buttons(answer.body).map((b) => b.action_id)).toContain('share_in_channel');
    const link = ((answer.body.blocks ?? []) as Block[]).flatMap((b) => b.elements ?? []).find((e) => e.action_id === 'open_link') as { url?: string } | undefined;
    expect(link?.url).toMatch(/^https:\/\/support\.google\.com\//);
    expect(blockKitProblems(answer.body, 'message')).toEqual([]);
  });

  it('diagnoses other text and never lets user markup through unescaped', async () => {
    const hostile = 'Outlook 0x800CCC0E &lt;!channel&gt; <!channel> <@U123> <!here> <http://evil.example|click> cannot connect to server imap.evil-&lt;@U999&gt;.example';
    const { id } = await slash(`diagnose ${hostile}`);
    const answer = await finalResponse(id);
    expect(textOf(answer.body)).toMatch(/Most likely/);
    expect(unescapedUserMarkup(answer.body)).toEqual([]);
    expect(blockKitProblems(answer.body, 'message')).toEqual([]);
  });

  it('answers a usage problem in the ack itself, ephemeral', async () => {
    const { result } = await slash('probe --port 99999 imap.example.com');
    expect(result.status).toBe(200);
    const body = result.json as Record<string, unknown>;
    expect(body.response_type).toBe('ephemeral');
    expect(textOf(body)).toContain('port number from 1 to 65535');
  });

  it('opens the guided modal for an empty command, with the channel in private_metadata', async () => {
    const trigger = standIn.triggerId();
    await slash('', { trigger_id: trigger });
    const call = await standIn.waitForCall('views.open', (c) => c.body.trigger_id === trigger);
    const view = call.body.view as { callback_id: string; private_metadata: string };
    expect(call.answer.ok).toBe(true);
    expect(view.callback_id).toBe(GUIDED_MODAL);
    expect(JSON.parse(view.private_metadata)).toEqual({ channelId: SLACK_IDS.channelId });
    expect(blockKitProblems(call.body, 'modal')).toEqual([]);
  });

  it('shows "checking …" while it probes, then replaces it with the checklist, and audits the probe', async () => {
    const { id } = await slash(`probe ${GOOD} --port ${dovecot.ports.imaps} --protocol imap`);
    const first = await standIn.waitForResponse((r) => r.id === id);
    expect(textOf(first.body)).toContain(`checking ${GOOD}`);
    const answer = await finalResponse(id);
    expect(answer.body.replace_original).toBe(true);
    expect(textOf(answer.body)).toContain(`Check of ${GOOD}`);
    expect(textOf(answer.body)).toContain(':white_check_mark:');
    const audit = emailhelp.events('probe').find((e) => e.target === GOOD && e.surface === 'slash');
    expect(audit).toMatchObject({ team: SLACK_IDS.teamId, user: SLACK_IDS.userId, outcome: expect.stringMatching(/^ok=1 warn=0 fail=0/) });
  });

  it('limits probes per user per minute with a clear message', async () => {
    const limited = await startEmailhelp({ mode: 'http', standIn, env: dnsEnv, extraCa: [pki.caCert], probeLimits: { perUserPerMinute: 3 } });
    try {
      const outcomes: string[] = [];
      for (let i = 0; i < 4; i++) {
        const responseUrl = standIn.responseUrl();
        await postSlashCommand(limited.baseUrl, TEST_SIGNING_SECRET, slashCommand({ text: `probe ${GOOD} --port ${dovecot.ports.imaps} --protocol imap`, response_url: responseUrl }));
        outcomes.push(textOf((await finalResponse(responseUrl.split('/').pop() ?? '')).body));
      }
      expect(outcomes.slice(0, 3).every((t) => t.includes('Check of'))).toBe(true);
      expect(outcomes[3]).toMatch(/more than 3 server checks in a minute/);
      expect(limited.events('probe').filter((e) => e.outcome === 'refused_rate_limit')).toHaveLength(1);
      // Another user is not held back by the first one's checks.
      const other = standIn.responseUrl();
      await postSlashCommand(limited.baseUrl, TEST_SIGNING_SECRET, slashCommand({ text: `probe ${GOOD} --port ${dovecot.ports.imaps} --protocol imap`, response_url: other, user_id: 'U0SOMEONE2' }));
      expect(textOf((await finalResponse(other.split('/').pop() ?? '')).body)).toContain('Check of');
    } finally {
      await limited.stop();
    }
  });

  it('turns a failing handler into a friendly message with a reference, logs it, and keeps running', async () => {
    standIn.failNext('views.open', 'internal_error');
    const { id } = await slash('');
    const failure = await standIn.waitForResponse((r) => r.id === id);
    const reference = /reference[^:]*: ([0-9a-f]{8})/.exec(String(failure.body.text))?.[1];
    expect(reference).toBeDefined();
    expect(emailhelp.events('handler_error').some((e) => e.reference === reference)).toBe(true);
    const { id: next } = await slash('explain ports');
    expect(textOf((await finalResponse(next)).body)).toMatch(/port/i);
  });
});

describe('buttons', () => {
  it('a follow-up button answers its request privately; Share posts the answer in the channel', async () => {
    const { id } = await slash('diagnose Outlook cannot connect to imap.gmail.com port 993: 0x800CCC0E');
    const answer = await finalResponse(id);
    const followUp = buttons(answer.body).find((b) => b.action_id.startsWith('follow_up'));
    expect(followUp).toBeDefined();
    const clickUrl = standIn.responseUrl();
    const clickId = clickUrl.split('/').pop() ?? '';
    const click = await postInteraction(emailhelp.baseUrl, TEST_SIGNING_SECRET, blockAction({ action_id: followUp?.action_id ?? '', value: followUp?.value ?? '', response_url: clickUrl }));
    expect(click.status).toBe(200);
    const followed = await finalResponse(clickId);
    expect(followed.body.response_type).toBe('ephemeral');
    expect(blockKitProblems(followed.body, 'message')).toEqual([]);

    const share = buttons(answer.body).find((b) => b.action_id === 'share_in_channel');
    const shareUrl = standIn.responseUrl();
    await postInteraction(emailhelp.baseUrl, TEST_SIGNING_SECRET, blockAction({ action_id: 'share_in_channel', value: share?.value ?? '', response_url: shareUrl }));
    const posted = await standIn.waitForCall('chat.postMessage', (c) => JSON.stringify(c.body.blocks).includes('Shared by'));
    expect(posted.body.channel).toBe(SLACK_IDS.channelId);
    expect(JSON.stringify(posted.body.blocks)).toContain('imap.gmail.com');
    const removed = await standIn.waitForResponse((r) => r.id === shareUrl.split('/').pop());
    expect(removed.body.delete_original).toBe(true);
  });

  it('a forged follow-up value gets a clear message, not a probe', async () => {
    const url = standIn.responseUrl();
    await postInteraction(emailhelp.baseUrl, TEST_SIGNING_SECRET, blockAction({ action_id: 'follow_up', value: '{"kind":"probe","input":"a b; rm -rf"}', response_url: url }));
    const reply = await standIn.waitForResponse((r) => r.id === url.split('/').pop());
    expect(textOf(reply.body)).toContain('no longer works');
  });

  it('feedback is logged and thanked; link buttons are acknowledged', async () => {
    const url = standIn.responseUrl();
    await postInteraction(emailhelp.baseUrl, TEST_SIGNING_SECRET, blockAction({ action_id: 'feedback_yes', value: 'app_password_required', response_url: url }));
    await standIn.waitForResponse((r) => r.id === url.split('/').pop());
    expect(emailhelp.events('feedback').some((e) => e.cause === 'app_password_required' && e.helpful === true)).toBe(true);
    const link = await postInteraction(emailhelp.baseUrl, TEST_SIGNING_SECRET, blockAction({ action_id: 'open_link', url: 'https://support.google.com/mail/answer/7126229' }));
    expect(link.status).toBe(200);
    expect(link.ms).toBeLessThan(3000);
  });
});

describe('the guided modal', () => {
  const metadata = JSON.stringify({ channelId: SLACK_IDS.channelId });

  it('asks again when both the error and the address are empty, and for a bad address', async () => {
    const empty = await postInteraction(emailhelp.baseUrl, TEST_SIGNING_SECRET, viewSubmission({ callback_id: GUIDED_MODAL, private_metadata: metadata, values: { error_text: { value: '' }, address: { value: '' } } }));
    expect(empty.json).toMatchObject({ response_action: 'errors', errors: { error_text: expect.any(String) } });
    const bad = await postInteraction(emailhelp.baseUrl, TEST_SIGNING_SECRET, viewSubmission({ callback_id: GUIDED_MODAL, private_metadata: metadata, values: { address: { value: 'not an address' } } }));
    expect(bad.json).toMatchObject({ response_action: 'errors', errors: { address: expect.any(String) } });
  });

  it('answers with diagnosis and settings, ephemeral in the channel of the command', async () => {
    const submitted = await postInteraction(emailhelp.baseUrl, TEST_SIGNING_SECRET, viewSubmission({ callback_id: GUIDED_MODAL, private_metadata: metadata, values: { error_text: { value: 'Username or password incorrect' }, address: { value: 'someone@yahoo.com' } } }));
    expect(submitted.json).toMatchObject({ response_action: 'update' });
    const posted = await standIn.waitForCall('chat.postEphemeral', (c) => JSON.stringify(c.body.blocks).includes('yahoo'), 15_000);
    expect(posted.body).toMatchObject({ channel: SLACK_IDS.channelId, user: SLACK_IDS.userId });
    expect(JSON.stringify(posted.body.blocks)).toMatch(/Most likely/);
    expect(blockKitProblems(posted.body, 'message')).toEqual([]);
    await standIn.waitForCall('views.update', (c) => JSON.stringify(c.body.view).includes('Done'));
  });

  it('falls back to a direct message when it may not post in the channel', async () => {
    standIn.notInChannel.add('C0PRIVATE1');
    await postInteraction(emailhelp.baseUrl, TEST_SIGNING_SECRET, viewSubmission({ callback_id: GUIDED_MODAL, private_metadata: JSON.stringify({ channelId: 'C0PRIVATE1' }), values: { address: { value: 'gmail.com' } } }));
    const dm = await standIn.waitForCall('chat.postMessage', (c) => c.body.channel === SLACK_IDS.userId && JSON.stringify(c.body.blocks).includes('gmail'), 15_000);
    expect(blockKitProblems(dm.body, 'message')).toEqual([]);
  });
});

describe('message shortcut and @mention', () => {
  it('the shortcut answers in the thread of the message it was used on', async () => {
    const shortcut = messageShortcut({ callback_id: DIAGNOSE_MESSAGE, text: 'iPhone says &quot;Cannot Verify Server Identity&quot; for mail.example.org &lt;!channel&gt; <!channel>' });
    const result = await postInteraction(emailhelp.baseUrl, TEST_SIGNING_SECRET, shortcut);
    expect(result.status).toBe(200);
    const posted = await standIn.waitForCall('chat.postMessage', (c) => c.body.thread_ts === shortcut.message_ts, 10_000);
    expect(posted.body.channel).toBe(SLACK_IDS.channelId);
    const done = posted.body.blocks === undefined ? await standIn.waitForCall('chat.update', (c) => c.body.channel === SLACK_IDS.channelId && JSON.stringify(c.body.blocks).includes('Most likely'), 10_000) : posted;
    expect(unescapedUserMarkup(done.body)).toEqual([]);
  });

  it('answers the engineer privately, with how to invite the app, where it is not a member', async () => {
    standIn.notInChannel.add('C0NOTMEMBR');
    const url = standIn.responseUrl();
    await postInteraction(emailhelp.baseUrl, TEST_SIGNING_SECRET, messageShortcut({ callback_id: DIAGNOSE_MESSAGE, channel_id: 'C0NOTMEMBR', text: 'Outlook error 0x800CCC0F', response_url: url }));
    const reply = await standIn.waitForResponse((r) => r.id === url.split('/').pop(), 10_000);
    expect(reply.body.response_type).toBe('ephemeral');
    expect(textOf(reply.body)).toContain('/invite @emailhelp');
    expect(blockKitProblems(reply.body, 'message')).toEqual([]);
  });

  it('an @mention is answered once in its thread, even when Slack retries the event', async () => {
    const eventId = newEventId();
    const event = appMentionEvent({ text: `<@${SLACK_IDS.botUserId}> settings gmail.com`, event_id: eventId });
    const ts = (event.event as { ts: string }).ts;
    const first = await postEvent(emailhelp.baseUrl, TEST_SIGNING_SECRET, event);
    const retry = await postEvent(emailhelp.baseUrl, TEST_SIGNING_SECRET, event, { retryNum: 1, retryReason: 'http_timeout' });
    expect([first.status, retry.status]).toEqual([200, 200]);
    await standIn.waitForCall('chat.postMessage', (c) => c.body.thread_ts === ts, 10_000);
    await new Promise((r) => setTimeout(r, 300));
    expect(standIn.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === ts)).toHaveLength(1);
  });

  it('App Home shows how to use it and the ports reference', async () => {
    const body = { token: STAND_IN_TOKENS.verification, team_id: SLACK_IDS.teamId, api_app_id: SLACK_IDS.appId, type: 'event_callback', event_id: newEventId(), event_time: Math.floor(Date.now() / 1000), event: { type: 'app_home_opened', user: SLACK_IDS.userId, channel: 'D0HOME', tab: 'home', event_ts: `${Date.now() / 1000}` } };
    await postEvent(emailhelp.baseUrl, TEST_SIGNING_SECRET, body);
    const published = await standIn.waitForCall('views.publish', (c) => c.body.user_id === SLACK_IDS.userId);
    expect(JSON.stringify(published.body.view)).toContain('993');
    expect(blockKitProblems(published.body, 'home')).toEqual([]);
  });
});

describe('everything the app sent', () => {
  it('stayed within Block Kit limits and never carried a secret', () => {
    const all: Recorded[] = [...standIn.calls, ...standIn.responses];
    expect(all.length).toBeGreaterThan(10);
    for (const entry of all) {
      if (entry.kind === 'call' && entry.method.startsWith('views.')) continue;
      if (entry.kind === 'call' && !entry.method.startsWith('chat.')) continue;
      expect(blockKitProblems(entry.body, 'message'), JSON.stringify(entry.body).slice(0, 200)).toEqual([]);
    }
    // auth.test carries the token to Slack by design; nothing the app posts or logs may.
    const posted = all.filter((e) => e.kind === 'response' || e.method !== 'auth.test');
    const everything = JSON.stringify(posted.map((e) => e.body)) + emailhelp.logLines.join('');
    expect(everything).not.toContain(STAND_IN_TOKENS.bot);
    expect(everything).not.toContain(TEST_SIGNING_SECRET);
  });
});
