import type { APIRoute } from 'astro';
import { buildIndex } from '../lib/incremental';

/**
 * What this build was made from, for the next fast build (see lib/incremental.ts). The build
 * script moves it out of the site, so it is never published.
 */
export const GET: APIRoute = async () => new Response(JSON.stringify(await buildIndex()), { headers: { 'Content-Type': 'application/json' } });
