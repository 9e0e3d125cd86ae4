// The Docker side of `compare`: the lab's topology built by a real Docker engine (docker
// network create, docker run with the lab's addresses, ports and modes), its container
// namespaces given names so nslab's inspection and checks reach them, and all of it removed
// again — containers, networks, names and the servers nslab started in them.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Container, Lab } from '../lab/types.js';
import { formatSubnet, parseCidr, type Subnet } from '../net/ipv4.js';
import { commandLine, serverScript } from '../plan/command.js';
import { EnvError, CommandError } from '../run/errors.js';
import { ipJson, mustRun, run, startBackground } from '../run/exec.js';
import { listRoutes, overlappingRoutes, serverProcesses } from '../run/inventory.js';
import { stopProcess } from '../run/teardown.js';
import { hasTool } from '../run/tools.js';
import type { SideLayout } from '../inspect/observe.js';
import { dockerName } from './names.js';
import { t } from '../i18n/index.js';

export { dockerName } from './names.js';

export const IMAGE = 'nslab/busybox:1';
const imageScript = fileURLToPath(new URL('../../scripts/docker.ts', import.meta.url));
/** scripts/docker.ts as a command that can be pasted in any folder (npm finds tsx in the checkout). */
const checkout = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const dockerScript = (verb: string) =>
  `sudo ${commandLine(['npm', '--prefix', checkout, 'run', 'docker', '--', verb])}`;

const label = (lab: string) => `nslab.compare=${lab}`;
const serverMark = (lab: string) => `nslab-compare:${lab}`;

export interface DockerNetwork {
  /** the lab's network it stands for */
  lab: string;
  /** Docker's name for it: bridge (docker0) or nslab-dk-LAB-NET */
  name: string;
  bridge: string;
  subnet: Subnet;
  gateway: string;
  /** created by compare (a user-defined network), not the default bridge */
  created: boolean;
}

export interface DockerSide {
  version: string;
  networks: DockerNetwork[];
  layout: SideLayout;
  /** a lab container address → the address Docker gave that container */
  addresses: Map<string, string>;
}

/** The engine's version, or why there is none, with what to do. */
export async function dockerEngine(): Promise<{ version: string } | { why: string; fix: string }> {
  if (!hasTool('docker'))
    return {
      why: t('the docker command is not installed'),
      fix: t('apt-get install docker.io (then start dockerd)'),
    };
  const r = await run(['docker', 'version', '--format', '{{.Server.Version}}'], { timeoutMs: 20_000 });
  if (r.exitCode !== 0 || !r.stdout.trim())
    return {
      why: t('no Docker engine answers: {error}', {
        error:
          (r.stderr.trim().split('\n').at(-1) ?? '').trim() ||
          t('docker version exited {code}', { code: r.exitCode ?? '?' }),
      }),
      fix: t('start it: sudo systemctl start docker (without systemd: {script})', {
        script: dockerScript('start'),
      }),
    };
  return { version: r.stdout.trim() };
}

/** Builds nslab's image offline (busybox-static, docker import) unless it is there. */
export async function ensureImage(): Promise<void> {
  if ((await run(['docker', 'image', 'inspect', IMAGE])).exitCode === 0) return;
  const r = await run(['node', '--import', 'tsx', imageScript, 'image'], { timeoutMs: 120_000 });
  if (r.exitCode !== 0)
    throw new EnvError(
      `could not build the image ${IMAGE}: ${r.stderr.trim() || r.stdout.trim()}`,
      `sudo apt-get install busybox-static, then: ${dockerScript('image')}`,
    );
}

/** What compare can rebuild with Docker: bridge networks on one host, no service VIPs. */
export function unsupported(lab: Lab): string | null {
  const other = lab.networks.find((n) => n.driver !== 'bridge');
  if (other)
    return (
      `${lab.name}'s network ${other.name} uses the ${other.driver} driver; ` +
      'compare rebuilds bridge networks only'
    );
  if (lab.hosts.length > 1)
    return `${lab.name} spans ${lab.hosts.length} Docker hosts; compare runs one Docker engine`;
  if (lab.services.length > 0)
    return `${lab.name} has service VIPs, which plain Docker has no counterpart for`;
  return null;
}

