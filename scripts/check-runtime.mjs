// Runs after every `npm install` / `npm ci` (the root postinstall) and fails the install with a
// plain message when the project could not run: npm scripts must get Node >= 22.12 (the `node`
// package puts Node 24 into node_modules/.bin for machines that ship an older one), and the native
// modules must load in that Node. better-sqlite3 13 on Node 20 does not throw, it segfaults — so
// each module is loaded in a child process and a crash is reported instead of suffered later.
// Plain JavaScript: it must run before anything (tsx included) is known to work.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MINIMUM = [22, 12];

/** Each native module with the workspace that loads it and a line of JS that really uses it. */
const NATIVE = [
  { name: 'better-sqlite3', workspace: 'cms', probe: "new (require('better-sqlite3'))(':memory:').prepare('select 1 as x').get()" },
  { name: 'sharp', workspace: 'cms', probe: "require('sharp')({ create: { width: 1, height: 1, channels: 3, background: '#fff' } }).png().toBuffer()" },
];

function fail(lines) {
  console.error(['', '✖ Instalacja nie może działać / the install cannot run:', ...lines.map((line) => `  ${line}`), ''].join('\n'));
  process.exit(1);
}

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < MINIMUM[0] || (major === MINIMUM[0] && minor < MINIMUM[1])) {
  fail([
    `npm scripts run on Node ${process.version} (${process.execPath}); this project needs Node >= ${MINIMUM.join('.')}, 24 LTS recommended.`,
    'The "node" dev dependency normally provides Node 24 in node_modules/.bin; it is missing or did not install.',
    'Run `npm ci` again, or install Node 24 and run `npm ci` with it.',
  ]);
}

/** Where the headers of the running Node are, for building a native module against it. */
function nodeHeaders() {
  const prefix = path.resolve(path.dirname(realpathSync(process.execPath)), '..');
  const candidates = [prefix, ...(existsSync(path.join(prefix, 'node_modules')) ? readdirSync(path.join(prefix, 'node_modules')).map((name) => path.join(prefix, 'node_modules', name)) : [])];
  return candidates.find((dir) => existsSync(path.join(dir, 'include', 'node', 'node_version.h')));
}

function loads({ workspace, probe }) {
  const result = spawnSync(process.execPath, ['-e', `Promise.resolve(${probe}).then(() => process.exit(0), (e) => { console.error(e.message); process.exit(1); })`], {
    cwd: path.join(ROOT, workspace),
    encoding: 'utf8',
  });
  if (result.status === 0) return { ok: true };
  return { ok: false, why: result.signal ? `the process crashed (${result.signal})` : result.stderr.trim().split('\n').slice(-3).join(' ') };
}

for (const module of NATIVE) {
  let result = loads(module);
  if (!result.ok) {
    // A binary built for another Node: build it again for this one, once, then look again.
    const headers = nodeHeaders();
    console.log(`${module.name} does not load on Node ${process.version} (${result.why}); rebuilding it${headers ? ` against ${headers}` : ''}…`);
    spawnSync('npm', ['rebuild', module.name, '--build-from-source', ...(headers ? [`--nodedir=${headers}`] : [])], { cwd: ROOT, stdio: 'inherit' });
    result = loads(module);
  }
  if (!result.ok) {
    fail([
      `${module.name} does not load on Node ${process.version}: ${result.why}.`,
      `It is a native module and must be built for the Node that runs it (${process.execPath}).`,
      'Delete node_modules and run `npm ci` again; if that fails, install the build tools (python3, make, g++).',
      // npm 12 runs no install script that package.json's allowScripts denies, and may skip the rebuild above for the same reason.
      `With npm 12, a build from source also needs "${module.name}": true in allowScripts of package.json (left out or denied there because its prebuilt binary normally loads).`,
    ]);
  }
}

console.log(`Środowisko: Node ${process.version}; ${NATIVE.map((module) => module.name).join(' i ')} działają.`);
