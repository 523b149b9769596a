import { accessSync, constants } from 'node:fs';
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
 * `apt-get install -y chromium` installs it (`.ci/run` does).
 */
export async function launchChromium(): Promise<Browser> {
  try {
    accessSync(CHROMIUM_PATH, constants.X_OK);
  } catch {
    throw new Error(`Chromium is required for these tests and was not found at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, timeout: 60_000 });
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
