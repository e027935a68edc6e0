// One `astro build` of site/, in a process that loads Astro before it is needed: the rebuild
// service keeps one spare, so a publish does not wait ~1.5 s for Node to read Astro's modules.
// Plain JavaScript on purpose: it runs under bare `node`, so no TypeScript loader sits between
// Astro/Vite and their own module loading.
//
// Protocol (IPC): sends { ready: true } once Astro is loaded; then takes one message
// { env: Record<string, string> }, applies it to process.env (astro.config.ts reads the output
// folder and CMS address from there), builds, and exits 0 on success or 1 after printing the error.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const siteDir = process.cwd();
const astroEntry = createRequire(path.join(siteDir, 'package.json')).resolve('astro');
const { build } = await import(pathToFileURL(astroEntry).href);

process.once('message', async (message) => {
  Object.assign(process.env, message.env);
  try {
    await build({ root: siteDir });
    process.exit(0);
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  }
});
process.send({ ready: true });
