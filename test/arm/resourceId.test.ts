import { describe, expect, it } from "vitest";
import { formatResourceId, parseResourceId, ValidationError } from "../../src/arm/index.js";

const subnetId =
  "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/myresourcegroup" +
  "/providers/Microsoft.Network/virtualNetworks/myvnet/subnets/default";

describe("parseResourceId", () => {
  it("splits a nested child resource into provider, types and names", () => {
    expect(parseResourceId(subnetId)).toEqual({
      subscriptionId: "00000000-0000-0000-0000-000000000000",
      resourceGroup: "myresourcegroup",
      provider: "Microsoft.Network",
      types: ["virtualNetworks", "subnets"],
      names: ["myvnet", "default"],
      resourceType: "Microsoft.Network/virtualNetworks/subnets",
      name: "default",
    });
  });

  it("matches the keywords case-insensitively and keeps the names' case", () => {
    const id = parseResourceId(
      "/SUBSCRIPTIONS/sub/resourcegroups/MyRG/PROVIDERS/Microsoft.MachineLearningServices/workspaces/MyWs",
    );
    expect(id.resourceGroup).toBe("MyRG");
    expect(id.provider).toBe("Microsoft.MachineLearningServices");
    expect(id.name).toBe("MyWs");
  });

  it("parses subscription-level provider resources and resource group ids", () => {
    const location = parseResourceId(
      "/subscriptions/sub/providers/Microsoft.Network/locations/eastus",
    );
    expect(location.resourceGroup).toBeUndefined();
    expect(location.resourceType).toBe("Microsoft.Network/locations");

    const group = parseResourceId("/subscriptions/sub/resourceGroups/rg");
    expect(group).toEqual({ subscriptionId: "sub", resourceGroup: "rg", types: [], names: [] });
  });

  it("accepts one trailing slash", () => {
    expect(parseResourceId(`${subnetId}/`).name).toBe("default");
  });

  it.each([
    ["", /empty/],
    ["subscriptions/sub/resourceGroups/rg", /must start with "\/subscriptions\/"/],
    [
      "/tenants/t/providers/Microsoft.Network/virtualNetworks/v",
      /must start with "\/subscriptions\/"/,
    ],
    ["/subscriptions", /subscription id is missing/],
    ["/subscriptions/sub/resourceGroups", /resource group name is missing/],
    [
      "/subscriptions/sub/resourceGroups/rg/virtualNetworks/v",
      /expected "providers" but found "virtualNetworks"/,
    ],
    ["/subscriptions/sub/resourceGroups/rg/providers", /provider namespace is missing/],
    [
      "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Network",
      /no resource type follows/,
    ],
    [
      "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks",
      /"virtualNetworks" has no name/,
    ],
    [
      "/subscriptions/sub/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets",
      /"subnets" has no name/,
    ],
    ["/subscriptions/sub//resourceGroups/rg", /empty segment/],
    ["/subscriptions/sub/resourceGroups/rg?api-version=1", /query string/],
    ["/subscriptions/sub/resourceGroups/r g", /whitespace/],
    [
      "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/providers/Microsoft.Authorization/locks/l",
      /extension resources/,
    ],
  ])("refuses %j, saying what is wrong", (id, reason) => {
    const error = captureError(() => parseResourceId(id));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({
      name: "ValidationError",
      code: "InvalidResourceId",
      parameter: "resourceId",
    });
    expect(error.message).toMatch(reason);
  });
});

describe("formatResourceId", () => {
  it("is the inverse of parseResourceId for a child resource", () => {
    expect(formatResourceId(parseResourceId(subnetId))).toBe(subnetId);
  });

  it("formats subscription and resource group ids", () => {
    expect(formatResourceId({ subscriptionId: "sub" })).toBe("/subscriptions/sub");
    expect(formatResourceId({ subscriptionId: "sub", resourceGroup: "rg" })).toBe(
      "/subscriptions/sub/resourceGroups/rg",
    );
  });

  it.each([
    [{ subscriptionId: "" }, "subscriptionId"],
    [{ subscriptionId: "s", resourceGroup: "a/b" }, "resourceGroup"],
    [
      { subscriptionId: "s", provider: "Microsoft.Network", types: ["virtualNetworks"], names: [] },
      "names",
    ],
    [{ subscriptionId: "s", types: ["virtualNetworks"], names: ["v"] }, "provider"],
    [{ subscriptionId: "s", provider: "Microsoft.Network" }, "types"],
    [
      {
        subscriptionId: "s",
        provider: "Microsoft.Network",
        types: ["virtualNetworks"],
        names: [""],
      },
      "names[0]",
    ],
  ])("refuses malformed parts %j, naming %s", (parts, parameter) => {
    const error = captureError(() => formatResourceId(parts));
    expect(error).toMatchObject({ code: "InvalidResourceId", parameter });
  });
});

function captureError(action: () => unknown): ValidationError {
  try {
    action();
  } catch (error) {
    return error as ValidationError;
  }
  throw new Error("expected an error");
}
