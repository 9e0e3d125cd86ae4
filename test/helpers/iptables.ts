// What `iptables -S` prints after a plan's iptables commands, worked out without a kernel: -N
// declares, -A appends, -I puts on top, -D removes, -X drops an empty chain, -P sets a policy.
// Rules print as their words were given; the plan writes them in iptables' own order (-s -d -i
// -o -p, then matches), so this is what the kernel prints too (the integration test proves it).
import { readFileSync } from 'node:fs';
import type { Command } from '../../src/plan/command.js';

/** `iptables -S` and `iptables -t nat -S` of Docker 20.10.24 for port-publish (see the file). */
export const dockerPortPublish = (): string[] =>
  readFileSync(new URL('../fixtures/iptables/port-publish.docker-20.10.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('#'));

const BUILT_IN: Record<string, string[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
};

/** `iptables -t TABLE -S` of one namespace after the commands, one string per line. */
export function rulesAfter(commands: Command[], ns: string | null, table: 'filter' | 'nat'): string[] {
  const policy = new Map(BUILT_IN[table]!.map((c) => [c, 'ACCEPT']));
  const chains = new Map<string, string[]>(BUILT_IN[table]!.map((c) => [c, []]));
  const user: string[] = [];
  for (const c of commands) {
    if (c.tool !== 'iptables' || c.ns !== ns || (c.table ?? 'filter') !== table) continue;
    const spec = c.args.join(' ');
    if (c.op === '-P') policy.set(c.chain, c.args[0]!);
    else if (c.op === '-N') {
      if (!chains.has(c.chain)) {
        chains.set(c.chain, []);
        user.push(c.chain);
      }
    } else if (c.op === '-X') {
      if (chains.get(c.chain)?.length === 0) {
        chains.delete(c.chain);
        user.splice(user.indexOf(c.chain), 1);
      }
    } else {
      const rules = chains.get(c.chain);
      if (!rules) throw new Error(`${c.op} ${c.chain}: no such chain`);
      if (c.op === '-A') rules.push(spec);
      else if (c.op === '-I') rules.unshift(spec);
      else if (rules.includes(spec)) rules.splice(rules.indexOf(spec), 1);
    }
  }
  return [
    ...BUILT_IN[table]!.map((c) => `-P ${c} ${policy.get(c)}`),
    ...user.map((c) => `-N ${c}`),
    ...[...BUILT_IN[table]!, ...user].flatMap((c) => chains.get(c)!.map((r) => `-A ${c} ${r}`)),
  ];
}
