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
 * when someone asks for it.
 */
export function screenshotFolder(repositoryDir: string): ScreenshotFolder {
  const updatesRepository = process.env['UPDATE_SCREENSHOTS'] === '1';
  const dir = updatesRepository ? repositoryDir : mkdtempSync(path.join(tmpdir(), 'defender-errors-screenshots-'));
  mkdirSync(dir, { recursive: true });
  return {
    dir: dir.endsWith(path.sep) ? dir : `${dir}${path.sep}`,
    updatesRepository,
    remove: () => {
      if (!updatesRepository) rmSync(dir, { recursive: true, force: true });
    },
  };
}
