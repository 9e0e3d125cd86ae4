// doctor: what this machine can do for nslab, each problem with its fix.
import { dockerEngine } from '../../compare/docker.js';
import { listLabs, loadLab } from '../../lab/index.js';
import { formatSubnet } from '../../net/ipv4.js';
import { run } from '../../run/exec.js';
import { kernelSupports, LINK_KINDS } from '../../run/features.js';
import { listRoutes, overlappingRoutes } from '../../run/inventory.js';
import { bridgeNetfilter, readSysctl } from '../../run/sysctl.js';
import { hasTool, isRoot, packageOf } from '../../run/tools.js';
import { EXIT } from '../exit.js';
import type { Output } from '../output.js';
import { green, red, yellow } from '../style.js';

interface Finding {
  what: string;
  status: 'ok' | 'warn' | 'fail';
  detail: string;
  fix?: string;
}

export async function doctor(out: Output): Promise<number> {
  const findings: Finding[] = [];
  const add = (f: Finding) => findings.push(f);
  const root = isRoot();
  add(
    root
      ? { what: 'root', status: 'ok', detail: 'running as root' }
      : {
          what: 'root',
          status: 'fail',
          detail: 'not root: up, verify, down and status change or read the kernel’s network setup',
          fix: 'run nslab with sudo',
        },
  );

  for (const tool of ['ip', 'bridge', 'ping', 'iptables', 'iptables-save']) {
    add(
      hasTool(tool)
        ? { what: `tool ${tool}`, status: 'ok', detail: 'found' }
        : {
            what: `tool ${tool}`,
            status: 'fail',
            detail: 'missing',
            fix: `apt-get install -y ${packageOf[tool] ?? tool}`,
          },
    );
  }
  add(
    hasTool('fping')
      ? { what: 'tool fping', status: 'ok', detail: 'found: meshes of pings run fast' }
      : {
          what: 'tool fping',
          status: 'warn',
          detail: 'missing: many pings run one process each (slow for a full mesh)',
          fix: 'apt-get install -y fping',
        },
  );
  // Optional: what lets a learner watch packets and NAT at work.
  const watchers = [
    ['tcpdump', 'nslab capture listens on a lab’s links with it'],
    ['nft', 'nslab trace follows a packet with it (nft monitor trace)'],
    [
      'conntrack',
      'shows the connections NAT translated, in a Docker host’s namespace (conntrack -L); nslab trace reads it',
    ],
  ] as const;
  for (const [tool, use] of watchers)
    add(
      hasTool(tool)
        ? { what: `tool ${tool}`, status: 'ok', detail: `found: ${use}` }
        : {
            what: `tool ${tool}`,
            status: 'warn',
            detail: `missing: ${use}`,
            fix: `apt-get install -y ${packageOf[tool]}`,
          },
    );
  // The same question compare asks, with compare's answer.
  const engine = await dockerEngine();
  add(
    'version' in engine
      ? { what: 'docker', status: 'ok', detail: `engine ${engine.version} running` }
      : {
          what: 'docker',
          status: 'warn',
          detail: `${engine.why}: only needed to compare with a real Docker engine`,
          fix: engine.fix,
        },
  );

  if (root && hasTool('ip')) {
    for (const kind of LINK_KINDS) {
      const ok = await kernelSupports(kind);
      add(
        ok
          ? { what: `kernel ${kind}`, status: 'ok', detail: `can create ${kind} links` }
          : {
              what: `kernel ${kind}`,
              status: kind === 'veth' || kind === 'bridge' ? 'fail' : 'warn',
              detail: `cannot create ${kind} links: labs that need them are refused`,
              fix: `modprobe ${kind} (if this kernel has the module)`,
            },
      );
    }
    if (hasTool('iptables')) {
      const ns = `nslab-probe-${process.pid}-nat`;
      await run(['ip', 'netns', 'add', ns]);
      const nat = await run(['ip', 'netns', 'exec', ns, 'iptables', '-t', 'nat', '-S']);
      await run(['ip', 'netns', 'del', ns]);
      add(
        nat.exitCode === 0
          ? { what: 'iptables NAT', status: 'ok', detail: 'the nat table works' }
          : {
              what: 'iptables NAT',
              status: 'fail',
              detail: `the nat table does not work: ${nat.stderr.trim()}`,
              fix: 'install iptables; load nf_nat / nft_nat',
            },
      );
      const forward = await run(['iptables', '-S', 'FORWARD']);
      const drop = /^-P FORWARD DROP$/m.test(forward.stdout);
      const brnf = bridgeNetfilter();
      add(
        drop && brnf
          ? {
              what: 'FORWARD policy',
              status: 'warn',
              detail:
                'DROP, and br_netfilter sends bridged frames through it (Docker does this): ' +
                'a hand-built bridge on the host target silently stops forwarding',
              fix:
                'nothing to do for nslab’s labs: up adds an ACCEPT rule per bridge and down removes it; ' +
                'for your own bridges: iptables -I DOCKER-USER -i BR -o BR -j ACCEPT',
            }
          : {
              what: 'FORWARD policy',
              status: 'ok',
              detail:
                `${drop ? 'DROP' : 'ACCEPT'}${brnf ? ', br_netfilter on' : ', br_netfilter off'}: ` +
                'hand-built bridges forward',
            },
      );
    }
  }
  add({
    what: 'ip_forward',
    status: 'ok',
    detail:
      `net.ipv4.ip_forward=${readSysctl('net/ipv4/ip_forward') ?? '?'} ` +
      '(labs with NAT or published ports set it to 1 and put it back on down)',
  });

  // Subnets of the catalogue already routed here clash on the host target (the sandbox is fine).
  if (hasTool('ip')) {
    const routes = await listRoutes();
    for (const entry of listLabs()) {
      let lab;
      try {
        lab = loadLab(entry.name);
      } catch {
        continue;
      }
      for (const n of lab.networks) {
        const clash = overlappingRoutes(routes, n.subnet)[0];
        if (clash && n.driver !== 'macvlan' && n.driver !== 'ipvlan')
          add({
            what: `subnet ${formatSubnet(n.subnet)}`,
            status: 'warn',
            detail:
              `lab ${entry.name} (network ${n.name}) ` +
              `overlaps the route ${clash.dst} dev ${clash.dev} here`,
            fix: `run ${entry.name} with --sandbox, or free the range`,
          });
      }
    }
  }

  const failed = findings.some((f) => f.status === 'fail');
  out.data({ ok: !failed, findings });
  const mark = { ok: green('ok  '), warn: yellow('warn'), fail: red('FAIL') };
  for (const f of findings) {
    out.line(`${mark[f.status]}  ${f.what}: ${f.detail}`);
    if (f.fix && f.status !== 'ok') out.line(`      fix: ${f.fix}`);
  }
  out.line(
    failed
      ? '\nnslab cannot build labs here until the FAIL lines are fixed.'
      : '\nThis machine can build nslab’s labs (warn lines only limit some of them).',
  );
  return failed ? EXIT.environment : EXIT.ok;
}
