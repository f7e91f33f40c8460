import type { Request, Response } from 'express';

/**
 * The browser's refresh token: an httpOnly, SameSite=Strict cookie scoped to /auth, so the web
 * app's script never holds it (an injected script cannot carry it away) and no other site's page
 * can make the browser send it. The access token stays in the app's memory only.
 */
export const REFRESH_COOKIE = 'saeil_refresh';
const COOKIE_PATH = '/auth';

export function refreshCookieOf(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === REFRESH_COOKIE) {
      const value = part.slice(at + 1).trim();
      return value.length > 0 && value.length <= 256 ? value : undefined;
    }
  }
  return undefined;
}

export function setRefreshCookie(req: Request, res: Response, token: string, maxAgeSeconds: number): void {
  res.cookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: 'strict',
    secure: req.secure,
    path: COOKIE_PATH,
    maxAge: maxAgeSeconds * 1000,
  });
}

export function clearRefreshCookie(req: Request, res: Response): void {
  res.clearCookie(REFRESH_COOKIE, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: COOKIE_PATH });
}
