import { createErrorTranslator, type ErrorTranslator } from '@defender-errors/i18n';
import { escapeTerminalText } from '@defender-errors/node';
import { EXIT_PROBLEM } from './command';
import { runCli } from './run';

// The `defender-errors` executable (package.json `bin`); tsup adds the shebang.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error; // `defender-errors ... | head` closed the pipe: not our failure
});

let translator: ErrorTranslator | undefined;
try {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    translator: () => (translator ??= createErrorTranslator()),
  });
} catch (error) {
  const reason = error instanceof Error ? error.message : String(error);
  process.stderr.write(`${escapeTerminalText(`defender-errors: internal error: ${reason}`)}\n`);
  process.exitCode = EXIT_PROBLEM;
}
