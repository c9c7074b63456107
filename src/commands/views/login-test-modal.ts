import type { App, BlockButtonAction, types, ViewSubmitAction } from '@slack/bolt';
import { LoginDisabledError, LoginRequestError, type LoginReport } from '../../core/login/index.js';
import { Secret } from '../../secret.js';
import { ACTION_LOGIN_TEST, context, header, PROTOCOL_NAME, section } from '../blocks/answer-blocks.js';
import { LIMITS, clip } from '../blocks/limits.js';
import { escapeSlack } from '../blocks/slack-text.js';
import type { SlackDeps } from '../support/deps.js';
import { guarded } from '../support/guarded.js';

/**
 * The opt-in, read-only login test in Slack (ALLOW_LOGIN_TEST=true). The "Test login" button opens
 * a modal; the password is typed there and nowhere else — never in a slash command, a message or a
 * button value — used for one attempt and dropped. The modal shows the outcome; no view that
 * emailhelp sends back holds the password, and the log records that a test ran and how it ended,
 * never the password.
 */

export const LOGIN_TEST_MODAL = 'login_test_modal';
const USER_BLOCK = 'login_user';
const PASSWORD_BLOCK = 'login_password';
const VALUE = 'value';

export interface LoginTarget {
  host: string;
  protocol: 'imap' | 'pop3' | 'smtp';
  port: number;
}

function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: clip(text, max), emoji: true };
}

/** A button's value back into a target; anything odd is refused before a modal opens. */
export function readTarget(value: string): LoginTarget | null {
  try {
    const raw = JSON.parse(value) as Record<string, unknown>;
    const { host, protocol, port } = raw;
    if (typeof host !== 'string' || !/^[a-z0-9.:[\]-]{1,253}$/i.test(host)) return null;
    if (protocol !== 'imap' && protocol !== 'pop3' && protocol !== 'smtp') return null;
    if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) return null;
    return { host, protocol, port };
  } catch {
    return null;
  }
}

export function loginModal(target: LoginTarget): types.ModalView {
  return {
    type: 'modal',
    callback_id: LOGIN_TEST_MODAL,
    title: plain('Test login', LIMITS.viewTitle),
    submit: plain('Test once', LIMITS.viewButton),
    close: plain('Cancel', LIMITS.viewButton),
    private_metadata: JSON.stringify(target),
    blocks: [
      section(`Sign in once to *${PROTOCOL_NAME[target.protocol]}* \`${escapeSlack(target.host)}\` port ${target.port}, over an encrypted connection only, then sign out. Nothing in the mailbox is changed. The password is used for this one attempt and not kept or logged.`),
      {
        type: 'input',
        block_id: USER_BLOCK,
        label: plain('User name', LIMITS.inputLabel),
        hint: plain('Usually the whole email address.', LIMITS.inputLabel),
        element: { type: 'plain_text_input', action_id: VALUE, max_length: 320 },
      },
      {
        type: 'input',
        block_id: PASSWORD_BLOCK,
        label: plain('Password or app password', LIMITS.inputLabel),
        hint: plain('Slack shows what you type here. Only you see this form; emailhelp forgets the password after the attempt.', LIMITS.inputLabel),
        element: { type: 'plain_text_input', action_id: VALUE, max_length: 1024 },
      },
    ],
  };
}

function statusView(blocks: types.KnownBlock[]): types.ModalView {
  return { type: 'modal', title: plain('Test login', LIMITS.viewTitle), close: plain('Close', LIMITS.viewButton), blocks: blocks.map((b, i) => ({ ...b, block_id: `login${i}` })) };
}

const MARK = { ok: ':white_check_mark:', refused: ':no_entry:', error: ':x:' } as const;

