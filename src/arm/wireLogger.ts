import type { Debugger } from "@azure/logger";
import { logger } from "./logger.js";
import { redact } from "./redact.js";

/**
 * The logger core-rest-pipeline's log policy writes request and response dumps to: the package's
 * verbose logger, with every line passed through {@link redact}. The policy hides header values
 * and query strings it does not know, but prints `Azure-AsyncOperation` and `Location` as they
 * are, and those URLs may be signed.
 *
 * @internal
 */
export function createWireLogger(): Debugger {
  const target = logger.verbose;
  const wireLogger = ((...args: unknown[]) =>
    target(...args.map((arg) => (typeof arg === "string" ? redact(arg) : arg)))) as Debugger;
  Object.defineProperties(wireLogger, {
    enabled: { get: () => target.enabled },
    namespace: { get: () => target.namespace },
    log: { get: () => target.log },
    destroy: { value: () => target.destroy() },
    extend: { value: (namespace: string) => target.extend(namespace) },
  });
  return wireLogger;
}
