import type { Route } from "./context.js";
import { appInsightsRoutes } from "./providers/appInsights.js";
import { keyVaultRoutes } from "./providers/keyVaults.js";
import { logAnalyticsRoutes } from "./providers/logAnalytics.js";
import { privateDnsZoneGroupRoutes } from "./providers/privateDnsZoneGroups.js";
import { privateDnsZoneRoutes } from "./providers/privateDnsZones.js";
import { privateEndpointRoutes } from "./providers/privateEndpoints.js";
import { recordSetRoutes } from "./providers/recordSets.js";
import { resourceGroupRoutes } from "./providers/resourceGroups.js";
import { storageAccountRoutes } from "./providers/storageAccounts.js";
import { subnetRoutes } from "./providers/subnets.js";
import { subscriptionRoutes } from "./providers/subscriptions.js";
import { virtualNetworkLinkRoutes } from "./providers/virtualNetworkLinks.js";
import { virtualNetworkRoutes } from "./providers/virtualNetworks.js";
import { workspaceConnectionRoutes } from "./providers/workspaceConnections.js";
import { workspaceRoutes } from "./providers/workspaces.js";

/** Every operation the emulator serves. */
export const allRoutes: readonly Route[] = [
  ...subscriptionRoutes,
  ...resourceGroupRoutes,
  ...storageAccountRoutes,
  ...keyVaultRoutes,
  ...appInsightsRoutes,
  ...logAnalyticsRoutes,
  ...workspaceRoutes,
  ...workspaceConnectionRoutes,
  ...virtualNetworkRoutes,
  ...subnetRoutes,
  ...privateEndpointRoutes,
  ...privateDnsZoneGroupRoutes,
  ...privateDnsZoneRoutes,
  ...virtualNetworkLinkRoutes,
  ...recordSetRoutes,
];
