import { SDK_VERSION } from "../arm/version.js";

/**
 * The `createdByToolkit` tag value put on what this package creates, in the Python SDK's
 * `sdk-v1-<version>` form.
 *
 * @internal
 */
export const PACKAGE_TOOLKIT_TAG = `azureml-workspace-${SDK_VERSION}`;