export function loginResultBlocks(report: LoginReport): types.KnownBlock[] {
  const blocks: types.KnownBlock[] = [header(report.outcome === 'ok' ? 'Login works' : report.outcome === 'refused' ? 'Login refused' : 'Login test failed')];
  blocks.push(section(`${MARK[report.outcome]} ${escapeSlack(report.summary)}`));
  if (report.serverReply !== null) blocks.push(section(`*The server said:* \`${escapeSlack(report.serverReply)}\``));
  const facts = [`${PROTOCOL_NAME[report.protocol]} \`${escapeSlack(report.target)}\` port ${report.port}`, `user \`${escapeSlack(report.user)}\``, `password ${report.passwordSent ? 'sent once' : 'not sent'}`, `${report.timingsMs.total} ms`];
  if (report.causes.length > 0) facts.push(`causes: ${report.causes.map((c) => `\`${c}\``).join(', ')}`);
  blocks.push(context(facts.join(' · ')));
  return blocks;
}

/** The "Test login" button: opens the modal (only when the login test is enabled). */
export function registerLoginButton(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>(new RegExp(`^${ACTION_LOGIN_TEST}(:\\d+)?$`), async ({ ack, body, action, client, respond }) => {
    await ack();
    const tell = (text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });
    await guarded(deps.logger, 'login_button', async () => {
      if (!deps.config.allowLoginTest) {
        await tell('The login test is switched off here. Whoever runs emailhelp can enable it with ALLOW_LOGIN_TEST=true.');
        return;
      }
      const target = readTarget(action.value ?? '');
      if (target === null) {
        await tell('That button no longer works. Probe the server again and use its Test login button.');
        return;
      }
      await client.views.open({ trigger_id: body.trigger_id, view: loginModal(target) });
    }, tell);
  });
}

/** The modal's submission: one attempt, the outcome shown in the modal. */
export function registerLoginModal(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(LOGIN_TEST_MODAL, async ({ ack, body, view, client }) => {
    const values = view.state.values;
    const user = (values[USER_BLOCK]?.[VALUE]?.value ?? '').trim();
    // Wrapped where it enters: from here on it prints as [redacted] wherever it might end up.
    const password = new Secret(values[PASSWORD_BLOCK]?.[VALUE]?.value ?? '');
    const target = readTarget(view.private_metadata);
    if (user === '' || password.reveal() === '') {
      await ack({ response_action: 'errors', errors: user === '' ? { [USER_BLOCK]: 'Give the user name.' } : { [PASSWORD_BLOCK]: 'Give the password.' } });
      return;
    }
    if (target === null || !deps.config.allowLoginTest) {
      await ack({ response_action: 'update', view: statusView([section('The login test is switched off here, or this form is too old. Nothing was sent.')]) });
      return;
    }
    await ack({ response_action: 'update', view: statusView([section(`:hourglass_flowing_sand: Signing in to \`${escapeSlack(target.host)}\` once…`)]) });
    const actor = { team: body.team?.id ?? null, user: body.user.id };
    await guarded(deps.logger, 'login_test', async () => {
      const report = await runLoginTest(deps, actor, target, user, password);
      await client.views.update({ view_id: view.id, view: statusView(report) });
    }, (text) => client.views.update({ view_id: view.id, view: statusView([section(escapeSlack(text))]) }));
  });
}

/** One attempt under the probe limits, with an audit line; answers with the blocks to show. */
async function runLoginTest(deps: SlackDeps, actor: { team: string | null; user: string }, target: LoginTarget, user: string, password: Secret): Promise<types.KnownBlock[]> {
  const { loginTest } = await import('../../core/login/index.js');
  let refused: string | null = null;
  let report: LoginReport | null = null;
  const guard = deps.limits.guardFor({ ...actor, surface: 'login_test' });
  try {
    const outcome = await guard(target.host, async () => {
      report = await loginTest({ input: target.host, user, password, protocol: target.protocol, port: target.port }, { config: deps.config, ...(deps.extraCa ? { extraCa: deps.extraCa } : {}) });
      // The probe guard audits a probe report; a login test is audited below in its own words.
      return { target: target.host, addresses: [], checks: [], causes: report.causes, summary: report.summary };
    });
    if ('refused' in outcome) refused = outcome.refused;
  } catch (error) {
    if (error instanceof LoginRequestError || error instanceof LoginDisabledError) refused = error.message;
    else throw error;
  }
  const done = report as LoginReport | null;
  deps.logger.event('info', 'login_test', { team: actor.team, user: actor.user, target: target.host, protocol: target.protocol, port: target.port, outcome: done?.outcome ?? 'not_run', passwordSent: done?.passwordSent ?? false, causes: done?.causes ?? [] });
  if (done === null) return [section(`:information_source: ${escapeSlack(refused ?? 'The login test did not run.')}`)];
  return loginResultBlocks(done);
}
