import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { nowMs } from "./clock.js";
import type { Handled, IncomingExchange } from "./handleRequest.js";
import type { RecordedExchange } from "./types.js";

/** Handles a parsed request; the HTTP layer knows nothing of ARM. */
export type ExchangeHandler = (exchange: IncomingExchange) => Handled;

/** Extra headers every answer gets (request ids, rate limits). */
export type HeaderSource = (
  method: string,
  requestHeaders: Record<string, string>,
) => Record<string, string>;

/**
 * A node:http server that reads each request, hands it to the handler, writes the JSON answer
 * and records the exchange.
 */
export function createEmulatorServer(
  endpoint: () => string,
  handle: ExchangeHandler,
  standardHeaders: HeaderSource,
  recorded: RecordedExchange[],
): Server {
  return createServer((request, response) => {
    const startedAtMs = nowMs();
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const bodyText = Buffer.concat(chunks).toString("utf8");
      answer(request, response, bodyText, startedAtMs);
    });
  });

  function answer(
    request: IncomingMessage,
    response: ServerResponse,
    bodyText: string,
    startedAtMs: number,
  ) {
    const url = new URL(request.url ?? "/", endpoint());
    const method = (request.method ?? "GET").toUpperCase();
    const headers = flattenHeaders(request);
    const path = decodePath(url.pathname);
    const handled = handle({
      method,
      path,
      query: url.searchParams,
      headers,
      bodyText,
      nowMs: startedAtMs,
    });
    const record: RecordedExchange = {
      method,
      url: url.toString(),
      path,
      apiVersion: url.searchParams.get("api-version") ?? undefined,
      requestHeaders: redact(headers),
      requestBody: parseRecorded(bodyText),
      status: 0,
      responseHeaders: {},
      startedAtMs,
      finishedAtMs: startedAtMs,
    };

    if (handled.kind === "drop") {
      request.socket.destroy();
      record.finishedAtMs = nowMs();
      recorded.push(record);
      return;
    }

    const { status, body } = handled.response;
    const responseHeaders: Record<string, string> = {
      ...standardHeaders(method, headers),
      ...handled.response.headers,
    };
    const text = body === undefined || method === "HEAD" ? "" : JSON.stringify(body);
    if (text) responseHeaders["Content-Type"] = "application/json; charset=utf-8";
    responseHeaders["Content-Length"] = String(Buffer.byteLength(text));
    response.writeHead(status, responseHeaders);
    response.end(text, () => {
      record.status = status;
      record.responseHeaders = lowerCaseKeys(responseHeaders);
      record.responseBody = body === undefined || method === "HEAD" ? undefined : JSON.parse(text);
      record.finishedAtMs = nowMs();
      recorded.push(record);
    });
  }
}

function flattenHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(request.headers)) {
    if (value !== undefined)
      headers[key.toLowerCase()] = Array.isArray(value) ? value.join(", ") : value;
  }
  return headers;
}

function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname).replace(/\/+$/u, "") || "/";
  } catch {
    return pathname;
  }
}

function redact(headers: Record<string, string>): Record<string, string> {
  return headers.authorization === undefined
    ? { ...headers }
    : { ...headers, authorization: "REDACTED" };
}

function lowerCaseKeys(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
}

function parseRecorded(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
