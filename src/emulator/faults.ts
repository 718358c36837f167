import { ArmHttpError } from "./armError.js";
import type { ForcedOutcome } from "./context.js";
import type { FaultRule } from "./faultRule.js";

const mutatingMethods = new Set(["PUT", "PATCH", "DELETE", "POST"]);

/** What a matching fault does to a request. */
export type FaultEffect =
  | { kind: "answer"; error: ArmHttpError }
  | { kind: "drop" }
  | { kind: "force"; forced: ForcedOutcome };

/** The active fault rules, checked in order; each counts down its `times`. */
export class FaultList {
  #rules: Array<{ rule: FaultRule; remaining: number }> = [];

  add(rule: FaultRule): void {
    if (!(typeof rule.path === "string" || rule.path instanceof RegExp)) {
      throw new TypeError("A fault rule needs a path: a string or a RegExp.");
    }
    if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times > 0)) {
      throw new RangeError(`A fault rule's times must be a positive integer, not ${rule.times}.`);
    }
    this.#rules.push({ rule, remaining: rule.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.#rules = [];
  }

  /** The effect of the first rule matching the request, counting it as used. */
  take(method: string, path: string): FaultEffect | undefined {
    const index = this.#rules.findIndex(({ rule }) => matches(rule, method, path));
    if (index < 0) return undefined;
    const entry = this.#rules[index]!;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.#rules.splice(index, 1);
    return effectOf(entry.rule);
  }
}

function matches(rule: FaultRule, method: string, path: string): boolean {
  const methods = rule.method === undefined ? undefined : [rule.method].flat();
  if (methods && !methods.some((m) => m.toUpperCase() === method)) return false;
  if ((rule.kind === "fail" || rule.kind === "cancel") && !mutatingMethods.has(method))
    return false;
  return typeof rule.path === "string"
    ? path.toLowerCase().includes(rule.path.toLowerCase())
    : rule.path.test(path);
}

function effectOf(rule: FaultRule): FaultEffect {
  switch (rule.kind) {
    case "throttle": {
      const seconds = rule.retryAfterInSeconds ?? 1;
      return {
        kind: "answer",
        error: new ArmHttpError(
          429,
          "TooManyRequests",
          "The request is being throttled as the limit has been reached for operation type - Write_ObservationWindow_00:05:00. " +
            "For more information, see - https://aka.ms/srpthrottlinglimits",
          undefined,
          { "Retry-After": String(seconds) },
        ),
      };
    }
    case "transient": {
      const status = rule.statusCode ?? 503;
      const [code, message] =
        status === 500
          ? ["InternalServerError", "Encountered internal server error. Please retry the request."]
          : status === 502
            ? [
                "BadGateway",
                "The gateway did not receive a response in time. Please retry the request.",
              ]
            : status === 504
              ? [
                  "GatewayTimeout",
                  "The gateway did not receive a response within the specified time period.",
                ]
              : [
                  "ServiceUnavailable",
                  "The service is temporarily unavailable. Please retry the request.",
                ];
      return { kind: "answer", error: new ArmHttpError(status, code, message) };
    }
    case "drop":
      return { kind: "drop" };
    case "error":
      return {
        kind: "answer",
        error: new ArmHttpError(
          rule.statusCode,
          rule.code,
          rule.message ?? "Injected error.",
          undefined,
          {
            ...rule.headers,
          },
        ),
      };
    case "fail":
      return {
        kind: "force",
        forced: {
          outcome: "Failed",
          error: rule.error ?? { code: "InternalOperationError", message: "The operation failed." },
          statusCode: rule.statusCode ?? 400,
        },
      };
    case "cancel":
      return {
        kind: "force",
        forced: {
          outcome: "Canceled",
          error: { code: "OperationCanceled", message: "The operation was canceled." },
          statusCode: 409,
        },
      };
  }
}
