/**
 * Custom functions' arguments on their way to a worker. The page copies (structured-clones)
 * what it posts, and a range of 50 000 one-cell rows costs it far more than one list of 50 000
 * cells, so a one-column range travels as its column and is rebuilt inside the worker.
 */

/** An argument as posted: a one-column range as its column, anything else as it is. */
export type PostedArg = { column: unknown[] } | { value: unknown };

/**
 * The arguments to post; `cell` maps each cell on the way (to plain data: what structured
 * cloning cannot copy, such as an object with methods, must not be posted).
 */
export function postArgs(
  args: readonly unknown[],
  cell?: (value: unknown) => unknown
): PostedArg[] {
  const deep = (v: unknown): unknown => (Array.isArray(v) ? v.map(deep) : cell!(v));
  return args.map((a) =>
    Array.isArray(a) && a.length > 1 && a.every((r) => Array.isArray(r) && r.length === 1)
      ? { column: a.map((r: unknown[]) => (cell ? cell(r[0]) : r[0])) }
      : { value: cell ? deep(a) : a }
  );
}

export function receiveArgs(posted: readonly PostedArg[]): unknown[] {
  return posted.map((p) => ("column" in p ? p.column.map((v) => [v]) : p.value));
}
