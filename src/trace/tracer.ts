// The tracer's own nftables tables: a chain on every hook, ahead of every other (priority -350,
// before raw and conntrack), that sets `meta nftrace` on the probe's packets. From then on the
// kernel reports each base chain the packet enters, each rule that matches and each verdict,
// iptables-nft's rules included. The empty chains on the other hooks make each hook visible in
// the trace even where no table of the lab has a chain. Pure: run.ts loads and removes them.

export const TRACE_TABLE = 'nslab-trace';

export type TraceProto = 'icmp' | 'tcp' | 'udp';

export interface Selection {
  proto: TraceProto;
  /** only packets from or to these (CIDR) addresses: the machine's own namespace holds other traffic */
  addresses?: string[];
}

/**
 * What is marked: the probe's protocol and the ICMP errors it may bring back. For tcp only the
 * packets that open or refuse a connection (SYN, SYN-ACK, RST): one request and its answer.
 */
function matches(sel: Selection): string[] {
  const proto =
    sel.proto === 'icmp'
      ? ['ip protocol icmp']
      : sel.proto === 'tcp'
        ? ['tcp flags & (syn | rst) != 0', 'ip protocol icmp']
        : ['ip protocol udp', 'ip protocol icmp'];
  const where = sel.addresses?.length
    ? [`ip saddr { ${sel.addresses.join(', ')} }`, `ip daddr { ${sel.addresses.join(', ')} }`]
    : [''];
  return proto.flatMap((p) => where.map((w) => [w, p].filter(Boolean).join(' ')));
}

const chain = (name: string, hook: string, rules: string[]) =>
  `  chain ${name} {\n    type filter hook ${hook} priority -350; policy accept;\n` +
  rules.map((r) => `    ${r}\n`).join('') +
  '  }\n';

/** The nft script that (re)makes both tables: `add` then `delete` clears what a killed trace left. */
export function tracerScript(sel: Selection): string {
  const mark = (prefix: string) => matches(sel).map((m) => `${prefix}${m} meta nftrace set 1`);
  const inet = mark('meta nfproto ipv4 ');
  const bridged = mark('ether type ip ');
  return [
    `add table inet ${TRACE_TABLE}`,
    `delete table inet ${TRACE_TABLE}`,
    `add table bridge ${TRACE_TABLE}`,
    `delete table bridge ${TRACE_TABLE}`,
    `table inet ${TRACE_TABLE} {`,
    chain('prerouting', 'prerouting', inet).trimEnd(),
    chain('output', 'output', inet).trimEnd(),
    chain('input', 'input', []).trimEnd(),
    chain('forward', 'forward', []).trimEnd(),
    chain('postrouting', 'postrouting', []).trimEnd(),
    '}',
    `table bridge ${TRACE_TABLE} {`,
    chain('prerouting', 'prerouting', bridged).trimEnd(),
    chain('forward', 'forward', []).trimEnd(),
    '}',
    '',
  ].join('\n');
}

/** Removes both tables; `add` first so that a table already gone is no error. */
export const untracerScript = (): string =>
  [
    `add table inet ${TRACE_TABLE}`,
    `delete table inet ${TRACE_TABLE}`,
    `add table bridge ${TRACE_TABLE}`,
    `delete table bridge ${TRACE_TABLE}`,
    '',
  ].join('\n');
