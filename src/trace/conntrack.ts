// conntrack's table as data: each connection's original and reply tuples, which is where the
// kernel keeps what NAT did (a MASQUERADE shows as a reply addressed to the host, a DNAT as a
// reply from the container). Pure: the lines come from `conntrack -L` in each namespace.

export interface Tuple {
  proto: string;
  src: string;
  dst: string;
  sport?: number;
  dport?: number;
  /** icmp echo's identifier */
  id?: number;
}

export interface Connection {
  ns: string | null;
  original: Tuple;
  reply: Tuple;
}

/** `conntrack -L` lines (`tcp 6 117 SYN_SENT src=… dst=… sport=… dport=… src=… …`). */
export function parseConntrack(text: string, ns: string | null): Connection[] {
  const out: Connection[] = [];
  for (const line of text.split('\n')) {
    const proto = /^(\w+)\s/.exec(line)?.[1];
    if (!proto) continue;
    const pairs = [...line.matchAll(/\b(src|dst|sport|dport|id)=(\S+)/g)];
    const tuples: Tuple[] = [];
    let t: Partial<Tuple> | null = null;
    for (const [, k, v] of pairs) {
      if (k === 'src') {
        if (t) tuples.push(t as Tuple);
        t = { proto };
        t.src = v;
      } else if (t) {
        if (k === 'dst') t.dst = v;
        else t[k as 'sport' | 'dport' | 'id'] = Number(v);
      }
    }
    if (t) tuples.push(t as Tuple);
    if (tuples.length >= 2) out.push({ ns, original: tuples[0]!, reply: tuples[1]! });
  }
  return out;
}

export const sameTuple = (a: Tuple, b: Tuple): boolean =>
  a.proto === b.proto &&
  a.src === b.src &&
  a.dst === b.dst &&
  a.sport === b.sport &&
  a.dport === b.dport &&
  a.id === b.id;

export const reversed = (t: Tuple): Tuple => ({
  proto: t.proto,
  src: t.dst,
  dst: t.src,
  ...(t.dport !== undefined ? { sport: t.dport } : {}),
  ...(t.sport !== undefined ? { dport: t.sport } : {}),
  ...(t.id !== undefined ? { id: t.id } : {}),
});

/** What NAT did to a connection, in words: null when its reply is the original turned round. */
export function natOf(
  c: Connection,
): { kind: 'SNAT' | 'DNAT' | 'SNAT+DNAT'; original: string; reply: string } | null {
  const back = reversed(c.reply);
  const snat = back.src !== c.original.src || back.sport !== c.original.sport;
  const dnat = back.dst !== c.original.dst || back.dport !== c.original.dport;
  if (!snat && !dnat) return null;
  return {
    kind: snat && dnat ? 'SNAT+DNAT' : snat ? 'SNAT' : 'DNAT',
    original: tupleText(c.original),
    reply: tupleText(c.reply),
  };
}

export const tupleText = (t: Tuple): string => {
  const at = (a: string, p?: number) => (p === undefined ? a : `${a}:${p}`);
  return `${t.proto} ${at(t.src, t.sport)} → ${at(t.dst, t.dport)}`;
};
