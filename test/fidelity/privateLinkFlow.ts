import { startEmulator, type RecordedExchange } from "../../src/emulator/index.js";
import { PrivateEndpointConfig, Workspace } from "../../src/index.js";

/** Long enough for every long-running operation to be polled in progress at least once. */
const LATENCY_IN_MS = 20;
const POLL_INTERVAL_IN_MS = 5;

/**
 * Runs the whole private-link flow with the SDK against local emulators and returns every
 * exchange, in order:
 *
 * - in the demo world: create a workspace with an auto-approved private endpoint, add one that
 *   waits for manual approval and approve it, add one and reject it, list the connections, read
 *   the details, delete a connection, open public access, read a workspace that does not exist,
 *   read the DNS records, delete the first private endpoint with its DNS zones, then delete the
 *   workspace with its dependent resources;
 * - in a second world whose subnet still enforces network policies on private endpoints: create
 *   the resource group along with the workspace, turning those policies off, first with a DNS
 *   step that fails (so that a failed operation and the rollback's deletes, down to the private
 *   DNS zones and the resource group, are seen too), then again to the end.
 */
export async function runPrivateLinkFlow(): Promise<RecordedExchange[]> {
  return [...(await demoWorldFlow()), ...(await newResourceGroupFlow())];
}

async function demoWorldFlow(): Promise<RecordedExchange[]> {
  const emulator = await startEmulator({ seed: true, latencyInMs: LATENCY_IN_MS });
  try {
    const { world } = emulator;
    const client = {
      ...emulator.clientOptions,
      subscriptionId: world.subscriptionId,
      resourceGroup: world.resourceGroup,
    };
    const quiet = { showOutput: false, updateIntervalInMs: POLL_INTERVAL_IN_MS };
    const endpoint = (name: string) =>
      new PrivateEndpointConfig({
        name,
        vnetName: world.vnetName,
        vnetSubnetName: world.subnetName,
      });

    const ws = await Workspace.create({
      ...client,
      ...quiet,
      name: "myworkspace",
      location: world.location,
      privateEndpointConfig: endpoint("myprivateendpoint"),
      privateEndpointAutoApproval: true,
    });

    const manual = await ws.addPrivateEndpoint(endpoint("mymanualendpoint"), {
      ...quiet,
      privateEndpointAutoApproval: false,
    });
    await ws.approvePrivateEndpointConnection(manual.name, { description: "Approved by owner" });
    const refused = await ws.addPrivateEndpoint(endpoint("myrefusedendpoint"), {
      ...quiet,
      privateEndpointAutoApproval: false,
    });
    await ws.rejectPrivateEndpointConnection(refused.name);

    await ws.privateEndpoints();
    await ws.getDetails();
    await ws.deletePrivateEndpointConnection(manual.name);
    await ws.update({ ...quiet, allowPublicAccessWhenBehindVnet: true });

    await expectFailure(Workspace.get("missingworkspace", client));

    await ws.getPrivateEndpointDnsRecords();
    await ws.deletePrivateEndpoint("myprivateendpoint", { ...quiet, deleteDnsZones: true });

    await ws.delete({ ...quiet, deleteDependentResources: true });
    return [...emulator.requests];
  } finally {
    await emulator.stop();
  }
}

async function newResourceGroupFlow(): Promise<RecordedExchange[]> {
  const emulator = await startEmulator({
    seed: { resourceGroup: "mynetworkgroup", privateEndpointNetworkPolicies: "Enabled" },
    latencyInMs: LATENCY_IN_MS,
  });
  try {
    const { world } = emulator;
    const create = () =>
      Workspace.create({
        ...emulator.clientOptions,
        showOutput: false,
        updateIntervalInMs: POLL_INTERVAL_IN_MS,
        name: "mynewgroupworkspace",
        subscriptionId: world.subscriptionId,
        resourceGroup: "mynewresourcegroup",
        createResourceGroup: true,
        location: world.location,
        privateEndpointConfig: new PrivateEndpointConfig({
          name: "mynewgroupendpoint",
          vnetName: world.vnetName,
          vnetSubnetName: world.subnetName,
          vnetResourceGroup: world.resourceGroup,
        }),
        disableSubnetNetworkPolicies: true,
      });

    emulator.addFault({ kind: "fail", method: "PUT", path: "/privateDnsZoneGroups/", times: 1 });
    await expectFailure(create());
    await create();
    return [...emulator.requests];
  } finally {
    await emulator.stop();
  }
}

async function expectFailure(promise: Promise<unknown>): Promise<void> {
  const outcome = await promise.then(
    () => "succeeded",
    () => "failed",
  );
  if (outcome !== "failed") throw new Error("The step meant to fail succeeded.");
}
