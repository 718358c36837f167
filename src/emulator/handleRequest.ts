import { requireApiVersion } from "./apiVersion.js";
import { ArmHttpError } from "./armError.js";
import { checkAuthorization } from "./auth.js";
import type { EmulatorResponse, EmulatorState, RequestContext } from "./context.js";
import type { FaultList } from "./faults.js";
import { answerPoll } from "./lro.js";
import { findProvider } from "./providers/registrations.js";
import type { Router } from "./router.js";

/** A request as the HTTP layer hands it over. */
export interface IncomingExchange {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  /** The raw body text ("" when empty). */
  bodyText: string;
  nowMs: number;
}

/** What to do with a request: answer it, or drop the connection. */
export type Handled = { kind: "answer"; response: EmulatorResponse } | { kind: "drop" };

/**
 * Handles one request the way ARM's front door and the resource providers would, in order:
 * settle due operations, authenticate, apply faults, check the api-version and subscription,
 * then answer an operation poll or route to a resource provider.
 */
export function handleRequest(
  state: EmulatorState,
  router: Router,
  faults: FaultList,
  exchange: IncomingExchange,
  defaultTenantId: string,
): Handled {
  state.operations.settleDue(exchange.nowMs);
  try {
    checkAuthorization(exchange.headers.authorization, defaultTenantId);
    const effect = faults.take(exchange.method, exchange.path);
    if (effect?.kind === "drop") return { kind: "drop" };
    if (effect?.kind === "answer") throw effect.error;

    const ctx: RequestContext = {
      state,
      method: exchange.method,
      path: exchange.path,
      query: exchange.query,
      apiVersion: requireApiVersion(exchange.query),
      headers: exchange.headers,
      body: parseBody(exchange),
      nowMs: exchange.nowMs,
      forcedOutcome: effect?.kind === "force" ? effect.forced : undefined,
    };
    requireSubscription(state, exchange.path);

    const poll = state.operations.findByPollPath(exchange.path);
    if (poll && exchange.method === "GET") {
      return { kind: "answer", response: answerPoll(ctx, poll.operation, poll.style) };
    }
    return { kind: "answer", response: route(ctx, router) };
  } catch (error) {
    return { kind: "answer", response: errorResponse(error) };
  }
}

function route(ctx: RequestContext, router: Router): EmulatorResponse {
  const match = router.match(ctx.method, ctx.path);
  if (match.kind === "methodNotAllowed") {
    throw new ArmHttpError(
      405,
      "HttpMethodNotAllowed",
      `The requested resource does not support http method '${ctx.method}'.`,
    );
  }
  if (match.kind === "notFound") throw unknownPath(ctx);

  // A `fail`/`cancel` fault on an operation that completes synchronously answers at once.
  const forced = ctx.forcedOutcome;
  if (forced && !match.route.longRunning) {
    throw new ArmHttpError(forced.statusCode, forced.error.code, forced.error.message);
  }
  return match.route.handle(ctx, match.params);
}

function parseBody(exchange: IncomingExchange): unknown {
  if (exchange.bodyText.trim() === "") return undefined;
  try {
    return JSON.parse(exchange.bodyText);
  } catch (error) {
    throw new ArmHttpError(
      400,
      "InvalidRequestContent",
      `The request content was invalid and could not be deserialized: '${(error as Error).message}'.`,
    );
  }
}

function requireSubscription(state: EmulatorState, path: string): void {
  const match = /^\/subscriptions\/([^/]+)/iu.exec(path);
  if (match && !state.subscriptions.has(match[1]!.toLowerCase())) {
    throw new ArmHttpError(
      404,
      "SubscriptionNotFound",
      `The subscription '${match[1]}' could not be found.`,
    );
  }
}

/** ARM's answer for a path no route serves: an unknown namespace or resource type. */
function unknownPath(ctx: RequestContext): ArmHttpError {
  const match = /\/providers\/([^/]+)\/([^/]+)/iu.exec(ctx.path);
  if (!match) {
    return new ArmHttpError(
      404,
      "NotFound",
      `No HTTP resource was found that matches the request URI '${ctx.path}'.`,
    );
  }
  const [, namespace, type] = match;
  if (!findProvider(namespace!)) {
    return new ArmHttpError(
      404,
      "InvalidResourceNamespace",
      `The resource namespace '${namespace}' is invalid.`,
    );
  }
  return new ArmHttpError(
    400,
    "InvalidResourceType",
    `The resource type '${type}' could not be found in the namespace '${namespace}' for api version '${ctx.apiVersion}'.`,
  );
}

function errorResponse(error: unknown): EmulatorResponse {
  if (error instanceof ArmHttpError) {
    return { status: error.statusCode, headers: error.headers, body: error.toBody() };
  }
  // A bug in the emulator: answer like ARM would, and keep the cause in the message.
  return {
    status: 500,
    body: {
      error: {
        code: "InternalServerError",
        message: `The emulator failed to handle the request: ${(error as Error)?.message ?? String(error)}`,
      },
    },
  };
}
