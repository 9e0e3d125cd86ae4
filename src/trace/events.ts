// What `nft monitor trace` prints, as data: one event per line. The kernel reports every base
// chain a traced packet enters ("packet:"), every rule that matched ("rule … (verdict …)") and
// the chain's end ("policy …"). Pure: the lines come from src/trace/run.ts.

/** The fields of a traced packet that tell where it is and what it is. */
export interface PacketFields {
  iif?: string;
  oif?: string;
  saddr?: string;
  daddr?: string;
  ttl?: number;
  proto?: string;
  sport?: number;
  dport?: number;
  /** icmp type (echo-request, echo-reply, destination-unreachable…) */
  icmpType?: string;
  icmpCode?: string;
  icmpId?: number;
  /** tcp flags as nft prints them: `syn`, `0x14`, `syn | ack` */
  tcpFlags?: string;
  etherDaddr?: string;
}

export interface TraceEvent {
  /** the namespace whose monitor saw it (null: the machine's own) */
  ns: string | null;
  /** the order it was read in, over all monitors: only a tie-breaker across namespaces */
  seq: number;
  id: string;
  family: string;
  table: string;
  chain: string;
  type: 'packet' | 'rule' | 'policy' | 'verdict';
  packet?: PacketFields;
  /** the rule as nft prints it, without its verdict note */
  rule?: string;
  /** accept, drop, continue, jump CHAIN, return… */
  verdict?: string;
}

const LINE = /^trace id (\S+) (\S+) (\S+) (\S+) (packet: |rule |policy |verdict )(.*)$/;

/** One line of `nft monitor trace`, or null for anything else (a blank line, a warning). */
export function parseTraceLine(line: string, ns: string | null, seq: number): TraceEvent | null {
  const m = LINE.exec(line.trimEnd());
  if (!m) return null;
  const [, id, family, table, chain, kind, rest] = m as unknown as string[];
  const base = { ns, seq, id: id!, family: family!, table: table!, chain: chain! };
  switch (kind) {
    case 'packet: ':
      return { ...base, type: 'packet', packet: packetFields(rest!) };
    case 'rule ': {
      const v = /^(.*) \(verdict ([^)]*)\)$/.exec(rest!);
      return v
        ? { ...base, type: 'rule', rule: v[1]!, verdict: v[2]! }
        : { ...base, type: 'rule', rule: rest! };
    }
    case 'policy ':
      return { ...base, type: 'policy', verdict: rest!.trim() };
    default:
      return { ...base, type: 'verdict', verdict: rest!.trim() };
  }
}

const word = (text: string, key: string): string | undefined => {
  const m = new RegExp(`(?:^| )${key} (\\S+)`).exec(text);
  return m ? m[1]!.replace(/^"(.*)"$/, '$1') : undefined;
};
const num = (text: string, key: string): number | undefined => {
  const w = word(text, key);
  return w !== undefined && /^\d+$/.test(w) ? Number(w) : undefined;
};

export function packetFields(text: string): PacketFields {
  const f: PacketFields = {};
  const set = <K extends keyof PacketFields>(k: K, v: PacketFields[K] | undefined) => {
    if (v !== undefined) f[k] = v;
  };
  set('iif', word(text, 'iif'));
  set('oif', word(text, 'oif'));
  set('saddr', word(text, 'ip saddr'));
  set('daddr', word(text, 'ip daddr'));
  set('ttl', num(text, 'ip ttl'));
  set('etherDaddr', word(text, 'ether daddr'));
  // nft leaves `ip protocol` out when the transport header says it
  const proto =
    word(text, 'ip protocol') ??
    (/ tcp (sport|dport|flags)/.test(text)
      ? 'tcp'
      : / udp (sport|dport)/.test(text)
        ? 'udp'
        : / icmp type/.test(text)
          ? 'icmp'
          : undefined);
  set('proto', proto);
  if (proto === 'tcp' || proto === 'udp') {
    set('sport', num(text, `${proto} sport`));
    set('dport', num(text, `${proto} dport`));
  }
  if (proto === 'tcp') {
    const flags = /tcp flags == (\S+(?: \| \S+)*)/.exec(text);
    set('tcpFlags', flags?.[1]);
  }
  if (proto === 'icmp') {
    set('icmpType', word(text, 'icmp type'));
    set('icmpCode', word(text, 'icmp code'));
    set('icmpId', num(text, 'icmp id'));
  }
  return f;
}

/** tcp flags as nft prints them, as a set of names: `0x14` is ack|rst. */
export function tcpFlagNames(flags: string | undefined): Set<string> {
  if (!flags) return new Set();
  if (/^0x[0-9a-f]+$/.test(flags)) {
    const bits = Number(flags);
    const names = ['fin', 'syn', 'rst', 'psh', 'ack', 'urg', 'ecn', 'cwr'];
    return new Set(names.filter((_, i) => bits & (1 << i)));
  }
  return new Set(flags.split(/\s*\|\s*/));
}
