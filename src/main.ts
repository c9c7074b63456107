#!/usr/bin/env node
import { ConfigError } from './config-error.js';
import type { Config } from './config.js';
import { loadConfig } from './load-config.js';
import { runMain } from './run-main.js';

/**
 * `npm start`: the Slack app when Slack credentials are set, the local console otherwise. The
 * first line says which, and why, so that nobody wonders what a silent process is doing.
 */

function modeLine(config: Config): string {
  switch (config.mode) {
    case 'socket':
      return 'emailhelp: starting the Slack app in Socket Mode (SLACK_APP_TOKEN is set)';
    case 'http':
      return `emailhelp: starting the Slack app in HTTP mode on port ${config.port}: POST /slack/events, GET /healthz (SLACK_SIGNING_SECRET is set and SLACK_APP_TOKEN is not)`;
    case 'console':
      return 'emailhelp: local console (no SLACK_BOT_TOKEN is set, so the Slack app is not started; see README, "Slack set-up")';
  }
}

async function main(): Promise<number> {
  let config: Config;
  try {
    config = await loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`emailhelp: configuration: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  if (config.mode === 'console') {
    // The console's banner goes to stderr so that piped answers on stdout stay clean.
    process.stderr.write(`${modeLine(config)}\n`);
    const { runConsole } = await import('./console/index.js');
    return runConsole(config);
  }
  process.stdout.write(`${modeLine(config)}\n`);
  const { createSlackApp, SlackStartError } = await import('./app.js');
  const slack = createSlackApp(config);
  try {
    await slack.start();
  } catch (error) {
    if (error instanceof SlackStartError) {
      process.stderr.write(`emailhelp: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  process.stdout.write('emailhelp: connected and listening; Ctrl-C stops it\n');
  const stop = () => {
    void slack.stop().finally(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return new Promise<number>(() => undefined);
}

runMain(main);