interface Inspected {
  State: { Pid: number };
  NetworkSettings: { Networks: Record<string, { IPAddress: string; IPPrefixLen: number }> };
}

async function inspectNetwork(name: string): Promise<{
  Id: string;
  IPAM: { Config: { Subnet: string; Gateway?: string }[] };
  Options: Record<string, string>;
}> {
  return JSON.parse((await mustRun(['docker', 'network', 'inspect', name, '--format', '{{json .}}'])).stdout);
}

/**
 * The lab's first plain bridge (no DNS) plays docker0, as on `docker run` without --network;
 * every other bridge becomes a user-defined network with the lab's subnet and gateway.
 */
async function networksFor(lab: Lab): Promise<DockerNetwork[]> {
  const used = lab.networks.filter((n) =>
    lab.containers.some((c) => c.endpoints.some((e) => e.network === n.name)),
  );
  // docker0 can be neither a user network with names nor an internal one
  const primary = used.find((n) => !n.dns && !n.internal);
  const routes = await listRoutes();
  const out: DockerNetwork[] = [];
  for (const n of used) {
    if (n === primary) {
      const net = await inspectNetwork('bridge');
      const cfg = net.IPAM.Config[0];
      const subnet = cfg ? parseCidr(cfg.Subnet) : null;
      if (!cfg || !subnet)
        throw new EnvError('Docker’s default bridge has no IPv4 subnet', 'check dockerd’s --bip setting');
      const bridge = net.Options['com.docker.network.bridge.name'] ?? 'docker0';
      // Docker 20.10 leaves the default bridge's gateway out of IPAM: the bridge's own address is it.
      const own = (
        await ipJson<{ addr_info: { family: string; local: string }[] }>([
          'ip',
          '-j',
          'addr',
          'show',
          'dev',
          bridge,
        ])
      )[0]?.addr_info.find((a) => a.family === 'inet')?.local;
      out.push({
        lab: n.name,
        name: 'bridge',
        bridge,
        subnet,
        gateway: cfg.Gateway || own || subnet.address,
        created: false,
      });
      continue;
    }
    const clash = overlappingRoutes(routes, n.subnet);
    if (clash.length > 0)
      throw new EnvError(
        `${formatSubnet(n.subnet)} (${n.name}) is already routed here ` +
          `(${clash.map((r) => `${r.dst} dev ${r.dev}`).join(', ')}); Docker’s copy of ${n.name} needs it`,
        `if it is this lab on the host target, take it down (sudo nslab down ${lab.name} --host) ` +
          'and compare builds its own copy in a sandbox',
      );
    const name = dockerName(lab.name, n.name);
    await mustRun([
      'docker',
      'network',
      'create',
      '--driver',
      'bridge',
      '--subnet',
      formatSubnet(n.subnet),
      '--gateway',
      n.gateway,
      ...(n.internal ? ['--internal'] : []),
      '--label',
      label(lab.name),
      name,
    ]);
    const net = await inspectNetwork(name);
    out.push({
      lab: n.name,
      name,
      bridge: `br-${net.Id.slice(0, 12)}`,
      subnet: n.subnet,
      gateway: n.gateway,
      created: true,
    });
  }
  return out;
}

