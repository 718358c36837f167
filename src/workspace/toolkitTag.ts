import { SDK_VERSION } from "../arm/version.js";

/**
 * The start of the `createdByToolkit` tag value of every release of this package.
 *
 * @internal
 */
export const TOOLKIT_TAG_PREFIX = "azureml-workspace-";

/**
 * The `createdByToolkit` tag value put on what this package creates, in the Python SDK's
 * `sdk-v1-<version>` form.
 *
 * @internal
 */
export const PACKAGE_TOOLKIT_TAG = `${TOOLKIT_TAG_PREFIX}${SDK_VERSION}`;
