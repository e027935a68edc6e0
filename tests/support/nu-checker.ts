import { execFile, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The W3C Nu Html Checker (vnu.jar from the `vnu-jar` package) on a set of files, in one Java
 * run for all of them: the JVM takes a second or two to start, the pages a few milliseconds each.
 * It needs Java 17 or later on PATH (or in JAVA_HOME); without it the check fails and says so,
 * rather than passing unchecked. `vnu-jar` would download a Java itself; this never does.
 */

/** The jar: the package's main export is its path. */
export const VNU_JAR = String(createRequire(import.meta.url)('vnu-jar'));

export interface NuMessage {
  /** "error" and "non-document-error" (a file it could not read) fail a check; "info" is a warning or a note. */
  type: 'error' | 'non-document-error' | 'info';
  subType?: string;
  /** The file checked. */
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export interface NuResult {
  messages: NuMessage[];
  /** The files it says it checked (its --verbose list), to compare with those it was given. */
  checked: string[];
  milliseconds: number;
}

const MIN_JAVA = 17;

/** The java to run, or an error naming what is missing and how to get it. */
export function findJava(): string {
  const java = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
  const found = spawnSync(java, ['-version'], { encoding: 'utf8' });
  const install = `The W3C Nu checker (vnu.jar) needs Java ${MIN_JAVA} or later: install it (Debian: apt-get install default-jre-headless) or point JAVA_HOME at one.`;
  if (found.error) throw new Error(`${install} "${java}" could not be run: ${found.error.message}`);
  const version = /version "(\d+)/.exec(`${found.stderr}${found.stdout}`)?.[1];
  if (!version || Number(version) < MIN_JAVA) throw new Error(`${install} "${java} -version" says: ${`${found.stderr}${found.stdout}`.trim().split('\n')[0]}`);
  return java;
}

/** Checks every file in one run of the checker. Warnings are included as "info" messages. */
export async function nuCheck(files: string[]): Promise<NuResult> {
  const java = findJava();
  const started = Date.now();
  // --stdout: the JSON report on stdout; --verbose then lists each checked file on stderr.
  const { stdout, stderr } = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
    execFile(java, ['-jar', VNU_JAR, '--format', 'json', '--stdout', '--verbose', ...files], { maxBuffer: 256 * 1024 * 1024 }, (error, out, err) => {
      // It exits with 1 when it found errors; anything else without a report is a failure to run.
      if (error && !out.trim().startsWith('{')) reject(new Error(`The Nu checker did not run (${error.message}):\n${err.slice(-2_000)}`));
      else resolve({ stdout: out, stderr: err });
    });
  });
  const report = JSON.parse(stdout) as { messages: { type: NuMessage['type']; subType?: string; url?: string; firstLine?: number; lastLine?: number; firstColumn?: number; message: string }[] };
  return {
    messages: report.messages.map((m) => ({
      type: m.type,
      subType: m.subType,
      file: m.url?.startsWith('file:') ? fileURLToPath(m.url) : (m.url ?? '(no file)'),
      line: m.firstLine ?? m.lastLine,
      column: m.firstColumn,
      message: m.message,
    })),
    checked: stderr.split('\n').map((line) => line.trim()).filter(Boolean).map((file) => path.resolve(file)),
    milliseconds: Date.now() - started,
  };
}

export const isNuError = (m: NuMessage): boolean => m.type === 'error' || m.type === 'non-document-error';

/** "path/relative/to/dir:line:column message", for an assertion message. */
export const formatNuMessage = (dir: string, m: NuMessage): string =>
  `${path.relative(dir, m.file) || m.file}:${m.line ?? '?'}:${m.column ?? '?'} ${m.type === 'info' ? (m.subType ?? 'info') : m.type}: ${m.message}`;
