import type { types } from '@slack/bolt';
import { CLIENT_NAMES } from '../../content/clients.js';
import type { Answer, FollowUp } from '../../core/answer/index.js';
import type { Check } from '../../core/probe/index.js';
import type { ServerSetting, SettingsAnswer } from '../../core/settings/types.js';
import { LIMITS, clip } from './limits.js';
import { escapeSlack } from './slack-text.js';

/**
 * The one Block Kit rendering of an answer, for every Slack surface. Pure: an answer in, a message
 * out. Every piece of text that did not come from emailhelp's own content (what the user typed,
 * what a server or a domain's autoconfig said) is escaped, and every limit is enforced here.
 */

type ActionsBlock = types.ActionsBlock;
type Button = types.Button;
type ContextBlock = types.ContextBlock;
type HeaderBlock = types.HeaderBlock;
type SectionBlock = types.SectionBlock;
export type KnownBlock = types.KnownBlock;

export const ACTION_FOLLOW_UP = 'follow_up';
export const ACTION_SHARE = 'share_in_channel';
export const ACTION_FEEDBACK_YES = 'feedback_yes';
export const ACTION_FEEDBACK_NO = 'feedback_no';
export const ACTION_LOGIN_TEST = 'login_test';
export const ACTION_OPEN_LINK = 'open_link';

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

export interface RenderOptions {
  /** Offer "Share in channel": the answer is ephemeral and was kept under this id. */
  shareId?: string;
}

const MARK = { ok: ':white_check_mark:', warn: ':warning:', fail: ':x:' } as const;
export const PROTOCOL_NAME = { imap: 'IMAP', pop3: 'POP3', smtp: 'SMTP' } as const;
const SECURITY_NAME = { tls: 'SSL/TLS', starttls: 'STARTTLS', none: 'none' } as const;
const SOURCE_NAME: Record<SettingsAnswer['source'], string> = {
  bundled: "emailhelp's provider data",
  ispdb: "Thunderbird's ISP database",
  autoconfig: "the domain's autoconfig file",
  srv: "the domain's SRV records",
  mx: "the domain's MX records",
  guess: 'probing the usual server names',
};

export function answerMessage(answer: Answer, options: RenderOptions = {}): SlackMessage {
  const blocks: KnownBlock[] = [];
  const fallback: string[] = [];

  if (answer.problem !== null) {
    blocks.push(section(`:information_source: ${escapeSlack(answer.problem)}`));
    fallback.push(answer.problem);
  }
  if (answer.help) {
    blocks.push(header(answer.help.title));
    for (const s of answer.help.sections) {
      blocks.push(section(`*${escapeSlack(s.heading)}*\n${s.lines.map((l) => `• ${escapeSlack(l)}`).join('\n')}`));
    }
    fallback.push(answer.help.title);
  }
  if (answer.explanation) {
    blocks.push(header(answer.explanation.title));
    for (const paragraph of answer.explanation.text.split(/\n\s*\n/)) {
      blocks.push(section(escapeSlack(paragraph).replace(/^- /gm, '• ')));
    }
    fallback.push(answer.explanation.title);
  }
  if (answer.diagnosis) diagnosisBlocks(answer, blocks, fallback);
  if (answer.settings) settingsBlocks(answer.settings, blocks, fallback);
  if (answer.probe) probeBlocks(answer, blocks, fallback);
  if (answer.probeNote !== null) blocks.push(context(`:no_entry: ${escapeSlack(answer.probeNote)}`));

  const buttons = answer.followUps.flatMap(followUpButtons);
  if (options.shareId !== undefined) buttons.push(button('Share in channel', ACTION_SHARE, options.shareId));
  if (buttons.length > 0) blocks.push(actions(buttons));

  // The fallback is shown in notifications and read by screen readers: Slack parses it like mrkdwn.
  return fitMessage({ text: escapeSlack(fallback.join(' — ')) || 'emailhelp', blocks }, LIMITS.messageBlocks);
}

