/** Small helpers over ARM ids; ids are compared case-insensitively everywhere. */

/** The id of a resource below a resource group: pairs are `[type, name]` from the top. */
export function providerResourceId(
  subscriptionId: string,
  resourceGroup: string,
  namespace: string,
  ...pairs: Array<[type: string, name: string]>
): string {
  const tail = pairs.map(([type, name]) => `${type}/${name}`).join("/");
  return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroup}/providers/${namespace}/${tail}`;
}

/** The last segment of an id: the resource's name. */
export function nameOf(id: string): string {
  return id.slice(id.lastIndexOf("/") + 1);
}

/** The id of the parent resource (two segments up). */
export function parentOf(id: string): string {
  const parts = id.split("/");
  return parts.slice(0, -2).join("/");
}

/** The parts of an id below `/subscriptions/{id}/resourceGroups/{name}`, if it has them. */
export function splitId(
  id: string,
): { subscriptionId: string; resourceGroup: string; providerPath: string } | undefined {
  const match = /^\/subscriptions\/([^/]+)\/resourceGroups\/([^/]+)\/providers\/(.+)$/iu.exec(id);
  if (!match) return undefined;
  return { subscriptionId: match[1]!, resourceGroup: match[2]!, providerPath: match[3]! };
}