function runArgv(lab: Lab, c: Container, nets: DockerNetwork[]): string[] {
  const argv = ['docker', 'run', '-d', '--name', dockerName(lab.name, c.name), '--label', label(lab.name)];
  const net = (name: string) => nets.find((n) => n.lab === name)!;
  switch (c.mode.kind) {
    case 'none':
      argv.push('--network', 'none', '--hostname', c.name);
      break;
    case 'host':
      argv.push('--network', 'host');
      break;
    case 'container':
      argv.push('--network', `container:${dockerName(lab.name, c.mode.of)}`);
      break;
    case 'bridge': {
      const first = c.endpoints[0];
      argv.push('--hostname', c.name);
      if (first)
        argv.push(
          '--network',
          net(first.network).name,
          ...(net(first.network).created ? ['--ip', first.address] : []),
          ...first.aliases.flatMap((a) => ['--network-alias', a]),
        );
      // --link: an /etc/hosts entry naming another container (Docker adds its hostname and name itself).
      for (const entry of c.hosts) {
        const target = lab.containers.find(
          (o) => o !== c && o.endpoints.some((e) => e.address === entry.address),
        );
        if (target)
          argv.push(
            '--link',
            `${dockerName(lab.name, target.name)}:` +
              `${entry.names.find((n) => n !== target.name) ?? target.name}`,
          );
      }
      // Published on the bridge's gateway only: Docker's default (every address) would open the
      // port on this machine's real network.
      for (const p of c.ports)
        argv.push(
          '-p',
          `${net(p.network).gateway}:${p.hostPort}:${p.containerPort}${p.proto === 'udp' ? '/udp' : ''}`,
        );
    }
  }
  return [...argv, IMAGE, 'sleep', '1000000'];
}

/** Builds the lab with Docker. On a failure, what was made so far is removed before the error. */
export async function buildDockerSide(lab: Lab, version: string): Promise<DockerSide> {
  await removeDockerSide(lab); // a copy left by a killed compare would clash with names
  try {
    await ensureImage();
    const networks = await networksFor(lab);
    const addresses = new Map<string, string>();
    const layout: SideLayout = {
      hostNs: null,
      bridges: Object.fromEntries(networks.map((n) => [n.lab, n.bridge])),
      containers: {},
    };
    // In the lab's order, as docker run would be typed: the default bridge hands out addresses in turn.
    for (const c of lab.containers) {
      const name = dockerName(lab.name, c.name);
      await mustRun(runArgv(lab, c, networks), { timeoutMs: 60_000 });
      for (const e of c.endpoints.slice(1)) {
        const n = networks.find((x) => x.lab === e.network)!;
        await mustRun([
          'docker',
          'network',
          'connect',
          ...(n.created ? ['--ip', e.address] : []),
          ...e.aliases.flatMap((a) => ['--alias', a]),
          n.name,
          name,
        ]);
      }
      const info = JSON.parse(
        (await mustRun(['docker', 'inspect', name, '--format', '{{json .}}'])).stdout,
      ) as Inspected;
      for (const e of c.endpoints) {
        const got = info.NetworkSettings.Networks[networks.find((x) => x.lab === e.network)!.name]?.IPAddress;
        if (got) addresses.set(e.address, got);
      }
      const root = `/proc/${info.State.Pid}/root/etc`;
      if (c.mode.kind === 'host') {
        layout.containers[c.name] = {
          netns: null,
          hostsFile: `${root}/hosts`,
          resolvFile: `${root}/resolv.conf`,
        };
        continue;
      }
      await mustRun(['ip', 'netns', 'attach', name, String(info.State.Pid)]);
      // `ip netns exec` mounts these over /etc, so a lookup from nslab's probe sees what the
      // container sees: Docker's hosts file and its resolver (127.0.0.11 on user networks).
      await mkdir(`/etc/netns/${name}`, { recursive: true });
      for (const f of ['hosts', 'resolv.conf'])
        await writeFile(`/etc/netns/${name}/${f}`, await readFile(`${root}/${f}`));
      layout.containers[c.name] = {
        netns: name,
        hostsFile: `${root}/hosts`,
        resolvFile: `${root}/resolv.conf`,
      };
      for (const s of c.serve) {
        const r = await startBackground([
          'ip',
          'netns',
          'exec',
          name,
          'node',
          serverScript,
          s.kind,
          String(s.port),
          c.name,
          serverMark(lab.name),
        ]);
        if (r.exitCode !== 0) throw new CommandError(r);
      }
    }
    return { version, networks, layout, addresses };
  } catch (err) {
    await removeDockerSide(lab);
    if (err instanceof CommandError)
      throw new EnvError(
        `Docker could not build its copy of ${lab.name}: ${err.message}`,
        'everything compare had made with Docker was removed; ' +
          '`nslab doctor` and dockerd’s log may say more',
      );
    throw err;
  }
}