function diagnosisBlocks(answer: Answer, blocks: KnownBlock[], fallback: string[]): void {
  const d = answer.diagnosis;
  if (!d) return;
  const [top, ...others] = d.causes;
  if (!top) return;
  const e = d.extracted;
  const seen = [
    e.host && `server \`${escapeSlack(e.host)}\``,
    e.port !== null && `port ${e.port}`,
    e.protocol && PROTOCOL_NAME[e.protocol],
    e.client && e.client !== 'other' && CLIENT_NAMES[e.client],
    e.codes.length > 0 && `codes ${e.codes.map((c) => `\`${escapeSlack(c)}\``).join(', ')}`,
  ].filter(Boolean);

  if (top.id === 'unknown') {
    blocks.push(header('No clear match for this error'));
    blocks.push(section(escapeSlack(top.explanation)));
    fallback.push('No clear match for this error');
  } else {
    blocks.push(header(`Most likely: ${top.title}`));
    blocks.push(section(escapeSlack(top.explanation)));
    const why = top.evidence.length > 0 ? ` · why: ${escapeSlack(top.evidence.slice(0, 3).join('; '))}` : '';
    blocks.push(context(`${Math.round(top.confidence * 100)}% likely · \`${top.id}\`${why}`));
    fallback.push(`Most likely: ${top.title}`);
  }
  if (top.fixes.length > 0) {
    blocks.push(section(`*What to do*\n${top.fixes.map((f, i) => `${i + 1}. ${escapeSlack(f)}`).join('\n')}`));
    fallback.push(`First: ${top.fixes[0] ?? ''}`);
  }
  if (others.length > 0) {
    blocks.push(section(`*Also possible*\n${others.map((c) => `• ${escapeSlack(c.title)} (${Math.round(c.confidence * 100)}%)`).join('\n')}`));
  }
  if (seen.length > 0) blocks.push(context(`Seen in the text: ${seen.join(' · ')}`));
}

function serverLine(s: ServerSetting): string {
  const user = s.username === 'email' ? 'whole email address' : s.username === 'local-part' ? 'the part before @' : escapeSlack(s.username);
  return `*${PROTOCOL_NAME[s.protocol]}* \`${escapeSlack(s.host)}\` port *${s.port}* ${SECURITY_NAME[s.security]} · user name: ${user}`;
}

function settingsBlocks(settings: SettingsAnswer, blocks: KnownBlock[], fallback: string[]): void {
  const name = settings.provider ? escapeSlack(settings.provider.name) : escapeSlack(settings.domain);
  const title = settings.provider ? `Settings for ${settings.domain}` : `No settings found for ${settings.domain}`;
  blocks.push(header(title));
  fallback.push(title);
  if (settings.incoming.length > 0) blocks.push(section(`*Incoming*\n${settings.incoming.map(serverLine).join('\n')}`));
  if (settings.outgoing.length > 0) blocks.push(section(`*Outgoing*\n${settings.outgoing.map(serverLine).join('\n')}`));
  const first = settings.incoming[0];
  if (first) fallback.push(`${PROTOCOL_NAME[first.protocol]} ${first.host}:${first.port} ${SECURITY_NAME[first.security]}`);
  if (settings.notes.length > 0) blocks.push(section(settings.notes.map((n) => `• ${escapeSlack(n)}`).join('\n')));
  blocks.push(context(`${name} · from ${SOURCE_NAME[settings.source]}`));
}

function checkLine(c: Check, target: string): string {
  const host = c.host !== target ? ` \`${escapeSlack(c.host)}\`` : '';
  const parts = [`${MARK[c.status]} *${PROTOCOL_NAME[c.protocol]} ${c.port}* ${SECURITY_NAME[c.security]}${host}`];
  if (c.error) parts.push(`${c.failedStage ?? 'failed'}: \`${escapeSlack(c.error.code)}\` ${escapeSlack(c.error.message)}`);
  for (const w of c.warnings) parts.push(escapeSlack(w));
  const cert = c.tls?.certificate;
  if (cert && c.status !== 'fail') parts.push(`certificate ${cert.hostnameMatch ? 'matches' : 'does not match'}, ${cert.daysLeft} days left`);
  parts.push(`${c.timingsMs.total} ms`);
  return parts.join(' — ');
}

