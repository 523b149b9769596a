import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runBuiltCli } from './fixtures/run-cli';

// The README's `$ defender-errors ...` examples, run against the build: the lines under each are its stdout.

const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');

/** Every `$ defender-errors` line of the README's sh blocks, with the output lines that follow it. */
function examples(): { args: string[]; output: string }[] {
  const found: { args: string[]; output: string[] }[] = [];
  for (const block of readme.split('```sh\n').slice(1).map((rest) => rest.split('```')[0] ?? '')) {
    let current: { args: string[]; output: string[] } | undefined;
    for (const line of block.split('\n')) {
      if (line.startsWith('$ defender-errors ')) {
        current = { args: line.slice('$ defender-errors '.length).split(' '), output: [] };
        found.push(current);
      } else if (line.length > 0) {
        current?.output.push(line);
      }
    }
  }
  return found.map(({ args, output }) => ({ args, output: output.map((line) => `${line}\n`).join('') }));
}

describe('README examples', () => {
  it('has examples to run', () => {
    expect(examples().length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples().map((example) => [example.args.join(' '), example] as const))('defender-errors %s', async (_label, { args, output }) => {
    const run = await runBuiltCli(args);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(output);
  });
});
