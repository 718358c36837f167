import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

/** A swagger 2.0 document as parsed JSON. */
export type SwaggerDocument = Record<string, any>;

/** A swagger parameter, with the absolute address of where it is defined. */
export interface SpecParameter {
  name: string;
  in: "path" | "query" | "header" | "body" | "formData";
  required?: boolean;
  /** The parameter itself; for a body parameter its `schema` holds the body's schema. */
  definition: Record<string, any>;
  /** Absolute `file:` URL with a JSON-pointer fragment to the parameter. */
  url: string;
}

/** One operation of one api-version, with what a request needs to be matched to it. */
export interface SpecOperation {
  operationId: string;
  method: string;
  /** The path template, e.g. `/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}`. */
  template: string;
  apiVersion: string;
  /** The specification file, relative to the specifications folder. */
  file: string;
  fileUrl: string;
  /** Absolute `file:` URL with a JSON-pointer fragment to the operation object. */
  url: string;
  parameters: SpecParameter[];
  /** Response status ("200", "default", …) to the absolute URL of the response object. */
  responses: Map<string, { url: string; response: Record<string, any> }>;
  longRunning: boolean;
  /** `x-ms-long-running-operation-options.final-state-via`, when the operation sets it. */
  finalStateVia?: string;
  segments: RegExp[];
  /** Characters of the template outside parameters: the more, the more specific the match. */
  literalLength: number;
}

/** What a request path and method matched. */
export type OperationMatch =
  | { kind: "found"; operation: SpecOperation; pathParameters: Record<string, string> }
  /** The path and method are specified, but for other api-versions only. */
  | { kind: "otherApiVersion"; apiVersions: string[] }
  | { kind: "notFound" };

const METHODS = ["get", "put", "post", "patch", "delete", "head", "options"];

/**
 * Every swagger file under the specifications folder, and an index of their operations by
 * method, path template and api-version (the file's `info.version`).
 */
export class SpecIndex {
  /** Absolute file URL (no fragment) to the parsed document. */
  readonly documents = new Map<string, SwaggerDocument>();
  readonly operations: SpecOperation[] = [];

  constructor(readonly specificationRoot: string) {
    for (const file of jsonFiles(specificationRoot)) {
      const fileUrl = pathToFileURL(join(specificationRoot, file)).href;
      this.documents.set(fileUrl, JSON.parse(readFileSync(join(specificationRoot, file), "utf8")));
    }
    for (const [fileUrl, document] of this.documents) this.indexOperations(fileUrl, document);
  }

  /** Resolves a `$ref` (relative to `fromUrl`) to the node it points to and its absolute URL. */
  resolve(ref: string, fromUrl: string): { node: any; url: string } {
    const absolute = new URL(ref, fromUrl);
    const fileUrl = `${absolute.origin === "null" ? "file://" : absolute.origin}${absolute.pathname}`;
    const document = this.documents.get(fileUrl);
    if (!document) throw new Error(`$ref ${ref} from ${fromUrl}: no such specification file`);
    const pointer = decodeURIComponent(absolute.hash.slice(1));
    let node: any = document;
    for (const token of pointer.split("/").slice(1)) {
      node = node?.[token.replace(/~1/g, "/").replace(/~0/g, "~")];
    }
    if (node === undefined) throw new Error(`$ref ${ref} from ${fromUrl} does not resolve`);
    return { node, url: `${fileUrl}#${pointer}` };
  }

  /**
   * The operation a request is for: same method, a path template whose literal segments equal
   * the path's (case-insensitively, as ARM compares them) and the request's api-version. When
   * several templates match, the most specific (longest literal text) wins.
   */
  match(method: string, path: string, apiVersion: string | undefined): OperationMatch {
    const segments = path.split("/").filter((s) => s !== "");
    const candidates = this.operations
      .filter((op) => op.method === method.toUpperCase() && op.segments.length === segments.length)
      .filter((op) => op.segments.every((pattern, i) => pattern.test(segments[i]!)))
      .sort((a, b) => b.literalLength - a.literalLength);
    if (candidates.length === 0) return { kind: "notFound" };

    const mostSpecific = candidates.filter((op) => op.template === candidates[0]!.template);
    const operation = mostSpecific.find((op) => op.apiVersion === apiVersion);
    if (!operation) {
      return { kind: "otherApiVersion", apiVersions: mostSpecific.map((op) => op.apiVersion) };
    }
    const pathParameters: Record<string, string> = {};
    operation.segments.forEach((pattern, i) => {
      Object.assign(pathParameters, pattern.exec(segments[i]!)!.groups ?? {});
    });
    return { kind: "found", operation, pathParameters };
  }

