import type { EmulatorState } from "../context.js";
import { newGuid } from "../guid.js";
import type { JsonObject, StoredResource } from "../store.js";

export const privateDnsZoneType = "Microsoft.Network/privateDnsZones";
const privateEndpointType = "Microsoft.Network/privateEndpoints";
export const aRecordType = `${privateDnsZoneType}/A`;
export const soaRecordType = `${privateDnsZoneType}/SOA`;

/** Record sets of a zone, of every type, in a stable order (SOA first). */
export function recordSetsOf(state: EmulatorState, zoneId: string): StoredResource[] {
  return [...state.store.list(soaRecordType, zoneId), ...state.store.list(aRecordType, zoneId)];
}

/** The SOA record set every private zone starts with. */
export function putSoaRecord(state: EmulatorState, zoneId: string, zoneName: string): void {
  const id = `${zoneId}/SOA/@`;
  state.store.put({
    id,
    type: soaRecordType,
    internal: {},
    body: {
      id,
      name: "@",
      type: soaRecordType,
      etag: newGuid(),
      properties: {
        fqdn: `${zoneName}.`,
        ttl: 3600,
        isAutoRegistered: false,
        soaRecord: {
          host: "azureprivatedns.net",
          email: "azureprivatedns-host.microsoft.com",
          serialNumber: 1,
          refreshTime: 3600,
          retryTime: 300,
          expireTime: 2419200,
          minimumTtl: 10,
        },
      },
    },
  });
}

/** Writes (or overwrites) an A record set, remembering which zone group owns it. */
export function putARecord(
  state: EmulatorState,
  zone: StoredResource,
  name: string,
  addresses: string[],
  owner: string,
): void {
  const id = `${zone.id}/A/${name}`;
  state.store.put({
    id,
    type: aRecordType,
    internal: { owner },
    body: {
      id,
      name,
      type: aRecordType,
      etag: newGuid(),
      properties: {
        fqdn: `${name}.${zone.body.name}.`,
        ttl: 10,
        isAutoRegistered: false,
        aRecords: addresses.map((ipv4Address) => ({ ipv4Address })),
      },
    },
  });
}

/** Removes the A record sets owned by a zone group, or by anything below an id. */
export function removeRecordsOwnedBy(state: EmulatorState, ownerOrPrefix: string): void {
  const owner = ownerOrPrefix.toLowerCase();
  for (const record of state.store.list(aRecordType)) {
    const recordOwner = String(record.internal.owner ?? "").toLowerCase();
    if (recordOwner === owner || recordOwner.startsWith(`${owner}/`)) state.store.delete(record.id);
  }
}

/**
 * The public DNS suffix a private link zone stands for: `privatelink.api.azureml.ms` resolves
 * names under `api.azureml.ms`.
 */
export function publicSuffixOf(zoneName: string): string {
  const lower = zoneName.toLowerCase();
  return lower.startsWith("privatelink.") ? lower.slice("privatelink.".length) : lower;
}

/** The record sets a zone gets for a private endpoint's DNS configs. */
export function recordsForZone(
  zoneName: string,
  dnsConfigs: JsonObject[],
): Array<{ name: string; addresses: string[] }> {
  const suffix = `.${publicSuffixOf(zoneName)}`;
  return dnsConfigs
    .filter((c) => String(c.fqdn).toLowerCase().endsWith(suffix))
    .map((c) => ({
      name: String(c.fqdn).slice(0, -suffix.length),
      addresses: [...(c.ipAddresses as string[])],
    }));
}

/**
 * Whether a name of a private endpoint's DNS configs is served by one of its zone groups that
 * succeeded: the group names a zone standing for the name's public suffix.
 */
export function namesCoveredByZoneGroups(
  state: EmulatorState,
  privateEndpointId: string,
): (fqdn: string) => boolean {
  const suffixes = state.store
    .list(`${privateEndpointType}/privateDnsZoneGroups`, privateEndpointId)
    .filter((group) => group.body.properties?.provisioningState === "Succeeded")
    .flatMap((group) => group.body.properties.privateDnsZoneConfigs as JsonObject[])
    .map((config) => state.store.get(String(config.properties?.privateDnsZoneId ?? "")))
    .filter((zone): zone is StoredResource => zone !== undefined)
    .map((zone) => `.${publicSuffixOf(String(zone.body.name))}`);
  return (fqdn) => suffixes.some((suffix) => fqdn.toLowerCase().endsWith(suffix));
}
