/**
 * Enable public access to a workspace secured with a private endpoint. The private endpoint
 * stays; the workspace becomes reachable from the internet as well.
 *
 *   npx tsx examples/enablePublicAccess.ts
 */
import { PrivateEndPointConfig, Workspace } from "../src/index.js";
import { exampleTarget } from "./target.js";

const target = await exampleTarget();
try {
  if (target.local) {
    // The emulator starts empty: make a private workspace first.
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
  const details = await ws.update({ allowPublicAccessWhenBehindVnet: true });
  console.log(`publicNetworkAccess: ${details.properties?.publicNetworkAccess}`);
} finally {
  await target.stop();
}
