import { ERROR_CODES, getErrorDefinition, type ErrorCode } from '@defender-errors/core';
import { codeNamed, codeOfWording, squash } from './code-text';
import type { PageTableRow } from './learn-page';

export { squash } from './code-text';

/** How a row of the page was matched to a code. */
export type RowMatch =
  /**
   * The row names the code: its code cell is the code (`InvalidHashValue`, or spaced or cased
   * differently: `Bad Request`), echoes it (`No autorizado (Unauthorized)`), or, on a bilingual
   * page, its English code cell or English message (a wire wording) is the code's.
   */
  | 'code'
  /** A translated code placed by its position between matched rows, with a compatible status. */
  | 'order'
  /** A translated code placed by its status, as the only (or clearly best) unmatched code with that status. */
  | 'status';

const CODE_INDEX = new Map<string, number>(ERROR_CODES.map((code, index) => [code, index]));

function bigrams(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (let index = 0; index + 1 < text.length; index += 1) {
    const pair = text.slice(index, index + 2);
    counts.set(pair, (counts.get(pair) ?? 0) + 1);
  }
  return counts;
}

/** Dice similarity of two strings' letter pairs, 0..1, ignoring case, spaces and punctuation. */
export function similarity(a: string, b: string): number {
  const left = bigrams(squash(a).slice(0, 64));
  const right = bigrams(squash(b).slice(0, 64));
  let shared = 0;
  let total = 0;
  for (const count of left.values()) total += count;
  for (const [pair, count] of right) {
    total += count;
    shared += Math.min(count, left.get(pair) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/** What row matching needs of a row: the row, how many placeholders its message has, and its English message on a bilingual page. */
export interface RowFacts {
  readonly row: PageTableRow;
  readonly placeholderCount: number;
  /** The English message cell as read by `readMessageCell` (placeholder slots in it), on a bilingual page. */
  readonly englishMessage?: string | undefined;
}

/** The code a row names itself, and how: its code cell, the code it echoes, or its English text. */
function namedCode(fact: RowFacts): { code: ErrorCode; reason: string } | undefined {
  const { codeText, echoedCode, englishCodeText } = fact.row;
  const written = codeNamed(codeText);
  if (written !== undefined) return { code: written, reason: written === codeText ? 'the code as written' : `the code, written "${codeText}"` };
  const english = englishCodeText === undefined ? undefined : codeNamed(englishCodeText);
  if (english !== undefined) return { code: english, reason: `the code in the page's English text: "${englishCodeText}"` };
  if (echoedCode !== undefined) return { code: echoedCode, reason: `the code the translated cell echoes: "${codeText} (${echoedCode})"` };
  const worded = codeOfWording(fact.englishMessage);
  if (worded !== undefined) return { code: worded, reason: `the page's English message is ${worded}'s wire wording` };
  return undefined;
}

function statusFits(facts: RowFacts, code: ErrorCode): boolean {
  return facts.row.status === undefined || facts.row.status === getErrorDefinition(code).status;
}

function pairScore(facts: RowFacts, code: ErrorCode): number {
  if (!statusFits(facts, code)) return Number.NEGATIVE_INFINITY;
  const placeholders = facts.placeholderCount === getErrorDefinition(code).params.length ? 1 : -1;
  return 2 + placeholders + 2 * similarity(facts.row.codeText, code);
}

/** Order-preserving best assignment of `rows` to `codes` (an alignment, skipping either side as needed). */
function align(rows: readonly number[], codes: readonly ErrorCode[], facts: readonly RowFacts[]): [number, ErrorCode][] {
  const best: number[][] = Array.from({ length: rows.length + 1 }, () => new Array<number>(codes.length + 1).fill(0));
  const score = (i: number, j: number) => pairScore(facts[rows[i] as number] as RowFacts, codes[j] as ErrorCode);
  for (let i = 1; i <= rows.length; i += 1) {
    for (let j = 1; j <= codes.length; j += 1) {
      const row = best[i] as number[];
      row[j] = Math.max((best[i - 1] as number[])[j] as number, row[j - 1] as number, ((best[i - 1] as number[])[j - 1] as number) + score(i - 1, j - 1));
    }
  }
  const pairs: [number, ErrorCode][] = [];
  for (let i = rows.length, j = codes.length; i > 0 && j > 0; ) {
    const here = (best[i] as number[])[j] as number;
    if (here === (best[i - 1] as number[])[j]) i -= 1;
    else if (here === (best[i] as number[])[j - 1]) j -= 1;
    else {
      pairs.push([rows[i - 1] as number, codes[j - 1] as ErrorCode]);
      i -= 1;
      j -= 1;
    }
  }
  return pairs.reverse();
}

/** The longest run of anchors (by row) whose codes are also in table order: the rows that bound the gaps. */
function orderedAnchors(anchors: readonly { row: number; codeIndex: number }[]): { row: number; codeIndex: number }[] {
  const tails: number[] = [];
  const previous: number[] = [];
  for (let index = 0; index < anchors.length; index += 1) {
    const value = (anchors[index] as { codeIndex: number }).codeIndex;
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((anchors[tails[middle] as number] as { codeIndex: number }).codeIndex < value) low = middle + 1;
      else high = middle;
    }
    previous[index] = low > 0 ? (tails[low - 1] as number) : -1;
    tails[low] = index;
  }
  const chain: { row: number; codeIndex: number }[] = [];
  for (let index = tails.at(-1) ?? -1; index !== -1; index = previous[index] as number) chain.push(anchors[index] as { row: number; codeIndex: number });
  return chain.reverse();
}

/** The code a row was matched to, how, and why (for the report). */
export interface Assignment {
  readonly code: ErrorCode;
  readonly match: RowMatch;
  readonly reason: string;
}

/** `1 placeholder`, `2 placeholders`. */
export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** Matches the page's rows (by index) to codes: by the code itself, then by order between matched rows, then by status. */
export function matchRows(facts: readonly RowFacts[]): Map<number, Assignment> {
  const assigned = new Map<number, Assignment>();
  const used = new Set<ErrorCode>();
  facts.forEach((fact, row) => {
    const named = namedCode(fact);
    if (named === undefined || used.has(named.code) || !statusFits(fact, named.code)) return;
    used.add(named.code);
    assigned.set(row, { code: named.code, match: 'code', reason: named.reason });
  });

  const anchors = [...assigned].map(([row, assignment]) => ({ row, codeIndex: CODE_INDEX.get(assignment.code) ?? 0 }));
  const bounds = [{ row: -1, codeIndex: -1 }, ...orderedAnchors(anchors), { row: facts.length, codeIndex: ERROR_CODES.length }];
  for (let index = 0; index + 1 < bounds.length; index += 1) {
    const before = bounds[index] as { row: number; codeIndex: number };
    const after = bounds[index + 1] as { row: number; codeIndex: number };
    const rows: number[] = [];
    for (let row = before.row + 1; row < after.row; row += 1) if (!assigned.has(row)) rows.push(row);
    const codes = ERROR_CODES.slice(before.codeIndex + 1, after.codeIndex).filter((code) => !used.has(code));
    if (rows.length === 0 || codes.length === 0) continue;
    const beforeName = before.row === -1 ? 'the start of the table' : (ERROR_CODES[before.codeIndex] as string);
    const afterName = after.row === facts.length ? 'the end of the table' : (ERROR_CODES[after.codeIndex] as string);
    for (const [row, code] of align(rows, codes, facts)) {
      const fact = facts[row] as RowFacts;
      const params = getErrorDefinition(code).params.length;
      const placeholders = fact.placeholderCount === params ? `${plural(params, 'placeholder')} as the code has` : `${fact.placeholderCount} placeholder(s), the code has ${params}`;
      used.add(code);
      assigned.set(row, {
        code,
        match: 'order',
        reason: `translated code: between ${beforeName} and ${afterName} on the page and in the code table; status ${fact.row.status ?? 'not given'}; ${placeholders}`,
      });
    }
  }

  facts.forEach((fact, row) => {
    if (assigned.has(row) || fact.row.status === undefined) return;
    const candidates = ERROR_CODES.filter((code) => !used.has(code) && getErrorDefinition(code).status === fact.row.status)
      .map((code) => ({ code, score: pairScore(fact, code) }))
      .sort((a, b) => b.score - a.score);
    const [first, second] = candidates;
    if (first === undefined || (second !== undefined && first.score - second.score < 1)) return;
    used.add(first.code);
    assigned.set(row, {
      code: first.code,
      match: 'status',
      reason: `translated code: ${candidates.length === 1 ? 'the only unmatched code' : 'the closest unmatched code'} with status ${fact.row.status}`,
    });
  });
  return assigned;
}
