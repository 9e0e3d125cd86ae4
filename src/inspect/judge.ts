// Judging how an exercise was repaired, not only whether traffic flows again: the snapshot taken
// when it was built beside the one taken at check. Every finding makes the repair "not solved"
// and says what Docker does instead. Pure: the snapshots are read elsewhere (snapshot.ts).
import type { Guard } from '../lab/types.js';
import type { NsState, Snapshot } from './snapshot.js';
import { t } from '../i18n/index.js';

export interface Finding {
  /** what the repair did, in the namespace where it did it */
  what: string;
  /** what Docker does instead */
  docker: string;
}

export interface JudgeContext {
  guards: Guard[];
  /** Docker host name → its namespace */
  hostNs: Record<string, string>;
  /** where the planted fault is: a repair belongs there */
  faultNs: string[];
  /** how a namespace is named to the learner: "c1's namespace (sb-c1)" */
  label: (ns: string) => string;
  /** the Docker host's namespace → its bridges (Docker's bridge driver) */
  bridges: Record<string, string[]>;
  /** the lab runs docker-proxy (userland-proxy, Docker's default) */
  proxy: boolean;
  /** the checks that do not come out as expected now */
  failing: string[];
}

const bridgeRules = (bridges: string[]) =>
  (bridges.length ? bridges : ['BRIDGE']).map((b) => `-A FORWARD -i ${b} -o ${b} -j ACCEPT`).join(', ');

/** What Docker does about a chain's policy. */
function dockerPolicy(key: string, bridges: string[]): string {
  if (key === 'filter FORWARD')
    return t(
      'Docker keeps FORWARD’s policy DROP and accepts each bridge’s own traffic with rules of its own ({rules}, and -A FORWARD -i BRIDGE ! -o BRIDGE -j ACCEPT for the way out)',
      { rules: bridgeRules(bridges) },
    );
  return t('Docker never changes the policy of {chain}: it adds rules that match only its own traffic', {
    chain: key,
  });
}

const SHOWN = 3;
const some = (lines: string[]) =>
  lines.slice(0, SHOWN).join('; ') +
  (lines.length > SHOWN ? t('; and {n} more', { n: lines.length - SHOWN }) : '');

/** A new rule of the repair that catches more than Docker's does, on a Docker host. */
function tooBroad(table: string, rule: string, proxy: boolean): string | null {
  const words = rule.split(' ');
  const chain = words[1];
  const target = words[words.indexOf('-j') + 1];
  const has = (flag: string) => words.includes(flag);
  if (
    table === 'nat' &&
    chain === 'POSTROUTING' &&
    target === 'MASQUERADE' &&
    !['-s', '-d', '-o', '--ctorigdst'].some(has)
  )
    return t(
      'masquerades every packet that leaves the host by any interface, what passes between the containers of a bridge included',
    );
  if (table === 'filter' && chain === 'FORWARD' && target === 'DROP' && !['-i', '-o', '-s', '-d'].some(has))
    return t('drops every forwarded packet, the traffic within each bridge and out to the world included');
  if (
    proxy &&
    table === 'nat' &&
    chain === 'OUTPUT' &&
    target !== 'RETURN' &&
    target !== 'DOCKER_OUTPUT' &&
    !rule.includes('! -d 127.0.0.0/8') &&
    !/ -d (?!127\.)\d/.test(rule)
  )
    return t(
      'also catches what the host sends to 127.0.0.1: its own curl 127.0.0.1:PORT no longer reaches docker-proxy',
    );
  if (table === 'filter' && chain === 'FORWARD' && target === 'ACCEPT' && !['-i', '-o', '-s', '-d'].some(has))
    return t('accepts every forwarded packet, between any two interfaces');
  return null;
}

function dockerFor(table: string, rule: string, bridges: string[]): string {
  if (rule.includes('MASQUERADE'))
    return t(
      'Docker masquerades one bridge’s subnet, for what leaves by another interface: -A POSTROUTING -s SUBNET ! -o {bridge} -j MASQUERADE',
      { bridge: bridges[0] ?? 'BRIDGE' },
    );
  if (rule.includes('-j DROP'))
    return t(
      'Docker isolates its networks by their interfaces: -A DOCKER-ISOLATION-STAGE-1 -i BRIDGE ! -o BRIDGE -j DOCKER-ISOLATION-STAGE-2, -A DOCKER-ISOLATION-STAGE-2 -o OTHER-BRIDGE -j DROP',
    );
  if (table === 'nat')
    return t(
      'Docker jumps to its DOCKER chain from OUTPUT for the host’s own addresses only: -A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER; 127.0.0.1 is left to docker-proxy',
    );
  return t('Docker accepts each bridge’s traffic by its interfaces: {rules}', {
    rules: bridgeRules(bridges),
  });
}

/** `CHAIN TARGET` of an iptables-save rule. */
const chainAndTarget = (rule: string) => {
  const w = rule.split(' ');
  return `${w[1]} ${w[w.indexOf('-j') + 1]}`;
};

