import { randomBytes } from 'node:crypto';

/*
 * Builders for what Slack sends an app, with the field names of slack-facts.md §4 (Slack's interaction
 * payload and Events API references). Every builder fills realistic defaults and takes overrides, so a
 * test states only what it is about. Ids are fixed constants so assertions can name them.
 */

/** Ids the stand-in workspace uses everywhere (auth.test answers, payload defaults, mentions). */
export const SLACK_IDS = {
  teamId: 'T0STANDIN1',
  teamDomain: 'standin',
  appId: 'A0STANDIN1',
  botUserId: 'U0BOTUSER1',
  botId: 'B0BOTID001',
  userId: 'U0ENGINEER',
  userName: 'engineer',
  channelId: 'C0HELPDESK',
  channelName: 'helpdesk',
} as const;

/** The tokens the stand-in accepts unless told otherwise. */
export const STAND_IN_TOKENS = {
  bot: 'xoxb-0000-stand-in-bot',
  app: 'xapp-1-A0STANDIN1-0000-stand-in',
  /** The deprecated verification token Slack still puts in payloads; Bolt ignores it. */
  verification: 'stand-in-verification-token',
} as const;

let sequence = 0;

/** A fresh message timestamp in Slack's `seconds.micro` form, unique within the process. */
export function messageTs(): string {
  sequence += 1;
  return `${Math.floor(Date.now() / 1000)}.${String(sequence).padStart(6, '0')}`;
}

/** A fresh trigger id in Slack's `digits.digits.hex` form. Use the stand-in's `triggerId()` to have its age checked. */
export function newTriggerId(): string {
  sequence += 1;
  return `${Date.now()}${sequence}.${Math.floor(Math.random() * 1e9)}.${randomBytes(16).toString('hex')}`;
}

/** A fresh `Ev…` event id. */
export function newEventId(): string {
  return `Ev${randomBytes(5).toString('hex').toUpperCase()}`;
}

const user = (id: string, name: string) => ({ id, username: name, name, team_id: SLACK_IDS.teamId });
const team = { id: SLACK_IDS.teamId, domain: SLACK_IDS.teamDomain };

/** Slash command form fields (also the Socket Mode `slash_commands` payload). Values are strings, as on the wire. */
export type SlashCommandFields = Record<string, string>;

/** The fields Slack posts for `/emailhelp TEXT`; `text` arrives entity-encoded (`&amp;`, `&lt;`, `&gt;`) like Slack's. */
export function slashCommand(overrides: Partial<SlashCommandFields> & { text?: string } = {}): SlashCommandFields {
  const fields: SlashCommandFields = {
    token: STAND_IN_TOKENS.verification,
    team_id: SLACK_IDS.teamId,
    team_domain: SLACK_IDS.teamDomain,
    channel_id: SLACK_IDS.channelId,
    channel_name: SLACK_IDS.channelName,
    user_id: SLACK_IDS.userId,
    user_name: SLACK_IDS.userName,
    command: '/emailhelp',
    text: '',
    api_app_id: SLACK_IDS.appId,
    is_enterprise_install: 'false',
    response_url: `https://hooks.slack.com/commands/${SLACK_IDS.teamId}/1/stand-in`,
    trigger_id: newTriggerId(),
  };
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined) fields[key] = value;
  return fields;
}

/** A JSON object as Slack sends it; builders return this so tests can spread further fields in. */
export type SlackPayload = Record<string, unknown>;

/** Options for `blockAction()`. */
export interface BlockActionOptions {
  action_id: string;
  block_id?: string;
  value?: string;
  /** Link buttons send their `url` too; Bolt still needs a listener that acks. */
  url?: string;
  user_id?: string;
  channel_id?: string;
  /** Where the button was: a message (default) or a view (modal / App Home). */
  container?: 'message' | 'view';
  message_ts?: string;
  message?: SlackPayload;
  view?: SlackPayload;
  response_url?: string;
  trigger_id?: string;
}

/** A `block_actions` payload for one clicked button. */
export function blockAction(options: BlockActionOptions): SlackPayload {
  const channelId = options.channel_id ?? SLACK_IDS.channelId;
  const ts = options.message_ts ?? messageTs();
  const inView = options.container === 'view';
  const action: SlackPayload = {
    type: 'button',
    action_id: options.action_id,
    block_id: options.block_id ?? 'actions',
    text: { type: 'plain_text', text: 'Button', emoji: true },
    value: options.value,
    action_ts: messageTs(),
  };
  if (options.url !== undefined) action.url = options.url;
  const payload: SlackPayload = {
    type: 'block_actions',
    user: user(options.user_id ?? SLACK_IDS.userId, SLACK_IDS.userName),
    api_app_id: SLACK_IDS.appId,
    token: STAND_IN_TOKENS.verification,
    container: inView
      ? { type: 'view', view_id: (options.view?.id as string | undefined) ?? 'V0STANDIN1' }
      : { type: 'message', message_ts: ts, channel_id: channelId, is_ephemeral: false },
    trigger_id: options.trigger_id ?? newTriggerId(),
    team,
    enterprise: null,
    is_enterprise_install: false,
    state: { values: {} },
    actions: [action],
  };
  if (inView) {
    payload.view = options.view ?? { id: 'V0STANDIN1', type: 'modal', callback_id: '', private_metadata: '', state: { values: {} } };
  } else {
    payload.channel = { id: channelId, name: SLACK_IDS.channelName };
    payload.message = options.message ?? { type: 'message', user: SLACK_IDS.botUserId, ts, text: 'message', blocks: [] };
    payload.response_url = options.response_url ?? `https://hooks.slack.com/actions/${SLACK_IDS.teamId}/2/stand-in`;
  }
  return payload;
}

