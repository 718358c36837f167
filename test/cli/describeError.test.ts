import { CommanderError } from "commander";
import { describe, expect, it } from "vitest";
import { describeError } from "../../src/cli/describeError.js";
import { ExitCode } from "../../src/cli/exitCodes.js";
import { UsageError } from "../../src/cli/usageError.js";

/** An error shaped like the library's, recognised by name and code as the CLI does. */
function libraryError(name: string, code: string, message: string, extra: object = {}): Error {
  return Object.assign(new Error(message), { name, code }, extra);
}

describe("describeError", () => {
  it("maps commander's parse errors to exit 2 with one line and the help hint", () => {
    const error = new CommanderError(
      1,
      "commander.unknownCommand",
      "error: unknown command 'ad'\n(Did you mean add?)",
    );
    const report = describeError(error, {
      commandPath: "azureml-workspace workspace private-endpoint",
    });
    expect(report.exitCode).toBe(ExitCode.Usage);
    expect(report.text).toBe(
      "error: unknown command 'ad' (Did you mean add?) " +
        "Run 'azureml-workspace workspace private-endpoint --help' for usage.\n",
    );
  });

  it("maps --help and --version to exit 0 and prints nothing more", () => {
    const report = describeError(new CommanderError(0, "commander.helpDisplayed", "(outputHelp)"));
    expect(report).toEqual({ exitCode: ExitCode.Success, text: "" });
  });

  it("maps help shown for a missing subcommand to exit 2", () => {
    const report = describeError(new CommanderError(1, "commander.help", "(outputHelp)"));
    expect(report.exitCode).toBe(ExitCode.Usage);
  });

  it("maps a UsageError to exit 2 with its message", () => {
    const report = describeError(new UsageError("pass --pe-vnet-name."));
    expect(report).toEqual({ exitCode: ExitCode.Usage, text: "error: pass --pe-vnet-name.\n" });
  });

  it("maps the library's ValidationError to exit 2", () => {
    const error = libraryError("ValidationError", "InvalidWorkspaceName", "Workspace name is bad.");
    expect(describeError(error).exitCode).toBe(ExitCode.Usage);
  });

  it("maps a missing or malformed configuration file to exit 2", () => {
    expect(describeError(libraryError("ConfigNotFoundError", "ConfigNotFound", "x")).exitCode).toBe(
      ExitCode.Usage,
    );
    expect(describeError(libraryError("ConfigFileError", "InvalidConfigFile", "x")).exitCode).toBe(
      ExitCode.Usage,
    );
  });

  it("maps an ArmError to exit 1, naming ARM's code and the HTTP status on one line", () => {
    const error = libraryError("ArmError", "ResourceNotFound", "The workspace\nwas not found.", {
      statusCode: 404,
    });
    expect(describeError(error)).toEqual({
      exitCode: ExitCode.AzureFailure,
      text: "error: ResourceNotFound: The workspace was not found. (HTTP 404)\n",
    });
  });

  it("maps a failed workspace operation to exit 1", () => {
    const error = libraryError("WorkspaceCreateError", "WorkspaceCreateFailed", "step failed");
    expect(describeError(error).exitCode).toBe(ExitCode.AzureFailure);
  });

  it("maps an aborted operation to exit 130", () => {
    const error = Object.assign(new Error("The operation was aborted."), { name: "AbortError" });
    expect(describeError(error).exitCode).toBe(ExitCode.Cancelled);
  });

  it("prints no stack trace unless verbose", () => {
    const error = new TypeError("boom");
    const quiet = describeError(error);
    expect(quiet.exitCode).toBe(ExitCode.AzureFailure);
    expect(quiet.text).toBe("error: boom (run with --verbose for details)\n");
    expect(quiet.text).not.toContain("    at ");
  });

  it("prints the stack trace and ARM's request ids when verbose", () => {
    const error = libraryError("ArmError", "Conflict", "busy", {
      statusCode: 409,
      requestId: "req-1",
      details: [{ code: "Inner", message: "inner" }],
    });
    const text = describeError(error, { verbose: true }).text;
    expect(text.split("\n")[0]).toBe("error: Conflict: busy (HTTP 409)");
    expect(text).toContain("requestId: req-1");
    expect(text).toContain('details: [{"code":"Inner","message":"inner"}]');
    expect(text).toContain("    at ");
  });

  it("tells how to sign in when no credential is available, with exit 2", () => {
    const error = Object.assign(new Error("DefaultAzureCredential failed."), {
      name: "CredentialUnavailableError",
    });
    const report = describeError(error);
    expect(report.exitCode).toBe(ExitCode.Usage);
    expect(report.text).toContain("az login");
    expect(report.text.trimEnd().split("\n")).toHaveLength(1);
  });

  it("points at --endpoint when a request got no answer", () => {
    const error = libraryError(
      "RestError",
      "REQUEST_SEND_ERROR",
      "connect ECONNREFUSED 127.0.0.1:1",
    );
    const report = describeError(error);
    expect(report.exitCode).toBe(ExitCode.AzureFailure);
    expect(report.text).toContain("--endpoint");
  });

  it("says once what to check when the library's message already says it", () => {
    const error = libraryError(
      "ArmError",
      "ECONNREFUSED",
      "GET http://127.0.0.1:1/subscriptions/s got no answer from ARM: connect ECONNREFUSED " +
        "127.0.0.1:1. Check the network, the proxy settings and the endpoint.",
    );
    const report = describeError(error);
    expect(report.exitCode).toBe(ExitCode.AzureFailure);
    expect(report.text.match(/Check the network/g)).toHaveLength(1);
    expect(report.text).toContain("the proxy settings and the --endpoint URL.");
  });
});
