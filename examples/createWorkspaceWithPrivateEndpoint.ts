/**
 * Create a workspace that uses a private endpoint (requires an existing virtual network).
 *
 *   npx tsx examples/createWorkspaceWithPrivateEndpoint.ts
 */
import { PrivateEndPointConfig, Workspace } from "../src/index.js";
import { exampleTarget } from "./target.js";

const target = await exampleTarget();
try {
  const pe = new PrivateEndPointConfig({
    name: "myprivateendpoint",
    vnetName: target.vnetName,
    vnetSubnetName: target.subnetName,
  });
  const ws = await Workspace.create({
    name: "myworkspace",
    subscriptionId: target.subscriptionId,
    resourceGroup: target.resourceGroup,
    location: target.location,
    privateEndpointConfig: pe,
    privateEndpointAutoApproval: true,
    showOutput: true,
    ...target.clientOptions,
  });
  console.log(`Created ${ws.id}`);
  for (const connection of await ws.privateEndpoints()) {
    console.log(`  ${connection.name}: ${connection.status} (${connection.privateEndpointId})`);
  }
  console.log(`Config written to ${await ws.writeConfig({ path: target.configFolder })}`);
} finally {
  await target.stop();
}
