import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FaultRule, RunningEmulator } from "../../src/emulator/index.js";
import { Workspace } from "../../src/index.js";
import type {
  ArmClient,
  CreateWorkspaceOptions,
  WorkspaceCreateStep,
  WorkspaceProgressEvent,
} from "../../src/index.js";
import {
  API,
  createOptions,
  endpointConfig,
  exists,
  idInGroup,
  inventory,
  quiet,
  startE2e,
} from "./emulatorReads.js";

let emulator: RunningEmulator;
let arm: ArmClient;

/** The error ARM ends the faulted operation with, recognisable in the cause. */
const failWith = (code: string, path: RegExp, method = "PUT"): FaultRule => ({
  kind: "fail",
  method,
  path,
  error: { code, message: `Injected ${code}.` },
});
const refuseWith = (code: string, path: RegExp, method = "PUT", statusCode = 409): FaultRule => ({
  kind: "error",
  method,
  path,
  statusCode,
  code,
  message: `Injected ${code}.`,
});

interface FailureCase {
  /** What fails. */
  what: string;
  step: WorkspaceCreateStep;
  fault: FaultRule | ((emulator: RunningEmulator) => FaultRule);
  /** Added only once this event is reported, for a request that an earlier step makes too. */
  armAfter?: (event: WorkspaceProgressEvent) => boolean;
  /** Create options beyond the private endpoint in the demo world. */
  options?: Partial<CreateWorkspaceOptions>;
  seed?: { privateEndpointNetworkPolicies: "Enabled" };
  /**
   * The `code` of the cause; by default the injected one. `null` for an operation polled on the
   * resource itself: as in ARM, its failure carries no error object, only the resource's state.
   */
  causeCode?: string | null;
  /** What the error says was being done, when the step has several writes to tell apart. */
  operation?: RegExp;
}

const NEW_GROUP = { resourceGroup: "rollback-group", location: "eastus2" };

/** Every write of `create`, and the reads between the writes, in the order they run. */
const cases: FailureCase[] = [
  {
    what: "the resource group",
    step: "resourceGroup",
    fault: refuseWith(
      "RequestDisallowedByPolicy",
      /\/resourcegroups\/rollback-group$/i,
      "PUT",
      403,
    ),
    options: NEW_GROUP,
  },
  {
    what: "the storage account",
    step: "dependentResources",
    operation: /^creating StorageAccount rbwsstorage[0-9a-f]+$/,
    fault: failWith("StorageQuotaExceeded", /Microsoft\.Storage\/storageAccounts\/[^/]+$/),
  },
  {
    what: "the key vault's creation request",
    step: "dependentResources",
    operation: /^creating KeyVault rbwskeyvault[0-9a-f]+$/,
    fault: refuseWith("VaultAlreadyExists", /Microsoft\.KeyVault\/vaults\/[^/]+$/),
  },
  {
    what: "the key vault's creation, once accepted",
    step: "dependentResources",
    operation: /^creating KeyVault rbwskeyvault[0-9a-f]+$/,
    fault: failWith("VaultProvisioningFailed", /Microsoft\.KeyVault\/vaults\/[^/]+$/),
    causeCode: null,
  },
  {
    what: "the Log Analytics workspace's creation request",
    step: "dependentResources",
    operation: /^creating LogAnalyticsWorkspace rbwslogs[0-9a-f]+$/,
    fault: refuseWith(
      "WorkspaceQuotaExceeded",
      /Microsoft\.OperationalInsights\/workspaces\/[^/]+$/,
      "PUT",
      400,
    ),
  },
  {
    what: "the Log Analytics workspace's creation, once accepted",
    step: "dependentResources",
    operation: /^creating LogAnalyticsWorkspace rbwslogs[0-9a-f]+$/,
    fault: failWith(
      "WorkspaceProvisioningFailed",
      /Microsoft\.OperationalInsights\/workspaces\/[^/]+$/,
    ),
    causeCode: null,
  },
  {
    what: "the Application Insights component",
    step: "dependentResources",
    operation: /^creating AppInsights rbwsinsights[0-9a-f]+$/,
    fault: refuseWith("ComponentQuotaExceeded", /Microsoft\.Insights\/components\/[^/]+$/),
  },
  {
    what: "the workspace",
    step: "workspace",
    fault: failWith("WorkspaceProvisioningFailed", /\/workspaces\/rbws$/),
  },
  {
    what: "the workspace, in a resource group this call created",
    step: "workspace",
    fault: failWith("WorkspaceProvisioningFailed", /\/workspaces\/rbws$/),
    options: NEW_GROUP,
  },
  {
    what: "the read of the private link resources",
    step: "privateEndpoint",
    fault: refuseWith(
      "AuthorizationFailed",
      /\/workspaces\/rbws\/privateLinkResources$/,
      "GET",
      403,
    ),
  },
  {
    what: "the subnet update",
    step: "privateEndpoint",
    fault: failWith("InUseSubnetCannotBeUpdated", /\/subnets\/default$/),
    options: { disableSubnetNetworkPolicies: true },
    seed: { privateEndpointNetworkPolicies: "Enabled" },
  },
  {
    what: "the private endpoint",
    step: "privateEndpoint",
    fault: failWith("PrivateEndpointCreationFailed", /\/privateEndpoints\/rbws-pe$/),
  },
  {
    what: "one private DNS zone",
    step: "privateEndpoint",
    fault: failWith("ZoneQuotaExceeded", /\/privateDnsZones\/privatelink\.notebooks\.azure\.net$/),
  },
  {
    what: "the virtual network links",
    step: "privateEndpoint",
    fault: failWith("LinkQuotaExceeded", /\/virtualNetworkLinks\/[^/]+$/),
  },
  {
    what: "the zone group",
    step: "privateEndpoint",
    fault: failWith("ZoneGroupFailed", /\/privateDnsZoneGroups\/default$/),
  },
  {
    what: "the read of the new connection",
    step: "privateEndpoint",
    fault: refuseWith("AuthorizationFailed", /\/workspaces\/rbws$/, "GET", 403),
    armAfter: (e) => e.kind === "deployed" && e.resourceType === "PrivateDnsZoneGroup",
  },
];

