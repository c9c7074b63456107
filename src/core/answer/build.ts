import { CAUSES } from '../../content/causes.js';
import type { ClientId } from '../../content/types.js';
import { diagnose, type Diagnosis } from '../diagnosis/index.js';
import { pickFixes } from '../diagnosis/engine.js';
import { explain, topicIds } from '../explain.js';
import type { ProbeContext, ProbeReport, ProbeRequest } from '../probe/index.js';
import type { SettingsAnswer } from '../settings/types.js';
import { AskError, type Ask } from './ask.js';
import { followUpsFor, parentDomain } from './follow-ups.js';
import { helpPage } from './help.js';
import { emptyAnswer, type Answer } from './model.js';

/**
 * Builds the one answer every chat surface shows for a request: a diagnosis with the settings and
 * the probe checklist of the server it names, settings with their caveats, a probe, an
 * explanation. The surfaces differ only in how they ask, wait and render.
 */

export interface AnswerContext extends ProbeContext {
  config: ProbeContext['config'] & { allowLoginTest: boolean };
  /** What the user types first on this surface ('/emailhelp' in Slack, '' in the console), for help and hints. */
  command: string;
  /**
   * Runs a probe under the surface's limits (probes per user, probes in flight); answers with a
   * sentence instead of a report when a limit says no. Without it every probe runs.
   */
  guardProbe?: (target: string, run: () => Promise<ProbeReport>) => Promise<ProbeReport | { refused: string }>;
  /** Told when a slow step starts, in words for the user: "checking imap.example.com…". */
  onProgress?: (step: string) => void;
}

export async function buildAnswer(ask: Ask, context: AnswerContext): Promise<Answer> {
  try {
    const answer = await answerFor(ask, context);
    answer.followUps = followUpsFor(answer, { loginTest: context.config.allowLoginTest });
    return answer;
  } catch (error) {
    if (error instanceof AskError) return problem(ask, error.message);
    const { SettingsInputError } = await import('../settings/types.js');
    const { ProbeRequestError } = await import('../probe/index.js');
    if (error instanceof SettingsInputError || error instanceof ProbeRequestError) return problem(ask, error.message);
    throw error;
  }
}

/** An answer that only says what was wrong with the request. */
export function problem(ask: Ask | null, message: string): Answer {
  const answer = emptyAnswer('problem', ask);
  answer.problem = message;
  return answer;
}

async function answerFor(ask: Ask, context: AnswerContext): Promise<Answer> {
  switch (ask.kind) {
    case 'help': {
      const answer = emptyAnswer('help', ask);
      answer.help = helpPage(context.command, ask.topic);
      return answer;
    }
    case 'guided':
      // A surface opens its own questions for this; an answer can only point to them.
      return problem(ask, `Type the error message, an email address or a server name after ${context.command || 'the prompt'}, or ask for help.`);
    case 'explain': {
      const found = explain(ask.topic);
      if (!found) throw new AskError(`There is no topic "${ask.topic.slice(0, 60)}". The topics are ${topicIds().join(', ')}.`, 'explain');
      const answer = emptyAnswer('explanation', ask);
      answer.explanation = found;
      return answer;
    }
    case 'settings': {
      const answer = emptyAnswer('settings', ask);
      answer.settings = await lookUpSettings(ask.input, ask.offline, context);
      return answer;
    }
    case 'probe': {
      const answer = emptyAnswer('probe', ask);
      await attachProbe(answer, { input: ask.input, protocol: ask.protocol, port: ask.port }, context);
      return answer;
    }
    case 'diagnose':
      return diagnoseWithContext(ask, ask.text, null, context);
    case 'guided_answer':
      return guidedAnswer(ask, context);
  }
}

/** A diagnosis, plus the bundled settings and a probe of the server the error names. */
async function diagnoseWithContext(ask: Ask, text: string, client: ClientId | null, context: AnswerContext): Promise<Answer> {
  const answer = emptyAnswer('diagnosis', ask);
  const diagnosis = withClient(diagnose(text), client);
  answer.diagnosis = diagnosis;
  const { host, protocol, port } = diagnosis.extracted;
  if (host !== null) {
    answer.settings = await settingsForServer(host);
    await attachProbe(answer, { input: host, protocol: protocol ?? undefined, port: port ?? undefined }, context);
  }
  return answer;
}

/** The modal's or the console's guided questions: the error, the address, the mail app. */
async function guidedAnswer(ask: Extract<Ask, { kind: 'guided_answer' }>, context: AnswerContext): Promise<Answer> {
  const errorText = ask.errorText.trim();
  const address = ask.address.trim();
  if (errorText === '' && address === '') throw new AskError('Give the error message, the email address, or both.');
  const answer = errorText === '' ? emptyAnswer('settings', ask) : await diagnoseWithContext(ask, errorText, ask.client, context);
  if (address !== '') {
    const settings = await lookUpSettings(address, false, context);
    answer.settings = settings;
    if (answer.probe === null) {
      await attachProbe(answer, { input: settings.incoming[0]?.host ?? address, discovered: settings }, context);
    }
  }
  return answer;
}

const CAUSE_INFO = new Map(CAUSES.map((c) => [c.id, c]));

/** The user named their mail app: its own menu paths come first among the fixes. */
function withClient(diagnosis: Diagnosis, client: ClientId | null): Diagnosis {
  // The diagnosis says 'other' when the text names no app: the user's own choice is better than that.
  const found = diagnosis.extracted.client;
  if (client === null || (found !== null && found !== 'other')) return diagnosis;
  return {
    causes: diagnosis.causes.map((c) => {
      const known = CAUSE_INFO.get(c.id);
      return known ? { ...c, fixes: pickFixes(known, client) } : c;
    }),
    extracted: { ...diagnosis.extracted, client },
  };
}

async function lookUpSettings(input: string, offline: boolean, context: AnswerContext): Promise<SettingsAnswer> {
  if (offline) {
    const { lookupOffline } = await import('../settings/offline.js');
    return lookupOffline(input);
  }
  const { discover } = await import('../settings/online.js');
  const { normalizeDomain } = await import('../settings/offline.js');
  context.onProgress?.(`looking up the settings for ${normalizeDomain(input)}…`);
  return discover(input, context);
}

/** Bundled settings for the provider whose server this is (imap.gmail.com → gmail.com), if any. */
async function settingsForServer(host: string): Promise<SettingsAnswer | null> {
  const { lookupOffline } = await import('../settings/offline.js');
  for (let domain = parentDomain(host); domain !== null; domain = domain.split('.').length > 2 ? parentDomain(domain) : null) {
    try {
      const found = lookupOffline(domain);
      if (found.provider !== null) return found;
    } catch {
      return null;
    }
  }
  return null;
}

async function attachProbe(answer: Answer, request: ProbeRequest, context: AnswerContext): Promise<void> {
  const { probe } = await import('../probe/index.js');
  const target = request.input;
  const run = () => {
    context.onProgress?.(`checking ${target}…`);
    return probe(request, context);
  };
  const result = context.guardProbe ? await context.guardProbe(target, run) : await run();
  if ('refused' in result) answer.probeNote = result.refused;
  else answer.probe = result;
}
