/** One column of a table: its heading and how to read the cell from a row. */
export interface TableColumn<T> {
  /** The heading printed above the column. */
  heading: string;
  /** Reads the cell; `undefined` and `null` print as empty cells. */
  value: (row: T) => unknown;
}

/**
 * Renders rows as a plain-text table in the style of `az --output table`: a heading line, a line
 * of dashes under each heading, then one line per row, columns padded to their widest cell.
 *
 * @param rows - The rows to print.
 * @param columns - The columns, left to right.
 * @returns The table, ending with a newline; only the heading lines when there are no rows.
 */
export function formatTable<T>(rows: readonly T[], columns: readonly TableColumn<T>[]): string {
  const cells = rows.map((row) => columns.map((column) => cellText(column.value(row))));
  const widths = columns.map((column, index) =>
    Math.max(column.heading.length, ...cells.map((line) => line[index]!.length)),
  );
  const render = (line: readonly string[]): string =>
    line
      .map((cell, index) => (index === line.length - 1 ? cell : cell.padEnd(widths[index]!)))
      .join("  ")
      .trimEnd();
  const lines = [
    render(columns.map((column) => column.heading)),
    render(widths.map((width) => "-".repeat(width))),
    ...cells.map(render),
  ];
  return lines.join("\n") + "\n";
}

/**
 * Table columns for any list of plain objects: one column per top-level key whose values are
 * scalars (strings, numbers, booleans), in the order the keys first appear. Nested objects are
 * left out, as `az --output table` does.
 *
 * @param rows - The objects to print.
 * @returns The columns.
 */
export function scalarColumns(rows: readonly unknown[]): TableColumn<unknown>[] {
  const keys: string[] = [];
  for (const row of rows) {
    if (!isRecord(row)) continue;
    for (const [key, value] of Object.entries(row)) {
      if (isScalar(value) && !keys.includes(key)) keys.push(key);
    }
  }
  return keys.map((key) => ({
    heading: headingFor(key),
    value: (row: unknown) => {
      const value = isRecord(row) ? row[key] : undefined;
      return isScalar(value) ? value : undefined;
    },
  }));
}

function cellText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value.replace(/\s+/g, " ");
  if (Array.isArray(value)) return value.map(cellText).join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** `privateEndpointId` becomes `PrivateEndpointId`, as `az` headings read. */
function headingFor(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1);
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
