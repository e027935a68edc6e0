import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommandError } from './cms.ts';
import { SITE_DIR } from './paths.ts';

const WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), 'astro-build-worker.mjs');

/** Thrown by a build stopped through its AbortSignal. */
export class BuildCancelledError extends Error {
  constructor() {
    super('The build was cancelled.');
    this.name = 'BuildCancelledError';
  }
}

export interface AstroRunner {
  /**
   * Runs one `astro build` of site/ with `env` on top of this process's environment; resolves to
   * its output. Aborting `signal` stops the build (BuildCancelledError).
   */
  build(env: NodeJS.ProcessEnv, options?: { capture?: boolean; signal?: AbortSignal }): Promise<string>;
  /** Stops the spare worker, if any. */
  close(): void;
}

interface Worker {
  child: ChildProcess;
  ready: Promise<void>;
  output: { stdout: string; stderr: string; echo: boolean };
}

function startWorker(): Worker {
  // execArgv: [] keeps tsx's loader (inherited by default) out of Astro's process.
  const child = fork(WORKER, [], { cwd: SITE_DIR, execArgv: [], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  const output = { stdout: '', stderr: '', echo: false };
  child.stdout!.on('data', (chunk: Buffer) => {
    output.stdout += chunk;
    if (output.echo) process.stdout.write(chunk);
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    output.stderr += chunk;
    if (output.echo) process.stderr.write(chunk);
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('error', reject);
    child.once('exit', (code) => reject(new CommandError('astro build (worker start)', code, output.stderr || output.stdout)));
  });
  // A spare that dies unused is replaced when needed; this only keeps its rejection from being unhandled.
  ready.catch(() => {});
  return { child, ready, output };
}

/**
 * Runs Astro builds in child processes, one process per build (a failed or leaking build cannot
 * affect the next one). With `keepWarm`, a spare worker is started after each build so the next one
 * starts with Astro already loaded.
 */
export function createAstroRunner({ keepWarm = false }: { keepWarm?: boolean } = {}): AstroRunner {
  let spare: Worker | null = keepWarm ? startWorker() : null;
  let closed = false;

  return {
    async build(env, { capture = false, signal } = {}) {
      if (signal?.aborted) throw new BuildCancelledError();
      // A spare that died while waiting (killed, out of memory) is replaced, not used.
      const worker = spare && spare.child.exitCode === null && spare.child.signalCode === null ? spare : startWorker();
      if (spare && spare !== worker) spare.child.kill();
      spare = null;
      const stop = () => worker.child.kill();
      signal?.addEventListener('abort', stop, { once: true });
      try {
        worker.output.echo = !capture;
        if (!capture) process.stdout.write(worker.output.stdout);
        await worker.ready;
        const exitCode = await new Promise<number | null>((resolve, reject) => {
          worker.child.once('exit', (code) => resolve(code));
          worker.child.once('error', reject);
          worker.child.send({ env: { ...env } });
        });
        if (exitCode !== 0) throw new CommandError('astro build', exitCode, worker.output.stderr || worker.output.stdout);
        return worker.output.stdout;
      } catch (error) {
        // Stopped on purpose, possibly while the worker was still starting: not a failure.
        if (signal?.aborted) throw new BuildCancelledError();
        throw error;
      } finally {
        signal?.removeEventListener('abort', stop);
        if (keepWarm && !closed) spare = startWorker();
      }
    },
    close() {
      closed = true;
      spare?.child.kill();
      spare = null;
    },
  };
}
