import { ArmHttpError, invalidResourceName } from "../armError.js";
import type { EmulatorResponse, RequestContext } from "../context.js";
import { newWeakEtag } from "../guid.js";
import { beginOperation, networkDeletePollPaths, networkPollPaths } from "../lro.js";
import type { OperationOutcome } from "../operations.js";
import type { JsonObject, StoredResource } from "../store.js";
import { failedPrecondition } from "./common.js";

const namePattern = /^\w(?:[\w.-]{0,78}\w)?$/u;

/** 400 `InvalidResourceName` unless the name follows the Network resource provider's rule. */
export function checkNetworkName(name: string): void {
  if (!namePattern.test(name)) {
    throw invalidResourceName(
      name,
      "The name can be up to 80 characters long. It must begin with a word character, and it " +
        "must end with a word character or with '_'. The name may contain word characters or '.', '-', '_'.",
    );
  }
}

/**
 * Checks `If-Match` on a Network write the way the Network resource provider answers a stale
 * etag: 412 `PreconditionFailed`, the specific reason in a `PreconditionFailedEtagMismatch`
 * detail naming both etags and the resource.
 */
export function checkNetworkPreconditions(
  ctx: RequestContext,
  existing: StoredResource | undefined,
  id: string,
): void {
  const failed = failedPrecondition(ctx, existing);
  if (!failed) return;
  const details =
    failed.header === "If-Match" && failed.etag !== undefined
      ? [
          {
            code: "PreconditionFailedEtagMismatch",
            message:
              `Etag provided in if-match header ${failed.given} does not match etag ` +
              `${failed.etag} of resource ${id} in NRP data store.`,
          },
        ]
      : undefined;
  // The wording for a condition on a resource that does not exist is not known: only the
  // top-level code and message, which every Network 412 carries, are given then.
  throw new ArmHttpError(412, "PreconditionFailed", "Precondition failed.", undefined, {}, details);
}

/** A fresh network etag. */
export function networkEtag(): string {
  return newWeakEtag();
}

/**
 * Answers a Network PUT: 201 (new) or 200 (existing) with the body in state Updating and an
 * `Azure-AsyncOperation` header, the final state coming from the operation.
 */
export function answerNetworkPut(
  ctx: RequestContext,
  options: {
    subscriptionId: string;
    location: string;
    created: boolean;
    view: () => JsonObject;
    complete: (outcome: OperationOutcome) => void;
  },
): EmulatorResponse {
  const { headers } = beginOperation(ctx, {
    pollPaths: networkPollPaths(options.subscriptionId, options.location),
    complete: options.complete,
  });
  return { status: options.created ? 201 : 200, headers, body: options.view() };
}

/** Answers a Network DELETE: 202 with `Azure-AsyncOperation` and `Location`. */
export function answerNetworkDelete(
  ctx: RequestContext,
  options: {
    subscriptionId: string;
    location: string;
    complete: (outcome: OperationOutcome) => void;
  },
): EmulatorResponse {
  const { headers } = beginOperation(ctx, {
    pollPaths: networkDeletePollPaths(options.subscriptionId, options.location),
    complete: options.complete,
  });
  return { status: 202, headers };
}

/** 400 `InUseSubnetCannotBeDeleted`, naming what still uses the subnet. */
export function subnetInUse(subnetName: string, users: string[]): ArmHttpError {
  return new ArmHttpError(
    400,
    "InUseSubnetCannotBeDeleted",
    `Subnet ${subnetName} is in use by ${users.join(", ")} and cannot be deleted. ` +
      "In order to delete the subnet, delete all the resources within the subnet.",
  );
}
