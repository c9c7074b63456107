#!/usr/bin/env node
import { ConfigError } from './config-error.js';
import { loadConfig } from './load-config.js';
import { promptHidden } from './terminal/password.js';
import { EXIT_USAGE, MAX_STDIN_BYTES, runCli, type CliIo } from './terminal/run.js';
import { runMain } from './run-main.js';

/** Terminal entry point: real stdin/stdout, configuration check, exit code. Nothing else. */

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    // Keep the head and tail of a huge paste only: diagnosis never reads more than that.
    if (size < MAX_STDIN_BYTES) chunks.push(chunk);
    size += chunk.length;
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<number> {
  let config;
  try {
    config = await loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`emailhelp: configuration: ${error.message}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
  const io: CliIo = {
    readStdin,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    config,
    // On a terminal the login test's password is typed without echo; piped, it is stdin's first line.
    readPassword: process.stdin.isTTY ? (prompt) => promptHidden(prompt, process.stdin, process.stderr) : undefined,
  };
  return runCli(process.argv.slice(2), io);
}

runMain(main);
