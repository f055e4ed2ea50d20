// The /proc readings bench:workers reports its figures from: a wrong reading would print a wrong
// share of the machine or say a worker served when it did not.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { childPidsOf, connectionsOf, cpuMsOf, cpuMsOfStat, machineCpuMs, treeCpuMsOf } from './proc.ts';

const server = createServer((_request, response) => response.end('ok'));
afterAll(() => server.close());

describe('/proc readings', () => {
  it('reads user and system time past a command name holding spaces and parentheses', () => {
    const fields = Array.from({ length: 40 }, () => '0');
    fields[11] = '120'; // utime, field 14
    fields[12] = '30'; // stime, field 15
    expect(cpuMsOfStat(`4242 (a (b) c) ${fields.join(' ')}`)).toBe(1500);
  });

  it('sees CPU time this process spends', () => {
    const before = cpuMsOf(process.pid);
    // Spin until Node itself counts 100 ms of CPU, not 100 ms of wall time: on a busy machine the
    // process gets a fraction of the wall clock, and /proc would rightly show less.
    const cpuMs = () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
    const until = cpuMs() + 100;
    while (cpuMs() < until);
    expect(cpuMsOf(process.pid) - before).toBeGreaterThanOrEqual(50);
    const machine = machineCpuMs();
    expect(machine.busyMs).toBeGreaterThan(0);
    expect(machine.busyMs).toBeLessThan(machine.totalMs);
  });

  it("lists a process's children", () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      expect(childPidsOf(process.pid)).toContain(child.pid);
    } finally {
      child.kill();
    }
  });

  it('adds the CPU time of running and ended children to a process tree, as under a PostgreSQL postmaster', async () => {
    // Each child spins until it has used 150 ms of CPU, says so, then idles until stdin closes.
    const spinner = `const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
      const until = cpu() + 150; while (cpu() < until); console.log('spun'); process.stdin.resume();`;
    const spin = async () => {
      const child = spawn(process.execPath, ['-e', spinner], { stdio: ['pipe', 'pipe', 'inherit'] });
      await once(child.stdout, 'data');
      return child;
    };
    const ownBefore = cpuMsOf(process.pid);
    const ended = await spin();
    const exited = once(ended, 'exit');
    ended.stdin.end();
    await exited;
    const running = await spin();
    try {
      const children = treeCpuMsOf(process.pid) - cpuMsOf(process.pid);
      // Node itself counts its start-up in each child's time too: at least the 2 × 150 ms spun.
      expect(children).toBeGreaterThanOrEqual(300);
      expect(cpuMsOf(process.pid)).toBeGreaterThanOrEqual(ownBefore);
    } finally {
      running.kill();
    }
  });

  it('counts the connections a process has accepted on a port, not the ones it opened to it', async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const agent = new Agent({ keepAlive: true, maxSockets: 3 });
    const get = () =>
      new Promise<void>((resolve, reject) =>
        request({ port, host: '127.0.0.1', agent }, (response) => response.resume().on('end', resolve))
          .on('error', reject)
          .end(),
      );
    await Promise.all([get(), get(), get()]);
    expect(connectionsOf(process.pid, port)).toBe(3);
    agent.destroy();
  });
});
