export { Workspace } from "./workspace.js";
export type { WorkspaceCreatePoller, AddPrivateEndpointPoller } from "./workspace.js";
export type {
  ResumeAddPrivateEndpointOptions,
  GetWorkspaceOptions,
  FromConfigOptions,
  PrivateEndpointConnectionStatusOptions,
  DeleteWorkspaceOptions,
} from "./workspaceOptions.js";
export { PrivateEndpointConfig, PrivateEndPointConfig } from "./privateEndpointConfig.js";
export type { PrivateEndpointConfigInit } from "./privateEndpointConfig.js";
export type { WorkspaceClientOptions } from "./client.js";
export type {
  CreateWorkspaceOptions,
  BeginCreateWorkspaceOptions,
  ResumeCreateWorkspaceOptions,
} from "./createOptions.js";
export type { WorkspaceCreateOperationState } from "./createOperation.js";
export type { CreatedResource } from "./createdResources.js";
export type {
  AddPrivateEndpointOptions,
  BeginAddPrivateEndpointOptions,
} from "./addPrivateEndpoint.js";
export type {
  AddPrivateEndpointOperationState,
  AddPrivateEndpointStep,
} from "./addPrivateEndpointOperation.js";
export type {
  PrivateEndpointDnsRecord,
  GetPrivateEndpointDnsRecordsOptions,
} from "./privateEndpointDnsRecords.js";
export type {
  DeletePrivateEndpointOptions,
  DeletePrivateEndpointResult,
} from "./deletePrivateEndpoint.js";
export type { UpdateWorkspaceOptions } from "./updateOptions.js";
export type { WriteConfigOptions } from "./configFile.js";
export type {
  WorkspaceDetails,
  WorkspacePrivateEndpointConnection,
  PrivateEndpointConnectionInfo,
  PrivateEndpointConnectionStatus,
} from "./models.js";
export type { WorkspaceProgressEvent, DeployedResourceType } from "./progress.js";
export {
  WorkspaceExistsError,
  WorkspaceNotFoundError,
  WorkspaceCreateError,
  PrivateEndpointError,
  PrivateEndpointPrerequisiteError,
  PrivateEndpointConnectionNotFoundError,
  PrivateEndpointConnectionRemovedError,
  PrivateEndpointDeleteError,
  ResourceGroupNotFoundError,
  LocationNotAvailableError,
  ConfigNotFoundError,
  ConfigFileError,
} from "./errors.js";
export type { WorkspaceCreateStep } from "./errors.js";
