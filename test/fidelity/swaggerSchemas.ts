import type { SpecIndex, SwaggerDocument } from "./specIndex.js";

/**
 * Turns swagger 2.0 schemas into JSON Schema (draft 2019-09, as ajv's `Ajv2019` reads it) the way
 * Azure's own model validator reads them:
 *
 * - A model (a schema with `properties` or `allOf`, and no `additionalProperties`) is closed: a
 *   property it does not declare is an error. Swagger leaves objects open, but an undeclared
 *   property is exactly the drift this test is for. `unevaluatedProperties: false` sees through
 *   `allOf` and `$ref`, so a model inherits its bases' properties; a base referenced from `allOf`
 *   is referenced through its open variant (`#/x-open/<name>`), or it would reject the
 *   properties its derived models add.
 * - A base with a `discriminator` accepts each derived model, chosen by the discriminator value.
 * - `x-nullable: true` admits `null`.
 * - `readOnly` becomes `x-fidelity-read-only`, and required read-only properties move from
 *   `required` to `x-fidelity-required-read-only`, so that request and response validators can
 *   treat them differently (see `swaggerValidator.ts`).
 * - draft-04 boolean `exclusiveMinimum`/`exclusiveMaximum` become draft 2019 numbers.
 *
 * Every document keeps its URL as `$id`, so its relative `$ref`s across files resolve as is.
 */
export function toJsonSchemaDocuments(index: SpecIndex): Map<string, SwaggerDocument> {
  const out = new Map<string, SwaggerDocument>();
  for (const [fileUrl, document] of index.documents) {
    out.set(fileUrl, new DocumentConverter(index, fileUrl, document).convert());
  }
  return out;
}

/** Swagger's formats that a check exists for; the others are accepted as annotations. */
export const checkedFormats: Record<string, RegExp | ((value: unknown) => boolean)> = {
  "date-time": /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i,
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  "arm-id": /^\/(subscriptions|providers)\/[^/]+/i,
  int32: (value) => Number.isInteger(value) && Math.abs(value as number) <= 2 ** 31,
  int64: (value) => Number.isSafeInteger(value),
};

class DocumentConverter {
  constructor(
    private readonly index: SpecIndex,
    private readonly fileUrl: string,
    private readonly document: SwaggerDocument,
  ) {}

  convert(): SwaggerDocument {
    const doc: SwaggerDocument = { ...structuredClone(this.document), $id: this.fileUrl };
    const definitions: Record<string, any> = {};
    const open: Record<string, any> = {};
    for (const [name, schema] of Object.entries<any>(doc.definitions ?? {})) {
      open[name] = this.schema(schema, { inAllOf: false, topLevel: true });
      definitions[name] = this.closedDefinition(name, schema, open[name]);
    }
    doc.definitions = definitions;
    doc["x-open"] = open;

    for (const parameter of Object.values<any>(doc.parameters ?? {})) {
      if (parameter.schema) parameter.schema = this.schema(parameter.schema, { inAllOf: false });
    }
    for (const response of Object.values<any>(doc.responses ?? {})) {
      if (response.schema) response.schema = this.schema(response.schema, { inAllOf: false });
    }
    for (const pathsKey of ["paths", "x-ms-paths"]) {
      for (const pathItem of Object.values<any>(doc[pathsKey] ?? {})) {
        for (const operation of Object.values<any>(pathItem)) {
          if (typeof operation !== "object" || Array.isArray(operation)) continue;
          for (const parameter of operation.parameters ?? []) {
            if (parameter.schema) {
              parameter.schema = this.schema(parameter.schema, { inAllOf: false });
            }
          }
          for (const response of Object.values<any>(operation.responses ?? {})) {
            if (response.schema) response.schema = this.schema(response.schema, { inAllOf: false });
          }
        }
      }
    }
    return doc;
  }

