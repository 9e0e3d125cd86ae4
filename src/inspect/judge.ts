// Judging how an exercise was repaired, not only whether traffic flows again: the snapshot taken
// when it was built beside the one taken at check. Every finding makes the repair "not solved"
// and says what Docker does instead. Pure: the snapshots are read elsewhere (snapshot.ts).
import type { Guard } from '../lab/types.js';
import type { NsState, Snapshot } from './snapshot.js';

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
    return (
      'Docker keeps FORWARD’s policy DROP and accepts each bridge’s own traffic with rules ' +
      `of its own (${bridgeRules(bridges)}, and -A FORWARD -i BRIDGE ! -o BRIDGE -j ACCEPT for the way out)`
    );
  return `Docker never changes the policy of ${key}: it adds rules that match only its own traffic`;
}

const SHOWN = 3;
const some = (lines: string[]) =>
  lines.slice(0, SHOWN).join('; ') + (lines.length > SHOWN ? `; and ${lines.length - SHOWN} more` : '');

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
    return 'masquerades every packet that leaves the host by any interface, what passes between the containers of a bridge included';
  if (table === 'filter' && chain === 'FORWARD' && target === 'DROP' && !['-i', '-o', '-s', '-d'].some(has))
    return 'drops every forwarded packet, the traffic within each bridge and out to the world included';
  if (
    proxy &&
    table === 'nat' &&
    chain === 'OUTPUT' &&
    target !== 'RETURN' &&
    target !== 'DOCKER_OUTPUT' &&
    !rule.includes('! -d 127.0.0.0/8') &&
    !/ -d (?!127\.)\d/.test(rule)
  )
    return 'also catches what the host sends to 127.0.0.1: its own curl 127.0.0.1:PORT no longer reaches docker-proxy';
  if (table === 'filter' && chain === 'FORWARD' && target === 'ACCEPT' && !['-i', '-o', '-s', '-d'].some(has))
    return 'accepts every forwarded packet, between any two interfaces';
  return null;
}

