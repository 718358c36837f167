import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../src/emulator/index.js";
import { armHttp, type ArmHttp } from "./armHttp.js";

const OTHER_SUBSCRIPTION = "11111111-1111-1111-1111-111111111111";
const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let emulator: RunningEmulator;
let arm: ArmHttp;
const inGroup = (type: string, name: string, rg = arm.rg) => `${rg}/providers/${type}/${name}`;
const otherGroup = () => `/subscriptions/${OTHER_SUBSCRIPTION}/resourceGroups/othergroup`;

beforeEach(async () => {
  emulator = await startEmulator({
    seed: true,
    additionalSubscriptions: [{ subscriptionId: OTHER_SUBSCRIPTION }],
  });
  arm = armHttp(emulator);
});
afterEach(() => emulator.stop());

async function createOtherGroup() {
  const answer = await arm.send("PUT", otherGroup(), { location: "eastus2" });
  expect(answer.status).toBe(201);
}

describe("storage accounts", () => {
  const storageUrl = (name = "mystorage", rg?: string) =>
    inGroup("Microsoft.Storage/storageAccounts", name, rg);
  const body = { location: "eastus2", sku: { name: "Standard_LRS" }, kind: "StorageV2" };

  async function createAccount(url = storageUrl()) {
    const answer = await arm.send("PUT", url, body);
    return arm.pollUntilDone(answer.headers.get("location")!);
  }

  it("creates an account through a 202 and a Location on Storage's async operations", async () => {
    const put = await arm.send("PUT", storageUrl(), body);
    expect(put.status).toBe(202);
    expect(put.body).toBeUndefined();
    expect(put.headers.get("location")).toMatch(
      new RegExp(
        `^${emulator.endpoint}/subscriptions/${arm.subscriptionId}/providers/Microsoft.Storage/locations/eastus2/asyncoperations/[0-9a-f-]{36}\\?api-version=2023-05-01$`,
      ),
    );
    const done = await arm.pollUntilDone(put.headers.get("location")!);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      id: storageUrl(),
      name: "mystorage",
      type: "Microsoft.Storage/storageAccounts",
      sku: { name: "Standard_LRS", tier: "Standard" },
      kind: "StorageV2",
      properties: {
        provisioningState: "Succeeded",
        primaryEndpoints: { blob: "https://mystorage.blob.core.windows.net/" },
      },
    });
  });

  it("reads, then deletes an account with 200, then answers 204 and 404", async () => {
    await createAccount();
    expect((await arm.send("GET", storageUrl())).status).toBe(200);
    expect((await arm.send("DELETE", storageUrl())).status).toBe(200);
    expect((await arm.send("DELETE", storageUrl())).status).toBe(204);
    const gone = await arm.send("GET", storageUrl());
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe("ResourceNotFound");
  });

  it("refuses a name with upper-case letters or hyphens with AccountNameInvalid", async () => {
    const answer = await arm.send("PUT", storageUrl("My-Storage"), body);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({
      code: "AccountNameInvalid",
      message:
        "My-Storage is not a valid storage account name. Storage account name must be between 3 and 24 characters in length and use numbers and lower-case letters only.",
    });
  });

  it("refuses a body without the sku the spec requires", async () => {
    const answer = await arm.send("PUT", storageUrl(), { location: "eastus2", kind: "StorageV2" });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("InvalidRequestFormat");
    expect(answer.body.error.target).toBe("sku");
  });

  it("refuses a name another subscription uses with 409 StorageAccountAlreadyTaken", async () => {
    await createOtherGroup();
    await createAccount(storageUrl("mystorage", otherGroup()));
    const answer = await arm.send("PUT", storageUrl(), body);
    expect(answer.status).toBe(409);
    expect(answer.body.error).toEqual({
      code: "StorageAccountAlreadyTaken",
      message: "The storage account named mystorage is already taken.",
      target: "mystorage",
    });
  });

  it("refuses a name another group of the subscription uses with StorageAccountInAnotherResourceGroup", async () => {
    await arm.send("PUT", `/subscriptions/${arm.subscriptionId}/resourceGroups/second`, {
      location: "eastus2",
    });
    await createAccount(
      storageUrl("mystorage", `/subscriptions/${arm.subscriptionId}/resourceGroups/second`),
    );
    const answer = await arm.send("PUT", storageUrl(), body);
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe("StorageAccountInAnotherResourceGroup");
    expect(answer.body.error.target).toBe("mystorage");
  });

  it("refuses to move an existing account to another location", async () => {
    await createAccount();
    const answer = await arm.send("PUT", storageUrl(), { ...body, location: "westus" });
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe("InvalidResourceLocation");
  });
});

