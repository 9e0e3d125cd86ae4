// What is wrong, read from the kernel and named layer by layer, lowest first (as Kathará's
// lab-checker does): "eth0 in c1 is DOWN" says where to look without giving the command.
import type { ContainerState, ObservedNetwork } from './observe.js';
import { usesDns } from '../lab/dns.js';
import type { Lab } from '../lab/types.js';
import { formatSubnet } from '../net/ipv4.js';
import { t } from '../i18n/index.js';

export interface Finding {
  layer: 'link' | 'address' | 'route' | 'host' | 'rules' | 'names';
  where: string;
  what: string;
}

/** Whether a rule has these words in a row, whole: `--dport 80` is not `--dport 8080`, br0 not br01. */
const hasWords = (rule: string, ...seq: string[]): boolean => {
  const words = rule.split(/\s+/);
  return words.some((_, i) => seq.every((w, j) => words[i + j] === w));
};

export function diagnose(lab: Lab, seen: ObservedNetwork, hostForwards: boolean): Finding[] {
  const found: Finding[] = [];
  const say = (layer: Finding['layer'], where: string, what: string) => found.push({ layer, where, what });

  for (const n of lab.networks.filter((x) => x.driver === 'bridge' || x.driver === 'overlay')) {
    const b = seen.bridges[n.name];
    if (b === undefined) continue; // not on this host
    if (!b) say('link', n.name, t('there is no bridge {bridge}', { bridge: n.name }));
    else {
      if (!b.adminUp) say('link', n.name, t('bridge {bridge} is DOWN (not set up)', { bridge: n.name }));
      if (n.driver === 'bridge' && !b.addresses.includes(`${n.gateway}/${n.subnet.prefix}`)) {
        const vars = {
          bridge: n.name,
          gateway: `${n.gateway}/${n.subnet.prefix}`,
          has: b.addresses.join(', '),
        };
        say(
          'address',
          n.name,
          b.addresses.length
            ? t('bridge {bridge} lacks the gateway address {gateway} (it has {has})', vars)
            : t('bridge {bridge} lacks the gateway address {gateway}', vars),
        );
      }
    }
  }
  for (const n of lab.networks) {
    if (n.driver === 'overlay' && seen.bridges[n.name]) {
      const vx = seen.hostLinks.find((l) => l.name === `vx-${n.name}`);
      const vars = { network: n.name, master: vx?.master ?? '' };
      if (!vx)
        say(
          'link',
          n.name,
          t('there is no VXLAN device vx-{network} joining {network} to the other hosts', vars),
        );
      else if (vx.master !== n.name)
        say(
          'link',
          n.name,
          vx.master
            ? t(
                'vx-{network}, the VXLAN device, is plugged into {master} (the lab plugs it into {network})',
                vars,
              )
            : t('vx-{network}, the VXLAN device, is on no bridge (the lab plugs it into {network})', vars),
        );
      else if (!vx.adminUp) say('link', n.name, t('vx-{network}, the VXLAN device, is DOWN', vars));
    }
    if (
      n.shim &&
      !seen.hostLinks.some(
        (l) => l.name === `mvs-${n.name}` && l.adminUp && l.addresses.includes(`${n.shim}/32`),
      )
    )
      say(
        'link',
        n.name,
        t(
          'the host has no macvlan shim mvs-{network} with {shim}/32 that is up: it cannot reach its macvlan containers',
          {
            network: n.name,
            shim: n.shim,
          },
        ),
      );
  }
  for (const c of lab.containers) {
    const s = seen.containers[c.name];
    if (!s) continue;
    if (s.lo && !s.lo.adminUp && (c.mode.kind === 'bridge' || c.mode.kind === 'none'))
      say('link', c.name, t('lo in {container} is DOWN: not even 127.0.0.1 answers', { container: c.name }));
    for (const e of c.endpoints) {
      const got = s.endpoints.find((x) => x.inside.name === e.ifname);
      const v = {
        container: c.name,
        ifname: e.ifname,
        network: e.network,
        end: got?.hostSide?.name ?? '',
        master: got?.hostSide?.master ?? '',
      };
      if (!got) {
        say('link', c.name, t('{container} has no {ifname}', v));
        continue;
      }
      if (!got.inside.adminUp) say('link', c.name, t('{ifname} in {container} is DOWN', v));
      if (e.kind === 'veth') {
        if (!got.hostSide) say('link', c.name, t("{container}'s {ifname} has no peer in the Docker host", v));
        else {
          if (!got.hostSide.adminUp)
            say('link', c.name, t("{end}, the host end of {container}'s cable, is DOWN", v));
          if (got.hostSide.master !== e.network)
            say(
              'link',
              c.name,
              got.hostSide.master
                ? t(
                    "{end}, the host end of {container}'s cable, is plugged into {master} (the lab plugs it into {network})",
                    v,
                  )
                : t(
                    "{end}, the host end of {container}'s cable, is on no bridge (the lab plugs it into {network})",
                    v,
                  ),
            );
          // Docker turns hairpin mode on for every bridge port when userland-proxy is false
          else if (
            !lab.daemon.userlandProxy &&
            lab.networks.find((n) => n.name === e.network)?.driver === 'bridge' &&
            got.hostSide.hairpin === false
          )
            say(
              'link',
              c.name,
              t(
                "{end}, {container}'s port on {network}, is not in hairpin mode: a frame cannot leave by the port it came in by ({container} calling its own published port)",
                v,
              ),
            );
        }
      }
      if (got.inside.mode && e.kind === 'macvlan' && got.inside.mode !== 'bridge')
        say(
          'link',
          c.name,
          t("{container}'s macvlan child is in mode {mode}, where children cannot reach each other", {
            ...v,
            mode: got.inside.mode,
          }),
        );
      if (e.mtu && got.inside.mtu !== e.mtu)
        say(
          'link',
          c.name,
          t('{ifname} in {container} has MTU {mtu}; the lab gives it {want}', {
            ...v,
            mtu: got.inside.mtu ?? '',
            want: e.mtu,
          }),
        );
      const want = `${e.address}/${e.prefix}`;
      if (!got.inside.addresses.includes(want))
        say(
          'address',
          c.name,
          got.inside.addresses.length
            ? t('{ifname} in {container} has {has}; the lab gives it {want}', {
                ...v,
                has: got.inside.addresses.join(', '),
                want,
              })
            : t('{ifname} in {container} has no address; the lab gives it {want}', { ...v, want }),
        );
      const gateway = lab.networks.find((n) => n.name === e.network)!.gateway;
      if (e.defaultRoute && !s.routes.some((r) => r.startsWith(`default via ${gateway} `)))
        say('route', c.name, t('{container} has no default route via {gateway}', { ...v, gateway }));
    }
    if (usesDns(lab, c.name)) dnsFindings(c.name, s, say);
    for (const entry of c.hosts) {
      if (!s.hosts) break;
      const names = new Set(
        s.hosts.filter((l) => l.split(/\s+/)[0] === entry.address).flatMap((l) => l.split(/\s+/).slice(1)),
      );
      const missing = entry.names.filter((n) => !names.has(n));
      if (missing.length)
        say(
          'names',
          c.name,
          t("{container}'s /etc/hosts does not name {address} {names}", {
            container: c.name,
            address: entry.address,
            names: missing.join(', '),
          }),
        );
    }
  }

  if (hostForwards && seen.sysctls.ipForward !== '1')
    say(
      'host',
      'host',
      t('net.ipv4.ip_forward is {value}: the host routes nothing for its containers', {
        value: seen.sysctls.ipForward ?? t('unreadable'),
      }),
    );
  const rules = seen.rules.map((r) => `${r.table} ${r.chain} ${r.rule}`);
  if (seen.policies.FORWARD === 'DROP' && seen.sysctls.bridgeNfCallIptables === '1')
    for (const n of lab.networks.filter((x) => seen.bridges[x.name]))
      if (
        !rules.some(
          (r) =>
            r.startsWith('filter FORWARD') &&
            hasWords(r, '-i', n.name, '-o', n.name) &&
            hasWords(r, '-j', 'ACCEPT'),
        )
      )
        say(
          'rules',
          'host',
          t(
            "FORWARD's policy is DROP and bridged frames go through iptables (bridge-nf-call-iptables=1): nothing accepts {bridge} → {bridge}",
            { bridge: n.name },
          ),
        );
  for (const n of lab.networks.filter((x) => x.nat && seen.bridges[x.name]))
    if (
      !rules.some(
        (r) =>
          r.startsWith('nat POSTROUTING') &&
          hasWords(r, '-s', formatSubnet(n.subnet)) &&
          hasWords(r, '-j', 'MASQUERADE'),
      )
    )
      say(
        'rules',
        'host',
        t('nothing in nat POSTROUTING masquerades {subnet} on its way out', {
          subnet: formatSubnet(n.subnet),
        }),
      );
  // A published port's DNAT sits in Docker's nat DOCKER (NSLAB on the host target), reached by a
  // jump from PREROUTING and OUTPUT; a learner's repair may put it in those chains themselves.
  const inNat = (chain: string) => rules.filter((r) => r.startsWith(`nat ${chain} `));
  for (const c of lab.containers)
    for (const p of c.ports) {
      const loopback = p.hostIp?.startsWith('127.') ?? false;
      // bound to loopback with docker-proxy on, the proxy answers: no DNAT is meant to be reached
      if (loopback && lab.daemon.userlandProxy) continue;
      const dnats = (chain: string) =>
        inNat(chain).some(
          (r) =>
            hasWords(r, '--dport', String(p.hostPort)) &&
            hasWords(r, '--to-destination', `${p.address}:${p.containerPort}`),
        );
      const reaches = (chain: string) =>
        dnats(chain) ||
        ['DOCKER', 'NSLAB'].some(
          (own) =>
            dnats(own) &&
            inNat(chain).some(
              (r) => hasWords(r, '-j', own) && !(loopback && hasWords(r, '!', '-d', '127.0.0.0/8')),
            ),
        );
      // bound to loopback (-p 127.0.0.1:…), only the host's own requests are DNATed
      for (const chain of loopback ? ['OUTPUT'] : ['PREROUTING', 'OUTPUT'])
        if (!reaches(chain))
          say(
            'rules',
            'host',
            chain === 'OUTPUT'
              ? t('no DNAT in {chain} sends port {port} to {container} (the host’s own requests)', {
                  chain,
                  port: p.hostPort,
                  container: c.name,
                })
              : t('no DNAT in {chain} sends port {port} to {container} (requests from elsewhere)', {
                  chain,
                  port: p.hostPort,
                  container: c.name,
                }),
          );
    }
  // Docker's isolation: stage 1 sends what leaves a bridge for another to stage 2, which drops
  // what is bound for a bridge; a learner's repair may drop in FORWARD itself.
  const isolating = (r: string, n: string) =>
    (/^filter (FORWARD|\S+-ISOLATION-STAGE-[12]) /.test(r) &&
      hasWords(r, '-j', 'DROP') &&
      (hasWords(r, '-i', n) || hasWords(r, '-o', n))) ||
    (/^filter \S+-ISOLATION-STAGE-1 /.test(r) && hasWords(r, '-i', n) && /-j \S+-ISOLATION-STAGE-2$/.test(r));
  for (const n of lab.networks.filter((x) => x.isolated && seen.bridges[x.name]))
    if (!rules.some((r) => isolating(r, n.name)))
      say(
        'rules',
        'host',
        t('nothing in FORWARD drops what is forwarded between {network} and the other bridges', {
          network: n.name,
        }),
      );
  return found;
}

