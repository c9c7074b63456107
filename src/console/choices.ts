import type { Ask } from '../core/answer/index.js';
import type { Choice } from '../terminal/answer-text.js';

/**
 * What a numbered choice does: an `ask` runs its request, "Fixed it" / "Not fixed" are answered
 * at once. Pure: a number and the last answer's choices in, what to do out.
 */

export type ChoiceOutcome = { kind: 'ask'; ask: Ask } | { kind: 'say'; text: string } | { kind: 'bad'; message: string };

export function followChoice(n: number, choices: readonly Choice[]): ChoiceOutcome {
  const choice = choices.find((c) => c.n === n);
  if (!choice) {
    if (choices.length === 0) return { kind: 'bad', message: `There is nothing numbered to choose now. Type a question, or help.` };
    return { kind: 'bad', message: `There is no choice ${n}: choose 1 to ${choices.length} under the last answer, or type a question.` };
  }
  const f = choice.followUp;
  switch (f.kind) {
    case 'ask':
      return { kind: 'ask', ask: f.ask };
    case 'feedback':
      // The console keeps no log (Slack's feedback goes to the app's event log); it answers as Slack does.
      return {
        kind: 'say',
        text: choice.fixed
          ? 'Glad that fixed it.'
          : 'Sorry that did not fix it. Look at "Also possible" in the answer, check the server with probe <server>, or paste the newest error.',
      };
    case 'link':
      return { kind: 'say', text: `The provider's help page: ${f.url}` };
    case 'login':
      return { kind: 'say', text: `Run the login test on the command line: emailhelp probe --login USER --protocol ${f.protocol} --port ${f.port} ${f.host}` };
  }
}
