import { Option } from "commander";
import type { Command } from "commander";
import { PrivateEndpointConfig } from "../../workspace/index.js";
import { parseBoolean } from "../parsers.js";
import { UsageError } from "../usageError.js";

/** The `--pe-*` flags as commander parses them. */
export interface PrivateEndpointFlags {
  peName?: string;
  peVnetName?: string;
  peSubnetName?: string;
  peResourceGroup?: string;
  peSubscriptionId?: string;
  peLocation?: string;
  peAutoApproval?: boolean;
  disableSubnetNetworkPolicies?: boolean;
}

/** Which `--pe-*` flags a command takes. */
export interface PrivateEndpointFlagOptions {
  /** Whether `--pe-location` is offered (`private-endpoint add` only, as in `az ml`). */
  location: boolean;
}

const AUTO_APPROVAL_HELP =
  "approve the private endpoint connection at once and create its private DNS zones; without " +
  "it the connection waits (Pending) for the workspace owner to approve it. Off unless given, " +
  "as in the az ml CLI (the Python SDK and this package's library default to on)";

/**
 * Adds the private endpoint flags of `az ml workspace create` and
 * `az ml workspace private-endpoint add`.
 *
 * @param command - The command.
 * @param options - Which flags.
 * @returns The same command.
 */
export function addPrivateEndpointFlags(
  command: Command,
  options: PrivateEndpointFlagOptions,
): Command {
  command
    .addOption(new Option("--pe-name <name>", "name of the private endpoint to create"))
    .addOption(
      new Option("--pe-vnet-name <name>", "existing virtual network for the private endpoint"),
    )
    .addOption(
      new Option("--pe-subnet-name <name>", "subnet of the virtual network").default("default"),
    )
    .addOption(
      new Option(
        "--pe-resource-group <name>",
        "resource group of the virtual network, where the private endpoint and its DNS zones are " +
          "created; default: the workspace's",
      ),
    )
    .addOption(
      new Option(
        "--pe-subscription-id <id>",
        "subscription of the virtual network; default: the workspace's",
      ),
    );
  if (options.location) {
    command.addOption(
      new Option(
        "--pe-location <location>",
        "region of the private endpoint; default: the virtual network's",
      ),
    );
  }
  command
    .addOption(
      new Option("--pe-auto-approval [true|false]", AUTO_APPROVAL_HELP)
        .preset("true")
        .argParser(parseBoolean),
    )
    .addOption(
      new Option(
        "--disable-subnet-network-policies",
        "if the subnet's private endpoint network policies block the endpoint, disable them " +
          "(the rest of the subnet is kept as it is) instead of failing",
      ),
    );
  return command;
}

/**
 * The private endpoint configuration the flags describe, or `undefined` when no `--pe-name` was
 * given (as in `az ml`, the other `--pe-*` flags then do nothing, so they are refused).
 *
 * @param flags - The parsed flags.
 * @returns The configuration.
 * @throws UsageError when `--pe-name` and `--pe-vnet-name` do not come together.
 */
export function privateEndpointConfigFrom(
  flags: PrivateEndpointFlags,
): PrivateEndpointConfig | undefined {
  if (flags.peName === undefined) {
    const stray = [
      flags.peVnetName !== undefined ? "--pe-vnet-name" : undefined,
      flags.peResourceGroup !== undefined ? "--pe-resource-group" : undefined,
      flags.peSubscriptionId !== undefined ? "--pe-subscription-id" : undefined,
      flags.peAutoApproval !== undefined ? "--pe-auto-approval" : undefined,
    ].filter((flag) => flag !== undefined);
    if (stray.length > 0) {
      throw new UsageError(`${stray.join(", ")} only apply with --pe-name: add --pe-name <name>.`);
    }
    return undefined;
  }
  if (flags.peVnetName === undefined) {
    throw new UsageError("--pe-name needs the virtual network: add --pe-vnet-name <name>.");
  }
  return new PrivateEndpointConfig({
    name: flags.peName,
    vnetName: flags.peVnetName,
    vnetSubnetName: flags.peSubnetName,
    vnetSubscriptionId: flags.peSubscriptionId,
    vnetResourceGroup: flags.peResourceGroup,
  });
}
