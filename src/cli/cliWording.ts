/**
 * The library's messages name its options (`existOk: true`); on the command line the fix is a
 * flag. Each entry rewrites one such phrase; a message that matches none is left as it is.
 */
const REWORDINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bexistOk: true\b/g, "--exist-ok"],
  [/\bpass createResourceGroup: true\b/g, "pass --yes (with -l/--location)"],
  [/\bdisableSubnetNetworkPolicies: true\b/g, "--disable-subnet-network-policies"],
  [
    /\bset vnetSubscriptionId and vnetResourceGroup\b/g,
    "pass --pe-subscription-id and --pe-resource-group",
  ],
  [/\bset vnetSubnetName\b/g, "pass --pe-subnet-name"],
  [/\bPass keyVault\b/g, "Pass --keyvault"],
  [/\bwaitForApproval\b/g, "--wait-for-approval"],
  [/\bprivateEndpointAutoApproval: false\b/g, "manual approval (no --pe-auto-approval)"],
  [
    /\bSet allowInsecureLoopback: true\b/g,
    "Pass --allow-insecure-loopback (or --credential emulator)",
  ],
  [/\bwith allowInsecureLoopback\b/g, "with --allow-insecure-loopback"],
  [
    /\bCheck the network, the proxy settings and the endpoint\./g,
    "Check the network, the proxy settings and the --endpoint URL.",
  ],
  [
    /\(approvePrivateEndpointConnection, or the portal's/g,
    "('azureml-workspace workspace private-endpoint approve', or the portal's",
  ],
];

/**
 * Rewrites the option names in a library message into the flags that set them.
 *
 * @param message - A message from the library.
 * @returns The message as a command line user should read it.
 */
export function toCliWording(message: string): string {
  return REWORDINGS.reduce((text, [pattern, flag]) => text.replace(pattern, flag), message);
}
