import type { ArmHttp } from "./armHttp.js";

/** Builders for the resources most tests need, in the demo world's resource group. */
export function worldBuilder(arm: ArmHttp) {
  const ml = `${arm.rg}/providers/Microsoft.MachineLearningServices/workspaces`;
  const net = `${arm.rg}/providers/Microsoft.Network`;

  async function createWorkspace(name = "myworkspace", extra: Record<string, unknown> = {}) {
    const answer = await arm.send("PUT", `${ml}/${name}`, { location: "eastus2", ...extra });
    if (answer.status !== 202)
      throw new Error(`workspace PUT answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    const done = await arm.pollUntilDone(answer.headers.get("location")!);
    return done.body;
  }

  async function createPrivateEndpoint(
    name: string,
    workspaceId: string,
    options: { manual?: boolean; subnetId?: string } = {},
  ) {
    const connection = {
      name,
      properties: { privateLinkServiceId: workspaceId, groupIds: ["amlworkspace"] },
    };
    const answer = await arm.send("PUT", `${net}/privateEndpoints/${name}`, {
      location: "eastus2",
      properties: {
        subnet: { id: options.subnetId ?? `${net}/virtualNetworks/myvnet/subnets/default` },
        [options.manual ? "manualPrivateLinkServiceConnections" : "privateLinkServiceConnections"]:
          [connection],
      },
    });
    if (answer.status !== 201)
      throw new Error(`endpoint PUT answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    await arm.pollUntilDone(answer.headers.get("azure-asyncoperation")!);
    return (await arm.send("GET", `${net}/privateEndpoints/${name}`)).body;
  }

  async function createZone(name: string) {
    const answer = await arm.send("PUT", `${net}/privateDnsZones/${name}`, { location: "global" });
    await arm.pollUntilDone(answer.headers.get("azure-asyncoperation")!);
    return (await arm.send("GET", `${net}/privateDnsZones/${name}`)).body;
  }

  async function createLink(zoneName: string, linkName: string, vnetId: string) {
    const url = `${net}/privateDnsZones/${zoneName}/virtualNetworkLinks/${linkName}`;
    const answer = await arm.send("PUT", url, {
      location: "global",
      properties: { virtualNetwork: { id: vnetId }, registrationEnabled: false },
    });
    await arm.pollUntilDone(answer.headers.get("azure-asyncoperation")!);
    return (await arm.send("GET", url)).body;
  }

  /** A zone group with one config per zone, named after the zone as the AML quickstart does. */
  async function createZoneGroup(endpointName: string, groupName: string, zoneIds: string[]) {
    const url = `${net}/privateEndpoints/${endpointName}/privateDnsZoneGroups/${groupName}`;
    const answer = await arm.send("PUT", url, {
      properties: {
        privateDnsZoneConfigs: zoneIds.map((id) => ({
          name: id.slice(id.lastIndexOf("/") + 1).replaceAll(".", "-"),
          properties: { privateDnsZoneId: id },
        })),
      },
    });
    if (answer.status !== 201)
      throw new Error(`zone group PUT answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    await arm.pollUntilDone(answer.headers.get("azure-asyncoperation")!);
    return (await arm.send("GET", url)).body;
  }

  return {
    ml,
    net,
    createWorkspace,
    createPrivateEndpoint,
    createZone,
    createLink,
    createZoneGroup,
  };
}
