/**
 * Azure Machine Learning workspaces behind Azure Private Link, for TypeScript.
 *
 * @packageDocumentation
 */
export * from "./arm/index.js";
export * from "./workspace/index.js";
