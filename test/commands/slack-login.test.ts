import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGIN_TEST_MODAL } from '../../src/commands/views/login-test-modal.js';
import { startDnsServer, type DnsServer } from '../support/dns-server.js';
import { startDovecot, type DovecotServer } from '../support/dovecot.js';
import { startEmailhelp, TEST_SIGNING_SECRET, type RunningEmailhelp } from '../support/emailhelp-slack.js';
import { makeTestPki, type TestPki } from '../support/pki.js';
import { blockAction, blockKitProblems, postInteraction, postSlashCommand, slashCommand, startSlackStandIn, viewSubmission, type SlackStandIn } from '../support/slack/index.js';

/**
 * The opt-in login test through Slack, against the real Dovecot: the password is typed in a modal
 * only, used once, and appears in nothing the app posts to Slack or writes to its log.
 */

let standIn: SlackStandIn;
let pki: TestPki;
let dovecot: DovecotServer;
let dns: DnsServer;
let enabled: RunningEmailhelp;
let disabled: RunningEmailhelp;
const GOOD = 'good.test';
const CANARY = 'canary-Pa55word-7f3e9d';

beforeAll(async () => {
  pki = await makeTestPki();
  [standIn, dovecot] = await Promise.all([startSlackStandIn(), startDovecot(pki)]);
  dns = await startDnsServer({ [GOOD]: { A: [dovecot.host] } });
  const env = { DNS_SERVERS: `${dns.host}:${dns.port}` };
  enabled = await startEmailhelp({ mode: 'http', standIn, env: { ...env, ALLOW_LOGIN_TEST: 'true' }, extraCa: [pki.caCert] });
  disabled = await startEmailhelp({ mode: 'http', standIn, env, extraCa: [pki.caCert] });
});

afterAll(async () => {
  await Promise.all([enabled?.stop(), disabled?.stop()]);
  await Promise.all([standIn?.close(), dovecot?.stop(), dns?.close()]);
});

type Button = { action_id: string; value: string };
function buttonsOf(body: Record<string, unknown>): Button[] {
  return ((body.blocks ?? []) as { type: string; elements?: Button[] }[]).flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []));
}

async function probeAnswer(app: RunningEmailhelp): Promise<Record<string, unknown>> {
  const url = standIn.responseUrl();
  await postSlashCommand(app.baseUrl, TEST_SIGNING_SECRET, slashCommand({ text: `probe ${GOOD} --port ${dovecot.ports.imaps} --protocol imap`, response_url: url }));
  const answer = await standIn.waitForResponse((r) => r.id === url.split('/').pop() && JSON.stringify(r.body).includes('Check of'), 10_000);
  return answer.body;
}

async function submitLogin(app: RunningEmailhelp, metadata: string, user: string, password: string) {
  const submission = viewSubmission({ callback_id: LOGIN_TEST_MODAL, private_metadata: metadata, values: { login_user: { value: user }, login_password: { value: password } } });
  const viewId = `V${Math.random().toString(36).slice(2, 10).toUpperCase()}`;
  (submission.view as { id: string }).id = viewId;
  const ack = await postInteraction(app.baseUrl, TEST_SIGNING_SECRET, submission);
  const result = await standIn.waitForCall('views.update', (c) => c.body.view_id === viewId && !JSON.stringify(c.body.view).includes('hourglass'), 15_000);
  return { ack, result };
}

describe('login test in Slack', () => {
  it('is offered only when enabled, and a slash command cannot carry a password', async () => {
    expect(buttonsOf(await probeAnswer(disabled)).some((b) => b.action_id.startsWith('login_test'))).toBe(false);
    const url = standIn.responseUrl();
    const typed = await postSlashCommand(enabled.baseUrl, TEST_SIGNING_SECRET, slashCommand({ text: `probe --login bob ${GOOD}`, response_url: url }));
    expect(JSON.stringify(typed.json)).toContain('Test login');
  });

  it('the button opens a modal that asks for the password; a right password logs in once, read-only', async () => {
    const login = buttonsOf(await probeAnswer(enabled)).find((b) => b.action_id.startsWith('login_test'));
    expect(login).toBeDefined();
    const trigger = standIn.triggerId();
    await postInteraction(enabled.baseUrl, TEST_SIGNING_SECRET, blockAction({ action_id: login?.action_id ?? '', value: login?.value ?? '', trigger_id: trigger, response_url: standIn.responseUrl() }));
    const opened = await standIn.waitForCall('views.open', (c) => c.body.trigger_id === trigger);
    expect(blockKitProblems(opened.body, 'modal')).toEqual([]);
    const view = opened.body.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe(LOGIN_TEST_MODAL);

    const user = dovecot.users.find((u) => !u.disabled);
    const { ack, result } = await submitLogin(enabled, view.private_metadata, user?.name ?? '', user?.password ?? '');
    expect(ack.json).toMatchObject({ response_action: 'update' });
    expect(JSON.stringify(result.body.view)).toContain('Login works');
    expect(enabled.events('login_test').at(-1)).toMatchObject({ outcome: 'ok', passwordSent: true, target: GOOD });
  });

  it('a wrong password is refused with the reason, and the password is nowhere in posts or logs', async () => {
    const user = dovecot.users.find((u) => !u.disabled);
    const metadata = JSON.stringify({ host: GOOD, protocol: 'imap', port: dovecot.ports.imaps });
    const { result } = await submitLogin(enabled, metadata, user?.name ?? '', CANARY);
    expect(JSON.stringify(result.body.view)).toContain('Login refused');
    expect(enabled.events('login_test').at(-1)).toMatchObject({ outcome: 'refused', causes: expect.arrayContaining(['auth_failed']) });
    const everything = JSON.stringify([...standIn.calls.map((c) => c.body), ...standIn.responses.map((r) => r.body)]) + enabled.logLines.join('') + disabled.logLines.join('');
    expect(everything).not.toContain(CANARY);
  });

  it('a submission to an app without the login test sends nothing', async () => {
    const metadata = JSON.stringify({ host: GOOD, protocol: 'imap', port: dovecot.ports.imaps });
    const submission = viewSubmission({ callback_id: LOGIN_TEST_MODAL, private_metadata: metadata, values: { login_user: { value: 'someone' }, login_password: { value: CANARY } } });
    const ack = await postInteraction(disabled.baseUrl, TEST_SIGNING_SECRET, submission);
    expect(JSON.stringify(ack.json)).toContain('switched off');
    expect(disabled.events('login_test')).toEqual([]);
  });
});
