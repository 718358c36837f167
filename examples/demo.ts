/**
 * The whole private-link flow in one run: create a workspace with a private endpoint, add a
 * second private endpoint, list the connections, remove one, enable public access and show the
 * final state.
 *
 *   npm run demo
 *
 * Without AZURE_SUBSCRIPTION_ID it runs against the local ARM emulator, offline. With it (and an
 * Azure login that DefaultAzureCredential finds, e.g. `az login`) it runs the same steps against
 * Azure, into AZURE_RESOURCE_GROUP, AZURE_LOCATION, AZURE_VNET_NAME and AZURE_SUBNET_NAME, and
 * names the workspace AZURE_WORKSPACE_NAME (default "myworkspace").
 */
import { PrivateEndpointConfig, Workspace } from "../src/index.js";
import { exampleTarget } from "./target.js";

const target = await exampleTarget();
const section = (title: string): void => console.log(`\n== ${title}`);

try {
  console.log(
    target.local
      ? "Running against the local ARM emulator (set AZURE_SUBSCRIPTION_ID to use Azure)."
      : `Running against Azure, subscription ${target.subscriptionId}.`,
  );
  const privateEndpoint = (name: string): PrivateEndpointConfig =>
    new PrivateEndpointConfig({
      name,
      vnetName: target.vnetName,
      vnetSubnetName: target.subnetName,
    });

  section("Create a workspace that uses a private endpoint");
  const ws = await Workspace.create({
    name: process.env.AZURE_WORKSPACE_NAME ?? "myworkspace",
    subscriptionId: target.subscriptionId,
    resourceGroup: target.resourceGroup,
    location: target.location,
    privateEndpointConfig: privateEndpoint("myprivateendpoint"),
    privateEndpointAutoApproval: true,
    showOutput: true,
    ...target.clientOptions,
  });
  console.log(`Created ${ws.id}`);
  console.log(`Config written to ${await ws.writeConfig({ path: target.configFolder })}`);

  section("Add a private endpoint to the workspace (found through its config.json)");
  const same = await Workspace.fromConfig({ path: target.configFolder, ...target.clientOptions });
  const added = await same.addPrivateEndpoint(privateEndpoint("mysecondendpoint"), {
    privateEndpointAutoApproval: true,
  });
  console.log(`Connection ${added.name} is ${added.status}`);

  section("List the private endpoint connections");
  for (const connection of await same.privateEndpoints()) {
    console.log(`  ${connection.name}: ${connection.status} (${connection.privateEndpointId})`);
  }

  section("Remove a private endpoint connection");
  await same.deletePrivateEndpointConnection(added.name);
  console.log(`Deleted ${added.name}`);

  section("Enable public access");
  const details = await same.update({ allowPublicAccessWhenBehindVnet: true });
  console.log(`publicNetworkAccess: ${details.properties?.publicNetworkAccess}`);

  section("Final state");
  for (const connection of await same.privateEndpoints()) {
    console.log(`  ${connection.name}: ${connection.status}`);
  }
  console.log(`  provisioningState: ${details.properties?.provisioningState}`);
} finally {
  await target.stop();
}
