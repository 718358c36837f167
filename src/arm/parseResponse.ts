import type { PipelineResponse } from "@azure/core-rest-pipeline";
import type { ArmResponse } from "./armRequest.js";

/**
 * Turns a pipeline response into an {@link ArmResponse}: lower-case headers, the body parsed as
 * JSON when it is JSON, kept as text otherwise.
 *
 * @internal
 */
export function toArmResponse<T>(response: PipelineResponse): ArmResponse<T> {
  const headers = response.headers.toJSON();
  const result: ArmResponse<T> = {
    status: response.status,
    headers,
    body: parseBody(response.bodyAsText) as T,
  };
  if (headers["x-ms-request-id"]) result.requestId = headers["x-ms-request-id"];
  if (headers["x-ms-correlation-request-id"]) {
    result.correlationRequestId = headers["x-ms-correlation-request-id"];
  }
  return result;
}

function parseBody(text: string | null | undefined): unknown {
  if (text === undefined || text === null || text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