  private indexOperations(fileUrl: string, document: SwaggerDocument): void {
    const apiVersion = document.info?.version as string;
    const file = decodeURIComponent(
      fileUrl.slice(pathToFileURL(this.specificationRoot).href.length + 1),
    );
    for (const pathsKey of ["paths", "x-ms-paths"]) {
      for (const [template, pathItem] of Object.entries<Record<string, any>>(
        document[pathsKey] ?? {},
      )) {
        const pathUrl = `${fileUrl}#/${pathsKey}/${escapePointer(template)}`;
        const shared = (pathItem.parameters ?? []) as any[];
        for (const method of METHODS) {
          const operation = pathItem[method];
          if (!operation) continue;
          const url = `${pathUrl}/${method}`;
          this.operations.push({
            operationId: operation.operationId,
            method: method.toUpperCase(),
            template,
            apiVersion,
            file,
            fileUrl,
            url,
            parameters: this.parameters(
              shared,
              `${pathUrl}/parameters`,
              operation.parameters ?? [],
              `${url}/parameters`,
            ),
            responses: this.responses(operation.responses ?? {}, `${url}/responses`),
            longRunning: operation["x-ms-long-running-operation"] === true,
            finalStateVia: operation["x-ms-long-running-operation-options"]?.["final-state-via"],
            ...compileTemplate(template.split("?")[0]!),
          });
        }
      }
    }
  }

  /** Path-level and operation-level parameters, `$ref`s resolved; the operation's win. */
  private parameters(
    shared: any[],
    sharedUrl: string,
    own: any[],
    ownUrl: string,
  ): SpecParameter[] {
    const byKey = new Map<string, SpecParameter>();
    const add = (list: any[], listUrl: string) =>
      list.forEach((raw, i) => {
        const { node, url } = raw.$ref
          ? this.resolve(raw.$ref, listUrl)
          : { node: raw, url: `${listUrl}/${i}` };
        byKey.set(`${node.in}:${node.name}`, {
          name: node.name,
          in: node.in,
          required: node.required,
          definition: node,
          url,
        });
      });
    add(shared, sharedUrl);
    add(own, ownUrl);
    return [...byKey.values()];
  }

  private responses(
    responses: Record<string, any>,
    responsesUrl: string,
  ): SpecOperation["responses"] {
    const out: SpecOperation["responses"] = new Map();
    for (const [status, raw] of Object.entries(responses)) {
      const { node, url } = raw.$ref
        ? this.resolve(raw.$ref, responsesUrl)
        : { node: raw, url: `${responsesUrl}/${escapePointer(status)}` };
      out.set(status, { url, response: node });
    }
    return out;
  }
}

/** One regular expression per template segment; `{name}` captures a named group. */
function compileTemplate(template: string): { segments: RegExp[]; literalLength: number } {
  let literalLength = 0;
  const segments = template
    .split("/")
    .filter((s) => s !== "")
    .map((segment) => {
      const source = segment.replace(
        /\{([^}]+)\}|([^{]+)/g,
        (_, param?: string, literal?: string) => {
          if (param) return `(?<${groupName(param)}>[^/]+)`;
          literalLength += literal!.length;
          return literal!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        },
      );
      return new RegExp(`^${source}$`, "i");
    });
  return { segments, literalLength };
}

/** Named groups must be identifiers; swagger parameter names are, bar the odd dash or dollar. */
export function groupName(param: string): string {
  return param.replace(/[^A-Za-z0-9_]/g, "_");
}

export function escapePointer(token: string): string {
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

function jsonFiles(root: string, relative = ""): string[] {
  return readdirSync(join(root, relative), { withFileTypes: true }).flatMap((entry) => {
    const path = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return entry.name === "examples" ? [] : jsonFiles(root, path);
    return entry.name.endsWith(".json") ? [path] : [];
  });
}
