import type { OperationState } from "@azure/core-lro";
import { ValidationError } from "../arm/index.js";
import type { CreateInput } from "./createInput.js";
import type { CreatePlan } from "./createPlan.js";
import type { CreatedResource } from "./createdResources.js";
import type { WorkspaceCreateStep } from "./errors.js";

/**
 * The JSON written by `serialize()` of a `Workspace.beginCreate` poller.
 *
 * @internal
 */
export interface SerializedCreate {
  kind: "azureml-workspace/create";
  version: 1;
  input: CreateInput;
  plan?: CreatePlan;
  step: WorkspaceCreateStep | "done";
  status: OperationState<unknown>["status"];
  created: CreatedResource[];
}

/**
 * The workspace a saved create state is about, for `Workspace.resumeCreate`; a string that is
 * not such a state throws a `ValidationError`.
 *
 * @internal
 */
export function identityOfSerializedCreate(
  text: unknown,
): Pick<CreateInput, "name" | "subscriptionId" | "resourceGroup"> {
  const { input } = readSerialized(text);
  return {
    name: input.name,
    subscriptionId: input.subscriptionId,
    resourceGroup: input.resourceGroup,
  };
}

function readSerialized(text: unknown): SerializedCreate {
  const invalid = (why: string) =>
    new ValidationError(
      "InvalidRestoreState",
      `restoreFrom must be a string returned by serialize() of a Workspace.beginCreate poller: ${why}.`,
      "restoreFrom",
    );
  if (typeof text !== "string" || text === "") throw invalid(`got ${JSON.stringify(text)}`);
  let parsed: SerializedCreate | null;
  try {
    parsed = JSON.parse(text) as SerializedCreate | null;
  } catch {
    throw invalid("it is not JSON");
  }
  const input = parsed?.input;
  if (
    parsed === null ||
    typeof parsed !== "object" ||
    parsed.kind !== "azureml-workspace/create" ||
    parsed.version !== 1 ||
    typeof input !== "object" ||
    input === null ||
    typeof input.name !== "string" ||
    typeof input.subscriptionId !== "string" ||
    typeof input.resourceGroup !== "string" ||
    !Array.isArray(parsed.created) ||
    typeof parsed.step !== "string"
  ) {
    throw invalid("this is not such a state");
  }
  return parsed;
}

/**
 * Reads a saved create state, refusing one of another workspace.
 *
 * @internal
 */
export function parseSerializedCreate(text: unknown, given: CreateInput): SerializedCreate {
  const parsed = readSerialized(text);
  for (const key of ["name", "subscriptionId", "resourceGroup"] as const) {
    if (parsed.input[key].toLowerCase() !== given[key].toLowerCase()) {
      throw new ValidationError(
        "InvalidRestoreState",
        `restoreFrom belongs to a create of ${key} '${parsed.input[key]}', not '${given[key]}'.`,
        "restoreFrom",
      );
    }
  }
  return parsed;
}
