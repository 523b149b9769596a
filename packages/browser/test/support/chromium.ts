import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; `CHROMIUM_PATH` points elsewhere. Never a downloaded browser build. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Launches headless Chromium. A missing browser is an error (the suite fails), never a skip:
 * `apt-get install -y chromium` installs it (`.ci/run` does). Chromium gets a temporary folder of
 * its own, removed once it is closed: under load it can leave empty `.org.chromium.Chromium.*`
 * files behind in TMPDIR, and a test run must leave nothing there.
 */
export async function launchChromium(): Promise<Browser> {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch {
    throw new Error(`Chromium is required for these tests and was not found at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  }
  const ownTmp = mkdtempSync(path.join(tmpdir(), 'defender-errors-chromium-'));
  const removeOwnTmp = () => rmSync(ownTmp, { recursive: true, force: true });
  try {
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 60_000, env: { ...process.env, TMPDIR: ownTmp } });
    browser.on('disconnected', removeOwnTmp);
    return browser;
  } catch (error) {
    removeOwnTmp();
    throw error;
  }
}

/** One Chromium shared by a suite, launched by the first test that needs it. */
export interface SharedChromium {
  /** The browser; every test that calls it fails (never skips) when Chromium cannot start. */
  get(): Promise<Browser>;
  close(): Promise<void>;
}

/** A {@link SharedChromium}: call `get()` inside tests (not in `beforeAll`, whose failure skips them). */
export function sharedChromium(): SharedChromium {
  let launched: Promise<Browser> | undefined;
  return {
    get: () => (launched ??= launchChromium()),
    close: async () => {
      const browser = await launched?.catch(() => undefined);
      await browser?.close();
    },
  };
}
