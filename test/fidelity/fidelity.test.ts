import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { RecordedExchange } from "../../src/emulator/index.js";
import {
  checkExchanges,
  type CheckedExchange,
  type Mismatch,
  type MismatchKind,
} from "./checkExchanges.js";
import { runPrivateLinkFlow } from "./privateLinkFlow.js";
import { SpecIndex } from "./specIndex.js";
import { SwaggerValidator } from "./swaggerValidator.js";

/** CI keeps the Azure REST API specifications beside the repository; a fresh clone has none. */
const ARM_FOLDER = resolve(fileURLToPath(import.meta.url), "../../../../shared/arm");
const SPECIFICATIONS = join(ARM_FOLDER, "specification");
const haveSpecifications = existsSync(SPECIFICATIONS);

/**
 * Operations the SDK calls whose specification is not among the copied ones, with the reason.
 * Their exchanges are not checked; a test fails if one is no longer called, so that an entry
 * cannot outlive its need.
 *
 * TODO: check Subscriptions_Get once the specifications folder holds Microsoft.Resources'
 * `subscriptions.json`; the SDK reads it only for the tenant id of a new key vault.
 */
const OUTSIDE_THE_SPECIFICATIONS = [
  {
    operation: "GET /subscriptions/{subscriptionId}",
    matches: (e: RecordedExchange) =>
      e.method === "GET" && /^\/subscriptions\/[^/]+$/i.test(e.path),
  },
];

const title = haveSpecifications
  ? "the private-link flow, checked against the Azure REST API specifications"
  : `the private-link flow against the Azure REST API specifications: no specifications at ${ARM_FOLDER} (CI provides them)`;

if (!haveSpecifications) console.warn(`Skipping ${title}`);

describe.skipIf(!haveSpecifications)(title, () => {
  let exchanges: RecordedExchange[];
  let index: SpecIndex;
  let validator: SwaggerValidator;
  let mismatches: Mismatch[];
  let checked: CheckedExchange[];

  beforeAll(async () => {
    exchanges = await runPrivateLinkFlow();
    index = new SpecIndex(SPECIFICATIONS);
    validator = new SwaggerValidator(index);
    ({ mismatches, checked } = checkExchanges(exchanges, index, validator, (e) =>
      OUTSIDE_THE_SPECIFICATIONS.some((o) => o.matches(e)),
    ));
  }, 60_000);

  const listed = (kind: MismatchKind): string[] =>
    mismatches
      .filter((m) => m.kind === kind)
      .map((m) => `${m.method} ${m.path} -> ${m.status}: ${m.schemaPath}: ${m.message}`);

  it("runs every step of the flow, errors included", () => {
    const seen = new Set(checked.map((c) => `${c.operationId} ${c.exchange.status}`));
    for (const step of [
      "ResourceGroups_CreateOrUpdate 201",
      "Subnets_CreateOrUpdate 200",
      "Workspaces_CreateOrUpdate 202",
      "PrivateEndpoints_CreateOrUpdate 201",
      "PrivateZones_CreateOrUpdate 202",
      "VirtualNetworkLinks_CreateOrUpdate 202",
      "PrivateDnsZoneGroups_CreateOrUpdate 201",
      "PrivateEndpointConnections_CreateOrUpdate 200",
      "PrivateEndpointConnections_Delete 200",
      "Workspaces_Update 202",
      "Workspaces_Get 404",
      "RecordSets_List 200",
      "PrivateDnsZoneGroups_Delete 202",
      "PrivateEndpoints_Delete 202",
      "Components_ListByResourceGroup 200",
      "Workspaces_Delete 202",
      "StorageAccounts_Delete 200",
      "VirtualNetworkLinks_Delete 202",
      "PrivateZones_Delete 202",
      "ResourceGroups_Delete 202",
    ]) {
      expect(seen, step).toContain(step);
    }
    const failedOperation = exchanges.some(
      (e) => (e.responseBody as { status?: string } | undefined)?.status === "Failed",
    );
    expect(failedOperation, "a poll that reports a failed operation").toBe(true);
  });

  it("sends only operations of the specifications, and polls only the URLs ARM announced", () => {
    expect(listed("route")).toEqual([]);
  });

  it("sends each operation's api-version exactly as its specification defines it", () => {
    expect(listed("apiVersion")).toEqual([]);
    for (const { exchange } of checked) {
      const match = index.match(exchange.method, exchange.path, exchange.apiVersion);
      expect(match.kind === "found" && match.operation.apiVersion).toBe(exchange.apiVersion);
    }
  });

  it("sends path and query parameters the operations declare, with values they accept", () => {
    expect(listed("parameter")).toEqual([]);
  });

  it("sends request bodies that match the body schemas, without read-only properties", () => {
    expect(listed("requestBody")).toEqual([]);
  });

  it("answers with declared statuses and bodies that match their schemas, errors included", () => {
    expect(listed("response")).toEqual([]);
  });

  it("answers polls as the poll URL's style promises", () => {
    expect(listed("poll")).toEqual([]);
  });

  it.each(OUTSIDE_THE_SPECIFICATIONS)("still calls $operation, outside the specifications", (o) => {
    expect(exchanges.some(o.matches)).toBe(true);
  });

  it("reports what a broken SDK or emulator would send", () => {
    const copy = structuredClone(exchanges);
    const workspaceGet = copy.find(
      (e) => e.method === "GET" && e.status === 200 && /\/workspaces\/myworkspace$/.test(e.path),
    )!;
    (workspaceGet.responseBody as any).properties.publicNetworkAccess = "Open";
    (workspaceGet.responseBody as any).properties.undeclared = true;
    const approval = copy.find(
      (e) => e.method === "PUT" && /\/privateEndpointConnections\//.test(e.path),
    )!;
    (approval.requestBody as any).properties.provisioningState = "Succeeded";
    const networkPoll = copy.find(
      (e) => /\/Microsoft.Network\/locations\/[^/]+\/operations\//.test(e.path) && e.status === 200,
    )!;
    delete (networkPoll.responseBody as any).status;

    const found = checkExchanges(copy, index, validator, (e) =>
      OUTSIDE_THE_SPECIFICATIONS.some((o) => o.matches(e)),
    ).mismatches.map((m) => `${m.kind} ${m.message}`);

    expect(found).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^response \/properties\/publicNetworkAccess must be equal to/),
        expect.stringMatching(/^response \/properties .*unevaluated properties \('undeclared'\)/),
        expect.stringMatching(/^requestBody \/properties\/provisioningState is read-only/),
        "poll (body) must have required property 'status'",
      ]),
    );
  });
});
