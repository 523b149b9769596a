/** A piece of markdown in Microsoft's bilingual span markup, read as its two texts. */
export interface BilingualText {
  /** The translated text (the `data-ttu-id` spans), with what lies between the spans. */
  readonly translated: string;
  /** The English text (the `sxs-lookup` spans), with what lies between the spans. */
  readonly english: string;
}

const TRANSLATED_OPEN = '<span data-ttu-id="';
const ENGLISH_OPEN = '<span class="sxs-lookup"><span data-stu-id="';
const ID_END = '">';
const CLOSE = '</span>';
const ENGLISH_CLOSE = '</span></span>';

/**
 * Splits markdown written as `<span data-ttu-id="…">translated</span><span class="sxs-lookup"><span
 * data-stu-id="…">English</span></span>` (older localized Learn pages, table cells included) into
 * its translated and its English text; `undefined` when it has none of that markup. Every search
 * moves forward and a failed one ends the reading (the rest is kept as written), so the work is
 * linear in the length of the text.
 */
export function splitBilingual(markdown: string): BilingualText | undefined {
  let translated = '';
  let english = '';
  let cursor = 0;
  let found = false;
  for (;;) {
    const open = markdown.indexOf(TRANSLATED_OPEN, cursor);
    const textStart = open < 0 ? -1 : markdown.indexOf(ID_END, open + TRANSLATED_OPEN.length);
    const textEnd = textStart < 0 ? -1 : markdown.indexOf(CLOSE, textStart + ID_END.length);
    if (textEnd < 0) break;
    const between = markdown.slice(cursor, open);
    const text = markdown.slice(textStart + ID_END.length, textEnd);
    let next = textEnd + CLOSE.length;
    let englishText = text;
    if (markdown.startsWith(ENGLISH_OPEN, next)) {
      const englishStart = markdown.indexOf(ID_END, next + ENGLISH_OPEN.length);
      const englishEnd = englishStart < 0 ? -1 : markdown.indexOf(ENGLISH_CLOSE, englishStart + ID_END.length);
      if (englishEnd < 0) break;
      englishText = markdown.slice(englishStart + ID_END.length, englishEnd);
      next = englishEnd + ENGLISH_CLOSE.length;
    }
    translated += between + text;
    english += between + englishText;
    cursor = next;
    found = true;
  }
  if (!found) return undefined;
  const rest = markdown.slice(cursor);
  return { translated: translated + rest, english: english + rest };
}
