import type { AllMiddlewareArgs, App, SlackActionMiddlewareArgs } from '@slack/bolt';
import { registerFeedback } from './actions/feedback.js';
import { registerFollowUp } from './actions/follow-up.js';
import { registerOpenLink } from './actions/open-link.js';
import { registerShareInChannel } from './actions/share-in-channel.js';
import { registerAppMention } from './events/app-mention.js';
import { registerAppHome } from './home/home-view.js';
import { DIAGNOSE_MESSAGE, registerDiagnoseMessage } from './shortcuts/diagnose-message.js';
import { registerSlashCommand } from './slash/emailhelp-command.js';
import { SLASH_COMMAND, type SlackDeps } from './support/deps.js';
import { GUIDED_MODAL, registerGuidedModal } from './views/guided-modal.js';
import { LOGIN_TEST_MODAL, registerLoginButton, registerLoginModal } from './views/login-test-modal.js';
import { ACTION_FEEDBACK_NO, ACTION_FEEDBACK_YES, ACTION_FOLLOW_UP, ACTION_LOGIN_TEST, ACTION_OPEN_LINK, ACTION_SHARE } from './blocks/answer-blocks.js';

/**
 * Every Slack surface emailhelp answers on, and the id Slack knows it by. manifest.yml must list
 * exactly the commands, shortcuts and events here (test/slack checks it both ways).
 */
export interface Surface {
  kind: 'command' | 'shortcut' | 'event' | 'view' | 'action';
  id: string;
  register: (app: App, deps: SlackDeps) => void;
}

export const SURFACES: readonly Surface[] = [
  { kind: 'command', id: SLASH_COMMAND, register: registerSlashCommand },
  { kind: 'view', id: GUIDED_MODAL, register: registerGuidedModal },
  { kind: 'view', id: LOGIN_TEST_MODAL, register: registerLoginModal },
  { kind: 'shortcut', id: DIAGNOSE_MESSAGE, register: registerDiagnoseMessage },
  { kind: 'event', id: 'app_mention', register: registerAppMention },
  { kind: 'event', id: 'app_home_opened', register: registerAppHome },
  { kind: 'action', id: ACTION_FOLLOW_UP, register: registerFollowUp },
  { kind: 'action', id: ACTION_SHARE, register: registerShareInChannel },
  { kind: 'action', id: `${ACTION_FEEDBACK_YES}|${ACTION_FEEDBACK_NO}`, register: registerFeedback },
  { kind: 'action', id: ACTION_LOGIN_TEST, register: registerLoginButton },
  { kind: 'action', id: ACTION_OPEN_LINK, register: (app) => registerOpenLink(app) },
];

type ActionHandler = (args: SlackActionMiddlewareArgs & AllMiddlewareArgs) => Promise<void>;

/**
 * Bolt runs every listener's middleware for every request it receives, so each listener costs
 * every command a little (measured: ~0.15 ms a request with eleven listeners). The buttons share
 * one listener that routes by action id; each action module still registers its own handler,
 * through this router, exactly as it would with app.action.
 */
function actionRouter(app: App): App {
  const routes: { pattern: string | RegExp; handler: ActionHandler }[] = [];
  const matches = (pattern: string | RegExp, id: string) => (typeof pattern === 'string' ? pattern === id : pattern.test(id));
  let listening = false;
  const router = {
    action(pattern: string | RegExp, handler: ActionHandler) {
      routes.push({ pattern, handler });
      if (listening) return;
      listening = true;
      app.action(/.*/, async (args) => {
        const id = 'action_id' in args.action ? args.action.action_id : '';
        const route = routes.find((r) => matches(r.pattern, id));
        if (route) await route.handler(args);
        // An action no handler claims is still acknowledged: Slack shows the user an error otherwise.
        else await args.ack();
      });
    },
  };
  return router as unknown as App;
}

export function registerSurfaces(app: App, deps: SlackDeps): void {
  const actions = actionRouter(app);
  for (const surface of SURFACES) surface.register(surface.kind === 'action' ? actions : app, deps);
}

export { createDeps, type SlackDeps } from './support/deps.js';
export { createLogger, type AppLogger } from './support/logger.js';
