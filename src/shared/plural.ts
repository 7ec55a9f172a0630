// Counts in words: "1 statement", "2 statements" (numbers with thousands separators).

/** The noun for `n`: the singular for exactly one, the plural otherwise. */
export function noun(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** "1 statement", "12,500 statements". */
export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${noun(n, one, many)}`;
}
