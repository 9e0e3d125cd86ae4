// Test helpers that look at the real machine and run the real CLI.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import type { Test } from 'tap';
import { runLean } from '../../src/run/exec.js';

export const cli = fileURLToPath(new URL('../../src/cli/nslab.js', import.meta.url));
export const fixtureLab = (name: string) =>
  fileURLToPath(new URL(`../fixtures/labs/${name}.yaml`, import.meta.url));

export interface Run {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs the nslab CLI as a user would; never throws on a non-zero exit. */
export async function nslab(args: string[], env: Record<string, string> = {}): Promise<Run> {
  const r = await execa('node', [cli, ...args], {
    reject: false,
    env: { NO_COLOR: '1', ...env },
    stdin: 'ignore',
  });
  return { exitCode: r.exitCode ?? -1, stdout: String(r.stdout), stderr: String(r.stderr) };
}

export const isRoot = process.getuid?.() === 0;
export const needsRoot = isRoot
  ? false
  : 'needs root: integration tests create real namespaces (run the suite as root)';

/** A sandbox name no other test file (or earlier run) uses. */
let counter = 0;
export const sandboxName = (tag: string) => `t${process.pid.toString(36)}${(counter++).toString(36)}-${tag}`;

const sh = async (argv: string[]) => String((await execa(argv[0]!, argv.slice(1))).stdout);

/**
 * Docker's own devices (docker0, br-<id>, the vethXXXXXXX plugged into them): the compare test
 * runs containers on them while other tests run, so their coming and going is Docker's, not a leak.
 */
const DOCKER_DEVICE = /^(docker0|br-[0-9a-f]{12}|veth[0-9a-f]{7})$/;
const notDockers = (l: { ifname?: string; dev?: string; master?: string }) =>
  !DOCKER_DEVICE.test(l.ifname ?? l.dev ?? '') && !DOCKER_DEVICE.test(l.master ?? '');

/** A rule Docker adds for a container: in its chains, on its bridges, or its hairpin for a published port. */
const dockersRule = (line: string) =>
  /DOCKER|docker0|br-[0-9a-f]{12}/.test(line) ||
  /^-A POSTROUTING -s (\S+)\/32 -d \1\/32 .*-j MASQUERADE$/.test(line);

/** The machine's own namespace as the kernel reports it: what no sandbox test may change. */
export async function rootSnapshot() {
  const links = (
    JSON.parse(await sh(['ip', '-j', 'link'])) as {
      ifname: string;
      ifalias?: string;
      flags: string[];
      master?: string;
    }[]
  ).filter(notDockers);
  const addrs = (
    JSON.parse(await sh(['ip', '-j', 'addr'])) as {
      ifname: string;
      addr_info: { local: string; prefixlen: number }[];
    }[]
  ).filter(notDockers);
  return {
    links: links.map((l) => `${l.ifname} ${l.flags.join(',')} ${l.master ?? ''} ${l.ifalias ?? ''}`).sort(),
    addrs: addrs.flatMap((a) => a.addr_info.map((i) => `${a.ifname} ${i.local}/${i.prefixlen}`)).sort(),
    routes: (
      JSON.parse(await sh(['ip', '-j', 'route', 'show', 'table', 'all'])) as { dev?: string }[]
    ).filter(notDockers),
    // Chain counters move with traffic; Docker's own rules come and go with compare's containers.
    iptables: (await sh(['iptables-save']))
      .split('\n')
      .filter((l) => !l.startsWith('#') && !dockersRule(l))
      .map((l) => l.replace(/ \[\d+:\d+\]$/, '')),
    ipForward: readFileSync('/proc/sys/net/ipv4/ip_forward', 'utf8').trim(),
  };
}

/** Namespaces whose name starts with the sandbox's prefix: after down there must be none. */
export async function namespacesOf(sandbox: string): Promise<string[]> {
  const list = JSON.parse((await sh(['ip', '-j', 'netns', 'list'])) || '[]') as { name: string }[];
  return list.map((n) => n.name).filter((n) => n.startsWith(`${sandbox}-`));
}

/**
 * A namespace of the test's plays "the machine" for the host target (nslab runs in it under
 * nsenter --net, with a state directory of its own), so no failure here can touch this one's.
 */
export async function standIn(t: Test) {
  const ns = sandboxName('machine');
  const stateDir = mkdtempSync(join(tmpdir(), 'nslab-standin-'));
  await execa('ip', ['netns', 'add', ns]);
  await execa('ip', ['-n', ns, 'link', 'set', 'lo', 'up']);
  // A machine has a NIC and a default route (a VIP is routed before OUTPUT's DNAT): here a veth
  // whose other end, in the same namespace, answers nothing, so no packet ever leaves it.
  await execa('ip', ['-n', ns, 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'eth0-peer']);
  await execa('ip', ['-n', ns, 'addr', 'add', '198.18.7.2/24', 'dev', 'eth0']);
  for (const dev of ['eth0', 'eth0-peer']) await execa('ip', ['-n', ns, 'link', 'set', dev, 'up']);
  await execa('ip', ['-n', ns, 'route', 'add', 'default', 'via', '198.18.7.1']);
  const inside = (argv: string[], env: Record<string, string> = {}) =>
    execa('nsenter', [`--net=/run/netns/${ns}`, ...argv], {
      reject: false,
      env: { NO_COLOR: '1', NSLAB_STATE_DIR: stateDir, ...env },
    });
  t.teardown(async () => {
    await execa('ip', ['netns', 'del', ns], { reject: false });
    rmSync(stateDir, { recursive: true, force: true });
  });
  const snapshot = async () => ({
    links: String((await inside(['ip', '-br', 'link'])).stdout),
    // IPv4: the labs are IPv4, and the veths' IPv6 link-local addresses arrive on their own time.
    addrs: String((await inside(['ip', '-4', '-br', 'addr'])).stdout),
    routes: String((await inside(['ip', '-4', 'route', 'show', 'table', 'all'])).stdout),
    ipForward: String((await inside(['sysctl', '-n', 'net.ipv4.ip_forward'])).stdout),
    // Rules and policies; a table once used stays listed (empty) by iptables-nft.
    iptables: String((await inside(['iptables-save'])).stdout)
      .split('\n')
      .map((l) => l.replace(/ \[\d+:\d+\]$/, ''))
      .filter((l) => l.startsWith('-A ') || (l.startsWith(':') && !l.endsWith(' ACCEPT'))),
  });
  return { inside, snapshot, stateDir };
}

/**
 * One test at a time, across test files, for catalogue labs on the host target: whatever
 * stand-in machine they run in, they share the kernel's global names (namespaces c1, web,
 * outside; /etc/netns; the servers' marks), as two VMs never would. Held until the test ends.
 */
export async function hostTargetTurn(t: Test): Promise<void> {
  const fd = openSync('/tmp/nslab-test-host-target.lock', 'a');
  await runLean(['flock', '3'], undefined, fd);
  t.teardown(() => closeSync(fd));
}

/**
 * One test file at a time for the files that create Docker containers and networks (compare's
 * Docker side, under fixed names per lab) or assert that Docker was left as it was: two such
 * files running at once would see, or remove, each other's containers and rules. Held until the
 * test process exits (the kernel drops the lock with the process).
 */
export async function holdDockerTurn(): Promise<void> {
  const fd = openSync('/tmp/nslab-test-docker.lock', 'a');
  await runLean(['flock', '3'], undefined, fd);
}
