import { describe, expect, it } from "vitest";
import { InvalidArgumentError } from "commander";
import {
  parseBoolean,
  parseNonNegativeInteger,
  parsePort,
  parseTags,
} from "../../src/cli/parsers.js";

describe("parseBoolean", () => {
  it.each(["true", "TRUE", "yes", "on", "1", " True "])("reads %j as true", (text) => {
    expect(parseBoolean(text)).toBe(true);
  });

  it.each(["false", "False", "no", "off", "0"])("reads %j as false", (text) => {
    expect(parseBoolean(text)).toBe(false);
  });

  it("refuses other words with commander's usage error", () => {
    expect(() => parseBoolean("maybe")).toThrow(InvalidArgumentError);
    expect(() => parseBoolean("maybe")).toThrow(/expected true or false, got 'maybe'/);
  });
});

describe("parseTags", () => {
  it("reads one key=value pair", () => {
    expect(parseTags("env=dev", undefined)).toEqual({ env: "dev" });
  });

  it("merges with the tags of earlier arguments", () => {
    expect(parseTags("team=ml", { env: "dev" })).toEqual({ env: "dev", team: "ml" });
  });

  it("splits a quoted argument holding several pairs", () => {
    expect(parseTags("env=dev  team=ml", undefined)).toEqual({ env: "dev", team: "ml" });
  });

  it("splits at the first '=' so values may contain '='", () => {
    expect(parseTags("query=a=b", undefined)).toEqual({ query: "a=b" });
  });

  it("gives a key without '=' an empty value, as az does", () => {
    expect(parseTags("flag", undefined)).toEqual({ flag: "" });
  });

  it("refuses a pair without a key", () => {
    expect(() => parseTags("=dev", undefined)).toThrow(InvalidArgumentError);
  });

  it("does not change the previous tags object", () => {
    const previous = { env: "dev" };
    parseTags("env=prod", previous);
    expect(previous).toEqual({ env: "dev" });
  });
});

describe("parseNonNegativeInteger and parsePort", () => {
  it("reads whole numbers from 0", () => {
    expect(parseNonNegativeInteger("0")).toBe(0);
    expect(parseNonNegativeInteger("2500")).toBe(2500);
  });

  it.each(["-1", "1.5", "abc", ""])("refuses %j", (text) => {
    expect(() => parseNonNegativeInteger(text)).toThrow(InvalidArgumentError);
  });

  it("accepts ports up to 65535 and refuses larger ones", () => {
    expect(parsePort("65535")).toBe(65535);
    expect(() => parsePort("65536")).toThrow(/0 to 65535/);
  });
});
