import type { Route, RouteParams } from "./context.js";

interface CompiledRoute {
  route: Route;
  /** Lower-case literal segments, or `{ param }` for a parameter. */
  segments: Array<string | { param: string }>;
  literalCount: number;
}

/** The outcome of matching a request against the routes. */
export type RouteMatch =
  | { kind: "found"; route: Route; params: RouteParams }
  | { kind: "methodNotAllowed" }
  | { kind: "notFound" };

/** Splits a decoded path into segments, ignoring empty ones (and a trailing slash). */
export function pathSegments(path: string): string[] {
  return path.split("/").filter((s) => s.length > 0);
}

/**
 * Matches paths to routes case-insensitively, as ARM does. When several patterns match, the one
 * with more literal segments wins, so `…/virtualNetworkLinks` beats `…/{recordType}`.
 */
export class Router {
  readonly #routes: CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.#routes = routes.map((route) => {
      const segments = pathSegments(route.pattern).map((s) =>
        s.startsWith("{") && s.endsWith("}") ? { param: s.slice(1, -1) } : s.toLowerCase(),
      );
      return {
        route,
        segments,
        literalCount: segments.filter((s) => typeof s === "string").length,
      };
    });
  }

  match(method: string, path: string): RouteMatch {
    const segments = pathSegments(path);
    let best: { compiled: CompiledRoute; params: Record<string, string> } | undefined;
    let pathKnown = false;
    for (const compiled of this.#routes) {
      const params = matchSegments(compiled.segments, segments);
      if (!params) continue;
      pathKnown = true;
      if (compiled.route.method !== method) continue;
      if (!best || compiled.literalCount > best.compiled.literalCount) best = { compiled, params };
    }
    if (best) return { kind: "found", route: best.compiled.route, params: best.params };
    return pathKnown ? { kind: "methodNotAllowed" } : { kind: "notFound" };
  }
}

function matchSegments(
  pattern: CompiledRoute["segments"],
  segments: string[],
): Record<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of pattern.entries()) {
    const segment = segments[index]!;
    if (typeof part === "string") {
      if (part !== segment.toLowerCase()) return undefined;
    } else {
      params[part.param] = segment;
    }
  }
  return params;
}
