import type { Request } from 'express';

/** The caller's address as the socket sees it (`trust proxy` is not set: behind a proxy, the proxy's). */
export function sourceAddressOf(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