describe("key vaults", () => {
  const vaultUrl = (name = "my-vault", rg?: string) =>
    inGroup("Microsoft.KeyVault/vaults", name, rg);
  const body = () => ({
    location: "eastus2",
    properties: { tenantId: emulator.world.tenantId, sku: { family: "A", name: "standard" } },
  });

  it("answers 201 with the vault RegisteringDns, then shows it Succeeded", async () => {
    const put = await arm.send("PUT", vaultUrl(), body());
    expect(put.status).toBe(201);
    expect(put.body.properties).toMatchObject({
      provisioningState: "RegisteringDns",
      vaultUri: "https://my-vault.vault.azure.net/",
      tenantId: emulator.world.tenantId,
      enableSoftDelete: true,
    });
    const got = await arm.send("GET", vaultUrl());
    expect(got.body.properties.provisioningState).toBe("Succeeded");
  });

  it("answers 200 for a PUT of a vault that exists", async () => {
    await arm.send("PUT", vaultUrl(), body());
    expect((await arm.send("PUT", vaultUrl(), body())).status).toBe(200);
  });

  it("deletes a vault with 200, then answers 204 and 404", async () => {
    await arm.send("PUT", vaultUrl(), body());
    expect((await arm.send("DELETE", vaultUrl())).status).toBe(200);
    expect((await arm.send("DELETE", vaultUrl())).status).toBe(204);
    expect((await arm.send("GET", vaultUrl())).status).toBe(404);
  });

  it("refuses a name that starts with a digit with VaultNameNotValid in Key Vault's words", async () => {
    const answer = await arm.send("PUT", vaultUrl("1vault"), body());
    expect(answer.status).toBe(400);
    expect(answer.body.error).toEqual({
      code: "VaultNameNotValid",
      message:
        "The vault name '1vault' is invalid. A vault's name must be between 3-24 alphanumeric characters. " +
        "The name must begin with a letter, end with a letter or digit, and not contain consecutive hyphens. " +
        "Follow this link for more information: https://go.microsoft.com/fwlink/?linkid=2147742",
    });
  });

  it("refuses a name another subscription uses with 409 VaultAlreadyExists", async () => {
    await createOtherGroup();
    await arm.send("PUT", vaultUrl("my-vault", otherGroup()), body());
    const answer = await arm.send("PUT", vaultUrl("MY-VAULT"), body());
    expect(answer.status).toBe(409);
    expect(answer.body.error.code).toBe("VaultAlreadyExists");
    expect(answer.body.error.message).toMatch(
      /^The vault name 'MY-VAULT' is already in use\. Vault names are globally unique so it is possible that the name is already taken\. If you are sure that the vault name was not taken then it is possible that a vault with the same name was recently deleted but not purged/,
    );
  });

  it("refuses a body without the tenantId the spec requires", async () => {
    const answer = await arm.send("PUT", vaultUrl(), {
      location: "eastus2",
      properties: { sku: { family: "A", name: "standard" } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("InvalidRequestFormat");
    expect(answer.body.error.target).toBe("properties.tenantId");
  });
});

describe("Application Insights components", () => {
  const componentUrl = (name = "myinsights") => inGroup("Microsoft.Insights/components", name);
  const body = { location: "eastus2", kind: "web", properties: { Application_Type: "web" } };

  it("creates a component synchronously with 200, its instrumentation key and connection string", async () => {
    const put = await arm.send("PUT", componentUrl(), body);
    expect(put.status).toBe(200);
    expect(put.headers.get("location")).toBeNull();
    expect(put.headers.get("azure-asyncoperation")).toBeNull();
    const { properties } = put.body;
    expect(properties.provisioningState).toBe("Succeeded");
    expect(properties.InstrumentationKey).toMatch(guid);
    expect(properties.ConnectionString).toBe(
      `InstrumentationKey=${properties.InstrumentationKey};IngestionEndpoint=https://eastus2-0.in.applicationinsights.azure.com/`,
    );
    expect(properties.IngestionMode).toBe("ApplicationInsights");
  });

  it("keeps the instrumentation key when the component is PUT again", async () => {
    const first = await arm.send("PUT", componentUrl(), body);
    const second = await arm.send("PUT", componentUrl(), body);
    expect(second.body.properties.InstrumentationKey).toBe(
      first.body.properties.InstrumentationKey,
    );
  });

  it("ingests into Log Analytics when given a WorkspaceResourceId", async () => {
    const logs = inGroup("Microsoft.OperationalInsights/workspaces", "mylogs");
    await arm.send("PUT", logs, { location: "eastus2" });
    const put = await arm.send("PUT", componentUrl(), {
      ...body,
      properties: { ...body.properties, WorkspaceResourceId: logs },
    });
    expect(put.body.properties.IngestionMode).toBe("LogAnalytics");
  });

  it("reads, then deletes a component with 200, then answers 204 and 404", async () => {
    await arm.send("PUT", componentUrl(), body);
    expect((await arm.send("GET", componentUrl())).status).toBe(200);
    expect((await arm.send("DELETE", componentUrl())).status).toBe(200);
    expect((await arm.send("DELETE", componentUrl())).status).toBe(204);
    expect((await arm.send("GET", componentUrl())).status).toBe(404);
  });

  it("refuses a body without the kind the spec requires", async () => {
    const answer = await arm.send("PUT", componentUrl(), {
      location: "eastus2",
      properties: { Application_Type: "web" },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.target).toBe("kind");
  });

  it("refuses a body without properties.Application_Type", async () => {
    const answer = await arm.send("PUT", componentUrl(), {
      location: "eastus2",
      kind: "web",
      properties: {},
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.target).toBe("properties.Application_Type");
  });
});

describe("Log Analytics workspaces", () => {
  const logsUrl = (name = "mylogs") => inGroup("Microsoft.OperationalInsights/workspaces", name);

  it("answers 201 with the workspace Creating, then shows it Succeeded with a customer id", async () => {
    const put = await arm.send("PUT", logsUrl(), {
      location: "eastus2",
      properties: { sku: { name: "PerGB2018" }, retentionInDays: 30 },
    });
    expect(put.status).toBe(201);
    expect(put.body.properties.provisioningState).toBe("Creating");
    const got = await arm.send("GET", logsUrl());
    expect(got.body.properties).toMatchObject({
      provisioningState: "Succeeded",
      sku: { name: "PerGB2018" },
      retentionInDays: 30,
    });
    expect(got.body.properties.customerId).toMatch(guid);
  });

  it("deletes a workspace with 200, then answers 204 and 404", async () => {
    await arm.send("PUT", logsUrl(), { location: "eastus2" });
    expect((await arm.send("DELETE", logsUrl())).status).toBe(200);
    expect((await arm.send("DELETE", logsUrl())).status).toBe(204);
    expect((await arm.send("GET", logsUrl())).status).toBe(404);
  });

  it("refuses a name with an underscore with InvalidParameter in Log Analytics' words", async () => {
    const answer = await arm.send("PUT", logsUrl("my_logs"), { location: "eastus2" });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("InvalidParameter");
    expect(answer.body.error.message).toMatch(
      /^Workspace name must start and end with an alphanumeric character, and may contain only alphanumeric and hyphen characters\. Operation Id: '[0-9a-f]{32}'$/,
    );
  });

  it("refuses a name shorter than four characters with InvalidParameter", async () => {
    const answer = await arm.send("PUT", logsUrl("abc"), { location: "eastus2" });
    expect(answer.status).toBe(400);
    expect(answer.body.error.code).toBe("InvalidParameter");
    expect(answer.body.error.message).toMatch(/between 4 and 63 characters/);
  });
});
