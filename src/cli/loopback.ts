/**
 * Whether a URL points at this machine: `localhost`, `127.0.0.0/8` or `::1`. Such an endpoint is
 * taken to be the local emulator (see `--credential`).
 *
 * @param url - An endpoint URL; text that is not a URL is not loopback.
 * @returns `true` for a loopback host.
 */
export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return false;
  }
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  if (host === "[::1]" || host === "::1") return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
