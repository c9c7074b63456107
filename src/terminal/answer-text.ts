import type { Answer, FollowUp } from '../core/answer/index.js';
import { paint, type Paint } from './colors.js';
import { renderDiagnosis, renderExplanation, renderProbe, renderSettings, wrap } from './render.js';

/**
 * The terminal rendering of a chat answer (src/core/answer), for the local console: the same
 * texts as the command line's (render.ts), in the order Slack shows them, and the answer's buttons
 * as numbered choices. Pure: an answer in, text and choices out; colour only when asked for.
 */

export interface Choice {
  /** What the user types to choose it: 1, 2, … */
  n: number;
  label: string;
  followUp: FollowUp;
  /** For the two choices of a `feedback` follow-up: which answer this one gives. */
  fixed?: boolean;
}

export interface AnswerText {
  text: string;
  choices: Choice[];
}

export function renderAnswer(answer: Answer, options: { color: boolean }): AnswerText {
  const p = paint(options.color);
  const parts: string[] = [];

  if (answer.problem !== null) parts.push(p('yellow', wrap(`! ${answer.problem}`, 0, 2)));
  if (answer.help) {
    const lines = [p('bold', answer.help.title)];
    for (const s of answer.help.sections) lines.push('', p('bold', s.heading), ...s.lines.map((l) => wrap(l, 2, 6)));
    parts.push(lines.join('\n'));
  }
  if (answer.explanation) parts.push(highlight(renderExplanation(answer.explanation), p));
  if (answer.diagnosis) parts.push(highlight(withoutCliHints(renderDiagnosis(answer.diagnosis)), p));
  if (answer.settings) parts.push(highlight(renderSettings(answer.settings), p));
  if (answer.probe) parts.push(highlight(renderProbe(answer.probe), p));
  if (answer.probeNote !== null) parts.push(p('dim', wrap(answer.probeNote, 0)));

  const logins = answer.followUps.filter((f) => f.kind === 'login');
  for (const f of logins) {
    // The login test needs a password typed at a hidden prompt, which the command line has and a chat line has not.
    parts.push(p('dim', wrap(`${f.label}: run \`emailhelp probe --login USER --protocol ${f.protocol} --port ${f.port} ${f.host}\` on the command line (it asks for the password; read-only, one attempt, over TLS).`, 0, 2)));
  }

  const choices = choicesFor(answer.followUps);
  if (choices.length > 0) parts.push(renderChoices(choices, p));

  const text = parts.map((part) => part.trimEnd()).filter((part) => part !== '').join('\n\n');
  return { text: `${text}\n`, choices };
}

/** Numbered choices from the answer's follow-ups: asks first, then "Did this fix it?". */
export function choicesFor(followUps: readonly FollowUp[]): Choice[] {
  const choices: Choice[] = [];
  for (const f of followUps) {
    if (f.kind === 'ask') choices.push({ n: choices.length + 1, label: f.label, followUp: f });
  }
  for (const f of followUps) {
    if (f.kind !== 'feedback') continue;
    choices.push({ n: choices.length + 1, label: 'Fixed it', followUp: f, fixed: true });
    choices.push({ n: choices.length + 1, label: 'Not fixed', followUp: f, fixed: false });
  }
  return choices;
}

function renderChoices(choices: readonly Choice[], p: Paint): string {
  const asks = choices.filter((c) => c.fixed === undefined);
  const feedback = choices.filter((c) => c.fixed !== undefined);
  const lines: string[] = [];
  if (asks.length > 0) lines.push(p('bold', 'Next:'), ...asks.map((c) => `  ${p('bold', `${c.n}.`)} ${c.label}`));
  if (feedback.length > 0) {
    lines.push(`${p('bold', 'Did this fix it?')}  ${feedback.map((c) => `${p('bold', `${c.n}.`)} ${c.label}`).join('   ')}`);
  }
  lines.push(p('dim', 'Type a number to choose.'));
  return lines.join('\n');
}

/** The command line's pointer to `--json` means nothing in the console. */
function withoutCliHints(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.startsWith('Details for any cause: emailhelp'))
    .join('\n');
}

const HEADINGS = /^(Most likely:|Also possible:| {2}What to do:|Seen in the text:|Settings for |No settings found |Incoming mail|Outgoing mail|Notes:|Probe of )/;
const MARK_STYLE = { '✓': 'green', '⚠': 'yellow', '✗': 'red' } as const;

/** Colours the plain renderings of render.ts line by line: headings bold, check marks by status. */
function highlight(text: string, p: Paint): string {
  const lines = text.split('\n');
  return lines
    .map((line, i) => {
      if (HEADINGS.test(line)) return p('bold', line);
      const mark = line[0] as keyof typeof MARK_STYLE | undefined;
      if (mark !== undefined && mark in MARK_STYLE) return `${p(MARK_STYLE[mark], mark)}${line.slice(1)}`;
      if (/^\s+warning: /.test(line)) return p('yellow', line);
      if (/^=+$/.test(line)) return p('dim', line);
      // An explanation's title is the line above its row of '='.
      if (/^=+$/.test(lines[i + 1] ?? '')) return p('bold', line);
      return line;
    })
    .join('\n');
}
