import type { ClientId } from './types.js';

/**
 * The mail apps as people name them, for every surface that shows or asks for one (the Slack
 * modal's list, the console's questions, the answers' "seen in the text").
 */
export const CLIENT_NAMES: Readonly<Record<ClientId, string>> = {
  outlook: 'Outlook',
  apple_mail: 'Apple Mail (Mac)',
  ios_mail: 'iPhone/iPad Mail',
  thunderbird: 'Thunderbird',
  gmail: 'Gmail app',
  windows_mail: 'Windows Mail',
  android: 'Android mail app',
  other: 'another app',
};