/** The way to Docker's DNS server in a container: resolv.conf, then the nat rules to its ports. */
function dnsFindings(
  name: string,
  s: ContainerState,
  say: (layer: Finding['layer'], where: string, what: string) => void,
): void {
  if (s.resolv && !s.resolv.some((l) => hasWords(l, 'nameserver', '127.0.0.11')))
    say(
      'names',
      name,
      t("{container}'s resolv.conf does not send lookups to 127.0.0.11", { container: name }),
    );
  if (!s.nat) return;
  if (!s.nat.some((r) => hasWords(r, 'OUTPUT', '-d', '127.0.0.11/32', '-j', 'DOCKER_OUTPUT')))
    say(
      'rules',
      name,
      t('in {container}, nothing sends what goes to 127.0.0.11 through DOCKER_OUTPUT', { container: name }),
    );
  for (const proto of ['udp', 'tcp'])
    if (
      !s.nat.some(
        (r) =>
          hasWords(r, 'DOCKER_OUTPUT') &&
          hasWords(r, '-p', proto) &&
          hasWords(r, '--dport', '53', '-j', 'DNAT'),
      )
    )
      say(
        'rules',
        name,
        t('in {container}, nothing DNATs {proto} port 53 of 127.0.0.11 to the DNS server', {
          container: name,
          proto,
        }),
      );
}
