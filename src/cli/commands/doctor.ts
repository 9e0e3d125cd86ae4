// doctor: what this machine can do for nslab, each problem with its fix.
import { dockerEngine } from '../../compare/docker.js';
import { listLabs, loadLab } from '../../lab/index.js';
import { formatSubnet } from '../../net/ipv4.js';
import { run } from '../../run/exec.js';
import { kernelSupports, LINK_KINDS } from '../../run/features.js';
import { listRoutes, overlappingRoutes } from '../../run/inventory.js';
import { bridgeNetfilter, readSysctl } from '../../run/sysctl.js';
import { hasTool, isRoot, packageOf } from '../../run/tools.js';
import { t } from '../../i18n/index.js';
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
      ? { what: 'root', status: 'ok', detail: t('running as root') }
      : {
          what: 'root',
          status: 'fail',
          detail: t('not root: up, verify, down and status change or read the kernel’s network setup'),
          fix: t('run nslab with sudo'),
        },
  );

  for (const tool of ['ip', 'bridge', 'ping', 'iptables', 'iptables-save']) {
    add(
      hasTool(tool)
        ? { what: t('tool {tool}', { tool }), status: 'ok', detail: t('found') }
        : {
            what: t('tool {tool}', { tool }),
            status: 'fail',
            detail: t('missing'),
            fix: `apt-get install -y ${packageOf[tool] ?? tool}`,
          },
    );
  }
  add(
    hasTool('fping')
      ? {
          what: t('tool {tool}', { tool: 'fping' }),
          status: 'ok',
          detail: t('found: meshes of pings run fast'),
        }
      : {
          what: t('tool {tool}', { tool: 'fping' }),
          status: 'warn',
          detail: t('missing: many pings run one process each (slow for a full mesh)'),
          fix: 'apt-get install -y fping',
        },
  );
  // Optional: what lets a learner watch packets and NAT at work.
  const watchers = [
    ['tcpdump', t('nslab capture listens on a lab’s links with it')],
    ['nft', t('nslab trace follows a packet with it (nft monitor trace)')],
    [
      'conntrack',
      t(
        'shows the connections NAT translated, in a Docker host’s namespace (conntrack -L); nslab trace reads it',
      ),
    ],
  ] as const;
  for (const [tool, use] of watchers)
    add(
      hasTool(tool)
        ? { what: t('tool {tool}', { tool }), status: 'ok', detail: t('found: {use}', { use }) }
        : {
            what: t('tool {tool}', { tool }),
            status: 'warn',
            detail: t('missing: {use}', { use }),
            fix: `apt-get install -y ${packageOf[tool]}`,
          },
    );
  // The same question compare asks, with compare's answer.
  const engine = await dockerEngine();
  add(
    'version' in engine
      ? { what: 'docker', status: 'ok', detail: t('engine {version} running', { version: engine.version }) }
      : {
          what: 'docker',
          status: 'warn',
          detail: t('{why}: only needed to compare with a real Docker engine', { why: engine.why }),
          fix: engine.fix,
        },
  );

  if (root && hasTool('ip')) {
    for (const kind of LINK_KINDS) {
      const ok = await kernelSupports(kind);
      add(
        ok
          ? {
              what: t('kernel {kind}', { kind }),
              status: 'ok',
              detail: t('can create {kind} links', { kind }),
            }
          : {
              what: t('kernel {kind}', { kind }),
              status: kind === 'veth' || kind === 'bridge' ? 'fail' : 'warn',
              detail: t('cannot create {kind} links: labs that need them are refused', { kind }),
              fix: t('modprobe {kind} (if this kernel has the module)', { kind }),
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
          ? { what: 'iptables NAT', status: 'ok', detail: t('the nat table works') }
          : {
              what: 'iptables NAT',
              status: 'fail',
              detail: t('the nat table does not work: {error}', { error: nat.stderr.trim() }),
              fix: t('install iptables; load nf_nat / nft_nat'),
            },
      );
      const forward = await run(['iptables', '-S', 'FORWARD']);
      const drop = /^-P FORWARD DROP$/m.test(forward.stdout);
      const brnf = bridgeNetfilter();
      add(
        drop && brnf
          ? {
              what: t('FORWARD policy'),
              status: 'warn',
              detail: t(
                'DROP, and br_netfilter sends bridged frames through it (Docker does this): a hand-built bridge on the host target silently stops forwarding',
              ),
              fix: t(
                'nothing to do for nslab’s labs: up adds an ACCEPT rule per bridge and down removes it; for your own bridges: iptables -I DOCKER-USER -i BR -o BR -j ACCEPT',
              ),
            }
          : {
              what: t('FORWARD policy'),
              status: 'ok',
              detail: brnf
                ? t('{policy}, br_netfilter on: hand-built bridges forward', {
                    policy: drop ? 'DROP' : 'ACCEPT',
                  })
                : t('{policy}, br_netfilter off: hand-built bridges forward', {
                    policy: drop ? 'DROP' : 'ACCEPT',
                  }),
            },
      );
    }
  }
  add({
    what: 'ip_forward',
    status: 'ok',
    detail: t(
      'net.ipv4.ip_forward={value} (labs with NAT or published ports set it to 1 and put it back on down)',
      {
        value: readSysctl('net/ipv4/ip_forward') ?? '?',
      },
    ),
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
            what: t('subnet {subnet}', { subnet: formatSubnet(n.subnet) }),
            status: 'warn',
            detail: t('lab {lab} (network {network}) overlaps the route {dst} dev {dev} here', {
              lab: entry.name,
              network: n.name,
              dst: clash.dst,
              dev: clash.dev,
            }),
            fix: t('run {lab} with --sandbox, or free the range', { lab: entry.name }),
          });
      }
    }
  }

  const failed = findings.some((f) => f.status === 'fail');
  out.data({ ok: !failed, findings });
  const mark = { ok: green('ok  '), warn: yellow('warn'), fail: red('FAIL') };
  for (const f of findings) {
    out.line(`${mark[f.status]}  ${f.what}: ${f.detail}`);
    if (f.fix && f.status !== 'ok') out.line(`      ${t('fix: {fix}', { fix: f.fix })}`);
  }
  out.line(
    '\n' +
      (failed
        ? t('nslab cannot build labs here until the FAIL lines are fixed.')
        : t('This machine can build nslab’s labs (warn lines only limit some of them).')),
  );
  return failed ? EXIT.environment : EXIT.ok;
}