function probeBlocks(answer: Answer, blocks: KnownBlock[], fallback: string[]): void {
  const report = answer.probe;
  if (!report) return;
  const title = `Check of ${report.target}`;
  blocks.push(header(title));
  blocks.push(section(report.checks.map((c) => checkLine(c, report.target)).join('\n') || 'No checks ran.'));
  blocks.push(section(escapeSlack(report.summary)));
  const addresses = report.addresses.length > 0 ? ` · ${report.addresses.map(escapeSlack).join(', ')}` : '';
  blocks.push(context(`No login attempted${addresses}`));
  fallback.push(`${title}: ${report.summary}`);
}

function followUpButtons(f: FollowUp): Button[] {
  switch (f.kind) {
    case 'ask': {
      const value = JSON.stringify(f.ask);
      return value.length <= LIMITS.buttonValue ? [button(f.label, ACTION_FOLLOW_UP, value)] : [];
    }
    case 'login':
      return [button(f.label, ACTION_LOGIN_TEST, JSON.stringify({ host: f.host, protocol: f.protocol, port: f.port }))];
    case 'feedback':
      return [button('Fixed it', ACTION_FEEDBACK_YES, f.causeId, 'primary'), button('Not fixed', ACTION_FEEDBACK_NO, f.causeId)];
    case 'link': {
      if (f.url.length > LIMITS.buttonUrl) return [];
      return [{ ...button(f.label, ACTION_OPEN_LINK, 'link'), url: f.url }];
    }
  }
}

export function header(text: string): HeaderBlock {
  return { type: 'header', text: { type: 'plain_text', text: clip(escapeSlack(text), LIMITS.headerText), emoji: true } };
}

/** A section of mrkdwn that the caller has already escaped where it holds outside text. */
export function section(mrkdwn: string): SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(mrkdwn, LIMITS.sectionText) } };
}

export function context(mrkdwn: string): ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clip(mrkdwn, LIMITS.sectionText) }] };
}

export function button(label: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  const b: Button = { type: 'button', text: { type: 'plain_text', text: clip(escapeSlack(label), LIMITS.buttonText), emoji: true }, action_id: actionId, value: value.slice(0, LIMITS.buttonValue) };
  if (style) b.style = style;
  return b;
}

function actions(elements: Button[]): ActionsBlock {
  // action_ids must be unique within a block; several follow-ups share one handler id.
  const seen = new Map<string, number>();
  const unique = elements.slice(0, LIMITS.actionsElements).map((e) => {
    const n = seen.get(e.action_id ?? '') ?? 0;
    seen.set(e.action_id ?? '', n + 1);
    return n === 0 ? e : { ...e, action_id: `${e.action_id ?? ''}:${n}` };
  });
  return { type: 'actions', elements: unique };
}

/** Keeps a message within its block limit, gives every block a unique id and a fallback text. */
export function fitMessage(message: SlackMessage, maxBlocks: number): SlackMessage {
  let blocks = message.blocks;
  if (blocks.length > maxBlocks) {
    const last = blocks[blocks.length - 1];
    const keepActions = last?.type === 'actions';
    const room = maxBlocks - 1 - (keepActions ? 1 : 0);
    blocks = [...blocks.slice(0, room), context('… the answer was longer than Slack allows; run the same request with the emailhelp command line for all of it.')];
    if (keepActions && last) blocks.push(last);
  }
  blocks = blocks.map((b, i) => ({ ...b, block_id: `b${i}` }));
  return { text: clip(message.text, LIMITS.fallbackText), blocks };
}

/** Slack's action ids carry a ":n" suffix when one block holds several buttons of one kind. */
export function baseActionId(actionId: string): string {
  return actionId.split(':')[0] ?? actionId;
}
