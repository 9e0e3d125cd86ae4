// Which kinds of link this kernel can make, tried for real in a scratch namespace: a missing
// module is an environment error named up front, never a failure half-way. What worked is
// remembered until the machine reboots (/run/nslab/kernel-links, with the boot's id), so only
// the first `up` after a boot pays the ~100 ms the tries take; what failed is tried again,
// since a `modprobe` may have loaded it since. (Not a .json: those are labs' state files.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnvError } from './errors.js';
import { runLean } from './exec.js';
import type { Plan } from '../plan/types.js';
import { stateDir, writeFileAtomic } from './state.js';

export const LINK_KINDS = ['bridge', 'veth', 'macvlan', 'ipvlan', 'vxlan'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

const cache = new Map<LinkKind, boolean>();
const bootId = () => readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
const remembered = () => join(stateDir(), 'kernel-links');

/** The kinds this boot of the kernel is known to make. */
function knownKinds(): LinkKind[] {
  try {
    const k = JSON.parse(readFileSync(remembered(), 'utf8')) as { boot: string; supports: LinkKind[] };
    return k.boot === bootId() ? k.supports : [];
  } catch {
    return [];
  }
}

function remember(kind: LinkKind): void {
  try {
    writeFileAtomic(
      remembered(),
      JSON.stringify({ boot: bootId(), supports: [...new Set([...knownKinds(), kind])] }),
    );
  } catch {
    // Not remembered: tried again next time.
  }
}

export async function kernelSupports(kind: LinkKind): Promise<boolean> {
  const known = cache.get(kind) ?? (knownKinds().includes(kind) || undefined);
  if (known !== undefined) return known;
  const ns = `nslab-probe-${process.pid}-${kind}`;
  const added = await runLean(['ip', 'netns', 'add', ns]);
  // Not a missing link kind: nothing can be tried at all, and modprobe would not help.
  if (added.exitCode !== 0)
    throw new EnvError(
      `cannot create the scratch namespace ${ns} to try the kernel's link kinds: ${added.stderr.trim()}`,
      'nslab needs root and a kernel with network namespaces (`ip netns add` must work)',
    );
  try {
    const ip = (...args: string[]) => runLean(['ip', '-n', ns, 'link', 'add', ...args]);
    const parent = await ip('p0', 'type', 'veth', 'peer', 'name', 'p1');
    const r =
      kind === 'veth'
        ? parent
        : kind === 'bridge'
          ? await ip('x0', 'type', 'bridge')
          : kind === 'vxlan'
            ? await ip('x0', 'type', 'vxlan', 'id', '1', 'dstport', '4789')
            : await ip('x0', 'link', 'p0', 'type', kind, 'mode', kind === 'macvlan' ? 'bridge' : 'l2');
    cache.set(kind, r.exitCode === 0);
    if (r.exitCode === 0) remember(kind);
    return r.exitCode === 0;
  } finally {
    await runLean(['ip', 'netns', 'del', ns]);
  }
}

const isLinkKind = (kind: string | undefined): kind is LinkKind =>
  (LINK_KINDS as readonly (string | undefined)[]).includes(kind);

/** The kinds of link a plan creates. */
const linkKindsOf = (plan: Plan): LinkKind[] => {
  const kinds = plan.steps
    .flatMap((s) => s.commands)
    .map((c) => (c.tool === 'ip' ? c.makes?.type : undefined));
  return [...new Set(kinds.filter(isLinkKind))];
};

export async function missingKinds(plan: Plan): Promise<LinkKind[]> {
  const kinds = linkKindsOf(plan);
  const supported = await Promise.all(kinds.map(kernelSupports));
  return kinds.filter((_, i) => !supported[i]);
}
