import { readdirSync, readFileSync } from 'node:fs';

/** Parent pid of every process, from /proc/<pid>/stat (Linux). */
function parents(): Map<number, number> {
  const map = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      map.set(Number(name), ppid);
    } catch {
      // gone meanwhile
    }
  }
  return map;
}

function childrenMap(): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const [pid, ppid] of parents()) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  return children;
}

/** `root` and all its descendants, minus the subtrees of `exclude`. */
export function processTree(root: number, exclude: ReadonlySet<number> = new Set(), children = childrenMap()): number[] {
  const tree: number[] = [];
  const visit = (pid: number) => {
    if (exclude.has(pid)) return;
    tree.push(pid);
    for (const child of children.get(pid) ?? []) visit(child);
  };
  visit(root);
  return tree;
}

/** Resident memory of a process in bytes (VmRSS), 0 when it is gone or has none. */
export function rssOf(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The child processes of `pid` whose command line contains `needle`. */
export function childrenMatching(pid: number, needle: string): number[] {
  return [...parents()]
    .filter(([, ppid]) => ppid === pid)
    .map(([child]) => child)
    .filter((child) => {
      try {
        return readFileSync(`/proc/${child}/cmdline`, 'utf8').includes(needle);
      } catch {
        return false;
      }
    });
}

/** One kind of process in the tree: its highest RSS and how long it was seen. */
export interface ProcessUse {
  peak: number;
  /** From its first to its last sample, in ms since sampling began. */
  firstMs: number;
  lastMs: number;
}

export interface PeakUse {
  /** Highest summed RSS of the tree. */
  tree: number;
  /** Highest summed RSS of the excluded subtrees. */
  excluded: number;
  samples: number;
  /** By `label` (several processes of one kind: the highest sum of them at one moment). */
  byProcess: Map<string, ProcessUse>;
}

export interface PeakSampler {
  /** Stops sampling. */
  stop(): PeakUse;
}

const labels = new Map<number, string>();

/** What a process is: "this process", the Astro build worker, or its command name (pagefind, esbuild…). */
function labelOf(pid: number): string {
  let label = labels.get(pid);
  if (label === undefined) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      label = pid === process.pid ? 'benchmark (buildSite, search index)' : cmdline.includes('astro-build-worker') ? 'astro build' : readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      label = '?';
    }
    labels.set(pid, label);
  }
  return label;
}

/**
 * Samples every `intervalMs` the summed VmRSS of this process and its descendants, leaving out
 * the subtrees of `exclude` (the CMS, which is not part of the build), whose own sum is kept apart.
 * `onProgress` hears the current sum every `progressMs`, for progress lines during long steps.
 */
export function samplePeakRss(exclude: number[] = [], intervalMs = 100, onProgress?: (bytes: number) => void, progressMs = 15_000): PeakSampler {
  const excluded = new Set(exclude);
  const started = performance.now();
  const use: PeakUse = { tree: 0, excluded: 0, samples: 0, byProcess: new Map() };
  let current = 0;
  const sample = () => {
    use.samples += 1;
    const at = performance.now() - started;
    const children = childrenMap();
    const byLabel = new Map<string, number>();
    current = 0;
    for (const pid of processTree(process.pid, excluded, children)) {
      const rss = rssOf(pid);
      current += rss;
      const label = labelOf(pid);
      byLabel.set(label, (byLabel.get(label) ?? 0) + rss);
    }
    for (const [label, rss] of byLabel) {
      if (rss === 0) continue;
      const seen = use.byProcess.get(label) ?? { peak: 0, firstMs: at, lastMs: at };
      seen.peak = Math.max(seen.peak, rss);
      seen.lastMs = at;
      use.byProcess.set(label, seen);
    }
    use.tree = Math.max(use.tree, current);
    use.excluded = Math.max(use.excluded, exclude.flatMap((pid) => processTree(pid, new Set(), children)).reduce((total, pid) => total + rssOf(pid), 0));
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  const progress = onProgress ? setInterval(() => onProgress(current), progressMs) : null;
  return {
    stop() {
      clearInterval(timer);
      if (progress) clearInterval(progress);
      sample();
      return use;
    },
  };
}
