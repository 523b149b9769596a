/** One piece of a compiled message: literal text, or the name of a parameter to insert. */
export type TemplatePart = { readonly text: string } | { readonly param: string };

/** A message split once into literal text and parameter slots. */
export interface CompiledTemplate {
  readonly parts: readonly TemplatePart[];
  /** Parameter names in order of appearance (a name may repeat). */
  readonly params: readonly string[];
}

const PARAM_NAME = /^[a-z_]\w{0,63}$/i;

/**
 * Splits a catalog message at its `{{name}}` placeholders. Returns `undefined` for anything the
 * fast path does not render itself (i18next formats such as `{{x, number}}`, `{{- x}}`, `$t(` nesting,
 * an unclosed `{{`), so that the caller can hand it to i18next instead.
 */
export function compileTemplate(message: string): CompiledTemplate | undefined {
  if (message.includes('$t(')) return undefined;
  const parts: TemplatePart[] = [];
  const params: string[] = [];
  let position = 0;
  while (position < message.length) {
    const open = message.indexOf('{{', position);
    if (open === -1) break;
    const close = message.indexOf('}}', open + 2);
    if (close === -1) return undefined;
    const name = message.slice(open + 2, close).trim();
    if (!PARAM_NAME.test(name)) return undefined;
    if (open > position) parts.push({ text: message.slice(position, open) });
    parts.push({ param: name });
    params.push(name);
    position = close + 2;
  }
  if (position < message.length) parts.push({ text: message.slice(position) });
  return { parts, params };
}

/**
 * The placeholder names a message uses, as i18next sees them: every `{{…}}` with its format
 * (`{{x, number}}` -> `x`) and unescape prefix (`{{- x}}` -> `x`) removed. Linear time.
 */
export function placeholderNames(message: string): string[] {
  const names: string[] = [];
  let position = 0;
  for (;;) {
    const open = message.indexOf('{{', position);
    if (open === -1) return names;
    const close = message.indexOf('}}', open + 2);
    if (close === -1) return names;
    let inner = message.slice(open + 2, close).trim();
    if (inner.startsWith('-')) inner = inner.slice(1).trim();
    const comma = inner.indexOf(',');
    names.push((comma === -1 ? inner : inner.slice(0, comma)).trim());
    position = close + 2;
  }
}
