import type { App, types, ViewSubmitAction } from '@slack/bolt';
import { CLIENT_NAMES } from '../../content/clients.js';
import { CLIENT_IDS, type ClientId } from '../../content/types.js';
import { buildAnswer, isAddressOrDomain } from '../../core/answer/index.js';
import { answerMessage, context, section } from '../blocks/answer-blocks.js';
import { LIMITS, clip } from '../blocks/limits.js';
import { escapeSlack } from '../blocks/slack-text.js';
import { answerContext, type SlackDeps } from '../support/deps.js';
import { guarded, slackErrorCode } from '../support/guarded.js';

/**
 * The guided modal of an empty `/emailhelp`: the error message, the email address (or domain), and
 * optionally the mail app and the device. Its answer — diagnosis, settings and a probe — goes to
 * the channel the command was typed in as an ephemeral message (the channel travels in
 * private_metadata: a view submission carries no channel), or by direct message when that fails.
 */

export const GUIDED_MODAL = 'guided_modal';
const ERROR_BLOCK = 'error_text';
const ADDRESS_BLOCK = 'address';
const CLIENT_BLOCK = 'client';
const DEVICE_BLOCK = 'device';
const VALUE = 'value';

const DEVICES = ['Windows PC', 'Mac', 'iPhone or iPad', 'Android phone or tablet', 'Web browser'] as const;

interface Metadata {
  channelId: string;
}

type View = types.ModalView;

function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: clip(text, max), emoji: true };
}

export function guidedModal(metadata: Metadata): View {
  return {
    type: 'modal',
    callback_id: GUIDED_MODAL,
    title: plain('Email help', LIMITS.viewTitle),
    submit: plain('Get help', LIMITS.viewButton),
    close: plain('Cancel', LIMITS.viewButton),
    private_metadata: JSON.stringify(metadata).slice(0, LIMITS.privateMetadata),
    blocks: [
      {
        type: 'input',
        block_id: ERROR_BLOCK,
        optional: true,
        label: plain('The error message', LIMITS.inputLabel),
        hint: plain('Copy it exactly as the mail app shows it, codes and all.', LIMITS.inputLabel),
        element: { type: 'plain_text_input', action_id: VALUE, multiline: true, max_length: 3000, placeholder: plain('e.g. The connection to the server has failed. Account: …, Server: imap.example.com, Port: 993, Error Number: 0x800CCC0E', LIMITS.placeholder) },
      },
      {
        type: 'input',
        block_id: ADDRESS_BLOCK,
        optional: true,
        label: plain('Email address or domain', LIMITS.inputLabel),
        element: { type: 'plain_text_input', action_id: VALUE, max_length: 320, placeholder: plain('someone@example.com', LIMITS.placeholder) },
      },
      {
        type: 'input',
        block_id: CLIENT_BLOCK,
        optional: true,
        label: plain('Mail app', LIMITS.inputLabel),
        element: { type: 'static_select', action_id: VALUE, placeholder: plain('Which app shows the error?', LIMITS.placeholder), options: CLIENT_IDS.map((id) => ({ text: plain(CLIENT_NAMES[id], LIMITS.optionText), value: id })) },
      },
      {
        type: 'input',
        block_id: DEVICE_BLOCK,
        optional: true,
        label: plain('Device', LIMITS.inputLabel),
        element: { type: 'static_select', action_id: VALUE, placeholder: plain('Where does it run?', LIMITS.placeholder), options: DEVICES.map((d) => ({ text: plain(d, LIMITS.optionText), value: d })) },
      },
    ],
  };
}

function statusView(text: string): View {
  return { type: 'modal', title: plain('Email help', LIMITS.viewTitle), close: plain('Close', LIMITS.viewButton), blocks: [section(text)] };
}

/** A device says which app it is when the user did not pick one: the phone's own mail app. */
function clientFor(client: string | null, device: string | null): ClientId | null {
  if (client !== null && (CLIENT_IDS as readonly string[]).includes(client)) return client as ClientId;
  if (device === 'iPhone or iPad') return 'ios_mail';
  if (device === 'Android phone or tablet') return 'android';
  return null;
}

function readMetadata(raw: string): Metadata | null {
  try {
    const value = JSON.parse(raw) as unknown;
    const channelId = (value as { channelId?: unknown } | null)?.channelId;
    return typeof channelId === 'string' && /^[A-Z0-9]{1,40}$/.test(channelId) ? { channelId } : null;
  } catch {
    return null;
  }
}

export function registerGuidedModal(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(GUIDED_MODAL, async ({ ack, body, view, client }) => {
    const values = view.state.values;
    const text = (block: string) => (values[block]?.[VALUE]?.value ?? '').trim();
    const selected = (block: string) => values[block]?.[VALUE]?.selected_option?.value ?? null;
    const errorText = text(ERROR_BLOCK);
    const address = text(ADDRESS_BLOCK);
    if (errorText === '' && address === '') {
      await ack({ response_action: 'errors', errors: { [ERROR_BLOCK]: 'Paste the error message, or give the email address below (or both).' } });
      return;
    }
    if (address !== '' && !isAddressOrDomain(address)) {
      await ack({ response_action: 'errors', errors: { [ADDRESS_BLOCK]: 'That is not an email address or a domain, such as someone@example.com or example.com.' } });
      return;
    }
    const where = readMetadata(view.private_metadata);
    const waiting = where ? `Working on it… the answer will appear in <#${where.channelId}>.` : 'Working on it… the answer will come as a direct message.';
    await ack({ response_action: 'update', view: statusView(waiting) });

    const user = body.user.id;
    const tell = async (message: { text: string; blocks?: types.KnownBlock[] }) => {
      if (where) {
        try {
          await client.chat.postEphemeral({ channel: where.channelId, user, ...message });
          return where.channelId;
        } catch (error) {
          // Not in the channel, or a DM the bot cannot post to: fall back to the app's DM.
          if (slackErrorCode(error) === null) throw error;
        }
      }
      await client.chat.postMessage({ channel: user, ...message });
      return null;
    };
    await guarded(deps.logger, 'modal', async () => {
      const device = selected(DEVICE_BLOCK);
      const ask = { kind: 'guided_answer' as const, errorText, address, client: clientFor(selected(CLIENT_BLOCK), device), device };
      const answer = await buildAnswer(ask, answerContext(deps, { team: body.team?.id ?? null, user, surface: 'modal' }));
      const postedIn = await tell(answerMessage(answer));
      const done = postedIn ? `Done: the answer is in <#${postedIn}> (only you can see it).` : 'Done: the answer is in your direct messages with emailhelp.';
      await client.views.update({ view_id: view.id, view: statusView(done) }).catch(() => undefined);
    }, (failure) => tell({ text: failure, blocks: [context(escapeSlack(failure))] }));
  });
}
