import type { TableColumn } from "../table.js";

/**
 * Reads a field of an ARM resource whether the library returns it at the top level or under
 * `properties`, as ARM puts it.
 */
export function field(row: unknown, name: string): unknown {
  if (typeof row !== "object" || row === null) return undefined;
  const record = row as Record<string, unknown>;
  if (record[name] !== undefined) return record[name];
  const properties = record.properties;
  if (typeof properties === "object" && properties !== null) {
    return (properties as Record<string, unknown>)[name];
  }
  return undefined;
}

/** The columns of a workspace for `--output table`. */
export const workspaceColumns: readonly TableColumn<unknown>[] = [
  { heading: "Name", value: (row) => field(row, "name") },
  { heading: "Location", value: (row) => field(row, "location") },
  { heading: "ProvisioningState", value: (row) => field(row, "provisioningState") },
  { heading: "PublicNetworkAccess", value: (row) => field(row, "publicNetworkAccess") },
  {
    heading: "PrivateEndpointConnections",
    value: (row) => {
      const connections = field(row, "privateEndpointConnections");
      return Array.isArray(connections) ? connections.length : 0;
    },
  },
];

/** The columns of a private endpoint connection for `--output table`. */
export const connectionColumns: readonly TableColumn<unknown>[] = [
  { heading: "Name", value: (row) => field(row, "name") },
  { heading: "Status", value: (row) => field(row, "status") ?? connectionState(row)?.status },
  {
    heading: "PrivateEndpoint",
    value: (row) => field(row, "privateEndpointName") ?? endpointName(row),
  },
  {
    heading: "Description",
    value: (row) => field(row, "description") ?? connectionState(row)?.description,
  },
];

function connectionState(row: unknown): { status?: unknown; description?: unknown } | undefined {
  const state = field(row, "privateLinkServiceConnectionState");
  return typeof state === "object" && state !== null ? state : undefined;
}

function endpointName(row: unknown): string | undefined {
  const endpoint = field(row, "privateEndpoint") as { id?: unknown } | undefined;
  const id = typeof endpoint?.id === "string" ? endpoint.id : undefined;
  return id?.slice(id.lastIndexOf("/") + 1);
}