  /** `#/definitions/<name>`: the closed model, or for a discriminated base, the union. */
  private closedDefinition(name: string, original: any, converted: any): any {
    if (!isModel(original)) return converted;
    const closed = { $ref: `#/x-open/${escape(name)}`, unevaluatedProperties: false };
    const discriminator: string | undefined = original.discriminator;
    if (!discriminator) return closed;

    const derived = Object.entries<any>(this.document.definitions).filter(([, schema]) =>
      (schema.allOf ?? []).some((part: any) => part.$ref === `#/definitions/${name}`),
    );
    const values = derived.map(([derivedName, schema]) => ({
      name: derivedName,
      value: schema["x-ms-discriminator-value"] ?? derivedName,
    }));
    return {
      anyOf: [
        ...values.map(({ name: derivedName, value }) => ({
          properties: { [discriminator]: { const: value } },
          required: [discriminator],
          $ref: `#/definitions/${escape(derivedName)}`,
        })),
        {
          not: { properties: { [discriminator]: { enum: values.map((v) => v.value) } } },
          ...closed,
        },
      ],
    };
  }

  private schema(schema: any, at: { inAllOf: boolean; topLevel?: boolean }): any {
    if (typeof schema !== "object" || schema === null) return schema;
    const out: any = { ...schema };

    if (typeof out.$ref === "string" && at.inAllOf) {
      out.$ref = out.$ref.replace(/#\/definitions\//, "#/x-open/");
    }
    if (out.readOnly === true) out["x-fidelity-read-only"] = true;
    for (const [bound, limit] of [
      ["exclusiveMinimum", "minimum"],
      ["exclusiveMaximum", "maximum"],
    ] as const) {
      if (out[bound] === true) out[bound] = out[limit];
      if (typeof out[bound] === "boolean") delete out[bound];
      if (out[bound] === out[limit] && out[bound] !== undefined) delete out[limit];
    }
    if (out.properties) {
      out.properties = Object.fromEntries(
        Object.entries<any>(out.properties).map(([k, v]) => [
          k,
          this.schema(v, { inAllOf: false }),
        ]),
      );
    }
    if (Array.isArray(out.required)) {
      const readOnly = out.required.filter((name: string) => this.isReadOnly(schema, name));
      out.required = out.required.filter((name: string) => !readOnly.includes(name));
      if (readOnly.length > 0) out["x-fidelity-required-read-only"] = readOnly;
      if (out.required.length === 0) delete out.required;
    }
    if (out.items) out.items = this.schema(out.items, { inAllOf: false });
    if (typeof out.additionalProperties === "object") {
      out.additionalProperties = this.schema(out.additionalProperties, { inAllOf: false });
    }
    if (out.allOf) out.allOf = out.allOf.map((s: any) => this.schema(s, { inAllOf: true }));
    if (!at.inAllOf && !at.topLevel && !out.$ref && isModel(schema)) {
      out.unevaluatedProperties = false;
    }
    return out["x-nullable"] === true ? nullable(out) : out;
  }

  /** Whether property `name` of `schema` (or of a base it extends) is read-only. */
  private isReadOnly(schema: any, name: string, fromUrl = this.fileUrl, depth = 0): boolean {
    if (depth > 10) return false;
    const property = schema.properties?.[name];
    if (property) {
      if (property.readOnly === true) return true;
      return property.$ref
        ? this.index.resolve(property.$ref, fromUrl).node.readOnly === true
        : false;
    }
    return (schema.allOf ?? []).some((part: any) => {
      if (!part.$ref) return this.isReadOnly(part, name, fromUrl, depth + 1);
      const { node, url } = this.index.resolve(part.$ref, fromUrl);
      return this.isReadOnly(node, name, url, depth + 1);
    });
  }
}

function isModel(schema: any): boolean {
  return (
    (schema.properties !== undefined || schema.allOf !== undefined) &&
    schema.additionalProperties === undefined
  );
}

function nullable(schema: any): any {
  const { "x-nullable": _, ...rest } = schema;
  if (typeof rest.type === "string" && !rest.$ref) {
    const type = [rest.type, "null"];
    return { ...rest, type, ...(rest.enum ? { enum: [...rest.enum, null] } : {}) };
  }
  return { anyOf: [{ type: "null" }, rest] };
}

function escape(name: string): string {
  return name.replace(/~/g, "~0").replace(/\//g, "~1");
}
