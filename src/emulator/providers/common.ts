import { ArmHttpError, resourceGroupNotFound } from "../armError.js";
import { isoTime } from "../clock.js";
import type { RequestContext } from "../context.js";
import { locationNotAvailable, normalizeLocation } from "../locations.js";
import type { JsonObject, StoredResource } from "../store.js";
import { validateBody } from "../validation/validateBody.js";
import { findResourceType } from "./registrations.js";

/** The resource group resource type. */
export const resourceGroupType = "Microsoft.Resources/resourceGroups";

/** The id of a resource group. */
export function resourceGroupId(subscriptionId: string, resourceGroup: string): string {
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}`;
}

/**
 * The resource group a request writes into; 404 `ResourceGroupNotFound` when it does not exist
 * and 409 `ResourceGroupBeingDeleted` while it is being deleted.
 */
export function requireResourceGroup(
  ctx: RequestContext,
  subscriptionId: string,
  resourceGroup: string,
): StoredResource {
  const group = ctx.state.store.get(resourceGroupId(subscriptionId, resourceGroup));
  if (!group) throw resourceGroupNotFound(resourceGroup);
  if (ctx.method !== "GET" && group.body.properties?.provisioningState === "Deleting") {
    throw new ArmHttpError(
      409,
      "ResourceGroupBeingDeleted",
      `The resource group '${group.body.name}' is in deprovisioning state and cannot perform this operation.`,
    );
  }
  return group;
}

/** The body of a PUT or PATCH, checked against the schema of its resource type. */
export function requireBody(ctx: RequestContext, schemaKey: string): JsonObject {
  const body = ctx.body;
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new ArmHttpError(
      400,
      "InvalidRequestContent",
      "The request content was invalid and could not be deserialized: a JSON object was expected.",
    );
  }
  validateBody(schemaKey, body);
  return body as JsonObject;
}

/**
 * The normalised location of a new resource: 400 `LocationRequired` when absent and
 * `LocationNotAvailableForResourceType` when the type is not offered there.
 */
export function requireLocation(body: JsonObject, resourceType: string): string {
  const location = body.location;
  if (typeof location !== "string" || location.trim() === "") {
    throw new ArmHttpError(
      400,
      "LocationRequired",
      "The location property is required for this definition.",
    );
  }
  const registration = findResourceType(resourceType);
  const available = (registration?.locations ?? []).map(normalizeLocation);
  const normalized = normalizeLocation(location);
  if (!available.includes(normalized)) {
    throw locationNotAvailable(location, resourceType, available);
  }
  return normalized;
}

/** `systemData` for a resource created (and last modified) by this request. */
export function systemData(ctx: RequestContext, createdAt?: string): JsonObject {
  const now = isoTime(ctx.nowMs);
  return {
    createdBy: "emulator@example.com",
    createdByType: "User",
    createdAt: createdAt ?? now,
    lastModifiedBy: "emulator@example.com",
    lastModifiedByType: "User",
    lastModifiedAt: now,
  };
}

/** The `If-Match` / `If-None-Match: *` condition of a write that the stored resource fails. */
export type FailedPrecondition =
  { header: "If-None-Match" } | { header: "If-Match"; given: string; etag: string | undefined };

/**
 * Which precondition of a write the resource as stored fails, if any, for each provider to
 * answer 412 in its own words. `If-None-Match: *` fails when the resource exists; `If-Match`
 * fails unless the resource exists and, for a value other than `*`, has exactly that etag (as
 * RFC 9110 has it: `*` matches any current version, and nothing when there is none).
 */
export function failedPrecondition(
  ctx: RequestContext,
  existing: StoredResource | undefined,
): FailedPrecondition | undefined {
  if (ctx.headers["if-none-match"] === "*" && existing) return { header: "If-None-Match" };
  const given = ctx.headers["if-match"];
  if (!given) return undefined;
  const etag = existing?.body.etag as string | undefined;
  if (existing && (given === "*" || given === etag)) return undefined;
  return { header: "If-Match", given, etag };
}

/** Tags from a request body, defaulting to none. */
export function tagsOf(body: JsonObject, previous?: JsonObject): JsonObject | undefined {
  return (body.tags as JsonObject | undefined) ?? previous;
}

/** A list answer: ARM's `{ value }` page (the emulator never needs more than one page). */
export function listAnswer(values: unknown[]): { status: number; body: JsonObject } {
  return { status: 200, body: { value: values } };
}

/** A deep copy, so an answer never aliases stored state. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

/** Whether two ARM ids name the same resource. */
export function sameId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}
