import { ArmHttpError } from "../armError.js";
import type { RequestContext, Route } from "../context.js";
import { regions } from "../locations.js";
import { listAnswer } from "./common.js";
import { findProvider, providerRegistrations, type ProviderRegistration } from "./registrations.js";

function subscriptionBody(subscriptionId: string, tenantId: string) {
  return {
    id: `/subscriptions/${subscriptionId}`,
    authorizationSource: "RoleBased",
    managedByTenants: [],
    subscriptionId,
    tenantId,
    displayName: "Emulated subscription",
    state: "Enabled",
    subscriptionPolicies: {
      locationPlacementId: "Public_2014-09-01",
      quotaId: "PayAsYouGo_2014-09-01",
      spendingLimit: "Off",
    },
  };
}

function providerBody(subscriptionId: string, provider: ProviderRegistration) {
  return {
    id: `/subscriptions/${subscriptionId}/providers/${provider.namespace}`,
    namespace: provider.namespace,
    registrationState: "Registered",
    registrationPolicy: "RegistrationRequired",
    resourceTypes: provider.resourceTypes.map((t) => ({
      resourceType: t.resourceType,
      locations: [...t.locations],
      apiVersions: [...t.apiVersions],
      capabilities: "None",
    })),
  };
}

function requireProvider(namespace: string): ProviderRegistration {
  const provider = findProvider(namespace);
  if (!provider) {
    throw new ArmHttpError(
      404,
      "InvalidResourceNamespace",
      `The resource namespace '${namespace}' is invalid.`,
    );
  }
  return provider;
}

function subscriptionOf(ctx: RequestContext, subscriptionId: string) {
  // The request pipeline has already answered 404 for unknown subscriptions.
  return ctx.state.subscriptions.get(subscriptionId.toLowerCase())!;
}

/** Subscriptions, tenants, locations and provider registrations (Microsoft.Resources). */
export const subscriptionRoutes: Route[] = [
  {
    method: "GET",
    pattern: "/subscriptions",
    handle: (ctx) =>
      listAnswer(
        [...ctx.state.subscriptions.values()].map((s) =>
          subscriptionBody(s.subscriptionId, s.tenantId),
        ),
      ),
  },
  {
    method: "GET",
    pattern: "/subscriptions/{subscriptionId}",
    handle: (ctx, p) => {
      const s = subscriptionOf(ctx, p.subscriptionId!);
      return { status: 200, body: subscriptionBody(s.subscriptionId, s.tenantId) };
    },
  },
  {
    method: "GET",
    pattern: "/tenants",
    handle: (ctx) => {
      const tenants = new Set([...ctx.state.subscriptions.values()].map((s) => s.tenantId));
      return listAnswer(
        [...tenants].map((tenantId) => ({
          id: `/tenants/${tenantId}`,
          tenantId,
          tenantCategory: "Home",
        })),
      );
    },
  },
  {
    method: "GET",
    pattern: "/subscriptions/{subscriptionId}/locations",
    handle: (ctx, p) =>
      listAnswer(
        regions.map(([name, displayName]) => ({
          id: `/subscriptions/${subscriptionOf(ctx, p.subscriptionId!).subscriptionId}/locations/${name}`,
          name,
          displayName,
          regionalDisplayName: displayName,
        })),
      ),
  },
  {
    method: "GET",
    pattern: "/subscriptions/{subscriptionId}/providers",
    handle: (ctx, p) => {
      const { subscriptionId } = subscriptionOf(ctx, p.subscriptionId!);
      return listAnswer(
        providerRegistrations.map((provider) => providerBody(subscriptionId, provider)),
      );
    },
  },
  {
    method: "GET",
    pattern: "/subscriptions/{subscriptionId}/providers/{namespace}",
    handle: (ctx, p) => {
      const { subscriptionId } = subscriptionOf(ctx, p.subscriptionId!);
      return { status: 200, body: providerBody(subscriptionId, requireProvider(p.namespace!)) };
    },
  },
  {
    method: "POST",
    pattern: "/subscriptions/{subscriptionId}/providers/{namespace}/register",
    handle: (ctx, p) => {
      const { subscriptionId } = subscriptionOf(ctx, p.subscriptionId!);
      return { status: 200, body: providerBody(subscriptionId, requireProvider(p.namespace!)) };
    },
  },
];
