import { describe, expect, it } from "vitest";
import { formatResult } from "../../src/cli/output.js";
import { formatTable, scalarColumns } from "../../src/cli/table.js";

describe("formatResult", () => {
  it("prints JSON indented by two spaces with a final newline", () => {
    expect(formatResult({ name: "ws", tags: { a: "b" } }, "json")).toBe(
      '{\n  "name": "ws",\n  "tags": {\n    "a": "b"\n  }\n}\n',
    );
  });

  it("prints nothing for no result", () => {
    expect(formatResult(undefined, "json")).toBe("");
    expect(formatResult(undefined, "table")).toBe("");
  });

  it("prints a single object as a one-row table of its scalar fields", () => {
    const text = formatResult({ name: "ws", location: "eastus2", tags: { a: "b" } }, "table");
    expect(text).toBe("Name  Location\n----  --------\nws    eastus2\n");
  });

  it("uses the columns it is given", () => {
    const text = formatResult([{ n: "a", s: "Approved" }], "table", [
      { heading: "Status", value: (row) => row.s },
    ]);
    expect(text).toBe("Status\n--------\nApproved\n");
  });
});

describe("formatTable", () => {
  it("pads each column to its widest cell", () => {
    const rows = [
      { name: "pe1", status: "Approved" },
      { name: "a-longer-name", status: "Pending" },
    ];
    const text = formatTable(rows, [
      { heading: "Name", value: (row) => row.name },
      { heading: "Status", value: (row) => row.status },
    ]);
    expect(text.split("\n")).toEqual([
      "Name           Status",
      "-------------  --------",
      "pe1            Approved",
      "a-longer-name  Pending",
      "",
    ]);
  });

  it("prints only the headings for no rows", () => {
    expect(formatTable([], [{ heading: "Name", value: () => "x" }])).toBe("Name\n----\n");
  });

  it("prints empty cells for undefined and null, and numbers and booleans as text", () => {
    const text = formatTable(
      [{ a: undefined, b: null, c: 3, d: false }],
      [
        { heading: "A", value: (row) => row.a },
        { heading: "B", value: (row) => row.b },
        { heading: "C", value: (row) => row.c },
        { heading: "D", value: (row) => row.d },
      ],
    );
    expect(text.split("\n")[2]).toBe("      3  false");
  });

  it("keeps a multi-line value on one line", () => {
    const text = formatTable([{ m: "line one\nline two" }], [{ heading: "M", value: (r) => r.m }]);
    expect(text.split("\n")[2]).toBe("line one line two");
  });
});

describe("scalarColumns", () => {
  it("takes the scalar keys of all rows in first-seen order and skips objects", () => {
    const columns = scalarColumns([
      { a: 1, nested: {} },
      { b: "x", a: 2 },
    ]);
    expect(columns.map((column) => column.heading)).toEqual(["A", "B"]);
  });
});