/** Removes everything compare made with Docker for this lab; safe to repeat. Returns what it removed. */
export async function removeDockerSide(lab: Lab | string): Promise<string[]> {
  const labName = typeof lab === 'string' ? lab : lab.name;
  const removed: string[] = [];
  for (const s of serverProcesses().filter((p) => p.args.at(-1) === serverMark(labName))) {
    await stopProcess(s.pid);
    removed.push(`server ${s.args.slice(0, -1).join(' ')}`);
  }
  // The names come from Docker's label (and the lab, when given): never a name pattern.
  const listed = (
    await run(['docker', 'ps', '-a', '--filter', `label=${label(labName)}`, '--format', '{{.ID}} {{.Names}}'])
  ).stdout
    .split('\n')
    .filter(Boolean)
    .map((l) => l.split(' '));
  const names = new Set([
    ...listed.map(([, n]) => n!),
    ...(typeof lab === 'string' ? [] : lab.containers.map((c) => dockerName(labName, c.name))),
  ]);
  if (listed.length > 0) {
    await run(['docker', 'rm', '-f', ...listed.map(([id]) => id!)], { timeoutMs: 60_000 });
    removed.push(`Docker containers ${listed.map(([, n]) => n).join(', ')}`);
  }
  const nets = (await run(['docker', 'network', 'ls', '-q', '--filter', `label=${label(labName)}`])).stdout
    .split('\n')
    .filter(Boolean);
  if (nets.length > 0) {
    await run(['docker', 'network', 'rm', ...nets]);
    removed.push(`${nets.length} Docker networks`);
  }
  const attached = new Set(
    (await run(['ip', 'netns', 'list'])).stdout.split('\n').map((l) => l.split(' ')[0]),
  );
  for (const name of names) {
    if (attached.has(name)) {
      await run(['ip', 'netns', 'del', name]);
      removed.push(`namespace name ${name}`);
    }
    await rm(`/etc/netns/${name}`, { recursive: true, force: true });
  }
  return removed;
}

/** `docker network inspect NAME`: Docker's own document for one of its networks. */
export async function inspectDockerNetwork(name: string): Promise<unknown> {
  const r = await mustRun(['docker', 'network', 'inspect', name]);
  return (JSON.parse(r.stdout) as unknown[])[0] ?? null;
}

/**
 * Does the engine run docker-proxy for published ports? dockerd's `--userland-proxy=false` or
 * daemon.json's "userland-proxy": false turn it off; on is the default. Read from dockerd's
 * command line and its config file, so nothing is started to find out.
 */
export function engineUserlandProxy(): boolean {
  const pid = readdirSync('/proc').find((p) => {
    try {
      return /^\d+$/.test(p) && readFileSync(`/proc/${p}/comm`, 'utf8').trim() === 'dockerd';
    } catch {
      return false;
    }
  });
  const argv = pid ? readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0') : [];
  const flag = argv.find((a) => /^--userland-proxy(=|$)/.test(a));
  if (flag) return !/=(false|0)$/.test(flag);
  const configIndex = argv.findIndex((a) => a.startsWith('--config-file'));
  const config =
    configIndex < 0
      ? '/etc/docker/daemon.json'
      : argv[configIndex]!.includes('=')
        ? argv[configIndex]!.split('=')[1]!
        : argv[configIndex + 1]!;
  try {
    const set = (JSON.parse(readFileSync(config, 'utf8')) as Record<string, unknown>)['userland-proxy'];
    return set !== false;
  } catch {
    return true; // no config file: Docker's default
  }
}
