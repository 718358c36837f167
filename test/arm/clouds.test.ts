import nock from "nock";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ArmClient, resolveCloud, ValidationError } from "../../src/arm/index.js";
import { fakeCredential, workspacePath } from "./helpers.js";

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe("resolveCloud", () => {
  it.each([
    [
      "AzureCloud",
      "https://management.azure.com",
      ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"],
    ],
    [
      "AzureChinaCloud",
      "https://management.chinacloudapi.cn",
      ["privatelink.api.ml.azure.cn", "privatelink.notebooks.chinacloudapi.cn"],
    ],
    [
      "AzureUSGovernment",
      "https://management.usgovcloudapi.net",
      ["privatelink.api.ml.azure.us", "privatelink.notebooks.usgovcloudapi.net"],
    ],
  ] as const)("knows %s", (name, endpoint, zones) => {
    const cloud = resolveCloud(name);
    expect(cloud.resourceManagerEndpoint).toBe(endpoint);
    expect(cloud.privateDnsZoneNames).toEqual(zones);
  });

  it("defaults to the public cloud and matches names case-insensitively", () => {
    expect(resolveCloud().name).toBe("AzureCloud");
    expect(resolveCloud("azureusgovernment" as "AzureUSGovernment").name).toBe("AzureUSGovernment");
  });

  it("refuses an unknown cloud name, listing the known ones", () => {
    expect(() => resolveCloud("AzureGermanCloud" as "AzureCloud")).toThrow(
      expect.objectContaining({
        code: "InvalidCloud",
        message: expect.stringContaining("AzureCloud, AzureChinaCloud, AzureUSGovernment"),
      }),
    );
  });

  it("accepts a custom cloud and normalises its endpoint", () => {
    const cloud = resolveCloud({
      name: "AzureStackHub",
      resourceManagerEndpoint: "https://management.local.azurestack.external/",
      privateDnsZoneNames: ["privatelink.api.azureml.ms"],
    });
    expect(cloud.resourceManagerEndpoint).toBe("https://management.local.azurestack.external");
    expect(Object.isFrozen(cloud)).toBe(true);
  });

  it.each([
    [
      { name: "", resourceManagerEndpoint: "https://arm.example", privateDnsZoneNames: [] },
      /non-empty name/,
    ],
    [
      { name: "c", resourceManagerEndpoint: "http://arm.example", privateDnsZoneNames: [] },
      /https URL/,
    ],
    [{ name: "c", resourceManagerEndpoint: "not a url", privateDnsZoneNames: [] }, /https URL/],
    [
      { name: "c", resourceManagerEndpoint: "https://arm.example?x=1", privateDnsZoneNames: [] },
      /https URL/,
    ],
    [
      {
        name: "c",
        resourceManagerEndpoint: "https://arm.example",
        privateDnsZoneNames: ["not a zone"],
      },
      /DNS names/,
    ],
    [{ name: "c", resourceManagerEndpoint: "https://arm.example" }, /DNS names/],
  ])("refuses a malformed custom cloud %#", (cloud, reason) => {
    expect(() => resolveCloud(cloud as never)).toThrow(ValidationError);
    expect(() => resolveCloud(cloud as never)).toThrow(reason);
  });
});

describe("token scope", () => {
  it.each([
    ["AzureCloud", "https://management.azure.com"],
    ["AzureChinaCloud", "https://management.chinacloudapi.cn"],
    ["AzureUSGovernment", "https://management.usgovcloudapi.net"],
  ] as const)("asks %s tokens for its own ARM endpoint", async (name, endpoint) => {
    nock(endpoint).get(workspacePath).query(true).reply(200, {});
    const credential = fakeCredential();
    await new ArmClient(credential, { cloud: name }).sendRequest({
      method: "GET",
      path: workspacePath,
    });
    expect(credential.scopes).toEqual([`${endpoint}/.default`]);
  });

  it("keeps the cloud's scope when the endpoint is overridden", async () => {
    nock("https://arm-proxy.contoso.example").get(workspacePath).reply(200, {});
    const credential = fakeCredential();
    const client = new ArmClient(credential, {
      cloud: "AzureUSGovernment",
      endpoint: "https://arm-proxy.contoso.example",
    });
    await client.sendRequest({ method: "GET", path: workspacePath });
    expect(client.endpoint).toBe("https://arm-proxy.contoso.example");
    expect(credential.scopes).toEqual(["https://management.usgovcloudapi.net/.default"]);
  });

  it("uses a custom cloud's endpoint, or its tokenScope when given", async () => {
    nock("https://management.stack.example").get(workspacePath).twice().reply(200, {});
    const plain = fakeCredential();
    const cloud = {
      name: "Stack",
      resourceManagerEndpoint: "https://management.stack.example",
      privateDnsZoneNames: ["privatelink.api.azureml.ms"],
    };
    await new ArmClient(plain, { cloud }).sendRequest({ method: "GET", path: workspacePath });
    expect(plain.scopes).toEqual(["https://management.stack.example/.default"]);

    const audience = fakeCredential();
    await new ArmClient(audience, {
      cloud: { ...cloud, tokenScope: "https://management.stack.example/1234/.default" },
    }).sendRequest({ method: "GET", path: workspacePath });
    expect(audience.scopes).toEqual(["https://management.stack.example/1234/.default"]);
  });
});
