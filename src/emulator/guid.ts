import { randomUUID } from "node:crypto";

/** A new lower-case GUID, as ARM uses for ids it assigns. */
export function newGuid(): string {
  return randomUUID();
}

/** A network etag: a quoted, weak GUID. */
export function newWeakEtag(): string {
  return `W/"${randomUUID()}"`;
}
