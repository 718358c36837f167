import { Option } from "commander";
import type { Command } from "commander";
import type { TokenCredential } from "@azure/core-auth";
import { emulatorCredential } from "./emulatorCredential.js";
import { isLoopbackUrl } from "./loopback.js";
import { OUTPUT_FORMATS } from "./output.js";
import { parseNonNegativeInteger } from "./parsers.js";
import type { OutputFormat } from "./output.js";
import { UsageError } from "./usageError.js";

/** The clouds `--cloud` accepts, spelled as `az cloud list` spells them. */
export const CLOUD_NAMES = ["AzureCloud", "AzureChinaCloud", "AzureUSGovernment"] as const;

/** The credentials `--credential` selects. */
export const CREDENTIAL_KINDS = ["default", "emulator"] as const;

/** The environment variable read when `--endpoint` is not given. */
export const ENDPOINT_ENV = "AZUREML_WORKSPACE_ENDPOINT";

/** The environment variable read when no subscription is given or found in a config file. */
export const SUBSCRIPTION_ENV = "AZURE_SUBSCRIPTION_ID";

/** The options every command accepts, as commander parses them. */
export interface GlobalOptions {
  output: OutputFormat;
  subscription?: string;
  /** `--subscription-id`, the spelling of older `az ml` scripts. */
  subscriptionId?: string;
  endpoint?: string;
  cloud?: (typeof CLOUD_NAMES)[number];
  credential?: (typeof CREDENTIAL_KINDS)[number];
  allowInsecureLoopback?: boolean;
  path?: string;
  updateIntervalInMs?: number;
  verbose?: boolean;
}

/** What the library's entry points take to reach ARM. */
export interface CliClientOptions {
  endpoint?: string;
  cloud?: (typeof CLOUD_NAMES)[number];
  allowInsecureLoopback?: boolean;
  credential?: TokenCredential;
  updateIntervalInMs?: number;
}

/**
 * Adds the options that every command accepts to the root command; commander recognises them
 * before or after the subcommand names.
 *
 * @param program - The root command.
 * @returns The same command.
 */
export function addGlobalOptions(program: Command): Command {
  return program
    .addOption(
      new Option("-o, --output <format>", "how results are printed on stdout")
        .choices(OUTPUT_FORMATS)
        .default("json"),
    )
    .addOption(
      new Option(
        "--subscription <id>",
        `subscription id; default: the configuration file, then $${SUBSCRIPTION_ENV}`,
      ),
    )
    .addOption(new Option("--subscription-id <id>").hideHelp())
    .addOption(
      new Option(
        "--endpoint <url>",
        "Azure Resource Manager URL to send requests to instead of the cloud's (e.g. the local " +
          "emulator); a loopback URL selects the emulator credential",
      ).env(ENDPOINT_ENV),
    )
    .addOption(
      new Option("--cloud <name>", "Azure cloud whose endpoints and DNS zones are used")
        .choices(CLOUD_NAMES)
        .default("AzureCloud"),
    )
    .addOption(
      new Option(
        "--credential <kind>",
        "'default' is DefaultAzureCredential (az login, environment variables, managed " +
          "identity); 'emulator' sends a fixed fake token that only the local emulator accepts " +
          "(default: 'emulator' for a loopback --endpoint, otherwise 'default')",
      ).choices(CREDENTIAL_KINDS),
    )
    .addOption(
      new Option(
        "--allow-insecure-loopback",
        "allow an http:// --endpoint on this machine; on by itself with the emulator credential, " +
          "needed with --credential default because a real token would travel unencrypted",
      ),
    )
    .addOption(
      new Option(
        "--path <path>",
        "folder (or file) where the search for the workspace configuration file config.json " +
          "starts; default: the current folder",
      ),
    )
    .addOption(
      new Option(
        "--update-interval-in-ms <ms>",
        "wait between polls of a long-running operation when Azure sends no Retry-After " +
          "(default: 2000)",
      ).argParser(parseNonNegativeInteger),
    )
    .addOption(
      new Option(
        "--verbose",
        "log every request (@azure/logger level info) and print stack traces",
      ),
    );
}

/**
 * Turns the global options into the client options of the library: which endpoint and cloud,
 * which credential, and whether plain http to loopback is allowed.
 *
 * The emulator credential (a fake token) is chosen for a loopback endpoint unless
 * `--credential default` says otherwise; with it, http to loopback is allowed, since no real token
 * can leak. With a real credential, http needs `--allow-insecure-loopback`.
 *
 * @param options - The parsed global options.
 * @returns The client options; `credential` is left out for DefaultAzureCredential.
 * @throws UsageError for `--credential emulator` without a loopback `--endpoint`.
 */
export function clientOptionsFrom(options: GlobalOptions): CliClientOptions {
  const endpoint = options.endpoint === "" ? undefined : options.endpoint;
  const loopback = endpoint !== undefined && isLoopbackUrl(endpoint);
  const kind = options.credential ?? (loopback ? "emulator" : "default");
  if (kind === "emulator" && !loopback) {
    throw new UsageError(
      "--credential emulator needs a loopback --endpoint (such as http://127.0.0.1:<port> from " +
        "'azureml-workspace emulator'); its fake token is useless anywhere else.",
    );
  }

  const clientOptions: CliClientOptions = {};
  if (endpoint !== undefined) clientOptions.endpoint = endpoint;
  if (options.cloud !== undefined) clientOptions.cloud = options.cloud;
  if (kind === "emulator") clientOptions.credential = emulatorCredential;
  if (options.updateIntervalInMs !== undefined) {
    clientOptions.updateIntervalInMs = options.updateIntervalInMs;
  }
  if (options.allowInsecureLoopback || kind === "emulator") {
    clientOptions.allowInsecureLoopback = true;
  }
  return clientOptions;
}
