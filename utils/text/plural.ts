/** The word for a count: plural(1, 'finding', 'findings') → 'finding'. */
export function plural(count: number, one: string, other: string): string {
  return count === 1 ? one : other;
}

/** A count with its word: counted(2, 'reason', 'reasons') → '2 reasons'. */
export function counted(count: number, one: string, other: string): string {
  return `${count} ${plural(count, one, other)}`;
}
