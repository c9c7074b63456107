import type { types } from '@slack/bolt';
import { context, fitMessage, type SlackMessage } from '../blocks/answer-blocks.js';
import { escapeSlack } from '../blocks/slack-text.js';
import { LIMITS } from '../blocks/limits.js';

/**
 * The "checking imap.example.com…" message shown while a probe or lookup runs. Only the first
 * step is shown: each message costs a response_url use (Slack allows five) or a Web API call,
 * and the answer replaces it within seconds anyway.
 */
export class Progress<T = unknown> {
  #shown: Promise<T | undefined> | null = null;

  constructor(private readonly show: (message: SlackMessage) => Promise<T>) {}

  /** For the answer builder's onProgress. */
  readonly step = (step: string): void => {
    if (this.#shown) return;
    // A progress message that fails to post is not worth failing the answer for.
    this.#shown = this.show(progressMessage(step)).catch(() => undefined);
  };

  get shown(): boolean {
    return this.#shown !== null;
  }

  /** Waits for the progress message to be out, so that the answer replaces it rather than racing it. */
  async settled(): Promise<T | undefined> {
    return (await this.#shown) ?? undefined;
  }
}

export function progressMessage(step: string): SlackMessage {
  const blocks: types.KnownBlock[] = [context(`:hourglass_flowing_sand: ${escapeSlack(step)}`)];
  return fitMessage({ text: escapeSlack(step).slice(0, LIMITS.fallbackText), blocks }, LIMITS.messageBlocks);
}
