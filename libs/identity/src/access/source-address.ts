import type { Request } from 'express';

/** The caller's address: the socket's, or the client's as the proxies named in TRUST_PROXY forwarded it. */
export function sourceAddressOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
