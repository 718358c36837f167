import { loadExample } from "../fixtures/examples.js";
import { PE_ID, RG, SUB, WS_ID } from "./fakeArm.js";

/** An example response body, moved to this test's subscription, group and names. */
export function exampleBody(path: string, status = "200"): any {
  const body = loadExample(path).responses[status]?.body;
  const text = JSON.stringify(body)
    .replaceAll("00000000-1111-2222-3333-444444444444", SUB)
    .replaceAll("/subscriptions/subId/", `/subscriptions/${SUB}/`)
    .replaceAll("/subscriptions/subscriptionId/", `/subscriptions/${SUB}/`)
    .replace(
      /resourceGroups\/(workspace-1234|rg-1234|rg1|resourceGroup1|accountcrud-1234)\//g,
      `resourceGroups/${RG}/`,
    )
    .replaceAll("testworkspace", "myworkspace")
    .replaceAll("petest01", "myprivateendpoint")
    .replaceAll("testPe", "myprivateendpoint")
    .replaceAll("myVnet", "myvnet")
    .replaceAll("mySubnet", "default");
  return JSON.parse(text);
}

/** Workspace_get.json as myworkspace in eastus2, with the given private endpoint connections. */
export function workspaceDetails(connections?: unknown[]): any {
  const body = exampleBody("Microsoft.MachineLearningServices/2024-10-01/Workspace_get.json");
  body.location = "eastus2";
  if (connections) body.properties.privateEndpointConnections = connections;
  return body;
}

/** A connection as the workspace reports it for our private endpoint. */
export function connectionFor(
  status: "Approved" | "Pending" | "Disconnected",
  name = "myworkspace.conn1",
): any {
  const body = exampleBody(
    "Microsoft.MachineLearningServices/2024-10-01/PrivateEndpointConnection_get.json",
  );
  body.id = `${WS_ID}/privateEndpointConnections/${name}`;
  body.name = name;
  body.properties.privateEndpoint.id = PE_ID;
  body.properties.privateLinkServiceConnectionState = {
    status,
    description: status === "Approved" ? "Auto-Approved" : "Awaiting approval",
    actionsRequired: "None",
  };
  return body;
}
