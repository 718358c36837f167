import { Option } from "commander";
import type { Command } from "commander";
import type { CliContext } from "../cliContext.js";
import { printResult } from "../cliContext.js";
import { ENDPOINT_ENV, SUBSCRIPTION_ENV } from "../globalOptions.js";
import { withExamples } from "../help.js";
import { parseNonNegativeInteger, parsePort } from "../parsers.js";
import { UsageError } from "../usageError.js";

interface EmulatorFlags {
  port: number;
  latencyInMs: number;
  retryAfterInSeconds: number;
  seed: boolean;
}

/**
 * `emulator`: runs the local ARM emulator in the foreground until SIGINT or SIGTERM.
 *
 * @param program - The root command.
 * @param context - The process context.
 */
export function addEmulatorCommand(program: Command, context: CliContext): void {
  const command = program
    .command("emulator")
    .description(
      "Run the local Azure Resource Manager emulator in the foreground until Ctrl+C. Prints its " +
        "endpoint and demo resources as JSON on stdout, and how to point commands at it on stderr.",
    )
    .addOption(
      new Option("--port <port>", "TCP port on 127.0.0.1; 0 picks a free one")
        .default(0)
        .argParser(parsePort),
    )
    .addOption(
      new Option("--latency-in-ms <ms>", "how long each long-running operation stays in progress")
        .default(0)
        .argParser(parseNonNegativeInteger),
    )
    .addOption(
      new Option(
        "--retry-after-in-seconds <seconds>",
        "Retry-After sent while an operation runs; 0 omits the header",
      )
        .default(0)
        .argParser(parseNonNegativeInteger),
    )
    .addOption(
      new Option(
        "--no-seed",
        "start empty, without the demo resource group, virtual network and subnet",
      ),
    );
  withExamples(command, [
    "azureml-workspace emulator --port 8443 --latency-in-ms 2000",
    "# In another shell:",
    `export ${ENDPOINT_ENV}=http://127.0.0.1:8443 ${SUBSCRIPTION_ENV}=00000000-0000-0000-0000-000000000000`,
    "azureml-workspace workspace create -w myworkspace -g myresourcegroup -l eastus2 \\\n" +
      "      --pe-name myprivateendpoint --pe-vnet-name myvnet --pe-auto-approval",
  ]);
  command.action(async (flags: EmulatorFlags, cmd: Command) => {
    // Loaded on demand: the other commands never need the emulator.
    const { startEmulator } = await import("../../emulator/index.js");
    const emulator = await startEmulator({
      port: flags.port,
      latencyInMs: flags.latencyInMs,
      retryAfterInSeconds: flags.retryAfterInSeconds,
      seed: flags.seed,
    }).catch((error: unknown) => {
      // A taken port is the caller's to fix, not a failure of Azure.
      if ((error as { code?: unknown })?.code !== "EADDRINUSE") throw error;
      throw new UsageError(
        `port ${flags.port} on 127.0.0.1 is already in use: pass another --port, or --port 0 ` +
          "for a free one.",
        "PortInUse",
      );
    });
    try {
      printResult(context, cmd, { endpoint: emulator.endpoint, ...emulator.world });
      context.writeErr(usageHint(emulator.endpoint, emulator.world.subscriptionId));
      await waitForAbort(context.abortSignal);
    } finally {
      await emulator.stop();
    }
    context.writeErr("Emulator stopped.\n");
  });
}

function usageHint(endpoint: string, subscriptionId: string): string {
  const lines = [
    `Emulator listening on ${endpoint}. Stop it with Ctrl+C.`,
    "Point commands at it (a loopback endpoint selects a fake token; no Azure login needed):",
    `  export ${ENDPOINT_ENV}=${endpoint}`,
  ];
  lines.push(
    `  export ${SUBSCRIPTION_ENV}=${subscriptionId}`,
    "  azureml-workspace workspace create -w myworkspace -g myresourcegroup -l eastus2 " +
      "--pe-name myprivateendpoint --pe-vnet-name myvnet --pe-auto-approval",
    `or pass --endpoint ${endpoint} to each command.`,
  );
  return lines.join("\n") + "\n";
}

function waitForAbort(signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) =>
    signal.addEventListener("abort", () => resolve(), { once: true }),
  );
}
