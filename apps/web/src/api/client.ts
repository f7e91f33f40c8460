import createClient from 'openapi-fetch';
import { createAuthedFetch } from './authed-fetch';
import type { paths } from './schema';
import { session } from './session';

/** The typed API client: paths, parameters and bodies come from the OpenAPI document (schema.d.ts). */
export const api = createClient<paths>({ baseUrl: window.location.origin, fetch: createAuthedFetch({ session }) });