function diffLines(before: string[], now: string[]): { gone: string[]; added: string[] } {
  // Counted, not a set: a rule added a second time is a change too.
  const less = (from: string[], take: string[]) => {
    const left = [...from];
    for (const l of take) {
      const at = left.indexOf(l);
      if (at >= 0) left.splice(at, 1);
    }
    return left;
  };
  return { gone: less(before, now), added: less(now, before) };
}

function stateChanges(before: NsState, now: NsState): string[] {
  const out: string[] = [];
  for (const [name, was] of Object.entries(before.links)) {
    const is = now.links[name];
    if (is !== was) out.push(t('link {name}: {was} → {is}', { name, was, is: is ?? t('gone') }));
  }
  for (const name of Object.keys(now.links))
    if (!(name in before.links))
      out.push(t('link {name} added ({state})', { name, state: now.links[name]! }));
  const a = diffLines(before.addresses, now.addresses);
  out.push(
    ...a.gone.map((x) => t('address {x} removed', { x })),
    ...a.added.map((x) => t('address {x} added', { x })),
  );
  const r = diffLines(before.routes, now.routes);
  out.push(
    ...r.gone.map((x) => t('route {x} removed', { x })),
    ...r.added.map((x) => t('route {x} added', { x })),
  );
  for (const [file, lines] of Object.entries(before.files ?? {})) {
    const f = diffLines(lines, now.files?.[file] ?? []);
    if (f.gone.length + f.added.length) out.push(t('{file} edited', { file }));
  }
  return out;
}

