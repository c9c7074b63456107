import { randomBytes } from 'node:crypto';
import type { AppLogger } from './logger.js';

/**
 * A handler that fails tells the user something short and kind with a reference, and the log
 * gets the detail under the same reference; the user never sees a stack trace or an internal
 * message, and the app keeps running.
 */

export function newReference(): string {
  return randomBytes(4).toString('hex');
}

export function failureText(reference: string): string {
  return `Sorry, something went wrong on emailhelp's side and this request could not be answered. Please try again; if it keeps happening, give this reference to whoever runs emailhelp: ${reference}`;
}

export function logFailure(logger: AppLogger, reference: string, surface: string, error: unknown): void {
  const detail = error instanceof Error ? { error: error.name, message: error.message, code: (error as { code?: unknown }).code ?? null, stack: error.stack?.split('\n').slice(0, 6).join(' | ') } : { error: String(error) };
  logger.event('error', 'handler_error', { reference, surface, ...detail });
}
