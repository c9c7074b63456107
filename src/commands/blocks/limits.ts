/**
 * Block Kit's limits (docs.slack.dev/reference/block-kit; checked in ../shared/notes/slack-facts.md),
 * enforced in one place so that no message emailhelp builds is ever rejected: text is cut with "…",
 * lists are cut to their limit, and the blocks beyond the surface's maximum give way to a note.
 */

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  fieldText: 2000,
  fields: 10,
  headerText: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  blockId: 255,
  viewTitle: 24,
  viewButton: 24,
  privateMetadata: 3000,
  inputLabel: 2000,
  placeholder: 150,
  optionText: 75,
  optionValue: 75,
  messageText: 40_000,
  /** Slack's own limit is 40,000; a fallback longer than this is never read, only scrolled. */
  fallbackText: 3000,
} as const;

/** Cuts text to `max` characters, ending in "…" when cut; never leaves an empty string. */
export function clip(text: string, max: number): string {
  const value = text === '' ? ' ' : text;
  if (value.length <= max) return value;
  // Don't split a surrogate pair or leave a half entity (&am…) that Slack would show raw.
  let cut = value.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  cut = cut.replace(/&[a-z]{0,4}$/, '');
  return `${cut}…`;
}
