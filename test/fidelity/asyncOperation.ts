import Ajv2019Import from "ajv/dist/2019.js";
import type { SchemaViolation } from "./swaggerValidator.js";
import { checkedFormats } from "./swaggerSchemas.js";

const Ajv2019 = ((Ajv2019Import as any).default ?? Ajv2019Import) as typeof Ajv2019Import.default;

/**
 * The body of a GET on an `Azure-AsyncOperation` URL, as ARM documents it: `status` always,
 * `error` once the operation failed or was canceled. The specifications do not describe these
 * URLs, since each resource provider serves its own.
 */
const asyncOperationStatus = {
  type: "object",
  required: ["status"],
  additionalProperties: false,
  properties: {
    id: { type: "string" },
    name: { type: "string" },
    status: { type: "string", minLength: 1 },
    startTime: { type: "string", format: "date-time" },
    endTime: { type: "string", format: "date-time" },
    percentComplete: { type: "number", minimum: 0, maximum: 100 },
    properties: { type: "object" },
    error: {
      type: "object",
      required: ["code", "message"],
      additionalProperties: false,
      properties: {
        code: { type: "string" },
        message: { type: "string" },
        target: { type: "string" },
        details: { type: "array", items: { type: "object" } },
        additionalInfo: { type: "array", items: { type: "object" } },
      },
    },
  },
  if: { properties: { status: { enum: ["Failed", "Canceled"] } } },
  then: { required: ["error"] },
};

const validate = new Ajv2019({ allErrors: true })
  .addFormat("date-time", checkedFormats["date-time"] as RegExp)
  .compile(asyncOperationStatus);

export function validateAsyncOperationStatus(body: unknown): SchemaViolation[] {
  if (validate(body)) return [];
  return (validate.errors ?? []).map((error) => ({
    instancePath: error.instancePath,
    schemaPath: `async-operation status${error.schemaPath.slice(1)}`,
    message: error.message ?? error.keyword,
  }));
}
