/** The `error` object of an ARM error body. */
export interface ArmErrorBody {
  code: string;
  message: string;
  target?: string;
  details?: ArmErrorBody[];
}

/**
 * An error answer: handlers throw it, and the server writes `{ "error": { code, message } }`
 * with the status code.
 */
export class ArmHttpError extends Error {
  override readonly name = "ArmHttpError";

  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly target?: string,
    readonly headers: Record<string, string> = {},
    /** `error.details`, for providers that put the specific reason there. */
    readonly details?: ArmErrorBody[],
  ) {
    super(message);
  }

  /** The JSON body ARM sends for this error. */
  toBody(): { error: ArmErrorBody } {
    const error: ArmErrorBody = { code: this.code, message: this.message };
    if (this.target !== undefined) error.target = this.target;
    if (this.details !== undefined) error.details = this.details;
    return { error };
  }
}

/** 404 `ResourceNotFound`, in ARM's words. */
export function resourceNotFound(
  resourceType: string,
  name: string,
  resourceGroup: string,
): ArmHttpError {
  return new ArmHttpError(
    404,
    "ResourceNotFound",
    `The Resource '${resourceType}/${name}' under resource group '${resourceGroup}' was not found. ` +
      "For more details please go to https://aka.ms/ARMResourceNotFoundFix",
  );
}

/** 404 `NotFound` as the Network resource provider words it for child resources. */
export function networkChildNotFound(id: string): ArmHttpError {
  return new ArmHttpError(404, "NotFound", `Resource ${id} not found.`);
}

/** 404 `ResourceGroupNotFound`. */
export function resourceGroupNotFound(resourceGroup: string): ArmHttpError {
  return new ArmHttpError(
    404,
    "ResourceGroupNotFound",
    `Resource group '${resourceGroup}' could not be found.`,
  );
}

/** 400 `InvalidResourceName` with the rule the name breaks. */
export function invalidResourceName(name: string, rule: string): ArmHttpError {
  return new ArmHttpError(400, "InvalidResourceName", `Resource name ${name} is invalid. ${rule}`);
}

/** 400 `InvalidRequestFormat`: the body does not match the resource's schema. */
export function invalidRequestFormat(message: string, target?: string): ArmHttpError {
  return new ArmHttpError(400, "InvalidRequestFormat", message, target);
}

/** 400 `InvalidResourceReference`: a referenced resource does not exist or is elsewhere. */
export function invalidResourceReference(
  referencedId: string,
  referencingId: string,
): ArmHttpError {
  return new ArmHttpError(
    400,
    "InvalidResourceReference",
    `Resource ${referencedId} referenced by resource ${referencingId} was not found. ` +
      "Please make sure that the referenced resource exists, and that both resources are in the same region.",
  );
}

/**
 * 404 `ResourceNotFound` for any resource id, with ARM's nested form of the type and name, e.g.
 * 'Microsoft.MachineLearningServices/workspaces/ws/privateEndpointConnections/pec'.
 */
export function resourceNotFoundById(id: string): ArmHttpError {
  const match = /^\/subscriptions\/[^/]+\/resourceGroups\/([^/]+)\/providers\/(.+)$/iu.exec(id);
  if (!match) return new ArmHttpError(404, "NotFound", `Resource ${id} not found.`);
  const path = match[2]!;
  const cut = path.lastIndexOf("/");
  return resourceNotFound(path.slice(0, cut), path.slice(cut + 1), match[1]!);
}
