/**
 * The ARM transport: clouds, the client, long-running operations, resource ids and errors.
 */
export { ArmClient } from "./armClient.js";
export type { ArmClientOptions, ArmRetryOptions } from "./armClientOptions.js";
export type {
  ArmLongRunningRequest,
  ArmMethod,
  ArmPoller,
  ArmRequest,
  ArmResponse,
  FinalStateVia,
} from "./armRequest.js";
export { knownCloudNames, resolveCloud } from "./clouds.js";
export type { CloudDefinition, KnownCloudName } from "./clouds.js";
export { ArmError, isArmError } from "./errors/armError.js";
export type { ArmErrorAdditionalInfo, ArmErrorDetail, ArmErrorInit } from "./errors/armError.js";
export { AzureMLWorkspaceError } from "./errors/azureMLWorkspaceError.js";
export { UntrustedHostError } from "./errors/untrustedHostError.js";
export { ValidationError } from "./errors/validationError.js";
export { formatResourceId, parseResourceId } from "./resourceId.js";
export type { ResourceId, ResourceIdParts } from "./resourceId.js";
