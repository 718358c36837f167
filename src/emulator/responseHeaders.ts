import { newGuid } from "./guid.js";

/**
 * ARM's per-answer headers: request and correlation ids, the echoed client request id, and the
 * remaining read/write/delete budget of the subscription, which counts down from ARM's hourly
 * limits (12000 reads, 1200 writes, 15000 deletes).
 */
export class ResponseHeaders {
  #remaining = { reads: 12000, writes: 1200, deletes: 15000 };

  for(method: string, requestHeaders: Readonly<Record<string, string>>): Record<string, string> {
    const requestId = newGuid();
    const headers: Record<string, string> = {
      "Cache-Control": "no-cache",
      Pragma: "no-cache",
      Expires: "-1",
      "x-ms-request-id": requestId,
      "x-ms-correlation-request-id": requestHeaders["x-ms-correlation-request-id"] ?? requestId,
      "x-ms-routing-request-id": `EMULATOR:${new Date().toISOString().replace(/[-:]|\.\d+/gu, "")}:${requestId}`,
    };
    const clientRequestId = requestHeaders["x-ms-client-request-id"];
    if (clientRequestId) headers["x-ms-client-request-id"] = clientRequestId;

    const budget =
      method === "DELETE" ? "deletes" : method === "GET" || method === "HEAD" ? "reads" : "writes";
    this.#remaining[budget] = Math.max(0, this.#remaining[budget] - 1);
    headers[`x-ms-ratelimit-remaining-subscription-${budget}`] = String(this.#remaining[budget]);
    return headers;
  }
}
