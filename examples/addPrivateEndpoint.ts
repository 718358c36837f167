/**
 * Add a private endpoint to an existing workspace, found through its config.json. Compute
 * targets outside the endpoint's virtual network stop working.
 *
 *   npx tsx examples/addPrivateEndpoint.ts
 */
import { PrivateEndPointConfig, Workspace } from "../src/index.js";
import { exampleTarget } from "./target.js";

const target = await exampleTarget();
try {
  if (target.local) {
    // The emulator starts empty: make the workspace the how-to assumes, and its config.json.
    const existing = await Workspace.create({
      name: "myworkspace",
      subscriptionId: target.subscriptionId,
      resourceGroup: target.resourceGroup,
      location: target.location,
      showOutput: false,
      ...target.clientOptions,
    });
    await existing.writeConfig({ path: target.configFolder });
  }

  const pe = new PrivateEndPointConfig({
    name: "myprivateendpoint",
    vnetName: target.vnetName,
    vnetSubnetName: target.subnetName,
  });
  const ws = await Workspace.fromConfig({ path: target.configFolder, ...target.clientOptions });
  const connection = await ws.addPrivateEndpoint(pe, {
    privateEndpointAutoApproval: true,
    showOutput: true,
  });
  console.log(`Connection ${connection.name} is ${connection.status}`);
} finally {
  await target.stop();
}
