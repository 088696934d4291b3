// CPU and memory of one process from /proc (Linux), sampled while a benchmark runs.
import { readFileSync } from 'node:fs';

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
