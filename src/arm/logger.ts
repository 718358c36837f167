import { createClientLogger } from "@azure/logger";

/**
 * The package's logger: `azure:azureml-workspace:<level>`, enabled with `AZURE_LOG_LEVEL` or
 * `setLogLevel` from `@azure/logger`.
 *
 * @internal
 */
export const logger = createClientLogger("azureml-workspace");
