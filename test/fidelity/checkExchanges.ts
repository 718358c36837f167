import { pathToFileURL } from "node:url";
import type { RecordedExchange } from "../../src/emulator/index.js";
import { validateAsyncOperationStatus } from "./asyncOperation.js";
import { groupName, type SpecIndex, type SpecOperation } from "./specIndex.js";
import type { SchemaViolation, SwaggerValidator } from "./swaggerValidator.js";

/** What part of an exchange disagrees with the specifications. */
export type MismatchKind =
  /** No operation of the specifications serves the method and path. */
  | "route"
  /** The operation exists, but not for the api-version sent. */
  | "apiVersion"
  /** A path or query parameter the operation does not declare, or whose value it refuses. */
  | "parameter"
  | "requestBody"
  /** A status the operation does not declare, or a response body its schema refuses. */
  | "response"
  /** A poll of a long-running operation, or its answer. */
  | "poll";

export interface Mismatch {
  kind: MismatchKind;
  method: string;
  path: string;
  status: number;
  /** Where in the specifications (or in the async-operation shape) the rule is. */
  schemaPath: string;
  message: string;
}

/** An exchange and the operation of the specifications it was checked against. */
export interface CheckedExchange {
  exchange: RecordedExchange;
  operationId: string;
}

/** A poll URL the emulator handed out, and the operation whose progress it reports. */
interface PollUrl {
  url: string;
  style: "azure-async-operation" | "location";
  operation: SpecOperation;
}

/**
 * Checks every exchange against the specifications: the operation it is for (method, path
 * template, api-version), its parameters, the request body against the body parameter's schema,
 * and the response body against the schema of its status (`default` for errors). The polls of
 * long-running operations are checked against what their initial answer announced: the
 * async-operation shape for `Azure-AsyncOperation` URLs; for `Location` URLs, no body while in
 * progress, then the operation's own final answer.
 */
export function checkExchanges(
  exchanges: readonly RecordedExchange[],
  index: SpecIndex,
  validator: SwaggerValidator,
  exempt: (exchange: RecordedExchange) => boolean = () => false,
): { mismatches: Mismatch[]; checked: CheckedExchange[] } {
  const mismatches: Mismatch[] = [];
  const checked: CheckedExchange[] = [];
  const pollUrls = new Map<string, PollUrl>();
  const specRoot = `${pathToFileURL(index.specificationRoot).href}/`;

  for (const exchange of exchanges) {
    const report = (kind: MismatchKind, schemaPath: string, message: string): void => {
      mismatches.push({
        kind,
        method: exchange.method,
        path: exchange.path,
        status: exchange.status,
        schemaPath: schemaPath.replace(specRoot, ""),
        message,
      });
    };
    const reportViolations = (kind: MismatchKind, violations: SchemaViolation[]): void => {
      for (const v of violations)
        report(kind, v.schemaPath, `${v.instancePath || "(body)"} ${v.message}`);
    };

    const poll = pollUrls.get(exchange.path.toLowerCase());
    if (poll) {
      checkPoll(exchange, poll, validator, report, reportViolations);
      continue;
    }
    if (exempt(exchange)) continue;

    const match = index.match(exchange.method, exchange.path, exchange.apiVersion);
    if (match.kind === "notFound") {
      report(
        "route",
        "paths",
        `no operation of the specifications serves ${exchange.method} on this path`,
      );
      continue;
    }
    if (match.kind === "otherApiVersion") {
      report(
        "apiVersion",
        "info/version",
        `api-version ${exchange.apiVersion ?? "(none)"} is not specified for this operation; the specifications define ${match.apiVersions.join(", ")}`,
      );
      continue;
    }

    const { operation } = match;
    checked.push({ exchange, operationId: operation.operationId });
    checkParameters(exchange, operation, match.pathParameters, report);
    reportViolations("requestBody", checkRequestBody(exchange, operation, validator));
    reportViolations("response", checkResponse(exchange, operation, validator, exchange.status));

    for (const problem of pollHeaderProblems(exchange, operation)) {
      report("poll", operation.url, problem);
    }
    for (const [header, style] of [
      ["azure-asyncoperation", "azure-async-operation"],
      ["location", "location"],
    ] as const) {
      const url = exchange.responseHeaders[header];
      if (!url || exchange.status >= 300) continue;
      if (!operation.longRunning) {
        report("poll", operation.url, `${header} header on an operation that is not long-running`);
        continue;
      }
      pollUrls.set(decodeURIComponent(new URL(url).pathname).toLowerCase(), {
        url,
        style,
        operation,
      });
    }
  }
  return { mismatches, checked };
}

