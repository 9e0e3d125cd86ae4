// The workshop's order of the labs: the README's lab catalogue, which follows the seeds (one
// bridge, NAT, published ports, DNS, … the drivers, the overlay, then load balancing).
export const WORKSHOP_ORDER = [
  'bridge-basic',
  'bridge-nat',
  'port-publish',
  'user-bridge-dns',
  'port-publish-no-proxy',
  'link',
  'bridge-isolation',
  'host-mode',
  'none-mode',
  'container-mode',
  'macvlan',
  'macvlan-shim',
  'ipvlan',
  'overlay',
  'service-vip',
] as const;

/** These labs in workshop order; one the order does not know comes after, by name. */
export function inWorkshopOrder<T extends { name: string }>(labs: T[]): T[] {
  const rank = (n: string) => {
    const i = (WORKSHOP_ORDER as readonly string[]).indexOf(n);
    return i < 0 ? WORKSHOP_ORDER.length : i;
  };
  return [...labs].sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));
}
