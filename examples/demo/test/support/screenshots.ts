import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Where a suite writes its screenshots, and how it cleans up after itself. */
export interface ScreenshotFolder {
  /** The folder, with a trailing separator. */
  readonly dir: string;
  /** Whether the screenshots go into the repository (UPDATE_SCREENSHOTS=1). */
  readonly updatesRepository: boolean;
  /** Removes the folder when it is a temporary one; keeps the repository's. */
  remove(): void;
}

/**
 * The repository's screenshot folder when `UPDATE_SCREENSHOTS=1`, otherwise a temporary folder that
 * `remove()` deletes: `npm test` leaves `git status` clean, and the README's pictures change only
 * when someone asks for it. The folder is made when `dir` is first read, so merely loading a suite
 * (`vitest list`) leaves nothing behind.
 */
export function screenshotFolder(repositoryDir: string): ScreenshotFolder {
  const updatesRepository = process.env['UPDATE_SCREENSHOTS'] === '1';
  let made: string | undefined;
  return {
    get dir(): string {
      if (made === undefined) {
        made = updatesRepository ? repositoryDir : mkdtempSync(path.join(tmpdir(), 'defender-errors-screenshots-'));
        mkdirSync(made, { recursive: true });
      }
      return made.endsWith(path.sep) ? made : `${made}${path.sep}`;
    },
    updatesRepository,
    remove: () => {
      if (!updatesRepository && made !== undefined) rmSync(made, { recursive: true, force: true });
    },
  };
}
