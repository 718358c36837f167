import { exampleBody, workspaceDetails, connectionFor } from "./payloadExamples.js";
import { FakeArm, notFound, PE_ID, SUBNET_ID, VNET_ID, WS_ID, ZONES, zoneId } from "./fakeArm.js";

/** Routes for the reads of the private endpoint checks: VNet, subnet, no endpoint yet. */
export function routeNetworkReads(arm: FakeArm, policies = "Disabled"): void {
  const subnet = exampleBody("Microsoft.Network/2024-07-01/SubnetGet.json");
  subnet.id = SUBNET_ID;
  subnet.name = "default";
  subnet.properties.privateEndpointNetworkPolicies = policies;
  arm
    .on("GET", VNET_ID, [200, { id: VNET_ID, name: "myvnet", location: "eastus2", properties: {} }])
    .on("GET", SUBNET_ID, [200, subnet])
    .on("GET", PE_ID, notFound());
}

/** Routes for creating the endpoint, its zones, links and zone group, all answered at once. */
export function routePrivateEndpointWrites(
  arm: FakeArm,
  status: "Approved" | "Pending" = "Approved",
): void {
  arm
    .on("GET", `${WS_ID}/privateLinkResources`, [
      200,
      exampleBody("Microsoft.MachineLearningServices/2024-10-01/PrivateLinkResource_list.json"),
    ])
    .on("PUT", PE_ID, [
      200,
      exampleBody(
        `Microsoft.Network/2024-07-01/${status === "Approved" ? "PrivateEndpointCreate" : "PrivateEndpointCreateForManualApproval"}.json`,
      ),
    ])
    .on("PUT", `${PE_ID}/privateDnsZoneGroups/default`, [
      200,
      exampleBody("Microsoft.Network/2024-07-01/PrivateEndpointDnsZoneGroupCreate.json"),
    ]);
  for (const zone of ZONES) {
    arm
      .on("GET", zoneId(zone), notFound())
      .on("PUT", zoneId(zone), [
        201,
        exampleBody("Microsoft.Network.privateDnsZones/2020-06-01/PrivateZonePut.json", "201"),
      ]);
  }
  arm.onMatch("PUT", /\/privateDnsZones\/[^/]+\/virtualNetworkLinks\/[^/]+$/, [
    201,
    exampleBody("Microsoft.Network.privateDnsZones/2020-06-01/VirtualNetworkLinkPut.json", "201"),
  ]);
  arm.on("GET", WS_ID, [200, workspaceDetails([connectionFor(status)])]);
}
