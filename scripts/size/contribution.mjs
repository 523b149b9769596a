// What each source file costs a page, in gzip bytes as the page ships them: the page's code with
// that file's code taken out, minified and gzipped like the page, against the page itself. Gzip
// reuses text across a chunk, so this "in context" cost is what removing the file would save; the
// costs do not add up to the page (what files share is counted for none of them). Used by
// `node scripts/size/check.mjs --why`.
import { gzipSize, minifyChunk } from './bundle.mjs';

/** The local names a chunk's `export { a as b, c }` statements export. */
function exportedLocals(code) {
  const names = new Set();
  for (const [, list] of code.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const item of list.split(',')) {
      const local = item.trim().split(' as ')[0]; // Rollup writes `local as exported` with single spaces
      if (local) names.add(local);
    }
  }
  return names;
}

/** Whether `code` declares `name` at the start of a line (how Rollup renders top-level declarations). */
function declares(code, name) {
  return new RegExp(`^(?:async\\s+)?(?:function\\*?|class|var|let|const)\\s+${name.replace(/\$/g, '\\$')}\\b`, 'm').test(code);
}

/**
 * `code` without `segments` (substrings of it, removed where they first occur), with an empty
 * `var` for each exported name whose declaration went with them, so the rest still parses.
 * Throws when a segment is not in the code (a cost of 0 would be wrong).
 */
function withoutSegments(code, segments) {
  let rest = code;
  for (const segment of segments) {
    const at = rest.indexOf(segment);
    if (at === -1) throw new Error('a rendered module is not part of its chunk as rendered');
    rest = rest.slice(0, at) + rest.slice(at + segment.length);
  }
  const stubs = [...exportedLocals(code)].filter((name) => declares(code, name) && !declares(rest, name));
  return stubs.length === 0 ? rest : `${rest}\nvar ${stubs.join(', ')};`;
}

/**
 * The in-context gzip cost of each source label of a page. `chunks` are its up-front chunks
 * (`upFrontChunks` of `measurePage`), each `{ raw, gzip, segments }`: its code before
 * minification, its gzip size as measured, and the rendered code of each label in it
 * (`Map<label, string[]>`). Returns `Map<label, bytes>`; a label
 * that cannot be taken out (its code not found, or the rest does not parse) gets `NaN`.
 */
export async function inContextCosts(chunks) {
  const costs = new Map();
  for (const { raw, gzip, segments } of chunks) {
    for (const [label, texts] of segments) {
      let cost;
      try {
        cost = gzip - gzipSize(await minifyChunk(withoutSegments(raw, texts)));
      } catch {
        cost = Number.NaN;
      }
      costs.set(label, (costs.get(label) ?? 0) + cost);
    }
  }
  return costs;
}
