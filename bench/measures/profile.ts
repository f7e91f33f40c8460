import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface ProfileSummary {
  file: string;
  sampledMs: number;
  /** Self time by function. */
  topFrames: { frame: string; selfPercent: number }[];
  /** Self time by where the code lives: a package in node_modules, a lib of Saeil, node internals. */
  byArea: { area: string; selfPercent: number }[];
}

/**
 * Summarises the newest .cpuprofile in `dir` (written by `node --cpu-prof` at exit), counting only
 * the samples of the last `windowMs` (the load and the shutdown after it), so the start-up —
 * compiling the TypeScript sources, loading modules — does not drown the command path.
 */
export function summariseProfile(dir: string, windowMs: number, top = 15): ProfileSummary {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .sort();
  if (files.length === 0) throw new Error(`no .cpuprofile in ${dir}`);
  const file = path.join(dir, files[files.length - 1]);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as {
    nodes: ProfileNode[];
    startTime: number;
    endTime: number;
    samples: number[];
    timeDeltas: number[];
  };
  const hitsInWindow = new Map<number, number>();
  const from = profile.endTime - windowMs * 1000;
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    if (t >= from) hitsInWindow.set(id, (hitsInWindow.get(id) ?? 0) + 1);
  });
  const total = [...hitsInWindow.values()].reduce((a, b) => a + b, 0);
  const byFrame = new Map<string, number>();
  const byArea = new Map<string, number>();
  for (const node of profile.nodes) {
    const hits = hitsInWindow.get(node.id) ?? 0;
    if (hits === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${shorten(url)}:${lineNumber + 1}` : '';
    const frame = `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
    byFrame.set(frame, (byFrame.get(frame) ?? 0) + hits);
    const area = areaOf(url, functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + hits);
  }
  const pct = (hits: number) => Math.round((hits / total) * 1000) / 10;
  return {
    file,
    sampledMs: Math.min(windowMs, Math.round((profile.endTime - profile.startTime) / 1000)),
    topFrames: [...byFrame.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([frame, hits]) => ({ frame, selfPercent: pct(hits) })),
    byArea: [...byArea.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([area, hits]) => ({ area, selfPercent: pct(hits) })),
  };
}

function shorten(url: string): string {
  const clean = url.replace(/^file:\/\//, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) return clean.slice(nm + 'node_modules/'.length);
  const root = clean.indexOf('/libs/') >= 0 ? clean.indexOf('/libs/') : clean.indexOf('/apps/');
  return root >= 0 ? clean.slice(root + 1) : clean;
}

function areaOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native / V8)';
  const clean = url.replace(/^file:\/\//, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = clean.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const lib = /\/(libs|apps)\/([^/]+)\//.exec(clean);
  if (lib) return `${lib[1]}/${lib[2]}`;
  if (clean.startsWith('node:') || !clean.startsWith('/')) return 'node internals';
  return clean;
}
