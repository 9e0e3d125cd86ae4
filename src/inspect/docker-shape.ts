// What `docker network inspect` and `docker inspect` would print for a lab that is up, in
// Docker's own JSON shape, so a learner can hold nslab's output beside Docker's. Pure: the lab
// and plan give the names and the configuration (subnet, gateway, nat, driver), the network
// observed in the kernel gives what the kernel decides (each container's MAC and address, the
// bridge's MTU).
import { createHash } from 'node:crypto';
import { HOST_UPLINK_IFNAME } from '../lab/names.js';
import type { Container, Endpoint, Lab, Network } from '../lab/types.js';
import { formatSubnet } from '../net/ipv4.js';
import type { Plan } from '../plan/types.js';
import type { ContainerState, ObservedNetwork } from './observe.js';

/**
 * Docker's ids are 64 random hex digits. nslab has no engine to hand them out, so it makes up
 * stable ones: the sha256 of what the id stands for (kind, lab, name), the same on every run.
 */
const madeUpId = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('hex');

const networkId = (lab: string, net: string) => madeUpId('network', lab, net);
const containerId = (lab: string, c: string) => madeUpId('container', lab, c);
const endpointId = (lab: string, net: string, c: string) => madeUpId('endpoint', lab, net, c);

/** Go marshals a map with its keys sorted; so does this. */
const sorted = <T>(entries: [string, T][]): Record<string, T> =>
  Object.fromEntries(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** What the kernel has for one endpoint: the interface inside the container, by its name. */
function seenEndpoint(seen: ContainerState | undefined, ep: Endpoint): { mac: string; address: string } {
  const link = seen?.endpoints.find((e) => e.inside.name === ep.ifname)?.inside;
  return { mac: link?.mac ?? '', address: link?.addresses[0] ?? '' };
}

/** The driver's options, as Docker 20.10 lists them for docker0 (bridge) or the driver's own. */
function optionsOf(net: Network, plan: Plan, seen: ObservedNetwork[]): Record<string, string> {
  switch (net.driver) {
    case 'bridge': {
      const mtu = seen.map((s) => s.bridges[net.name]?.mtu).find((m) => m !== undefined);
      return sorted([
        ['com.docker.network.bridge.enable_icc', 'true'],
        ['com.docker.network.bridge.enable_ip_masquerade', String(net.nat)],
        ['com.docker.network.bridge.host_binding_ipv4', '0.0.0.0'],
        ['com.docker.network.bridge.name', net.name],
        ...(mtu !== undefined ? [['com.docker.network.driver.mtu', String(mtu)] as [string, string]] : []),
      ]);
    }
    case 'macvlan':
    case 'ipvlan':
      // the children's parent: the Docker host's uplink (eth0 in a sandbox)
      return {
        ...(net.driver === 'ipvlan' ? { ipvlan_mode: 'l2' } : {}),
        parent: plan.place.kind === 'sandbox' ? 'eth0' : HOST_UPLINK_IFNAME,
      };
    case 'overlay':
      return { 'com.docker.network.driver.overlay.vxlanid_list': String(net.vni ?? '') };
  }
}

/** `docker network inspect` of every network of the lab, in the lab's order. */
export function dockerNetworks(lab: Lab, plan: Plan, seen: Record<string, ObservedNetwork>) {
  const sides = Object.values(seen);
  const containerSeen = (c: Container) => seen[c.host]?.containers[c.name];
  return lab.networks.map((net) => ({
    Name: net.name,
    Id: networkId(lab.name, net.name),
    Created: null,
    // Docker's overlay networks belong to the swarm; every other driver is local to one engine.
    Scope: net.driver === 'overlay' ? 'swarm' : 'local',
    Driver: net.driver,
    EnableIPv6: false,
    IPAM: {
      Driver: 'default',
      Options: {},
      Config: [{ Subnet: formatSubnet(net.subnet), Gateway: net.gateway }],
    },
    Internal: net.internal,
    Attachable: false,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: sorted(
      lab.containers.flatMap((c) =>
        c.endpoints
          .filter((ep) => ep.network === net.name)
          .map((ep) => {
            const { mac, address } = seenEndpoint(containerSeen(c), ep);
            return [
              containerId(lab.name, c.name),
              {
                Name: c.name,
                EndpointID: endpointId(lab.name, net.name, c.name),
                MacAddress: mac,
                IPv4Address: address,
                IPv6Address: '',
              },
            ] as [string, object];
          }),
      ),
    ),
    Options: optionsOf(net, plan, sides),
    Labels: {},
  }));
}

const emptyNetwork = (lab: string, name: string, c: string) => ({
  NetworkID: networkId(lab, name),
  EndpointID: endpointId(lab, name, c),
  Gateway: '',
  IPAddress: '',
  IPPrefixLen: 0,
  IPv6Gateway: '',
  GlobalIPv6Address: '',
  GlobalIPv6PrefixLen: 0,
  MacAddress: '',
});

/** A trimmed `docker inspect` of every container of the lab: its state and its networks. */
export function dockerContainers(lab: Lab, plan: Plan, seen: Record<string, ObservedNetwork>) {
  return lab.containers.map((c) => {
    const own = seen[c.host]?.containers[c.name];
    const ns = plan.containerNs[c.name] ?? null;
    const mode = c.mode;
    const networks =
      mode.kind === 'none' || mode.kind === 'host'
        ? { [mode.kind]: emptyNetwork(lab.name, mode.kind, c.name) }
        : Object.fromEntries(
            c.endpoints.map((ep) => {
              const { mac, address } = seenEndpoint(own, ep);
              const [ip, prefix] = address ? address.split('/') : ['', '0'];
              const net = lab.networks.find((n) => n.name === ep.network);
              return [
                ep.network,
                {
                  ...emptyNetwork(lab.name, ep.network, c.name),
                  Gateway: net?.driver === 'overlay' || !net ? '' : net.gateway,
                  IPAddress: ip!,
                  IPPrefixLen: Number(prefix),
                  MacAddress: mac,
                },
              ];
            }),
          );
    return {
      Id: containerId(lab.name, c.name),
      State: {
        // the namespace is there when the kernel answered for it (its lo, or the host's own)
        Status: own && (own.sharesHost || own.lo) ? 'running' : 'exited',
        Running: Boolean(own && (own.sharesHost || own.lo)),
        Pid: null,
      },
      Name: `/${c.name}`,
      HostConfig: {
        NetworkMode:
          mode.kind === 'container'
            ? `container:${containerId(lab.name, mode.of)}`
            : mode.kind === 'bridge'
              ? (c.endpoints[0]?.network ?? 'default')
              : mode.kind,
      },
      NetworkSettings: {
        // Docker leaves it empty for a container that joins another's namespace
        SandboxKey: mode.kind === 'container' ? '' : ns ? `/run/netns/${ns}` : '/proc/1/ns/net',
        Networks: networks,
      },
    };
  });
}