/**
 * What the initial answer of a long-running operation must announce: a 202 is still running and
 * says where to poll; with `final-state-via`, the URL the result comes from.
 */
function pollHeaderProblems(exchange: RecordedExchange, operation: SpecOperation): string[] {
  if (!operation.longRunning || (exchange.status !== 201 && exchange.status !== 202)) return [];
  const headers = exchange.responseHeaders;
  const problems: string[] = [];
  if (exchange.status === 202 && !headers.location && !headers["azure-asyncoperation"]) {
    problems.push("a 202 answer announces neither Location nor Azure-AsyncOperation");
  }
  if (operation.finalStateVia === "azure-async-operation" && !headers["azure-asyncoperation"]) {
    problems.push("final-state-via azure-async-operation, but no Azure-AsyncOperation header");
  }
  if (operation.finalStateVia === "location" && exchange.status === 202 && !headers.location) {
    problems.push("final-state-via location, but no Location header");
  }
  return problems;
}

function checkPoll(
  exchange: RecordedExchange,
  poll: PollUrl,
  validator: SwaggerValidator,
  report: (kind: MismatchKind, schemaPath: string, message: string) => void,
  reportViolations: (kind: MismatchKind, violations: SchemaViolation[]) => void,
): void {
  if (exchange.method !== "GET") {
    report("poll", "poll URL", `${exchange.method} on a poll URL; only GET polls`);
    return;
  }
  if (exchange.url !== poll.url) {
    report("poll", "poll URL", `polled ${exchange.url}, but the answer announced ${poll.url}`);
  }
  if (poll.style === "azure-async-operation") {
    if (exchange.status !== 200) {
      reportViolations("poll", checkResponse(exchange, poll.operation, validator, exchange.status));
      return;
    }
    reportViolations("poll", validateAsyncOperationStatus(exchange.responseBody));
    return;
  }
  // A Location poll answers 202 without a body while in progress, then as the operation would.
  if (exchange.status === 202) {
    if (exchange.responseBody !== undefined) {
      report("poll", "poll URL", "a 202 answer to a Location poll has no body");
    }
    return;
  }
  reportViolations("poll", checkResponse(exchange, poll.operation, validator, exchange.status));
}

function checkParameters(
  exchange: RecordedExchange,
  operation: SpecOperation,
  pathParameters: Record<string, string>,
  report: (kind: MismatchKind, schemaPath: string, message: string) => void,
): void {
  const query = new URL(exchange.url).searchParams;
  for (const parameter of operation.parameters) {
    const value =
      parameter.in === "path"
        ? pathParameters[groupName(parameter.name)]
        : parameter.in === "query"
          ? (query.get(parameter.name) ?? undefined)
          : undefined;
    if (parameter.in !== "path" && parameter.in !== "query") continue;
    if (value === undefined) {
      if (parameter.required)
        report("parameter", parameter.url, `missing ${parameter.in} parameter ${parameter.name}`);
      continue;
    }
    const problem = parameterProblem(parameter.definition, value);
    if (problem)
      report(
        "parameter",
        parameter.url,
        `${parameter.in} parameter ${parameter.name}=${JSON.stringify(value)} ${problem}`,
      );
  }
  for (const name of new Set(query.keys())) {
    if (!operation.parameters.some((p) => p.in === "query" && p.name === name)) {
      report(
        "parameter",
        operation.url,
        `query parameter ${name} is not declared by ${operation.operationId}`,
      );
    }
  }
}

