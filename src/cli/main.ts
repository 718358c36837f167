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

const stdout = writerOf(process.stdout);
const stderr = writerOf(process.stderr);
const exitCode = await runCli(process.argv.slice(2), {
  writeOut: stdout,
  writeErr: stderr,
  env: process.env,
  abortSignal: controller.signal,
});
process.off("SIGINT", onSignal);
process.off("SIGTERM", onSignal);
process.exitCode = exitCode;

/**
 * Writes to a stream until its reader goes away. When the reader closes the pipe early
 * (`... | head`), later output is dropped instead of crashing with an unhandled EPIPE and its
 * stack trace; the command itself runs to its end, so an operation is never cut off half-way.
 */
function writerOf(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}
