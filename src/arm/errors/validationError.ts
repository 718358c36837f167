import { AzureMLWorkspaceError } from "./azureMLWorkspaceError.js";

/**
 * A caller's input is invalid. Thrown before any request is sent.
 *
 * @public
 */
export class ValidationError extends AzureMLWorkspaceError {
  /** The option or argument that is wrong, e.g. `"endpoint"` or `"resourceId"`. */
  readonly parameter?: string;

  /**
   * @param code - e.g. `"InvalidResourceId"`, `"InvalidEndpoint"`, `"InvalidCloud"`
   * @param message - what is wrong and how to fix it
   * @param parameter - the option or argument at fault
   */
  constructor(code: string, message: string, parameter?: string) {
    super(code, message);
    this.name = "ValidationError";
    if (parameter !== undefined) this.parameter = parameter;
  }
}