/** Swagger's constraints on a string parameter, checked as a service would check them. */
function parameterProblem(definition: Record<string, any>, value: string): string | undefined {
  if (definition.pattern && !new RegExp(definition.pattern).test(value)) {
    return `does not match ${definition.pattern}`;
  }
  if (definition.minLength !== undefined && value.length < definition.minLength) {
    return `is shorter than ${definition.minLength}`;
  }
  if (definition.maxLength !== undefined && value.length > definition.maxLength) {
    return `is longer than ${definition.maxLength}`;
  }
  if (definition.enum && !definition.enum.map(String).includes(value)) {
    return `is not one of ${JSON.stringify(definition.enum)}`;
  }
  if (definition.type === "boolean" && !["true", "false"].includes(value))
    return "is not a boolean";
  if (definition.format === "uuid" && !/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(value)) {
    return "is not a uuid";
  }
  return undefined;
}

function checkRequestBody(
  exchange: RecordedExchange,
  operation: SpecOperation,
  validator: SwaggerValidator,
): SchemaViolation[] {
  const bodyParameter = operation.parameters.find((p) => p.in === "body");
  const body = exchange.requestBody;
  if (!bodyParameter) {
    return body === undefined
      ? []
      : [violation(operation.url, "the operation takes no request body")];
  }
  if (body === undefined) {
    return bodyParameter.required
      ? [violation(bodyParameter.url, "the request body is missing")]
      : [];
  }
  return validator.validate("request", `${bodyParameter.url}/schema`, body);
}

function checkResponse(
  exchange: RecordedExchange,
  operation: SpecOperation,
  validator: SwaggerValidator,
  status: number,
): SchemaViolation[] {
  const declared =
    operation.responses.get(String(status)) ??
    (status >= 400 ? operation.responses.get("default") : undefined);
  if (!declared) {
    const statuses = [...operation.responses.keys()].join(", ");
    return [
      violation(`${operation.url}/responses`, `status ${status} is not declared (${statuses})`),
    ];
  }
  const body = exchange.responseBody;
  if (!declared.response.schema) {
    return body === undefined ? [] : [violation(declared.url, "this status declares no body")];
  }
  if (body === undefined)
    return [violation(declared.url, "the body this status declares is missing")];
  if (status >= 400 && isFlatNetworkError(declared.response.schema)) {
    return validateWrappedError(validator, `${declared.url}/schema`, body);
  }
  return validator.validate("response", `${declared.url}/schema`, body);
}

/**
 * Some Network operations (private endpoints among them) declare their errors as the flat
 * `network.json#/definitions/Error` ({ code, message, … }). That is a known error of the
 * specification: the Network resource provider, like ARM itself, wraps every error in `error`,
 * as the other operations of the same file declare (`CloudError`), and the SDKs generated from
 * these specifications unwrap `error` before reading it. So the body must be `{ "error": … }`
 * and what it wraps must match `Error`.
 */
function isFlatNetworkError(schema: Record<string, any>): boolean {
  return typeof schema.$ref === "string" && /network\.json#\/definitions\/Error$/.test(schema.$ref);
}

function validateWrappedError(
  validator: SwaggerValidator,
  schemaUrl: string,
  body: unknown,
): SchemaViolation[] {
  const keys = typeof body === "object" && body !== null ? Object.keys(body) : [];
  if (keys.length !== 1 || keys[0] !== "error") {
    return [violation(schemaUrl, 'an ARM error body is { "error": { code, message, … } }')];
  }
  return validator
    .validate("response", schemaUrl, (body as { error: unknown }).error)
    .map((v) => ({ ...v, instancePath: `/error${v.instancePath}` }));
}

function violation(schemaPath: string, message: string): SchemaViolation {
  return { instancePath: "", schemaPath, message };
}
