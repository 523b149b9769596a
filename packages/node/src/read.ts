/** A member of a value the caller passed (options, a request); a read that throws (a hostile object) counts as not given. */
export function memberOf(value: unknown, name: string): unknown {
  try {
    return (value as Record<string, unknown> | null | undefined)?.[name];
  } catch {
    return undefined;
  }
}
