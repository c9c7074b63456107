import type { Config } from '../config.js';
import { buildAnswer, problem, type Answer, type AnswerContext, type Ask } from '../core/answer/index.js';
import { renderAnswer, type Choice } from '../terminal/answer-text.js';
import { paint, wantsColor } from '../terminal/colors.js';
import { followChoice } from './choices.js';
import { forConsole } from './console-help.js';
import { askGuided } from './guided.js';
import { createLineReader } from './line-reader.js';
import { readRequest } from './request-line.js';
import { createSpinner } from './spinner.js';

/**
 * The local console (`npm start` without Slack credentials): a chat in the terminal. The user types
 * what they would type after /emailhelp in Slack and gets the same answer (src/core/answer),
 * rendered for the terminal, with the answer's buttons as numbered choices.
 *
 * On a terminal: a prompt, colour (unless NO_COLOR), a spinner while a probe runs, pasted lines
 * read as one error text. On a pipe: stdout holds only the answers — no prompt, no escape codes;
 * questions and progress go to stderr — and every line is one request. Exit status 0 at quit,
 * exit or the end of input.
 */

export interface ConsoleIo {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  errorOutput?: NodeJS.WritableStream;
  /** A person at a terminal (prompts, colour, spinner); by default, whether both input and output are terminals. */
  isTTY?: boolean;
  /** Extra trusted CA certificates (PEM) for probes and discovery: a lab's own CA. */
  extraCa?: readonly string[];
}

const PROMPT = 'emailhelp> ';

export async function runConsole(config: Config, io: ConsoleIo = {}): Promise<number> {
  const input = io.input ?? process.stdin;
  const output = io.output ?? process.stdout;
  const errorOutput = io.errorOutput ?? process.stderr;
  const tty = io.isTTY ?? (isTerminal(input) && isTerminal(output));
  const color = wantsColor(tty);
  const p = paint(color);

  let outputClosed = false;
  // `npm start | head` closes stdout early: stop there instead of dying on EPIPE.
  const onOutputError = () => {
    outputClosed = true;
    reader.close();
  };
  output.on('error', onOutputError);
  const write = (text: string) => {
    if (!outputClosed) output.write(text);
  };

  const reader = createLineReader({ input, output, terminal: tty });
  const spinner = createSpinner({ output: tty ? output : errorOutput, tty });
  const context: AnswerContext = {
    config,
    command: '',
    onProgress: (step) => spinner.step(step),
    ...(io.extraCa ? { extraCa: io.extraCa } : {}),
  };

  let choices: Choice[] = [];

  const show = (answer: Answer) => {
    const rendered = renderAnswer(forConsole(answer), { color });
    write(`${rendered.text}\n`);
    choices = rendered.choices;
  };
  const say = (text: string) => write(`${text}\n\n`);
  const sayProblem = (message: string) => write(`${renderAnswer(problem(null, message), { color }).text}\n`);

  const answer = async (ask: Ask) => {
    reader.hold();
    let built: Answer;
    try {
      built = await buildAnswer(ask, context);
    } catch (error) {
      // A bug, not the user's input: say so and keep the console open.
      spinner.stop();
      errorOutput.write(`emailhelp: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      return;
    }
    spinner.stop();
    show(built);
  };

  // On a pipe the guided questions go to stderr: stdout stays the answers.
  const guidedIo = {
    question: (text: string) => {
      if (!tty) errorOutput.write(`${text}:\n`);
      return reader.read(`${p('bold', text)}: `);
    },
    say: (text: string) => (tty ? write(`${text}\n`) : errorOutput.write(`${text}\n`)),
  };

  if (tty) {
    write(`${p('bold', 'emailhelp')} — type an error message, an email address or a server name, as you would in Slack.\n`);
    write(`${p('dim', '"help" lists what it can do, "/emailhelp" alone asks step by step, "quit" leaves.')}\n\n`);
  }

  for (;;) {
    if (outputClosed) break;
    const line = await reader.read(color ? p('bold', PROMPT) : PROMPT);
    if (line === null) break;
    const request = readRequest(line);
    if (request.kind === 'blank') continue;
    if (request.kind === 'quit') break;
    switch (request.kind) {
      case 'ask':
        await answer(request.ask);
        break;
      case 'bad':
        sayProblem(request.message);
        break;
      case 'choice': {
        const outcome = followChoice(request.n, choices);
        if (outcome.kind === 'ask') await answer(outcome.ask);
        else if (outcome.kind === 'bad') sayProblem(outcome.message);
        else say(outcome.text);
        break;
      }
      case 'guided': {
        const outcome = await askGuided(guidedIo);
        if (outcome.kind === 'end') return finish(0);
        if (outcome.kind === 'nothing') sayProblem(outcome.message);
        else await answer(outcome.ask);
        break;
      }
    }
  }
  return finish(0);

  function finish(code: number): number {
    reader.close();
    spinner.stop();
    // The error listener stays: a write that failed just before the end reports its EPIPE after it.
    if (tty) write('\n');
    return code;
  }
}

function isTerminal(stream: NodeJS.ReadableStream | NodeJS.WritableStream): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}
