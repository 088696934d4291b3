// CPU and memory of one process from /proc (Linux), sampled while a benchmark runs.
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

function cpuSeconds(pid: number): number {
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

function rssMiB(pid: number): number {
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
}

/** Starts sampling; `stop()` returns the average CPU (% of one core) and the peak resident memory. */
export function watchProcess(pid: number) {
  const startedAt = performance.now();
  const startCpu = cpuSeconds(pid);
  let peakRss = rssMiB(pid);
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, rssMiB(pid));
  }, 500);
  return {
    stop(): { cpuPercent: number; peakRssMiB: number } {
      clearInterval(timer);
      const seconds = (performance.now() - startedAt) / 1000;
      return {
        cpuPercent: Math.round(((cpuSeconds(pid) - startCpu) / seconds) * 100),
        peakRssMiB: Math.round(Math.max(peakRss, rssMiB(pid))),
      };
    },
  };
}

/** CPU seconds of a process and everything under it, by command (postgres backends, the Temporal server...). */
export function treeCpuSeconds(rootPid: number): Map<string, number> {
  const processes = readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((entry) => {
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const command = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        // ppid is the 2nd field after the name; utime, stime, cutime, cstime the 12th to 15th
        // (children's times: a postgres backend that exited is counted by the postmaster).
        const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0);
        return { pid: Number(entry), ppid: Number(fields[1]), command, seconds: ticks / TICKS_PER_SECOND };
      } catch {
        return null; // exited meanwhile
      }
    })
    .filter((p) => p !== null);
  const inTree = new Set([rootPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of processes) {
      if (!inTree.has(p.pid) && inTree.has(p.ppid)) {
        inTree.add(p.pid);
        grew = true;
      }
    }
  }
  const byCommand = new Map<string, number>();
  for (const p of processes.filter((p) => inTree.has(p.pid))) {
    byCommand.set(p.command, (byCommand.get(p.command) ?? 0) + p.seconds);
  }
  return byCommand;
}

/** CPU seconds spent between two readings, by command; commands under 0.5 s are left out. */
export function cpuDifference(before: Map<string, number>, after: Map<string, number>): Map<string, number> {
  return new Map(
    [...after]
      .map(([name, seconds]) => [name, seconds - (before.get(name) ?? 0)] as [string, number])
      .filter(([, seconds]) => seconds >= 0.5),
  );
}

/** "postgres 12.3 s, node 4.5 s": the busiest first. */
export function formatCpu(cpu: Map<string, number>): string {
  return [...cpu]
    .sort((a, b) => b[1] - a[1])
    .map(([name, s]) => `${name} ${s.toFixed(1)} s`)
    .join(', ');
}
