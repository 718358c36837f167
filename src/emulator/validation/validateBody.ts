import { invalidRequestFormat } from "../armError.js";
import type { BodySchema } from "./bodySchema.js";
import { bodySchemas } from "./bodySchemas.js";

/**
 * Checks a request body against the schema of its resource type (`"<type>#PATCH"` for updates)
 * and throws 400 `InvalidRequestFormat` naming the first problem: a wrong type, a value outside
 * an enum, a missing required property, or a key the schema does not declare at the top level or
 * in `properties`. Read-only properties are accepted and ignored, as ARM does, so a body read
 * with GET can be sent back. Deeper unknown keys are left alone.
 *
 * Enum values are matched case-insensitively and rewritten in place to the spec's casing, as the
 * resource providers answer them, so handlers can compare them exactly.
 */
export function validateBody(schemaKey: string, body: unknown): void {
  const schema = bodySchemas[schemaKey];
  if (!schema) throw new Error(`No body schema for ${schemaKey}`);
  const problem = check(schema, body, "", true);
  if (problem) throw invalidRequestFormat(problem.message, problem.target);
}

interface Problem {
  target: string;
  message: string;
}

function check(
  schema: BodySchema,
  value: unknown,
  path: string,
  strictKeys: boolean,
): Problem | undefined {
  // ARM treats an explicit null like an absent property.
  if (value === null || value === undefined || schema.readOnly) return undefined;
  const where = path || "the request body";

  const typeProblem = checkType(schema, value, where, path);
  if (typeProblem) return typeProblem;

  if (schema.enum && typeof value === "string") {
    const allowed = schema.enum;
    if (!allowed.some((v) => v.toLowerCase() === value.toLowerCase())) {
      return {
        target: path,
        message: `The value '${value}' of ${where} is not valid. Allowed values: ${allowed.join(", ")}.`,
      };
    }
  }

  if (Array.isArray(value) && schema.items) {
    for (const [index, item] of value.entries()) {
      const problem = check(schema.items, item, `${path}[${index}]`, false);
      if (problem) return problem;
      value[index] = canonicalEnumValue(schema.items, item);
    }
  }

  if (isObject(value)) return checkObject(schema, value, path, strictKeys);
  return undefined;
}

function checkObject(
  schema: BodySchema,
  value: Record<string, unknown>,
  path: string,
  strictKeys: boolean,
): Problem | undefined {
  const join = (key: string) => (path ? `${path}.${key}` : key);
  for (const key of schema.required ?? []) {
    if (value[key] === undefined || value[key] === null) {
      return { target: join(key), message: `The required property '${join(key)}' is missing.` };
    }
  }
  for (const [key, child] of Object.entries(value)) {
    const childSchema = schema.properties?.[key] ?? schema.additionalProperties;
    if (!childSchema) {
      if (strictKeys && schema.properties) {
        return {
          target: join(key),
          message: `The property '${join(key)}' is not allowed here. Allowed properties: ${Object.keys(schema.properties).join(", ")}.`,
        };
      }
      continue;
    }
    // Unknown keys are rejected at the top level and directly inside `properties`.
    const strictChild = path === "" && key === "properties";
    const problem = check(childSchema, child, join(key), strictChild);
    if (problem) return problem;
    value[key] = canonicalEnumValue(childSchema, child);
  }
  return undefined;
}

function checkType(
  schema: BodySchema,
  value: unknown,
  where: string,
  path: string,
): Problem | undefined {
  const expected = schema.type ?? (schema.properties ? "object" : undefined);
  if (!expected) return undefined;
  const ok =
    (expected === "object" && isObject(value)) ||
    (expected === "array" && Array.isArray(value)) ||
    (expected === "string" && typeof value === "string") ||
    (expected === "boolean" && typeof value === "boolean") ||
    (expected === "integer" && Number.isInteger(value)) ||
    (expected === "number" && typeof value === "number") ||
    !["object", "array", "string", "boolean", "integer", "number"].includes(expected);
  if (ok) return undefined;
  return {
    target: path,
    message: `The value of ${where} must be of type '${expected}', but ${describe(value)} was given.`,
  };
}

/** The spec's spelling of an enum value already checked to match it; other values unchanged. */
function canonicalEnumValue(schema: BodySchema, value: unknown): unknown {
  if (!schema.enum || schema.readOnly || typeof value !== "string") return value;
  return schema.enum.find((v) => v.toLowerCase() === value.toLowerCase()) ?? value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `${typeof value} ${JSON.stringify(value)}`;
}
