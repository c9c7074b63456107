/**
 * How both entry points (the command line and `npm start`) end: the exit code they return, or —
 * for a bug, not bad input — one line without a stack trace, with the detail kept for a debug run
 * (EMAILHELP_DEBUG=1).
 */
export function runMain(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`emailhelp: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      if (process.env.EMAILHELP_DEBUG) console.error(error);
      process.exitCode = 1;
    },
  );
}
