import { describe, expect, it } from 'vitest';
import { emptyAnswer, problem, type Answer } from '../../src/core/answer/index.js';
import { diagnose } from '../../src/core/diagnosis/index.js';
import { explain } from '../../src/core/explain.js';
import { lookupOffline } from '../../src/core/settings/offline.js';
import { renderAnswer } from '../../src/terminal/answer-text.js';
import { stripAnsi } from '../../src/terminal/colors.js';
import { renderDiagnosis, renderExplanation, renderSettings } from '../../src/terminal/render.js';

/** The console's text of a chat answer: the command line's renderings, choices numbered, colour optional. */

const SGR = /\x1b\[[\d;]*m/;

function settingsAnswer(): Answer {
  const answer = emptyAnswer('settings', { kind: 'settings', input: 'gmail.com', offline: true });
  answer.settings = lookupOffline('gmail.com');
  answer.followUps = [
    { kind: 'ask', label: 'Probe imap.gmail.com', ask: { kind: 'probe', input: 'imap.gmail.com', protocol: 'imap', port: 993 } },
    { kind: 'ask', label: 'POP or IMAP?', ask: { kind: 'explain', topic: 'pop-vs-imap' } },
    { kind: 'login', label: 'Test login at imap.gmail.com', host: 'imap.gmail.com', protocol: 'imap', port: 993 },
  ];
  return answer;
}

function diagnosisAnswer(): Answer {
  const answer = emptyAnswer('diagnosis', { kind: 'diagnose', text: 'x' });
  answer.diagnosis = diagnose('Sending reported error (0x800CCC0F): The connection to the server was interrupted.');
  answer.followUps = [{ kind: 'feedback', causeId: answer.diagnosis.causes[0]?.id ?? 'unknown' }];
  return answer;
}

describe('renderAnswer', () => {
  it('settings: the command line\'s table, then the follow-ups as numbered choices', () => {
    const { text, choices } = renderAnswer(settingsAnswer(), { color: false });
    expect(text.startsWith(renderSettings(lookupOffline('gmail.com')))).toBe(true);
    expect(text).toContain('Next:\n  1. Probe imap.gmail.com\n  2. POP or IMAP?\nType a number to choose.\n');
    expect(choices.map((c) => [c.n, c.label, c.followUp.kind])).toEqual([
      [1, 'Probe imap.gmail.com', 'ask'],
      [2, 'POP or IMAP?', 'ask'],
    ]);
  });

  it('a login follow-up is no choice: it says how to run the login test on the command line', () => {
    const { text, choices } = renderAnswer(settingsAnswer(), { color: false });
    expect(text.replace(/\s+/g, ' ')).toContain('Test login at imap.gmail.com: run `emailhelp probe --login USER --protocol imap --port 993 imap.gmail.com` on the command line');
    expect(choices.some((c) => c.followUp.kind === 'login')).toBe(false);
  });

  it('diagnosis: the command line\'s text without its --json pointer, and "Did this fix it?" as two choices', () => {
    const answer = diagnosisAnswer();
    const { text, choices } = renderAnswer(answer, { color: false });
    if (!answer.diagnosis) throw new Error('no diagnosis');
    expect(renderDiagnosis(answer.diagnosis)).toContain('Details for any cause: emailhelp diagnose --json');
    expect(text).not.toContain('--json');
    expect(text).toContain('Most likely:');
    expect(text).toContain('Did this fix it?  1. Fixed it   2. Not fixed');
    expect(choices.map((c) => [c.label, c.fixed])).toEqual([
      ['Fixed it', true],
      ['Not fixed', false],
    ]);
  });

  it('an explanation and a problem', () => {
    const topic = explain('ports');
    if (!topic) throw new Error('no topic ports');
    const answer = emptyAnswer('explanation', { kind: 'explain', topic: 'ports' });
    answer.explanation = topic;
    expect(renderAnswer(answer, { color: false })).toEqual({ text: renderExplanation(topic), choices: [] });
    expect(renderAnswer(problem(null, 'settings needs an email address'), { color: false }).text).toBe('! settings needs an email address\n');
  });

  it('colour: bold headings and marks, and the same text once the colour is taken out', () => {
    for (const answer of [settingsAnswer(), diagnosisAnswer()]) {
      const plain = renderAnswer(answer, { color: false }).text;
      const colored = renderAnswer(answer, { color: true }).text;
      expect(plain).not.toMatch(SGR);
      expect(colored).toMatch(SGR);
      expect(stripAnsi(colored)).toBe(plain);
    }
    expect(renderAnswer(settingsAnswer(), { color: true }).text).toContain('\x1b[1mSettings for gmail.com');
  });
});