function dockerFor(table: string, rule: string, bridges: string[]): string {
  if (rule.includes('MASQUERADE'))
    return `Docker masquerades one bridge’s subnet, for what leaves by another interface: -A POSTROUTING -s SUBNET ! -o ${bridges[0] ?? 'BRIDGE'} -j MASQUERADE`;
  if (rule.includes('-j DROP'))
    return 'Docker isolates its networks by their interfaces: -A DOCKER-ISOLATION-STAGE-1 -i BRIDGE ! -o BRIDGE -j DOCKER-ISOLATION-STAGE-2, -A DOCKER-ISOLATION-STAGE-2 -o OTHER-BRIDGE -j DROP';
  if (table === 'nat')
    return (
      'Docker jumps to its DOCKER chain from OUTPUT for the host’s own addresses only: ' +
      '-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER; 127.0.0.1 is left to docker-proxy'
    );
  return `Docker accepts each bridge’s traffic by its interfaces: ${bridgeRules(bridges)}`;
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
    if (is !== was) out.push(`link ${name}: ${was} → ${is ?? 'gone'}`);
  }
  for (const name of Object.keys(now.links))
    if (!(name in before.links)) out.push(`link ${name} added (${now.links[name]})`);
  const a = diffLines(before.addresses, now.addresses);
  out.push(...a.gone.map((x) => `address ${x} removed`), ...a.added.map((x) => `address ${x} added`));
  const r = diffLines(before.routes, now.routes);
  out.push(...r.gone.map((x) => `route ${x} removed`), ...r.added.map((x) => `route ${x} added`));
  for (const [file, lines] of Object.entries(before.files ?? {})) {
    const f = diffLines(lines, now.files?.[file] ?? []);
    if (f.gone.length + f.added.length) out.push(`${file} edited`);
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
          what: `the policy of ${key} in ${ctx.label(ns)} is ${is}, where it must stay ${g.is}`,
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
          what: `${g.name} is ${is} in ${ctx.label(ns)}, where it must stay ${g.is}`,
          docker:
            g.name === 'net.bridge.bridge-nf-call-iptables'
              ? 'Docker leaves bridge netfilter on, so FORWARD still sees bridged frames (isolation between networks depends on it), ' +
                `and lets a bridge’s own traffic through with ${bridgeRules(bridges)}`
              : `Docker leaves ${g.name} at ${g.is}`,
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
    const outside = `the fault is in ${ctx.faultNs.map(ctx.label).join(' and ') || dockerHosts}: repair it there`;

    for (const [key, policy] of Object.entries(was.policies))
      if (is.policies[key] !== undefined && is.policies[key] !== policy && !spoken.has(`${ns} ${key}`))
        findings.push({
          what: `you set the policy of ${key} to ${is.policies[key]} in ${here} (it was ${policy})`,
          docker: hostOf(ns) ? dockerPolicy(key, bridges) : outside,
        });

    for (const [name, value] of Object.entries(was.sysctls)) {
      const now2 = is.sysctls[name];
      if (now2 === undefined || now2 === value || spoken.has(`${ns} ${name}`)) continue;
      if (name === 'net.bridge.bridge-nf-call-iptables' && now2 === '0')
        findings.push({
          what: `you switched bridge netfilter off in ${here} (${name}=0): FORWARD no longer sees any bridged frame`,
          docker:
            'Docker leaves it on (isolation between its networks depends on it) and lets a bridge’s own traffic through ' +
            `with ${bridgeRules(bridges)}`,
        });
      else if (!inFault)
        findings.push({ what: `you set ${name}=${now2} in ${here} (it was ${value})`, docker: outside });
      else if (name === 'net.ipv4.conf.all.route_localnet')
        findings.push({
          what: `you set ${name}=${now2} in ${here}: packets from and to 127.0.0.0/8 may now be routed off the namespace, by every interface`,
          docker: ctx.proxy
            ? 'with docker-proxy (its default), Docker never sets route_localnet: the proxy answers 127.0.0.1'
            : `with userland-proxy: false, Docker sets it for its bridge alone: net.ipv4.conf.${bridges[0] ?? 'BRIDGE'}.route_localnet=1`,
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
          what: `${gone.length} rule${gone.length > 1 ? 's' : ''} of the ${table} table in ${here} ${gone.length > 1 ? 'are' : 'is'} gone: ${some(gone)}`,
          docker:
            'Docker never flushes its chains or deletes its rules to repair one: add the rule that is missing and keep the rest',
        });
      if (added.length && !inFault)
        findings.push({
          what: `you added to the ${table} table in ${here}: ${some(added)}`,
          docker: outside,
        });
      const isHost = hostOf(ns) !== undefined;
      const notDns = added.filter((r) => !/DOCKER_(OUTPUT|POSTROUTING)/.test(r));
      if (inFault && !isHost && notDns.length)
        findings.push({
          what: `you added to the ${table} table in ${here}: ${some(notDns)}`,
          docker:
            'Docker puts no rules into a container’s namespace besides the embedded DNS’s (DOCKER_OUTPUT, DOCKER_POSTROUTING for 127.0.0.11): the repair belongs elsewhere',
        });
      if (inFault && isHost)
        for (const rule of added) {
          const why = tooBroad(table, rule, ctx.proxy);
          if (why)
            findings.push({
              what: `your rule in ${here} (${table}) ${rule} ${why}`,
              docker: dockerFor(table, rule, bridges),
            });
        }
    }

    if (!inFault) {
      const changed = stateChanges(was, is);
      if (changed.length) findings.push({ what: `you changed ${here}: ${some(changed)}`, docker: outside });
    }
  }

  const machine: string[] = [];
  for (const [key, policy] of Object.entries(before.machine.policies))
    if (now.machine.policies[key] !== undefined && now.machine.policies[key] !== policy)
      machine.push(`the policy of ${key} to ${now.machine.policies[key]} (it was ${policy})`);
  for (const [name, value] of Object.entries(before.machine.sysctls))
    if (now.machine.sysctls[name] !== undefined && now.machine.sysctls[name] !== value)
      machine.push(`${name}=${now.machine.sysctls[name]} (it was ${value})`);
  if (machine.length)
    findings.push({
      what: `you set ${machine.join(', ')} on this machine itself; the Docker host here is ${dockerHosts}`,
      docker:
        'undo it on this machine, and repair the lab in its own namespaces (ip -n NS …, ip netns exec NS …)',
    });

  const broke = before.passing.filter((name) => ctx.failing.includes(name));
  if (broke.length)
    findings.push({
      what: `${broke.length > 1 ? 'these checks' : 'this check'} came out as expected when the exercise was built, and no longer ${broke.length > 1 ? 'do' : 'does'}: ${broke.join('; ')}`,
      docker: 'a repair Docker would make fixes what the fault broke and leaves everything else working',
    });
  return findings;
}
