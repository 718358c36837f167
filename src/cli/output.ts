import { formatTable, scalarColumns } from "./table.js";
import type { TableColumn } from "./table.js";

/** The formats `--output` accepts. */
export const OUTPUT_FORMATS = ["json", "table"] as const;

/** How results are printed on stdout. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/**
 * Formats a command's result for stdout.
 *
 * - `json`: the result as indented JSON, so scripts can pipe it to `jq`.
 * - `table`: the given columns, or one column per scalar field when none are given; a single
 *   object prints as a one-row table.
 *
 * @param result - What the command returned; `undefined` prints nothing.
 * @param format - The `--output` format.
 * @param columns - The columns a person wants to see for this kind of result.
 * @returns The text to write, ending with a newline, or `""` for no result.
 */
export function formatResult<T>(
  result: T | readonly T[] | undefined,
  format: OutputFormat,
  columns?: readonly TableColumn<T>[],
): string {
  if (result === undefined) return "";
  if (format === "json") return JSON.stringify(result, undefined, 2) + "\n";

  const rows: readonly T[] = Array.isArray(result) ? result : [result as T];
  const tableColumns = columns ?? (scalarColumns(rows) as TableColumn<T>[]);
  return formatTable(rows, tableColumns);
}
