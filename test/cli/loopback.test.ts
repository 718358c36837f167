import { describe, expect, it } from "vitest";
import { clientOptionsFrom } from "../../src/cli/globalOptions.js";
import { isLoopbackUrl } from "../../src/cli/loopback.js";
import { emulatorCredential } from "../../src/cli/emulatorCredential.js";

describe("isLoopbackUrl", () => {
  it.each([
    "http://127.0.0.1:8443",
    "http://127.1.2.3",
    "http://localhost:1234/",
    "http://[::1]:80",
  ])("treats %s as loopback", (url) => {
    expect(isLoopbackUrl(url)).toBe(true);
  });

  it.each([
    "https://management.azure.com",
    "http://127.0.0.1.example.com",
    "http://10.0.0.1",
    "not a url",
  ])("does not treat %s as loopback", (url) => {
    expect(isLoopbackUrl(url)).toBe(false);
  });
});

describe("clientOptionsFrom", () => {
  it("leaves the credential to the library (DefaultAzureCredential) without an endpoint", () => {
    const options = clientOptionsFrom({ output: "json", cloud: "AzureCloud" });
    expect(options).toEqual({ cloud: "AzureCloud" });
  });

  it("uses the emulator credential and allows http for a loopback endpoint", () => {
    const options = clientOptionsFrom({ output: "json", endpoint: "http://127.0.0.1:9000" });
    expect(options.credential).toBe(emulatorCredential);
    expect(options.allowInsecureLoopback).toBe(true);
    expect(options.endpoint).toBe("http://127.0.0.1:9000");
  });

  it("keeps DefaultAzureCredential for a loopback endpoint with --credential default", () => {
    const options = clientOptionsFrom({
      output: "json",
      endpoint: "http://127.0.0.1:9000",
      credential: "default",
    });
    expect(options.credential).toBeUndefined();
    expect(options.allowInsecureLoopback).toBeUndefined();
  });

  it("allows http with a real credential only when --allow-insecure-loopback is given", () => {
    const options = clientOptionsFrom({
      output: "json",
      endpoint: "http://127.0.0.1:9000",
      credential: "default",
      allowInsecureLoopback: true,
    });
    expect(options.allowInsecureLoopback).toBe(true);
  });

  it("uses DefaultAzureCredential for a non-loopback endpoint", () => {
    const options = clientOptionsFrom({ output: "json", endpoint: "https://arm.contoso.net" });
    expect(options.credential).toBeUndefined();
  });

  it("refuses the emulator credential for a non-loopback endpoint", () => {
    expect(() =>
      clientOptionsFrom({
        output: "json",
        endpoint: "https://arm.contoso.net",
        credential: "emulator",
      }),
    ).toThrow(expect.objectContaining({ name: "UsageError" }));
  });

  it("gives a token that never expires within a command's run", async () => {
    const token = await emulatorCredential.getToken("https://management.azure.com/.default");
    expect(token?.token).toBeTruthy();
    expect(token!.expiresOnTimestamp).toBeGreaterThan(Date.now() + 10 * 60 * 1000);
  });
});
