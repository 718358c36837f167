/** How a consumer's source is written: its module syntax, and whether it is TypeScript. */
export type FlowSyntax = "esm" | "cjs" | "ts-esm" | "ts-cjs";

/** What every consumer prints as its last line. */
export interface FlowResult {
  /** Where `azureml-workspace` and `azureml-workspace/emulator` resolved to. */
  resolved: { main: string; emulator: string };
  connections: Array<{ privateEndpointName: string; status: string }>;
  /** A request ARM answers with 404, as the package's `ArmError` reports it. */
  armError: { instanceOfArmError: boolean; isArmError: boolean; statusCode?: number } | null;
  provisioningState?: string;
}

/** The private endpoint the consumers create. */
export const ENDPOINT_NAME = "pkgpe";

/**
 * The source of a consumer that imports the package by name, starts the emulator, creates a
 * workspace with a private endpoint in the seeded world, lists its connections, sends one
 * failing ARM request, prints a JSON result and stops the emulator. The TypeScript variants
 * annotate with the public types, so that ts-node's type check has something to check.
 */
export function flowSource(syntax: FlowSyntax): string {
  const typed = syntax.startsWith("ts-");
  const esm = syntax === "esm" || syntax === "ts-esm";
  const t = (annotation: string): string => (typed ? annotation : "");

  const names = "ArmClient, ArmError, PrivateEndpointConfig, Workspace, isArmError";
  const imports =
    syntax === "cjs"
      ? [
          `const { ${names} } = require("azureml-workspace");`,
          'const { startEmulator } = require("azureml-workspace/emulator");',
        ]
      : [
          `import { ${names} } from "azureml-workspace";`,
          'import { startEmulator } from "azureml-workspace/emulator";',
          ...(typed
            ? [
                "import type {",
                "  PrivateEndpointConnectionInfo,",
                "  WorkspaceDetails,",
                '} from "azureml-workspace";',
                'import type { RunningEmulator } from "azureml-workspace/emulator";',
              ]
            : []),
        ];
  const resolver = esm ? "import.meta.resolve" : "require.resolve";
  const resolve =
    `${resolver}("azureml-workspace"), ` + `emulator: ${resolver}("azureml-workspace/emulator")`;

  const body = `
  const emulator${t(": RunningEmulator")} = await startEmulator({ seed: true });
  try {
    const { subscriptionId, resourceGroup, location, vnetName } = emulator.world;
    const ws = await Workspace.create({
      name: "pkgws",
      subscriptionId,
      resourceGroup,
      location,
      privateEndpointConfig: new PrivateEndpointConfig({ name: "${ENDPOINT_NAME}", vnetName }),
      showOutput: false,
      updateIntervalInMs: 0,
      ...emulator.clientOptions,
    });
    const connections${t(": PrivateEndpointConnectionInfo[]")} = await ws.privateEndpoints();
    const details${t(": WorkspaceDetails")} = await ws.getDetails();

    const arm = new ArmClient(emulator.credential, {
      endpoint: emulator.endpoint,
      allowInsecureLoopback: true,
    });
    let armError${t(": FlowArmError | null")} = null;
    try {
      await arm.sendRequest({
        method: "GET",
        path: \`/subscriptions/\${subscriptionId}/resourceGroups/no-such-group\`,
        apiVersion: "2021-04-01",
      });
    } catch (error) {
      armError = {
        instanceOfArmError: error instanceof ArmError,
        isArmError: isArmError(error),
        statusCode: isArmError(error) ? error.statusCode : undefined,
      };
    }

    console.log(
      JSON.stringify({
        resolved: { main: ${resolve} },
        connections: connections.map((c) => ({
          privateEndpointName: c.privateEndpointName,
          status: c.status,
        })),
        armError,
        provisioningState: details.properties?.provisioningState,
      }),
    );
  } finally {
    await emulator.stop();
  }
`;
  const armErrorType = typed
    ? [
        "interface FlowArmError {",
        "  instanceOfArmError: boolean;",
        "  isArmError: boolean;",
        "  statusCode?: number;",
        "}",
      ]
    : [];
  const main = esm
    ? [body]
    : [
        `async function main()${t(": Promise<void>")} {${body}}`,
        "main().catch((error) => {",
        "  console.error(error);",
        "  process.exitCode = 1;",
        "});",
      ];
  return [...imports, ...armErrorType, ...main].join("\n") + "\n";
}