export function judge(before: Snapshot, now: Snapshot, ctx: JudgeContext): Finding[] {
  const findings: Finding[] = [];
  /** `ns table CHAIN` of policies a guard already spoke about */
  const spoken = new Set<string>();
  const hostOf = (ns: string) => Object.keys(ctx.hostNs).find((h) => ctx.hostNs[h] === ns);
  const dockerHosts = Object.values(ctx.hostNs).join(', ');

  for (const g of ctx.guards) {
    const ns = ctx.hostNs[g.host]!;
    const state = now.namespaces[ns];
    if (!state) continue;
    const bridges = ctx.bridges[ns] ?? [];
    if (g.kind === 'policy') {
      const key = `${g.table} ${g.chain}`;
      const is = state.policies[key];
      if (is !== undefined && is !== g.is) {
        spoken.add(`${ns} ${key}`);
        findings.push({
          what: t('the policy of {chain} in {ns} is {is}, where it must stay {want}', {
            chain: key,
            ns: ctx.label(ns),
            is,
            want: g.is,
          }),
          docker: dockerPolicy(key, bridges),
        });
      }
    } else {
      const is = state.sysctls[g.name];
      const was = before.namespaces[ns]?.sysctls[g.name];
      // A setting this kernel does not have per namespace cannot be held to a value.
      if (is !== undefined && was !== undefined && is !== g.is) {
        spoken.add(`${ns} ${g.name}`);
        findings.push({
          what: t('{name} is {is} in {ns}, where it must stay {want}', {
            name: g.name,
            is,
            ns: ctx.label(ns),
            want: g.is,
          }),
          docker:
            g.name === 'net.bridge.bridge-nf-call-iptables'
              ? t(
                  'Docker leaves bridge netfilter on, so FORWARD still sees bridged frames (isolation between networks depends on it), and lets a bridge’s own traffic through with {rules}',
                  { rules: bridgeRules(bridges) },
                )
              : t('Docker leaves {name} at {value}', { name: g.name, value: g.is }),
        });
      }
    }
  }

  for (const [ns, was] of Object.entries(before.namespaces)) {
    const is = now.namespaces[ns];
    if (!is) continue; // a namespace gone is the lab's checks' business
    const here = ctx.label(ns);
    const inFault = ctx.faultNs.includes(ns);
    const bridges = ctx.bridges[ns] ?? [];
    const outside = t('the fault is in {where}: repair it there', {
      where: ctx.faultNs.map(ctx.label).join(t(' and ')) || dockerHosts,
    });

    for (const [key, policy] of Object.entries(was.policies))
      if (is.policies[key] !== undefined && is.policies[key] !== policy && !spoken.has(`${ns} ${key}`))
        findings.push({
          what: t('you set the policy of {chain} to {is} in {ns} (it was {was})', {
            chain: key,
            is: is.policies[key],
            ns: here,
            was: policy,
          }),
          docker: hostOf(ns) ? dockerPolicy(key, bridges) : outside,
        });

    for (const [name, value] of Object.entries(was.sysctls)) {
      const now2 = is.sysctls[name];
      if (now2 === undefined || now2 === value || spoken.has(`${ns} ${name}`)) continue;
      if (name === 'net.bridge.bridge-nf-call-iptables' && now2 === '0')
        findings.push({
          what: t(
            'you switched bridge netfilter off in {ns} ({name}=0): FORWARD no longer sees any bridged frame',
            { ns: here, name },
          ),
          docker: t(
            'Docker leaves it on (isolation between its networks depends on it) and lets a bridge’s own traffic through with {rules}',
            { rules: bridgeRules(bridges) },
          ),
        });
      else if (!inFault)
        findings.push({
          what: t('you set {name}={value} in {ns} (it was {was})', {
            name,
            value: now2,
            ns: here,
            was: value,
          }),
          docker: outside,
        });
      else if (name === 'net.ipv4.conf.all.route_localnet')
        findings.push({
          what: t(
            'you set {name}={value} in {ns}: packets from and to 127.0.0.0/8 may now be routed off the namespace, by every interface',
            { name, value: now2, ns: here },
          ),
          docker: ctx.proxy
            ? t(
                'with docker-proxy (its default), Docker never sets route_localnet: the proxy answers 127.0.0.1',
              )
            : t(
                'with userland-proxy: false, Docker sets it for its bridge alone: net.ipv4.conf.{bridge}.route_localnet=1',
                { bridge: bridges[0] ?? 'BRIDGE' },
              ),
        });
    }

    for (const [table, rules] of Object.entries(was.rules)) {
      const { gone: removed, added } = diffLines(rules, is.rules[table] ?? []);
      // Where the fault is, a wrong rule replaced by a right one (same chain, same target) is the
      // repair Docker's state asks for: only what is gone without a replacement counts.
      const spare = inFault ? [...added] : [];
      const gone = removed.filter((r) => {
        const at = spare.findIndex((a) => chainAndTarget(a) === chainAndTarget(r));
        if (at < 0) return true;
        spare.splice(at, 1);
        return false;
      });
      if (gone.length)
        findings.push({
          what:
            gone.length > 1
              ? t('{n} rules of the {table} table in {ns} are gone: {rules}', {
                  n: gone.length,
                  table,
                  ns: here,
                  rules: some(gone),
                })
              : t('{n} rule of the {table} table in {ns} is gone: {rules}', {
                  n: gone.length,
                  table,
                  ns: here,
                  rules: some(gone),
                }),
          docker: t(
            'Docker never flushes its chains or deletes its rules to repair one: add the rule that is missing and keep the rest',
          ),
        });
      if (added.length && !inFault)
        findings.push({
          what: t('you added to the {table} table in {ns}: {rules}', { table, ns: here, rules: some(added) }),
          docker: outside,
        });
      const isHost = hostOf(ns) !== undefined;
      const notDns = added.filter((r) => !/DOCKER_(OUTPUT|POSTROUTING)/.test(r));
      if (inFault && !isHost && notDns.length)
        findings.push({
          what: t('you added to the {table} table in {ns}: {rules}', {
            table,
            ns: here,
            rules: some(notDns),
          }),
          docker: t(
            'Docker puts no rules into a container’s namespace besides the embedded DNS’s (DOCKER_OUTPUT, DOCKER_POSTROUTING for 127.0.0.11): the repair belongs elsewhere',
          ),
        });
      if (inFault && isHost)
        for (const rule of added) {
          const why = tooBroad(table, rule, ctx.proxy);
          if (why)
            findings.push({
              what: t('your rule in {ns} ({table}) {rule} {why}', { ns: here, table, rule, why }),
              docker: dockerFor(table, rule, bridges),
            });
        }
    }

    if (!inFault) {
      const changed = stateChanges(was, is);
      if (changed.length)
        findings.push({
          what: t('you changed {ns}: {changes}', { ns: here, changes: some(changed) }),
          docker: outside,
        });
    }
  }

  const machine: string[] = [];
  for (const [key, policy] of Object.entries(before.machine.policies))
    if (now.machine.policies[key] !== undefined && now.machine.policies[key] !== policy)
      machine.push(
        t('the policy of {chain} to {is} (it was {was})', {
          chain: key,
          is: now.machine.policies[key],
          was: policy,
        }),
      );
  for (const [name, value] of Object.entries(before.machine.sysctls))
    if (now.machine.sysctls[name] !== undefined && now.machine.sysctls[name] !== value)
      machine.push(
        t('{name}={value} (it was {was})', { name, value: now.machine.sysctls[name], was: value }),
      );
  if (machine.length)
    findings.push({
      what: t('you set {changes} on this machine itself; the Docker host here is {hosts}', {
        changes: machine.join(', '),
        hosts: dockerHosts,
      }),
      docker: t(
        'undo it on this machine, and repair the lab in its own namespaces (ip -n NS …, ip netns exec NS …)',
      ),
    });

  const broke = before.passing.filter((name) => ctx.failing.includes(name));
  if (broke.length)
    findings.push({
      what:
        broke.length > 1
          ? t('these checks came out as expected when the exercise was built, and no longer do: {checks}', {
              checks: broke.join('; '),
            })
          : t('this check came out as expected when the exercise was built, and no longer does: {checks}', {
              checks: broke.join('; '),
            }),
      docker: t('a repair Docker would make fixes what the fault broke and leaves everything else working'),
    });
  return findings;
}
