/** Time a command and read its peak memory (VmHWM from /proc, polled while it runs). */

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

export interface Measurement {
  seconds: number;
  peakMB: number | null;
  code: number | null;
  stdoutBytes: number;
}

function peakKB(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Run a command once; stdout is counted and thrown away. */
export function measure(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Measurement> {
  return new Promise((resolvePromise, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(cmd, args as string[], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
    let bytes = 0;
    let peak: number | null = null;
    child.stdout.on('data', (b: Buffer) => (bytes += b.length));
    const timer = setInterval(() => {
      const p = child.pid ? peakKB(child.pid) : null;
      if (p !== null) peak = Math.max(peak ?? 0, p);
    }, 20);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      resolvePromise({ seconds, peakMB: peak === null ? null : peak / 1024, code, stdoutBytes: bytes });
    });
  });
}

/** The best of n runs (least disturbed by the rest of the machine). */
export async function best(n: number, cmd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Measurement> {
  const all: Measurement[] = [];
  for (let i = 0; i < n; i++) {
    const m = await measure(cmd, args, env);
    if (m.code !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${m.code}`);
    all.push(m);
  }
  const fastest = all.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  return { ...fastest, peakMB: Math.max(...all.map((m) => m.peakMB ?? 0)) };
}
