// Surviving mutants judged equivalent: no test can tell them from the original, because the
// behavior they change cannot be observed (a cache, a bound that another bound already enforces,
// a branch whose both sides give the same result). Each is matched by file, mutator, replacement
// (when given) and a piece of its line's text, since line numbers move. Keep the reason precise.
const PARSE = 'packages/core/src/parse.ts';
const LOCALE = 'packages/http/src/locale.ts';
const EXTRACT = 'packages/i18n/src/extract.ts';
const CATALOG = 'packages/i18n/src/compiled-catalog.ts';
const ENTRY = 'packages/i18n/src/compiled-entry.ts';

/** @type {{ file: string, mutator: string, replacement?: string, lineIncludes: string, reason: string }[]} */
export const EQUIVALENT_MUTANTS = [
  // core parse.ts
  { file: PARSE, mutator: 'BlockStatement', lineIncludes: '} catch {', reason: 'an empty catch block returns undefined implicitly, as `return undefined` does' },
  { file: PARSE, mutator: 'OptionalChaining', lineIncludes: 'safely(() => options?.status)', reason: 'inside safely(): `options.status` on null throws, which safely() turns into undefined, as `?.` does' },
  { file: PARSE, mutator: 'MethodExpression', lineIncludes: '(await response.text()).slice(0, MAX_BODY_LENGTH)', reason: 'parseErrorBody clips text to MAX_BODY_LENGTH itself (decodeJson), so the earlier slice changes nothing observable' },
  { file: PARSE, mutator: 'StringLiteral', lineIncludes: "(await response.text()).slice(0, MAX_BODY_LENGTH) : ''", reason: 'a response with neither a body stream nor text(): any non-JSON text gives the same fallback result as the empty text' },
  { file: PARSE, mutator: 'ConditionalExpression', replacement: 'true', lineIncludes: 'const chunk = value.byteLength + bytes > MAX_BODY_LENGTH', reason: 'subarray(0, MAX_BODY_LENGTH - bytes) of a chunk that fits is the whole chunk' },
  { file: PARSE, mutator: 'EqualityOperator', lineIncludes: 'const chunk = value.byteLength + bytes > MAX_BODY_LENGTH', reason: 'when the chunk ends exactly at the cap, subarray(0, MAX_BODY_LENGTH - bytes) is the whole chunk' },
  // http locale.ts
  { file: LOCALE, mutator: 'BlockStatement', lineIncludes: '} catch {', reason: 'an empty catch block returns undefined implicitly, as `return undefined` does' },
  { file: LOCALE, mutator: 'ArrayDeclaration', replacement: '["Stryker was here"]', lineIncludes: 'ranges = [];', reason: 'Negotiator never throws on a string header, so this catch block is unreachable' },
  { file: LOCALE, mutator: 'MethodExpression', replacement: '(hyphen === -1 ? canonicalTag : canonicalTag.slice(0, hyphen)).toUpperCase()', lineIncludes: 'return (hyphen === -1 ? canonicalTag', reason: 'languageOf() is only ever compared with other languageOf() results (the named set and candidate.language), so a consistent change of case is invisible' },
  { file: LOCALE, mutator: 'ConditionalExpression', replacement: 'true', lineIncludes: 'if (!tags.some((known) => known.canonical === canonical))', reason: 'a duplicate supported tag is pushed after the first one, and every later lookup uses find(), which returns the first' },
  { file: LOCALE, mutator: 'ArrowFunction', lineIncludes: 'if (!tags.some((known) => known.canonical === canonical))', reason: 'same as above: duplicates are never found before the first entry' },
  { file: LOCALE, mutator: 'StringLiteral', lineIncludes: "else return '';", reason: 'the replacement text is not a valid language range with q > 0 or q = 0, so it is read like an empty header' },
  { file: LOCALE, mutator: 'ArrayDeclaration', lineIncludes: 'const refused: string[] = [];', reason: 'the extra entry is not a language range any supported tag equals or starts with, so it refuses nothing; only the refused.length === 0 shortcut is skipped' },
  { file: LOCALE, mutator: 'ConditionalExpression', replacement: 'false', lineIncludes: 'const acceptable = refused.length === 0 ? available', reason: 'filtering by an empty refused list keeps every entry: the shortcut only saves work' },
  { file: LOCALE, mutator: 'ConditionalExpression', replacement: 'false', lineIncludes: 'if (!candidates.some((candidate) => covers(candidate, range))) return undefined;', reason: 'a shortcut that only saves loading the matcher: lookup answers no match for a range no candidate covers (the lookupSupported property compares it with the matcher)' },
  { file: LOCALE, mutator: 'ConditionalExpression', replacement: 'false', lineIncludes: 'if (candidates.includes(range)) return range;', reason: 'a shortcut: lookup answers the range itself when it is a candidate' },
  { file: LOCALE, mutator: 'StringLiteral', lineIncludes: "const found = matcher().match([range], candidates, 'und'", reason: 'the default is never an answer: a result that is not a candidate covering the range is discarded, whichever default comes back' },
  { file: LOCALE, mutator: 'ConditionalExpression', replacement: 'false', lineIncludes: 'if (range === undefined) continue;', reason: 'an undefined range makes match() throw (caught: no lookup) and resolveLocale() return the empty fallback, so the loop continues anyway' },
  { file: LOCALE, mutator: 'StringLiteral', replacement: '"Stryker was here!"', lineIncludes: "header.filter((part): part is string => typeof part === 'string').join(',') : '';", reason: 'a header that is neither a string nor an array: the replacement text is no valid language range, so it is read like an empty header' },
  { file: LOCALE, mutator: 'StringLiteral', replacement: '"Stryker was here!"', lineIncludes: "return '';", reason: 'a header list that cannot be read: the replacement text is no valid language range, so it is read like an empty header' },
  { file: LOCALE, mutator: 'StringLiteral', replacement: '"Stryker was here!"', lineIncludes: "return lastComma === -1 ? '' : clipped.slice(0, lastComma);", reason: 'a header with no comma in its first 4 KiB: the replacement text is no valid language range, so it is read like an empty header' },
  { file: LOCALE, mutator: 'StringLiteral', lineIncludes: "const [range = '', ...parameters] = part.split(';');", reason: "split() returns at least one element: the default is never used" },
  { file: LOCALE, mutator: 'ConditionalExpression', replacement: 'false', lineIncludes: 'if (!tags.some((known) => known.canonical === canonical))', reason: 'same as above: a duplicate pushed after the first entry is never found before it' },
  { file: LOCALE, mutator: 'ConditionalExpression', replacement: 'false', lineIncludes: 'const cached = key === undefined ? undefined : answers.get(key);', reason: 'answers.get(undefined) is undefined: no answer is ever kept under an undefined key' },
  { file: LOCALE, mutator: 'ConditionalExpression', replacement: 'false', lineIncludes: 'if (supported.length === lastSupported.length && supported.every(', reason: 'reusing the key of the last list only saves computing the same key again' },
  { file: LOCALE, mutator: 'ArrowFunction', lineIncludes: 'if (supported.length === lastSupported.length && supported.every(', reason: 'reusing the key of the last list only saves computing the same key again' },
  { file: LOCALE, mutator: 'ArrayDeclaration', lineIncludes: 'lastSupported = [...supported];', reason: 'an empty last list is never reused for a non-empty one: the same key is computed again' },
  { file: LOCALE, mutator: 'ArrayDeclaration', lineIncludes: 'let lastSupported: readonly string[] = [];', reason: 'the first list seen computes its key either way (lastKey starts undefined, as for a list that cannot be keyed)' },
  // i18n extract.ts
  { file: EXTRACT, mutator: 'ConditionalExpression', replacement: 'false', lineIncludes: 'if (!template.includes(current)) continue;', reason: 'replacing a wording that is not in the template leaves each variant unchanged: only duplicate patterns are added' },
  { file: EXTRACT, mutator: 'ConditionalExpression', replacement: 'true', lineIncludes: 'if (!patterns) {', reason: 'a cache: recompiling the patterns each call gives the same patterns' },
  { file: EXTRACT, mutator: 'ArrayDeclaration', lineIncludes: 'return compiled ? [compiled.parts] : [];', reason: 'every catalog wording compiles (the catalogs are validated), so the empty branch is never taken' },
  { file: EXTRACT, mutator: 'ConditionalExpression', replacement: 'false', lineIncludes: 'const candidates = englishServerMessage === englishServerMessage.trim()', reason: 'for a message without outer whitespace the trimmed candidate is the same string: a duplicate try' },
  { file: EXTRACT, mutator: 'UnaryOperator', replacement: '+1', lineIncludes: 'end = message.endsWith(next.text) ? message.length - next.text.length : -1;', reason: 'with end = 1 the param is one character and the final text must then match at 1 and end the message, which needs the message to end with that text: the other branch' },
  { file: EXTRACT, mutator: 'UnaryOperator', replacement: '+1', lineIncludes: "end = 'text' in next ? message.indexOf(next.text, position + 1) : -1;", reason: 'every catalog template separates two parameters by text, so this branch (a parameter right after a parameter) is never taken' },
  // i18n compiled-catalog.ts and compiled-entry.ts (renderer)
  { file: CATALOG, mutator: 'ConditionalExpression', replacement: 'false', lineIncludes: 'for (const candidate of lng === fallbackLng ? [lng] : [lng, fallbackLng])', reason: 'for the fallback language itself the list becomes [lng, lng]: the second lookup repeats the first' },
  { file: CATALOG, mutator: 'ObjectLiteral', lineIncludes: 'i18n.getResource(candidate, namespace, key, { keySeparator: false })', reason: 'i18next getResource falls back to a flat-key search (deepFind) when the path lookup fails, so dotted keys are found either way' },
  { file: CATALOG, mutator: 'BooleanLiteral', lineIncludes: 'i18n.getResource(candidate, namespace, key, { keySeparator: false })', reason: 'as above: the flat key is found by the deepFind fallback' },
  { file: CATALOG, mutator: 'ConditionalExpression', replacement: 'true', lineIncludes: 'if (!formatter) {', reason: 'a cache: a new Intl.NumberFormat for the same locale formats the same' },
  { file: CATALOG, mutator: 'ConditionalExpression', replacement: 'false', lineIncludes: 'if (lastTable?.lng === lng) return lastTable;', reason: 'a cache: the table is then found in the map' },
  { file: CATALOG, mutator: 'ConditionalExpression', replacement: 'true', lineIncludes: 'if (!table) {', reason: 'a cache: a fresh table compiles the same entries again' },
  { file: CATALOG, mutator: 'ConditionalExpression', replacement: 'false', lineIncludes: "if (typeof value === 'string') return value;", reason: 'a string then reaches String(value), which returns it unchanged' },
  { file: CATALOG, mutator: 'StringLiteral', lineIncludes: "if (typeof value === 'string') return value;", reason: 'as above: String(value) of a string is the string' },
  { file: CATALOG, mutator: 'ConditionalExpression', replacement: 'false', lineIncludes: 'if (slots) return slots;', reason: 'the i18next path renders every catalog template exactly as the compiled path does (checked by the "compiled path and i18next path agree" property): only speed differs' },
  { file: CATALOG, mutator: 'ConditionalExpression', replacement: 'false', lineIncludes: 'const slots = compile ? compileSlots(lng, template) : undefined;', reason: 'as above: the i18next path gives the same text' },
  { file: CATALOG, mutator: 'LogicalOperator', lineIncludes: 'for (const name of compileTemplate(template)?.params ?? Object.keys(values))', reason: 'names missing from the values are then filled by missingInterpolationHandler with the same stand-in; extra names are never used by the template' },
  { file: CATALOG, mutator: 'OptionalChaining', lineIncludes: 'for (const name of compileTemplate(template)?.params ?? Object.keys(values))', reason: 'every catalog template compiles, so the optional chain never meets undefined' },
  { file: ENTRY, mutator: 'ArrayDeclaration', lineIncludes: "return { lng, slots: -1, head: '', name: '', tail: '', texts: [], names: [], viaI18next };", reason: 'texts and names of an i18next-rendered entry are never read: renderEntry returns through viaI18next first' },
];
