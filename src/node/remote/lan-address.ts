// The address a phone on the same network reaches this machine at, for the URLs that
// `npm run present -- --remote` prints when it listens on every interface. Only read, never dialled.
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';

/** Private ranges first (a home or venue network), then any other non-internal IPv4. */
const PRIVATE = /^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)/;

/** A non-internal IPv4 address of this machine, or null when it has none (offline: then loopback). */
export function lanAddress(
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]> = networkInterfaces(),
): string | null {
  const candidates = Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((info) => info.family === 'IPv4' && !info.internal && !info.address.startsWith('169.254.'))
    .map((info) => info.address);
  return candidates.find((address) => PRIVATE.test(address)) ?? candidates[0] ?? null;
}

/** The host to put in URLs for a server bound to `host`: a wildcard becomes the LAN address. */
export function publicHost(host: string, lan: () => string | null = lanAddress): string {
  if (host === '0.0.0.0' || host === '::') return lan() ?? '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
