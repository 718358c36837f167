import { redact } from "../redact.js";

const inspectSymbol = Symbol.for("nodejs.util.inspect.custom");

/**
 * The base of every error this package throws. `code` is stable and meant for programs; the
 * message is for people and says what to fix. Recognise errors by `name` or `code` rather than
 * `instanceof`, which breaks when two copies of the package are loaded.
 *
 * Errors never hold request or response objects, headers or tokens, and their messages are
 * scrubbed of signed URL parameters, so logging or printing one is safe.
 *
 * @public
 */
export class AzureMLWorkspaceError extends Error {
  /** A stable identifier of what went wrong, e.g. `"InvalidResourceId"`. */
  readonly code: string;

  constructor(code: string, message: string) {
    super(redact(message));
    this.name = "AzureMLWorkspaceError";
    this.code = code;
  }

  /** The fields worth recording, none of them secret. */
  toJSON(): Record<string, unknown> {
    const fields: Record<string, unknown> = { name: this.name, code: this.code };
    for (const [key, value] of Object.entries(this)) {
      if (value !== undefined) fields[key] = value;
    }
    fields["message"] = this.message;
    return fields;
  }

  /**
   * What `util.inspect` and `console.log` print: the stack and the JSON fields, and nothing else
   * (no `cause`, no stray properties a caller might have attached).
   */
  [inspectSymbol](): string {
    const { name: _name, message: _message, ...rest } = this.toJSON();
    return `${redact(this.stack ?? `${this.name}: ${this.message}`)} ${JSON.stringify(rest, null, 2)}`;
  }
}
