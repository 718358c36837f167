/**
 * Remove a private endpoint connection from a workspace.
 *
 *   npx tsx examples/removePrivateEndpoint.ts
 */
import { PrivateEndPointConfig, Workspace } from "../src/index.js";
import { exampleTarget } from "./target.js";

const target = await exampleTarget();
try {
  if (target.local) {
    // The emulator starts empty: make a workspace with a private endpoint first.
    const created = await Workspace.create({
      name: "myworkspace",
      subscriptionId: target.subscriptionId,
      resourceGroup: target.resourceGroup,
      location: target.location,
      privateEndpointConfig: new PrivateEndPointConfig({
        name: "myprivateendpoint",
        vnetName: target.vnetName,
        vnetSubnetName: target.subnetName,
      }),
      showOutput: false,
      ...target.clientOptions,
    });
    await created.writeConfig({ path: target.configFolder });
  }

  const ws = await Workspace.fromConfig({ path: target.configFolder, ...target.clientOptions });
  // The connection name is the last segment of its id.
  const [first] = (await ws.getDetails()).privateEndpointConnections;
  if (!first?.id) throw new Error("The workspace has no private endpoint connection.");
  const connectionName = first.id.slice(first.id.lastIndexOf("/") + 1);
  await ws.deletePrivateEndpointConnection(connectionName);
  console.log(`Deleted private endpoint connection ${connectionName}`);
} finally {
  await target.stop();
}
