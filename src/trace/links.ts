// Which namespace each interface leads to, read from `ip -j -d link` and `ip -j netns list-id`
// of every namespace: a veth's peer (or a macvlan's parent) is where its link-netnsid points;
// a VXLAN device leads to every other namespace with a VXLAN device of the same VNI. Pure: the
// lists come from src/trace/run.ts; journey.ts orders passes of one packet by them.

/** Which namespaces each interface leads to: `NS|IFNAME` → the namespaces at its other end. */
export type Peers = Map<string, (string | null)[]>;
export const peerKey = (ns: string | null, ifname: string): string => `${ns ?? ''}|${ifname}`;

/** The fields of `ip -j -d link` this reads. */
interface IpLink {
  ifname: string;
  link_netnsid?: number;
  linkinfo?: { info_kind?: string; info_data?: { id?: number } };
}

export interface NamespaceLinks {
  ns: string | null;
  links: IpLink[];
  /** `ip -j netns list-id` in that namespace: the names of the namespaces its nsids stand for */
  ids: { nsid: number; name?: string }[];
}

export function linkPeers(all: NamespaceLinks[]): Peers {
  const peers: Peers = new Map();
  const add = (ns: string | null, ifname: string, to: string | null) => {
    const k = peerKey(ns, ifname);
    const known = peers.get(k) ?? [];
    if (!known.includes(to)) peers.set(k, [...known, to]);
  };
  const vni = (l: IpLink) => (l.linkinfo?.info_kind === 'vxlan' ? l.linkinfo.info_data?.id : undefined);
  for (const { ns, links, ids } of all)
    for (const l of links) {
      if (l.link_netnsid !== undefined) {
        const name = ids.find((i) => i.nsid === l.link_netnsid)?.name;
        if (name) add(ns, l.ifname, name);
      } else if (l.linkinfo?.info_kind === 'veth') add(ns, l.ifname, ns);
      const id = vni(l);
      if (id === undefined) continue;
      for (const other of all)
        if (other.ns !== ns && other.links.some((o) => vni(o) === id)) add(ns, l.ifname, other.ns);
    }
  return peers;
}