afterEach(async () => {
  await emulator?.stop();
});

describe("Workspace.create rolls back", () => {
  it.each(cases)(
    "when $what fails: WorkspaceCreateError for step $step, nothing it created remains",
    async (c) => {
      ({ emulator, arm } = await startE2e({ seed: c.seed ?? true }));
      const rule = typeof c.fault === "function" ? c.fault(emulator) : c.fault;
      const code = rule.kind === "fail" ? rule.error!.code : (rule as { code: string }).code;
      if (!c.armAfter) emulator.addFault(rule);
      const before = await inventory(arm, emulator);

      const error = await Workspace.create(
        createOptions(emulator, "rbws", {
          privateEndpointConfig: endpointConfig(emulator, "rbws-pe"),
          ...c.options,
          onProgress: (e) => {
            if (c.armAfter?.(e)) emulator.addFault(rule);
          },
        }),
      ).catch((e: unknown) => e);

      emulator.clearFaults();
      expect(error).toMatchObject({ name: "WorkspaceCreateError", step: c.step, leftBehind: [] });
      const cause = (error as Error & { cause: { name: string; code: string } }).cause;
      expect(cause.name).toBe("ArmError");
      if (c.causeCode !== null) expect(cause.code).toBe(c.causeCode ?? code);
      expect((error as Error).message).toContain(`step '${c.step}'`);
      if (c.operation) expect((error as { operation: string }).operation).toMatch(c.operation);
      expect(await inventory(arm, emulator)).toEqual(before);
    },
  );

  it("purges the workspace it created, so that its name is free for the next attempt", async () => {
    ({ emulator, arm } = await startE2e());
    emulator.addFault(failWith("PrivateEndpointCreationFailed", /\/privateEndpoints\/rbws-pe$/));

    const error = await Workspace.create(
      createOptions(emulator, "rbws", {
        privateEndpointConfig: endpointConfig(emulator, "rbws-pe"),
      }),
    ).catch((e: unknown) => e);

    const workspaceId = idInGroup(emulator, "Microsoft.MachineLearningServices/workspaces", "rbws");
    expect((error as { rolledBack: string[] }).rolledBack).toContain(workspaceId);
    const deletion = emulator.requests.find((r) => r.method === "DELETE" && r.path === workspaceId);
    expect(new URL(deletion!.url).searchParams.get("forceToPurge")).toBe("true");
  });

  it("lists in leftBehind what it could not delete, and goes on deleting the rest", async () => {
    ({ emulator, arm } = await startE2e());
    emulator.addFault(failWith("PrivateEndpointCreationFailed", /\/privateEndpoints\/rbws-pe$/));
    emulator.addFault(refuseWith("ScopeLocked", /storageAccounts\/[^/]+$/, "DELETE"));

    const error = await Workspace.create(
      createOptions(emulator, "rbws", {
        privateEndpointConfig: endpointConfig(emulator, "rbws-pe"),
      }),
    ).catch((e: unknown) => e);

    emulator.clearFaults();
    const { leftBehind, rolledBack, message } = error as {
      leftBehind: string[];
      rolledBack: string[];
      message: string;
    };
    expect(leftBehind).toHaveLength(1);
    expect(leftBehind[0]).toMatch(/\/Microsoft\.Storage\/storageAccounts\/rbwsstorage/);
    expect(message).toContain(`must be removed by hand: ${leftBehind[0]}`);
    expect(await exists(arm, leftBehind[0]!, API.storage)).toBe(true);
    const workspaceId = idInGroup(emulator, "Microsoft.MachineLearningServices/workspaces", "rbws");
    expect(rolledBack).toContain(workspaceId);
    expect(await exists(arm, workspaceId, API.machineLearning)).toBe(false);
  });

  it("rolls nothing back when aborted, leaving what it created for a resume", async () => {
    ({ emulator, arm } = await startE2e());
    const controller = new AbortController();

    const error = await Workspace.create(
      createOptions(emulator, "abortws", {
        privateEndpointConfig: endpointConfig(emulator, "abortws-pe"),
        abortSignal: controller.signal,
        onProgress: (e) => {
          if (e.kind === "deployed" && e.resourceType === "Workspace") controller.abort();
        },
      }),
    ).catch((e: unknown) => e);

    expect(error).toMatchObject({ name: "AbortError" });
    const workspaceId = idInGroup(
      emulator,
      "Microsoft.MachineLearningServices/workspaces",
      "abortws",
    );
    expect(await exists(arm, workspaceId, API.machineLearning)).toBe(true);
    expect(emulator.requests.filter((r) => r.method === "DELETE")).toEqual([]);
  });

  it("deletes the resource group it created, after what it created in the group", async () => {
    ({ emulator, arm } = await startE2e());
    emulator.addFault(failWith("ZoneGroupFailed", /\/privateDnsZoneGroups\/default$/));
    const { subscriptionId } = emulator.world;

    const error = await Workspace.create(
      createOptions(emulator, "rbws", {
        ...NEW_GROUP,
        privateEndpointConfig: endpointConfig(emulator, "rbws-pe"),
      }),
    ).catch((e: unknown) => e);

    expect(error).toMatchObject({ name: "WorkspaceCreateError" });
    const rolledBack = (error as { rolledBack: string[] }).rolledBack;
    expect(rolledBack.at(-1)).toBe(
      `/subscriptions/${subscriptionId}/resourceGroups/rollback-group`,
    );
    expect(rolledBack).toContain(
      idInGroup(emulator, "Microsoft.Network/privateEndpoints", "rbws-pe"),
    );
    expect(
      await exists(
        arm,
        `/subscriptions/${subscriptionId}/resourceGroups/rollback-group`,
        API.resources,
      ),
    ).toBe(false);
    expect(await exists(arm, emulator.world.vnetId, API.network)).toBe(true);
  });
});

