import { describe, expect, it } from 'vitest';
import { readMarkdownBlocks } from './markdown-blocks';

const rowsOf = (markdown: string) => readMarkdownBlocks(markdown).tables.map((table) => table.rows.map((row) => [row.line, ...row.cells]));

describe('tables in containers', () => {
  it('reads a table under a list item up to the line that leaves the item', () => {
    const page = ['1. Codes:', '', '   | Code | Status |', '   |---|---|', '   | A | 400 |', '| B | 401 |', '', 'after'].join('\n');
    expect(rowsOf(page)).toEqual([[[5, 'A', '400']]]);
  });

  it('reads a quoted table up to the first line without the quote marker', () => {
    const page = ['> | Code | Status |', '> |---|---|', '>| A | 400 |', '| B | 401 |'].join('\n');
    expect(rowsOf(page)).toEqual([[[3, 'A', '400']]]);
  });

  it('skips a table in a fenced block of a list item or a blockquote, and ends such a fence with its container', () => {
    const fencedInItem = ['- Example:', '', '    ```', '    | a | b |', '    |-|-|', '    | 1 | 2 |', '    ```'].join('\n');
    const fencedInQuote = ['> ```', '> | a | b |', '> |-|-|', '> | 1 | 2 |'].join('\n');
    expect(rowsOf(fencedInItem)).toEqual([]);
    expect(rowsOf(fencedInQuote)).toEqual([]);
    // The fence of the blockquote ends with it: the table after it is read.
    expect(rowsOf(`${fencedInQuote}\n\n| c | d |\n|-|-|\n| 3 | 4 |`)).toEqual([[[8, '3', '4']]]);
  });

  it('needs the header and delimiter in the same container', () => {
    expect(rowsOf(['> | a | b |', '|-|-|', '| 1 | 2 |'].join('\n'))).toEqual([]);
  });
});
