/** The Slack stand-in in one import: Web API + response_url + Socket Mode server, signing, payloads, Block Kit checks. */
export * from './web-api.js';
export * from './socket-mode.js';
export * from './sign.js';
export * from './payloads.js';
export * from './block-kit.js';
