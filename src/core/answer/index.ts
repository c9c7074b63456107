export { AskError, CHAT_COMMANDS, isAddressOrDomain, parseAsk, type Ask, type ChatCommand, type ProtocolChoice } from './ask.js';
export { buildAnswer, problem, type AnswerContext } from './build.js';
export { helpPage, PORTS_QUICK_REFERENCE } from './help.js';
export { emptyAnswer, type Answer, type AnswerKind, type FollowUp, type HelpPage, type HelpSection } from './model.js';
