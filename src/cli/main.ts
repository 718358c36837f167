import { ExitCode } from "./exitCodes.js";
import { runCli } from "./runCli.js";

const controller = new AbortController();

// The first signal cancels the running operation (its cleanup still runs); a second one exits.
function onSignal(): void {
  if (controller.signal.aborted) process.exit(ExitCode.Cancelled);
  controller.abort();
}
process.on("SIGINT", onSignal);
process.on("SIGTERM", onSignal);

const exitCode = await runCli(process.argv.slice(2), {
  writeOut: (text) => process.stdout.write(text),
  writeErr: (text) => process.stderr.write(text),
  env: process.env,
  abortSignal: controller.signal,
});
process.off("SIGINT", onSignal);
process.off("SIGTERM", onSignal);
process.exitCode = exitCode;
