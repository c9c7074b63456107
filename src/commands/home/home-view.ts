import type { App, types } from '@slack/bolt';
import { helpPage, PORTS_QUICK_REFERENCE } from '../../core/answer/index.js';
import { context, header, section } from '../blocks/answer-blocks.js';
import { escapeSlack } from '../blocks/slack-text.js';
import type { SlackDeps } from '../support/deps.js';
import { SLASH_COMMAND } from '../support/deps.js';

/** The App Home tab: how to use emailhelp, and the ports-and-encryption table everyone asks for. */
export function homeView(): types.HomeView {
  const help = helpPage(SLASH_COMMAND);
  const blocks: types.KnownBlock[] = [header('emailhelp'), section('Email errors explained, mail servers checked, settings for any address: in any channel, as `/emailhelp`, the *Diagnose with emailhelp* message shortcut, or by mentioning @emailhelp in a thread.')];
  for (const s of help.sections.filter((x) => x.heading !== 'Ports at a glance')) {
    blocks.push(section(`*${escapeSlack(s.heading)}*\n${s.lines.map((l) => `• ${escapeSlack(l)}`).join('\n')}`));
  }
  blocks.push(header('Ports and encryption'));
  blocks.push(section(PORTS_QUICK_REFERENCE.map((l) => `• ${escapeSlack(l)}`).join('\n')));
  blocks.push(context('emailhelp never logs in to a mail server unless you ask for a login test, and never keeps a password.'));
  return { type: 'home', blocks: blocks.map((b, i) => ({ ...b, block_id: `home${i}` })) };
}

export function registerAppHome(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    try {
      await client.views.publish({ user_id: event.user, view: homeView() });
    } catch (error) {
      deps.logger.event('warn', 'home_publish_failed', { user: event.user, error: error instanceof Error ? error.message : String(error) });
    }
  });
}
