/**
 * Rows laid out group by group in one counting pass: what the § 110 walk does with each citizen's
 * stays and the projection with each person's counted rows, without a map of arrays.
 */

/**
 * The rows of each group, in row order: group g's rows are `rows[starts[g]]` …
 * `rows[starts[g + 1] − 1]`. `groupOf[row]` is the row's group 0..groups − 1, or −1 for none.
 */
export function rowsByGroup(
  groupOf: Int32Array,
  groups: number
): { starts: Int32Array; rows: Int32Array } {
  const starts = new Int32Array(groups + 1);
  for (let row = 0; row < groupOf.length; row++) if (groupOf[row] >= 0) starts[groupOf[row] + 1]++;
  for (let g = 0; g < groups; g++) starts[g + 1] += starts[g];
  const rows = new Int32Array(starts[groups]);
  const next = starts.slice(0, groups);
  for (let row = 0; row < groupOf.length; row++)
    if (groupOf[row] >= 0) rows[next[groupOf[row]]++] = row;
  return { starts, rows };
}