/** Options for `viewSubmission()`. */
export interface ViewSubmissionOptions {
  callback_id: string;
  /** `values[block_id][action_id]` = the typed text (plain_text_input). */
  values?: Record<string, Record<string, string | null>>;
  private_metadata?: string;
  user_id?: string;
  /** The submitted view's blocks (what the app opened), if the listener reads them. */
  blocks?: unknown[];
  trigger_id?: string;
}

/** A `view_submission` payload; like Slack's, it has no channel and no response_url. */
export function viewSubmission(options: ViewSubmissionOptions): SlackPayload {
  const values: Record<string, Record<string, { type: string; value: string | null }>> = {};
  for (const [blockId, actions] of Object.entries(options.values ?? {})) {
    const inBlock: Record<string, { type: string; value: string | null }> = {};
    for (const [actionId, value] of Object.entries(actions)) inBlock[actionId] = { type: 'plain_text_input', value };
    values[blockId] = inBlock;
  }
  return {
    type: 'view_submission',
    team,
    user: user(options.user_id ?? SLACK_IDS.userId, SLACK_IDS.userName),
    api_app_id: SLACK_IDS.appId,
    token: STAND_IN_TOKENS.verification,
    trigger_id: options.trigger_id ?? newTriggerId(),
    view: {
      id: 'V0STANDIN1',
      team_id: SLACK_IDS.teamId,
      type: 'modal',
      blocks: options.blocks ?? [],
      private_metadata: options.private_metadata ?? '',
      callback_id: options.callback_id,
      state: { values },
      hash: '1700000000.stand-in',
      title: { type: 'plain_text', text: 'emailhelp', emoji: true },
      clear_on_close: false,
      notify_on_close: false,
      close: null,
      submit: { type: 'plain_text', text: 'Submit', emoji: true },
      previous_view_id: null,
      root_view_id: 'V0STANDIN1',
      app_id: SLACK_IDS.appId,
      external_id: '',
      app_installed_team_id: SLACK_IDS.teamId,
      bot_id: SLACK_IDS.botId,
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** Options for `messageShortcut()`. */
export interface MessageShortcutOptions {
  callback_id: string;
  /** The message's text as Slack stores it: entity-encoded, with real markup such as `<!here>` or `<@U…>`. */
  text: string;
  user_id?: string;
  channel_id?: string;
  message_ts?: string;
  /** Set when the message is a reply inside a thread. */
  thread_ts?: string;
  /** Who wrote the message (default: someone other than the engineer). */
  message_user?: string;
  response_url?: string;
  trigger_id?: string;
}

/** A `message_action` payload (message shortcut) for a message in a channel. */
export function messageShortcut(options: MessageShortcutOptions): SlackPayload {
  const ts = options.message_ts ?? messageTs();
  const message: SlackPayload = { type: 'message', user: options.message_user ?? 'U0REPORTER', ts, text: options.text, team: SLACK_IDS.teamId, blocks: [] };
  if (options.thread_ts !== undefined) message.thread_ts = options.thread_ts;
  return {
    type: 'message_action',
    token: STAND_IN_TOKENS.verification,
    action_ts: messageTs(),
    team,
    user: user(options.user_id ?? SLACK_IDS.userId, SLACK_IDS.userName),
    channel: { id: options.channel_id ?? SLACK_IDS.channelId, name: SLACK_IDS.channelName },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: options.callback_id,
    trigger_id: options.trigger_id ?? newTriggerId(),
    response_url: options.response_url ?? `https://hooks.slack.com/app/${SLACK_IDS.teamId}/3/stand-in`,
    message_ts: ts,
    message,
  };
}

/** Options for `appMentionEvent()`. */
export interface AppMentionOptions {
  /** The full text, mention included, e.g. `<@U0BOTUSER1> outlook 0x800CCC0E`. */
  text: string;
  user?: string;
  channel?: string;
  ts?: string;
  thread_ts?: string;
  /** Reuse one id to model a retry of the same event. */
  event_id?: string;
}

/** An Events API `event_callback` body carrying an `app_mention` (also the Socket Mode `events_api` payload). */
export function appMentionEvent(options: AppMentionOptions): SlackPayload {
  const ts = options.ts ?? messageTs();
  const event: SlackPayload = {
    type: 'app_mention',
    user: options.user ?? SLACK_IDS.userId,
    text: options.text,
    ts,
    channel: options.channel ?? SLACK_IDS.channelId,
    event_ts: ts,
    team: SLACK_IDS.teamId,
    client_msg_id: randomBytes(16).toString('hex'),
    blocks: [],
  };
  if (options.thread_ts !== undefined) event.thread_ts = options.thread_ts;
  return {
    token: STAND_IN_TOKENS.verification,
    team_id: SLACK_IDS.teamId,
    context_team_id: SLACK_IDS.teamId,
    context_enterprise_id: null,
    api_app_id: SLACK_IDS.appId,
    event,
    type: 'event_callback',
    event_id: options.event_id ?? newEventId(),
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: SLACK_IDS.teamId, user_id: SLACK_IDS.botUserId, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-stand-in-${randomBytes(4).toString('hex')}`,
  };
}
