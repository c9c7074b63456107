import type { Answer } from '../core/answer/index.js';

/**
 * The chat help (src/core/answer/help.ts) with the console's own words added: numbers, quit.
 * An empty line only prompts again here (an Enter pressed by accident should not start
 * questions), so the guided questions are `/emailhelp` alone, as the help says.
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
  return { ...answer, help: { ...answer.help, sections: [...answer.help.sections, CONSOLE_SECTION] } };
}