describe("addPrivateEndpoint rolls back", () => {
  let ws: Workspace;

  beforeEach(async () => {
    ({ emulator, arm } = await startE2e());
    ws = await Workspace.create(createOptions(emulator, "addrbws"));
  });

  it("deletes the endpoint, zones and links it created when the zone group fails", async () => {
    const before = await inventory(arm, emulator);
    emulator.addFault(failWith("ZoneGroupFailed", /\/privateDnsZoneGroups\/default$/));

    const error = await ws
      .addPrivateEndpoint(endpointConfig(emulator, "add-pe"), quiet)
      .catch((e: unknown) => e);

    emulator.clearFaults();
    expect(error).toMatchObject({ name: "PrivateEndpointError", leftBehind: [] });
    expect((error as { cause: { code: string } }).cause.code).toBe("ZoneGroupFailed");
    const rolledBack = (error as { rolledBack: string[] }).rolledBack;
    expect(rolledBack).toContain(
      idInGroup(emulator, "Microsoft.Network/privateEndpoints", "add-pe"),
    );
    expect(rolledBack.filter((id) => id.includes("/privateDnsZones/"))).toHaveLength(4);
    expect(await inventory(arm, emulator)).toEqual(before);
  });

  it("keeps the zones and links an earlier endpoint made when its own endpoint fails", async () => {
    await ws.addPrivateEndpoint(endpointConfig(emulator, "first-pe"), quiet);
    const before = await inventory(arm, emulator);
    emulator.addFault(failWith("PrivateEndpointCreationFailed", /\/privateEndpoints\/second-pe$/));

    const error = await ws
      .addPrivateEndpoint(endpointConfig(emulator, "second-pe"), quiet)
      .catch((e: unknown) => e);

    emulator.clearFaults();
    expect(error).toMatchObject({ name: "PrivateEndpointError" });
    expect((error as { rolledBack: string[] }).rolledBack).toEqual([
      idInGroup(emulator, "Microsoft.Network/privateEndpoints", "second-pe"),
    ]);
    expect(await inventory(arm, emulator)).toEqual(before);
    expect(await ws.getPrivateEndpointDnsRecords("first-pe")).toHaveLength(4);
  });
});
