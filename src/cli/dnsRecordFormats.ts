import type { PrivateEndpointDnsRecord } from "../workspace/index.js";

/** The snippet formats of `private-endpoint dns-records --format`. */
export const DNS_RECORD_FORMATS = ["hosts", "zone"] as const;

/** A snippet format of `private-endpoint dns-records`. */
export type DnsRecordFormat = (typeof DNS_RECORD_FORMATS)[number];

/**
 * The records as lines of a hosts file (`/etc/hosts`, `C:\Windows\System32\drivers\etc\hosts`):
 * one line per address and name, grouped by private endpoint. A hosts file cannot hold a
 * wildcard, so wildcard names are written commented out, to be added to a DNS server instead.
 *
 * @param records - The records of `Workspace.getPrivateEndpointDnsRecords`.
 * @returns The snippet, ending with a newline; `""` when there is no record.
 */
export function formatHostsFile(records: readonly PrivateEndpointDnsRecord[]): string {
  const lines: string[] = [];
  for (const [endpoint, ofEndpoint] of groupBy(records, (r) => r.privateEndpointName)) {
    lines.push(`# private endpoint ${endpoint}`);
    for (const record of ofEndpoint) {
      for (const address of record.ipAddresses) {
        const line = `${address} ${record.fqdn}`;
        lines.push(
          record.fqdn.startsWith("*.")
            ? `# ${line}  (a wildcard: add it to a DNS server, hosts files cannot hold it)`
            : line,
        );
      }
    }
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

/**
 * The records as a zone-file snippet (RFC 1035 master file): the records a zone group wrote go
 * under an `$ORIGIN` of their private DNS zone, by record set name; records no zone holds are
 * written with their absolute name.
 *
 * @param records - The records of `Workspace.getPrivateEndpointDnsRecords`.
 * @returns The snippet, ending with a newline; `""` when there is no record.
 */
export function formatZoneFile(records: readonly PrivateEndpointDnsRecord[]): string {
  const lines: string[] = [];
  for (const [endpoint, ofEndpoint] of groupBy(records, (r) => r.privateEndpointName)) {
    lines.push(`; private endpoint ${endpoint}`);
    for (const [zone, ofZone] of groupBy(ofEndpoint, (r) => r.zone ?? "")) {
      if (zone !== "") lines.push(`$ORIGIN ${zone}.`);
      for (const record of ofZone) {
        const owner =
          zone !== "" && record.recordSetName ? record.recordSetName : `${record.fqdn}.`;
        const ttl = record.ttl !== undefined ? `${record.ttl} ` : "";
        for (const address of record.ipAddresses) lines.push(`${owner} ${ttl}IN A ${address}`);
      }
    }
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return groups;
}
