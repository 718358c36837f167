/** IPv4 helpers for address prefixes and private endpoint addresses. */

/** A parsed CIDR prefix such as "10.0.0.0/24". */
export interface Ipv4Prefix {
  network: number;
  bits: number;
}

/** Parses "a.b.c.d/n"; undefined when malformed. */
export function parsePrefix(cidr: string): Ipv4Prefix | undefined {
  const match = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/u.exec(cidr.trim());
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const bits = Number(match[5]);
  if (octets.some((o) => o > 255) || bits > 32) return undefined;
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - bits);
  return { network: address - (address % size), bits };
}

/** Dotted form of a 32-bit address. */
export function formatAddress(address: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256).join(".");
}

/** Whether `inner` lies entirely inside `outer`. */
export function contains(outer: Ipv4Prefix, inner: Ipv4Prefix): boolean {
  if (inner.bits < outer.bits) return false;
  const size = 2 ** (32 - outer.bits);
  return inner.network >= outer.network && inner.network < outer.network + size;
}

/** Whether two prefixes share any address. */
export function overlaps(a: Ipv4Prefix, b: Ipv4Prefix): boolean {
  return contains(a, b) || contains(b, a);
}

/**
 * The next free host address of a subnet. Azure reserves the first four addresses and the last
 * one of every subnet, so the first address handed out in 10.0.0.0/24 is 10.0.0.4.
 */
export function nextFreeAddress(prefix: Ipv4Prefix, used: ReadonlySet<string>): string | undefined {
  const size = 2 ** (32 - prefix.bits);
  for (let offset = 4; offset < size - 1; offset++) {
    const candidate = formatAddress(prefix.network + offset);
    if (!used.has(candidate)) return candidate;
  }
  return undefined;
}
