import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../../src/emulator/index.js";
import { PrivateEndpointConfig, Workspace } from "../../src/index.js";
import type { ArmClient, WorkspaceProgressEvent } from "../../src/index.js";
import {
  API,
  createOptions,
  endpointConfig,
  idInGroup,
  progressRecorder,
  putVirtualNetwork,
  quiet,
  read,
  startE2e,
} from "./emulatorReads.js";

let emulator: RunningEmulator;
let arm: ArmClient;

type Warning = Extract<WorkspaceProgressEvent, { kind: "warning" }>;
const warnings = (events: WorkspaceProgressEvent[]) =>
  events.filter((e): e is Warning => e.kind === "warning");

/** A virtual network in another region than the demo world's (eastus2). */
const FAR_REGION = "westus2";

beforeEach(async () => {
  ({ emulator, arm } = await startE2e());
  await putVirtualNetwork(arm, emulator, "farvnet", { location: FAR_REGION, prefix: "10.7" });
});

afterEach(async () => {
  await emulator?.stop();
});

const farEndpoint = (name: string) => new PrivateEndpointConfig({ name, vnetName: "farvnet" });

describe("the region warning", () => {
  it("create warns that the virtual network is in another region and puts the endpoint there", async () => {
    const recorder = progressRecorder();

    await Workspace.create({
      ...createOptions(emulator, "farws", { privateEndpointConfig: farEndpoint("far-pe") }),
      ...recorder.options,
    });

    const [warning] = warnings(recorder.events).filter(
      (w) => w.code === "VirtualNetworkInAnotherRegion",
    );
    expect(warning?.message).toContain("'farvnet' is in westus2");
    expect(warning?.message).toContain(`the workspace in ${emulator.world.location}`);
    const endpoint = await read(
      arm,
      idInGroup(emulator, "Microsoft.Network/privateEndpoints", "far-pe"),
      API.network,
    );
    expect(endpoint.location).toBe(FAR_REGION);
  });

  it("addPrivateEndpoint warns the same way, and prints the warning when showOutput is on", async () => {
    const ws = await Workspace.create(createOptions(emulator, "farws"));
    const recorder = progressRecorder();

    await ws.addPrivateEndpoint(farEndpoint("far-pe"), {
      ...quiet,
      showOutput: true,
      ...recorder.options,
    });

    expect(warnings(recorder.events).map((w) => w.code)).toContain("VirtualNetworkInAnotherRegion");
    expect(
      recorder.lines.some((l) => /^Warning: Virtual network 'farvnet' is in westus2/.test(l)),
    ).toBe(true);
  });

  it("is not given when the virtual network is in the workspace's region", async () => {
    const recorder = progressRecorder();

    await Workspace.create({
      ...createOptions(emulator, "nearws", {
        privateEndpointConfig: endpointConfig(emulator, "near-pe"),
      }),
      ...recorder.options,
    });

    expect(warnings(recorder.events)).toEqual([]);
  });
});

describe("the compute-targets warning", () => {
  it("addPrivateEndpoint warns that compute targets outside the virtual network stop working", async () => {
    const ws = await Workspace.create(createOptions(emulator, "computews"));
    const recorder = progressRecorder();

    await ws.addPrivateEndpoint(endpointConfig(emulator, "compute-pe"), {
      ...quiet,
      ...recorder.options,
    });

    const [warning] = warnings(recorder.events);
    expect(warning).toMatchObject({ code: "ComputeTargetsOutsideVirtualNetwork" });
    expect(warning!.message).toContain("computews");
    expect(warning!.message).toContain(emulator.world.vnetName);
  });

  it("is given before anything is written", async () => {
    const ws = await Workspace.create(createOptions(emulator, "computews"));
    const before = emulator.requests.length;
    let writesAtWarning = -1;

    await ws.addPrivateEndpoint(endpointConfig(emulator, "compute-pe"), {
      ...quiet,
      onProgress: (e) => {
        if (e.kind === "warning") {
          writesAtWarning = emulator.requests
            .slice(before)
            .filter((r) => r.method !== "GET").length;
        }
      },
    });

    expect(writesAtWarning).toBe(0);
  });
});
