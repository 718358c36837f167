import { randomBytes } from "node:crypto";

/**
 * The kinds of dependent resource a workspace needs and `Workspace.create` can make.
 *
 * @internal
 */
export type DependentKind = "storage" | "keyvault" | "insights" | "logs";

/**
 * A globally unique name for a dependent resource, built as the Python SDK builds it: the first
 * 8 letters and digits of the workspace name, the kind, then random hex, cut to 24 characters.
 * Lowercase letters and digits only, so it satisfies the strictest rule of the four (storage
 * accounts: 3 to 24 lowercase letters and digits); key vault names must also start with a
 * letter, so a leading digit gets an "a" in front.
 *
 * @internal
 */
export function dependentResourceName(workspaceName: string, kind: DependentKind): string {
  const letters = workspaceName
    .replace(/[^a-zA-Z0-9]/g, "")
    .toLowerCase()
    .slice(0, 8);
  const prefix = /^[a-z]/.test(letters) ? letters : `a${letters}`.slice(0, 8);
  return `${prefix}${kind}${randomBytes(12).toString("hex")}`.slice(0, 24);
}
