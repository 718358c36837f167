import Ajv2019Import from "ajv/dist/2019.js";
import type { ErrorObject, ValidateFunction } from "ajv";
import type { SpecIndex } from "./specIndex.js";
import { checkedFormats, toJsonSchemaDocuments } from "./swaggerSchemas.js";

// ajv is CommonJS: its default export is the class itself at run time, `.default` in the types.
const Ajv2019 = ((Ajv2019Import as any).default ?? Ajv2019Import) as typeof Ajv2019Import.default;
type Ajv = InstanceType<typeof Ajv2019>;

/** Which side of an exchange a body is validated for. */
export type BodyDirection = "request" | "response";

/** One schema violation, with where it is in the body and in the schema. */
export interface SchemaViolation {
  /** JSON pointer into the body ("" for the whole body). */
  instancePath: string;
  /** Where the failing keyword is, in the schema's document. */
  schemaPath: string;
  message: string;
}

/**
 * Validates bodies against schemas of the specifications, given by their absolute URL. Each
 * schema is compiled once per direction and cached, so a run stays fast.
 *
 * Read-only properties differ by direction. In a response a required read-only property must be
 * there. In a request a read-only property is an error: ARM's resource providers ignore most of
 * them in a PUT body, but a client that sends one either echoes a GET back unfiltered or expects
 * a change the service will drop silently, and both are defects of the client.
 */
export class SwaggerValidator {
  readonly #ajv: Record<BodyDirection, Ajv>;
  readonly #cache = new Map<string, ValidateFunction>();
  /** Every schema object of the converted documents, to its absolute URL. */
  readonly #locations = new WeakMap<object, string>();

  constructor(index: SpecIndex) {
    const documents = toJsonSchemaDocuments(index);
    for (const [url, document] of documents) recordLocations(document, `${url}#`, this.#locations);
    const formats = new Set<string>();
    for (const document of documents.values()) collectFormats(document, formats);
    this.#ajv = {
      request: createAjv("request", documents, formats),
      response: createAjv("response", documents, formats),
    };
  }

  validate(direction: BodyDirection, schemaUrl: string, body: unknown): SchemaViolation[] {
    const key = `${direction} ${schemaUrl}`;
    let validate = this.#cache.get(key);
    if (!validate) {
      validate = this.#ajv[direction].compile({ $ref: schemaUrl });
      this.#cache.set(key, validate);
    }
    if (validate(body)) return [];
    // A `$ref` with a sibling keyword may report one fault twice, from both places.
    const violations = (validate.errors ?? []).map((error) => toViolation(error, this.#locations));
    const seen = new Set<string>();
    return violations.filter((v) => {
      const key = `${v.instancePath} ${v.message}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
  }
}

function createAjv(
  direction: BodyDirection,
  documents: Map<string, Record<string, any>>,
  formats: Set<string>,
): Ajv {
  // Swagger keywords (`x-ms-*`, `discriminator`, `example`…) are ignored: strict is off, and the
  // specifications are not JSON Schema documents, so they are not checked against a metaschema.
  const ajv = new Ajv2019({ strict: false, allErrors: true, validateSchema: false, verbose: true });
  for (const name of formats) ajv.addFormat(name, checkedFormats[name] ?? true);
  // Custom keywords report their parent schema in `params`, where the violation says which
  // schema of the specifications the rule comes from.
  ajv.addKeyword({
    keyword: "x-fidelity-read-only",
    schemaType: "boolean",
    compile: (readOnly: boolean, parentSchema: object) => {
      const validate = () => {
        if (direction === "response" || !readOnly) return true;
        validate.errors = [
          {
            keyword: "readOnly",
            message: "is read-only: a request must not send it",
            params: { parentSchema },
          },
        ];
        return false;
      };
      validate.errors = [] as Partial<ErrorObject>[];
      return validate;
    },
  });
  ajv.addKeyword({
    keyword: "x-fidelity-required-read-only",
    schemaType: "array",
    compile: (names: string[], parentSchema: object) => {
      const validate = (data: unknown) => {
        if (direction === "request" || typeof data !== "object" || data === null) return true;
        const missing = names.filter((name) => !(name in data));
        validate.errors = missing.map((name) => ({
          keyword: "required",
          message: `must have required property '${name}'`,
          params: { missingProperty: name, parentSchema },
        }));
        return missing.length === 0;
      };
      validate.errors = [] as Partial<ErrorObject>[];
      return validate;
    },
  });
  for (const [url, document] of documents) ajv.addSchema(document, url);
  return ajv;
}

function toViolation(error: ErrorObject, locations: WeakMap<object, string>): SchemaViolation {
  const params = error.params as Record<string, unknown>;
  const detail =
    params.unevaluatedProperty !== undefined
      ? ` ('${String(params.unevaluatedProperty)}')`
      : params.allowedValues !== undefined
        ? ` (${JSON.stringify(params.allowedValues)})`
        : "";
  return {
    instancePath: error.instancePath,
    schemaPath: schemaLocation(error, locations),
    message: `${error.message ?? error.keyword}${detail}`,
  };
}

function collectFormats(node: unknown, formats: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectFormats(item, formats);
  } else if (typeof node === "object" && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === "format" && typeof value === "string") formats.add(value);
      else collectFormats(value, formats);
    }
  }
}

/** The failing keyword's absolute URL, e.g. `…/workspaceRP.json#/definitions/Sku/properties/name/type`. */
function schemaLocation(error: ErrorObject, locations: WeakMap<object, string>): string {
  const parentSchema =
    error.parentSchema ?? (error.params as { parentSchema?: object }).parentSchema;
  const parent = parentSchema && locations.get(parentSchema);
  const keyword = error.schemaPath.slice(error.schemaPath.lastIndexOf("/") + 1);
  // `x-open` holds the models as the specifications define them (see swaggerSchemas.ts).
  const location = parent ? `${parent}/${keyword}` : decodeURIComponent(error.schemaPath);
  return location.replace("#/x-open/", "#/definitions/");
}

function recordLocations(node: unknown, url: string, locations: WeakMap<object, string>): void {
  if (typeof node !== "object" || node === null || locations.has(node)) return;
  locations.set(node, url);
  for (const [key, value] of Object.entries(node)) {
    recordLocations(value, `${url}/${key.replace(/~/g, "~0").replace(/\//g, "~1")}`, locations);
  }
}
