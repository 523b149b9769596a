import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
/** The DOM sinks that parse markup or write raw HTML; the package builds its DOM from text nodes only. */
const HTML_SINKS = ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write', 'createContextualFragment', 'setHTMLUnsafe', 'parseHTMLUnsafe', 'DOMParser'];

function filesUnder(folder: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(folder)) {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) files.push(...filesUnder(path));
    else files.push(path);
  }
  return files;
}

describe('no HTML sinks in the package', () => {
  for (const folder of ['src', 'dist']) {
    it(`${folder}/ never uses ${HTML_SINKS.join(', ')}`, () => {
      const files = filesUnder(join(packageRoot, folder)).filter((file) => /\.(?:[cm]?[jt]s|d\.[cm]?ts)$/.test(file));
      expect(files.length, `${folder}/ has no source files (build first)`).toBeGreaterThan(folder === 'dist' ? 3 : 4);
      const found: string[] = [];
      for (const file of files) {
        const text = readFileSync(file, 'utf8');
        for (const sink of HTML_SINKS) if (text.includes(sink)) found.push(`${relative(packageRoot, file)}: ${sink}`);
      }
      expect(found).toEqual([]);
    });
  }

  it('finds a sink when one is there (the scan can fail)', () => {
    const sample = 'el.insertAdjacentHTML("beforeend", x)';
    expect(HTML_SINKS.filter((sink) => sample.includes(sink))).toEqual(['insertAdjacentHTML']);
  });
});
