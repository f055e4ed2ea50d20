/**
 * CPU time from Linux's /proc, for benchmarks that must say where a machine's cores went: a process's
 * own time, its children (a cluster's workers) and the whole machine's busy time; and which process
 * holds a server's connections. /proc counts CPU time in clock ticks (USER_HZ), 100 a second on every Linux architecture Node runs on.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

const TICK_MS = 10;

/** User and system CPU time, in ms, from one line of /proc/<pid>/stat. */
export function cpuMsOfStat(stat: string): number {
  // The command name (field 2) may hold spaces and parentheses; the fields after its last ") " do not.
  const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
}

/** User and system CPU time a process has used, in ms (to 10 ms), all its threads included. */
export const cpuMsOf = (pid: number): number => cpuMsOfStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));

/** User and system CPU time of the children a process has waited for (ended ones), in ms, from its /proc/<pid>/stat line. */
export function endedChildrenCpuMsOfStat(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) * TICK_MS;
}

/**
 * CPU time, in ms, of a process and everything under it: its running descendants and the ended
 * children it has waited for (a PostgreSQL server's backends come and go under its postmaster).
 */
export function treeCpuMsOf(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0; // ended since it was listed; its time is in its parent's ended children from now on
  }
  let children: number[] = [];
  try {
    children = childPidsOf(pid);
  } catch {
    // ended while its threads were read
  }
  return (
    cpuMsOfStat(stat) + endedChildrenCpuMsOfStat(stat) + children.reduce((sum, child) => sum + treeCpuMsOf(child), 0)
  );
}

/** The processes `pid` has started (from any of its threads) and not yet reaped, such as a cluster primary's workers. */
export const childPidsOf = (pid: number): number[] =>
  readdirSync(`/proc/${pid}/task`).flatMap((thread) =>
    readFileSync(`/proc/${pid}/task/${thread}/children`, 'utf8').split(' ').filter(Boolean).map(Number),
  );

/** CPU time every core of the machine has spent busy, and in all, in ms, since boot (/proc/stat). */
export function machineCpuMs(): { busyMs: number; totalMs: number } {
  const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).map(Number);
  // user nice system idle iowait irq softirq steal (guest time is already counted in user).
  const [user, nice, system, idle, iowait, irq, softirq, steal] = ticks;
  const busy = user! + nice! + system! + irq! + softirq! + steal!;
  return { busyMs: busy * TICK_MS, totalMs: (busy + idle! + iowait!) * TICK_MS };
}

/** How many established TCP connections to local `port` the process holds (its accepted sockets). */
export function connectionsOf(pid: number, port: number): number {
  const inodes = new Set<string>();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const socket = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      if (socket) inodes.add(socket[1]!);
    } catch {
      // closed since the directory was read
    }
  }
  const localPort = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const ESTABLISHED = '01';
  let count = 0;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6'])
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      if (fields[1]?.endsWith(localPort) && fields[3] === ESTABLISHED && inodes.has(fields[9]!)) count++;
    }
  return count;
}
