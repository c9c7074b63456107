import { describe, expect, it } from 'vitest';
import { askGuided, mailAppFor, NOTHING_TO_ANSWER, type GuidedIo } from '../../src/console/guided.js';

/** The guided questions alone: answers in, the request (the modal's guided_answer) out. */

function scripted(answers: (string | null)[]): GuidedIo & { asked: string[]; said: string[] } {
  const asked: string[] = [];
  const said: string[] = [];
  return {
    asked,
    said,
    question: (text) => {
      asked.push(text);
      return Promise.resolve(answers.shift() ?? null);
    },
    say: (text) => said.push(text),
  };
}

describe('askGuided', () => {
  it('builds the modal\'s request from the three answers', async () => {
    const io = scripted(['  Authentication failed  ', 'someone@example.com', '1']);
    expect(await askGuided(io)).toEqual({
      kind: 'ask',
      ask: { kind: 'guided_answer', errorText: 'Authentication failed', address: 'someone@example.com', client: 'outlook', device: null },
    });
    expect(io.asked).toEqual(['The error message (Enter to skip)', 'Email address or domain (Enter to skip)', 'Mail app (a number, Enter to skip)']);
  });

  it('a skipped app is null; a skipped error or address is empty', async () => {
    expect(await askGuided(scripted(['', 'example.com', '']))).toEqual({
      kind: 'ask',
      ask: { kind: 'guided_answer', errorText: '', address: 'example.com', client: null, device: null },
    });
  });

  it('with neither the error nor the address there is nothing to ask about, and no app question', async () => {
    const io = scripted(['', ' ']);
    expect(await askGuided(io)).toEqual({ kind: 'nothing', message: NOTHING_TO_ANSWER });
    expect(io.asked).toHaveLength(2);
  });

  it('quit or the end of input at any question ends it', async () => {
    expect(await askGuided(scripted([null]))).toEqual({ kind: 'end' });
    expect(await askGuided(scripted(['x', 'quit']))).toEqual({ kind: 'end' });
    expect(await askGuided(scripted(['x', '', 'exit']))).toEqual({ kind: 'end' });
  });
});

describe('mailAppFor', () => {
  it.each([
    ['1', 'outlook'],
    ['3', 'ios_mail'],
    ['8', 'other'],
    ['Thunder', 'thunderbird'],
    ['gmail', 'gmail'],
    ['ios_mail', 'ios_mail'],
    ['', null],
  ])('%j → %j', (typed, id) => {
    expect(mailAppFor(typed)).toBe(id);
  });

  it.each(['0', '9', 'pigeon', 'a'])('%j is unclear', (typed) => {
    // "a" starts both "Apple Mail" and "Android": ask again rather than guess.
    expect(mailAppFor(typed)).toBeUndefined();
  });
});
