import { SetMetadata } from '@nestjs/common';

/** Metadata key of a route anyone may call (read by identity's global AuthGuard). */
export const PUBLIC_KEY = 'saeil:public';

/**
 * No token needed: login and refresh, /health and /metrics. Every other route is closed until
 * it names the roles it admits (`@Roles` from @saeil/identity). Lives here so platform libs
 * (the ops routes) can open a route without depending on identity.
 */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);
