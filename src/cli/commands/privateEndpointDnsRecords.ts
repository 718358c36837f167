import { Option } from "commander";
import type { Command } from "commander";
import type { CliContext } from "../cliContext.js";
import { printResult } from "../cliContext.js";
import { DNS_RECORD_FORMATS, formatHostsFile, formatZoneFile } from "../dnsRecordFormats.js";
import type { DnsRecordFormat } from "../dnsRecordFormats.js";
import { withExamples } from "../help.js";
import type { TableColumn } from "../table.js";
import { addWorkspaceFlags, resolveWorkspace } from "../workspaceTarget.js";
import type { PrivateEndpointDnsRecord } from "../../workspace/index.js";

interface DnsRecordsFlags {
  peName?: string;
  format?: DnsRecordFormat;
}

const recordColumns: readonly TableColumn<PrivateEndpointDnsRecord>[] = [
  { heading: "PrivateEndpoint", value: (row) => row.privateEndpointName },
  { heading: "Fqdn", value: (row) => row.fqdn },
  { heading: "IpAddresses", value: (row) => row.ipAddresses.join(", ") },
  { heading: "Zone", value: (row) => row.zone ?? "" },
];

/**
 * `workspace private-endpoint dns-records`: prints the DNS records (name → private address) a
 * custom DNS server needs for the private endpoints of a workspace.
 *
 * @param parent - The `private-endpoint` command.
 * @param context - The process context.
 */
export function addPrivateEndpointDnsRecordsCommand(parent: Command, context: CliContext): void {
  const command = parent
    .command("dns-records")
    .description(
      "Print the DNS records (FQDN and private IP addresses) of the private endpoints of a " +
        "workspace, as a custom DNS server or a hosts file needs them: from each endpoint's " +
        "custom DNS configs and its private DNS zone group. JSON by default; --format prints a " +
        "hosts-file or zone-file snippet instead.",
    );
  addWorkspaceFlags(command);
  command
    .addOption(
      new Option(
        "--pe-name <name>",
        "name of the private endpoint; default: every private endpoint of the workspace",
      ),
    )
    .addOption(
      new Option(
        "--format <format>",
        "print a snippet instead of JSON: 'hosts' (address and name per line; wildcards " +
          "commented out) or 'zone' (zone-file records under $ORIGIN of their private DNS zone)",
      ).choices(DNS_RECORD_FORMATS),
    );
  withExamples(command, [
    "azureml-workspace workspace private-endpoint dns-records -w myworkspace -g myresourcegroup",
    "# Lines to append to /etc/hosts on a client",
    "azureml-workspace workspace private-endpoint dns-records -w myworkspace \\\n" +
      "      --pe-name myprivateendpoint --format hosts",
    "azureml-workspace workspace private-endpoint dns-records -w myworkspace --format zone",
  ]);
  command.action(async (flags: DnsRecordsFlags, cmd: Command) => {
    const workspace = await resolveWorkspace(context, cmd);
    const records = await workspace.getPrivateEndpointDnsRecords(flags.peName, {
      abortSignal: context.abortSignal,
    });
    if (flags.format === "hosts") context.writeOut(formatHostsFile(records));
    else if (flags.format === "zone") context.writeOut(formatZoneFile(records));
    else printResult(context, cmd, records, recordColumns);
  });
}
