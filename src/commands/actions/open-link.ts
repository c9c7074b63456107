import type { App } from '@slack/bolt';
import { ACTION_OPEN_LINK } from '../blocks/answer-blocks.js';

/**
 * Link buttons open their page in the browser, but Slack still sends the click; unacknowledged,
 * the user sees an error mark on the button. Nothing else to do.
 */
export function registerOpenLink(app: App): void {
  app.action(new RegExp(`^${ACTION_OPEN_LINK}(:\\d+)?$`), async ({ ack }) => {
    await ack();
  });
}
