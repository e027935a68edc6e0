import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { CMS_DIR } from './paths.ts';

const require = createRequire(import.meta.url);
const TSC = require.resolve('typescript/bin/tsc');
const STRAPI = path.join(path.dirname(require.resolve('@strapi/strapi/package.json', { paths: [CMS_DIR] })), 'bin', 'strapi.js');

export const ADMIN_BUILD_INDEX = path.join(CMS_DIR, 'dist', 'build', 'index.html');

/** Strapi's own noise stays out of script output unless LOG_LEVEL says otherwise. */
function cmsEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { LOG_LEVEL: 'warn', ...process.env, STRAPI_TELEMETRY_DISABLED: 'true', ...extra };
}

export class CommandError extends Error {
  constructor(readonly command: string, readonly exitCode: number | null, readonly output: string) {
    super(`${command} failed (exit code ${exitCode})${output ? `:\n${output.trim()}` : ''}`);
    this.name = 'CommandError';
  }
}

/**
 * Runs a command to completion; output is shown live, or captured when `capture` is set (stdout
 * is returned; stderr is kept for the error message).
 */
export function run(command: string, args: string[], options: SpawnOptions & { capture?: boolean } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: options.capture ? ['ignore', 'pipe', 'pipe'] : 'inherit', ...options });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      const label = [path.basename(command), ...args.map((a) => path.basename(a))].join(' ');
      if (code === 0) resolve(stdout);
      else reject(new CommandError(label, code, stderr || stdout));
    });
  });
}

/** Compiles cms/ (server code and scripts) to cms/dist with TypeScript; incremental. */
export function compileCms(): Promise<string> {
  return run(process.execPath, [TSC, '-p', path.join(CMS_DIR, 'tsconfig.json')], { cwd: CMS_DIR });
}

const ADMIN_BUILD_STAMP = path.join(CMS_DIR, 'dist', 'build', '.inputs-hash');

/**
 * What the admin UI bundle is made from: our admin customisations, the CMS's dependencies and the
 * installed Strapi admin. A change to any of them makes the bundle stale.
 */
function adminInputsHash(): string {
  const hash = createHash('sha256');
  const adminDir = path.join(CMS_DIR, 'src', 'admin');
  for (const file of readdirSync(adminDir, { recursive: true, withFileTypes: true })) {
    if (file.isFile()) hash.update(file.name).update(readFileSync(path.join(file.parentPath, file.name)));
  }
  hash.update(readFileSync(path.join(CMS_DIR, 'package.json')));
  for (const name of ['@strapi/strapi', '@strapi/admin']) {
    hash.update(readFileSync(require.resolve(`${name}/package.json`, { paths: [CMS_DIR] })));
  }
  return hash.digest('hex');
}

/** True when the admin UI was built from the current inputs. */
export const adminBuildIsCurrent = (): boolean =>
  existsSync(ADMIN_BUILD_INDEX) && existsSync(ADMIN_BUILD_STAMP) && readFileSync(ADMIN_BUILD_STAMP, 'utf8') === adminInputsHash();

/** Builds the admin panel UI (about a minute) and stamps it with the inputs it was built from. */
export async function buildAdmin(): Promise<string> {
  const output = await run(process.execPath, [STRAPI, 'build'], { cwd: CMS_DIR, env: cmsEnv({ NODE_ENV: 'production' }) });
  writeFileSync(ADMIN_BUILD_STAMP, adminInputsHash());
  return output;
}

/** Runs a compiled script from cms/scripts (seed, create-api-token) under plain node. */
export function runCmsScript(name: string, args: string[] = [], options: { env?: NodeJS.ProcessEnv; capture?: boolean } = {}): Promise<string> {
  const script = path.join(CMS_DIR, 'dist', 'scripts', `${name}.js`);
  return run(process.execPath, [script, ...args], { cwd: CMS_DIR, env: cmsEnv({ LOG_TO_STDERR: 'true', ...options.env }), capture: options.capture });
}

/** Starts `strapi start`; the caller owns the process and must stop it. */
export function startStrapi(options: { env?: NodeJS.ProcessEnv; stdio?: SpawnOptions['stdio'] } = {}): ChildProcess {
  const env = cmsEnv({ LOG_LEVEL: process.env.LOG_LEVEL ?? 'info', ...options.env });
  ensureUploadsDir(env.PUBLIC_DIR);
  return spawn(process.execPath, [STRAPI, 'start'], { cwd: CMS_DIR, env, stdio: options.stdio ?? 'inherit' });
}

/** Strapi's local upload provider refuses to start writing into a folder that does not exist. */
export function ensureUploadsDir(publicDir = './public'): void {
  mkdirSync(path.resolve(CMS_DIR, publicDir, 'uploads'), { recursive: true });
}

/** Polls Strapi's health endpoint until it answers, the process dies, or time runs out. */
export async function waitForStrapi(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Strapi exited with code ${child.exitCode} before it was ready.`);
    try {
      const response = await fetch(`${url}/_health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Strapi did not answer at ${url}/_health within ${timeoutMs / 1000} s.`);
}

/** Resolves when `port` can be bound on `host`; otherwise rejects with a message saying what to do. */
export function assertPortFree(port: number, host: string, variable: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(new Error(error.code === 'EADDRINUSE'
        ? `Port ${port} on ${host} is already in use (another Strapi still running?). Stop that process or choose another port: ${variable}=<port>.`
        : `Cannot use port ${port} on ${host}: ${error.message}`));
    });
    server.listen(port, host, () => server.close(() => resolve()));
  });
}

/** A port the OS reports free on 127.0.0.1, for tests. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Stops a child process: SIGTERM, then SIGKILL if it is still there after `graceMs`. */
export async function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
