import type { Answer } from '../core/answer/index.js';

/**
 * The chat help (src/core/answer/help.ts) as the console needs it: an empty line only prompts
 * again here (an Enter pressed by accident should not start questions), so the guided questions
 * are `/emailhelp` alone; and the console's own words — numbers, quit — are added.
 */

const CONSOLE_SECTION = {
  heading: 'In this console',
  lines: [
    'Type what you would type in Slack; "/emailhelp" in front is optional',
    '1, 2, … — a numbered choice under the last answer',
    'quit or exit (or Ctrl-D) — leave',
  ],
};

export function forConsole(answer: Answer): Answer {
  if (!answer.help) return answer;
  const sections = answer.help.sections.map((s) => ({
    ...s,
    lines: s.lines.map((line) => line.replace(/^an empty line — /, '/emailhelp alone — ')),
  }));
  return { ...answer, help: { ...answer.help, sections: [...sections, CONSOLE_SECTION] } };
}
