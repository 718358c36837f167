import type { AbortSignalLike } from "@azure/abort-controller";
import { isArmError } from "../arm/index.js";
import { API_VERSIONS } from "./apiVersions.js";
import { get, getIfExists } from "./armCalls.js";
import type { OperationContext } from "./armCalls.js";
import { lastSegment } from "./resourceIds.js";

/**
 * One DNS record a private endpoint of the workspace needs: the name clients resolve and the
 * private addresses it must resolve to. This is what a custom DNS server (or a hosts file) must
 * hold when the virtual network does not use Azure private DNS zones.
 *
 * @public
 */
export interface PrivateEndpointDnsRecord {
  /**
   * The name clients look up, without a trailing dot, e.g.
   * `<workspace id>.workspace.eastus2.api.azureml.ms`. A name starting with `*.` is a wildcard
   * (the workspace's inference endpoints).
   */
  fqdn: string;
  /** The private addresses of the endpoint for that name. */
  ipAddresses: string[];
  /** The private endpoint the record belongs to. */
  privateEndpointName: string;
  /**
   * The private DNS zone that holds the record, e.g. `privatelink.api.azureml.ms`, when the
   * endpoint's zone group wrote it there; absent for a name only the endpoint lists.
   */
  zone?: string;
  /** The name of the record set within `zone`, e.g. `<workspace id>.workspace.eastus2`. */
  recordSetName?: string;
  /** Time to live of the record set in `zone`, in seconds. */
  ttl?: number;
}

/**
 * Options of `Workspace.getPrivateEndpointDnsRecords`.
 *
 * @public
 */
export interface GetPrivateEndpointDnsRecordsOptions {
  /** Cancels the reads. */
  abortSignal?: AbortSignalLike;
}

/** The parts of a `Microsoft.Network/privateEndpoints` resource read here. */
interface PrivateEndpointResource {
  name?: string;
  properties?: { customDnsConfigs?: Array<{ fqdn?: string; ipAddresses?: string[] }> };
}

/** The parts of a `privateDnsZoneGroups` list read here. */
interface ZoneGroupList {
  value?: Array<{
    properties?: {
      privateDnsZoneConfigs?: Array<{
        properties?: {
          privateDnsZoneId?: string;
          recordSets?: Array<{
            recordType?: string;
            recordSetName?: string;
            fqdn?: string;
            ttl?: number;
            ipAddresses?: string[];
          }>;
        };
      }>;
    };
  }>;
}

/** Zones named after the recommended pattern stand for the public name without this label. */
const PRIVATE_LINK_LABEL = "privatelink.";

/**
 * The DNS records of the given private endpoints (ARM ids), in order: first what each endpoint
 * lists in `customDnsConfigs`, then the A record sets its zone groups wrote. Azure moves a name
 * out of `customDnsConfigs` once a zone group covers it, so both are read; a name found in both
 * is given once, with the zone it lives in. An endpoint that no longer exists gives no record.
 *
 * @internal
 */
export async function readPrivateEndpointDnsRecords(
  ctx: OperationContext,
  privateEndpointIds: readonly string[],
): Promise<PrivateEndpointDnsRecord[]> {
  const perEndpoint = await Promise.all(privateEndpointIds.map((id) => readOne(ctx, id)));
  return perEndpoint.flat();
}

async function readOne(
  ctx: OperationContext,
  privateEndpointId: string,
): Promise<PrivateEndpointDnsRecord[]> {
  const endpoint = await getIfExists<PrivateEndpointResource>(
    ctx,
    privateEndpointId,
    API_VERSIONS.network,
  );
  if (!endpoint) return [];
  const privateEndpointName = endpoint.name ?? lastSegment(privateEndpointId);
  const records = new RecordSet(privateEndpointName);

  for (const config of endpoint.properties?.customDnsConfigs ?? []) {
    if (config.fqdn) records.add({ fqdn: config.fqdn, ipAddresses: config.ipAddresses ?? [] });
  }
  for (const group of (await readZoneGroups(ctx, privateEndpointId)).value ?? []) {
    for (const config of group.properties?.privateDnsZoneConfigs ?? []) {
      const zone = lastSegment(config.properties?.privateDnsZoneId ?? "").toLowerCase();
      for (const recordSet of config.properties?.recordSets ?? []) {
        if (recordSet.recordType !== undefined && recordSet.recordType !== "A") continue;
        const recordSetName = recordSet.recordSetName;
        if (!recordSetName || !zone) continue;
        records.add({
          fqdn: publicName(recordSetName, zone),
          ipAddresses: recordSet.ipAddresses ?? [],
          zone,
          recordSetName,
          ...(recordSet.ttl !== undefined ? { ttl: recordSet.ttl } : {}),
        });
      }
    }
  }
  return records.values();
}

async function readZoneGroups(
  ctx: OperationContext,
  privateEndpointId: string,
): Promise<ZoneGroupList> {
  try {
    return await get<ZoneGroupList>(
      ctx,
      `${privateEndpointId}/privateDnsZoneGroups`,
      API_VERSIONS.network,
    );
  } catch (e) {
    // The endpoint went away between the two reads.
    if (isArmError(e, 404)) return {};
    throw e;
  }
}

/**
 * The name clients resolve for a record set: a zone named `privatelink.<suffix>` answers for
 * `<suffix>` (the public name is a CNAME into the private zone); any other zone answers for
 * itself.
 */
function publicName(recordSetName: string, zone: string): string {
  const suffix = zone.startsWith(PRIVATE_LINK_LABEL) ? zone.slice(PRIVATE_LINK_LABEL.length) : zone;
  return recordSetName === "@" ? suffix : `${recordSetName}.${suffix}`;
}

/** The records of one endpoint, one per name (case-insensitive), addresses merged. */
class RecordSet {
  private readonly byName = new Map<string, PrivateEndpointDnsRecord>();

  constructor(private readonly privateEndpointName: string) {}

  add(record: Omit<PrivateEndpointDnsRecord, "privateEndpointName">): void {
    const fqdn = record.fqdn.replace(/\.$/, "");
    const key = fqdn.toLowerCase();
    const known = this.byName.get(key);
    if (!known) {
      this.byName.set(key, {
        ...record,
        fqdn,
        ipAddresses: unique(record.ipAddresses),
        privateEndpointName: this.privateEndpointName,
      });
      return;
    }
    known.ipAddresses = unique([...known.ipAddresses, ...record.ipAddresses]);
    if (record.zone !== undefined && known.zone === undefined) {
      known.zone = record.zone;
      known.recordSetName = record.recordSetName;
      if (record.ttl !== undefined) known.ttl = record.ttl;
    }
  }

  values(): PrivateEndpointDnsRecord[] {
    return [...this.byName.values()];
  }
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
