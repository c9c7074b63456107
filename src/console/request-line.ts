import { AskError, parseAsk, type Ask } from '../core/answer/index.js';

/**
 * What one console line asks for. People type what they would type in Slack, so a leading
 * `/emailhelp` is dropped (and `emailhelp`, for a command copied from the command line); the rest
 * is the chat request of src/core/answer/ask.ts. A number picks a choice of the last answer.
 * Pure: text in, a request out.
 */

export type ConsoleRequest =
  /** Nothing but whitespace: prompt again. */
  | { kind: 'blank' }
  | { kind: 'quit' }
  /** A numbered choice under the last answer. */
  | { kind: 'choice'; n: number }
  /** `/emailhelp` alone: the guided questions. */
  | { kind: 'guided' }
  | { kind: 'ask'; ask: Ask }
  /** Cannot be carried out as typed; the message says how to type it. */
  | { kind: 'bad'; message: string };

// Followed by whitespace or the end, so that `emailhelp@example.com` stays an address.
const PREFIX = /^\/?emailhelp(?=\s|$)/i;
const QUIT = new Set(['quit', 'exit']);

export function readRequest(line: string): ConsoleRequest {
  const typed = line.trim();
  if (typed === '') return { kind: 'blank' };
  const text = typed.replace(PREFIX, '').trim();
  if (text === '') return { kind: 'guided' };
  if (QUIT.has(text.toLowerCase())) return { kind: 'quit' };
  if (/^\d{1,3}\.?$/.test(text)) return { kind: 'choice', n: Number.parseInt(text, 10) };
  try {
    return { kind: 'ask', ask: parseAsk(text) };
  } catch (error) {
    if (error instanceof AskError) return { kind: 'bad', message: error.message };
    throw error;
  }
}
