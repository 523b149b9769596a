import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SERVER_ENTRY = fileURLToPath(new URL('../dist/server/main.js', import.meta.url));

describe('the built demo server process', () => {
  it('refuses a PORT that is not a port, with exit code 2 and a clear message', () => {
    expect(existsSync(SERVER_ENTRY), 'build the demo first').toBe(true);
    const result = spawnSync(process.execPath, [SERVER_ENTRY], { env: { ...process.env, PORT: 'http' }, encoding: 'utf8', timeout: 20_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('PORT must be a number from 0 to 65535, not "http".\n');
  });
});
