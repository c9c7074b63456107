import type { Ask } from '../core/answer/index.js';
import { CLIENT_NAMES } from '../content/clients.js';
import { CLIENT_IDS, type ClientId } from '../content/types.js';

/**
 * The guided questions of Slack's modal, asked one after the other: the error message, the email
 * address or domain, the mail app. Each can be skipped with Enter; with neither the error nor the
 * address there is nothing to answer.
 */

export type GuidedAsk = Extract<Ask, { kind: 'guided_answer' }>;

export type GuidedOutcome =
  | { kind: 'ask'; ask: GuidedAsk }
  /** Both the error and the address were skipped. */
  | { kind: 'nothing'; message: string }
  /** The input ended, or the user typed quit. */
  | { kind: 'end' };

export interface GuidedIo {
  /** Asks one question; the answer as typed, or null at the end of input. */
  question(text: string): Promise<string | null>;
  /** Shows lines that are not a question (the list of mail apps, a correction). */
  say(text: string): void;
}

/** The apps in the modal's order (CLIENT_IDS), named as people say them. */
export const MAIL_APPS: readonly { id: ClientId; label: string }[] = CLIENT_IDS.map((id) => ({ id, label: CLIENT_NAMES[id] }));

export const NOTHING_TO_ANSWER = 'Nothing to look at: give the error message, the address, or both.';
const QUIT = new Set(['quit', 'exit']);

export async function askGuided(io: GuidedIo): Promise<GuidedOutcome> {
  const errorText = await io.question('The error message (Enter to skip)');
  if (errorText === null || isQuit(errorText)) return { kind: 'end' };
  const address = await io.question('Email address or domain (Enter to skip)');
  if (address === null || isQuit(address)) return { kind: 'end' };
  if (errorText.trim() === '' && address.trim() === '') return { kind: 'nothing', message: NOTHING_TO_ANSWER };
  const client = await askMailApp(io);
  if (client === 'end') return { kind: 'end' };
  return { kind: 'ask', ask: { kind: 'guided_answer', errorText: errorText.trim(), address: address.trim(), client, device: null } };
}

async function askMailApp(io: GuidedIo): Promise<ClientId | null | 'end'> {
  io.say(MAIL_APPS.map((app, i) => `  ${i + 1}. ${app.label}`).join('\n'));
  for (;;) {
    const typed = await io.question('Mail app (a number, Enter to skip)');
    if (typed === null || isQuit(typed)) return 'end';
    const choice = mailAppFor(typed);
    if (choice !== undefined) return choice;
    io.say(`Type a number from 1 to ${MAIL_APPS.length}, the app's name, or press Enter to skip.`);
  }
}

/** The app a typed answer names: its number or its name; null for skipped, undefined when unclear. */
export function mailAppFor(typed: string): ClientId | null | undefined {
  const text = typed.trim().toLowerCase();
  if (text === '') return null;
  if (/^\d+$/.test(text)) return MAIL_APPS[Number(text) - 1]?.id;
  const named = MAIL_APPS.filter((app) => app.label.toLowerCase().startsWith(text) || app.id === text);
  return named.length === 1 ? named[0]?.id : undefined;
}

function isQuit(text: string): boolean {
  return QUIT.has(text.trim().toLowerCase());
}
