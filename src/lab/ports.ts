// `docker run -p` as a learner types it: [HOST_IP:]HOST_PORT:CONTAINER_PORT[/tcp|/udp], where
// both ports may be ranges of one length (8000-8002:80-82), which Docker publishes port by port.
import { isIPv4 } from '../net/ipv4.js';

export interface PortSpec {
  hostIp?: string;
  hostPort: number;
  containerPort: number;
  proto: 'tcp' | 'udp';
}

const PORT_FORMS =
  'expected [HOST_IP:]HOST_PORT:CONTAINER_PORT[/tcp|/udp], ' +
  'e.g. "8080:80", "127.0.0.1:8080:80", "5353:53/udp", "0.0.0.0:8080:80/tcp", "8000-8002:80-82"';
/** A range publishes one port per number: a generous cap keeps a typo from making 60,000 rules. */
export const MAX_RANGE = 100;

const FORM = /^(?:([^:]*):)?([^:]*):([^:/]*)(?:\/(.*))?$/;
const NUMBER = /^[0-9]+$/;
const RANGE = /^[0-9]+-[0-9]+$/;

/** `N` or `N-M` as the numbers it covers, or null when it is neither. */
function numbers(text: string): number[] | null {
  if (NUMBER.test(text)) return [Number(text)];
  if (!RANGE.test(text)) return null;
  const [from, to] = text.split('-').map(Number) as [number, number];
  return to >= from ? Array.from({ length: Math.min(to - from + 1, MAX_RANGE + 1) }, (_, i) => from + i) : [];
}

/** The parsed -p, one entry per published port, or why it is not one (naming the form expected). */
export function parsePort(spec: string): PortSpec[] | { error: string } {
  const m = FORM.exec(spec);
  if (!m) return { error: `port "${spec}": ${PORT_FORMS}` };
  const [, hostIp, host = '', container = '', proto] = m;
  if (proto !== undefined && proto !== 'tcp' && proto !== 'udp')
    return { error: `port "${spec}": the protocol is tcp or udp (sctp is not supported), ${PORT_FORMS}` };
  if (hostIp !== undefined && !isIPv4(hostIp))
    return { error: `port "${spec}": "${hostIp}" is not an IPv4 address (HOST_IP), ${PORT_FORMS}` };
  const hostPorts = numbers(host);
  const containerPorts = numbers(container);
  if (!hostPorts || !containerPorts) return { error: `port "${spec}": ${PORT_FORMS}` };
  if (hostPorts.length === 0 || containerPorts.length === 0)
    return { error: `port "${spec}": a range goes from the lower port to the higher, e.g. 8000-8002` };
  if (hostPorts.length > MAX_RANGE || containerPorts.length > MAX_RANGE)
    return { error: `port "${spec}": a range publishes at most ${MAX_RANGE} ports here` };
  if (hostPorts.length > 1 && containerPorts.length === 1)
    return {
      error:
        `port "${spec}": with a host range and one container port Docker picks a free host port ` +
        'when the container starts; a lab needs to know it: write HOST_PORT:CONTAINER_PORT',
    };
  if (hostPorts.length !== containerPorts.length)
    return {
      error: `port "${spec}": the host range and the container range must be as long (8000-8002:80-82)`,
    };
  if ([...hostPorts, ...containerPorts].some((p) => p < 1 || p > 65535))
    return { error: `port "${spec}": ports are 1–65535` };
  return hostPorts.map((hostPort, i) => ({
    ...(hostIp !== undefined && hostIp !== '0.0.0.0' ? { hostIp } : {}),
    hostPort,
    containerPort: containerPorts[i]!,
    proto: (proto ?? 'tcp') as 'tcp' | 'udp',
  }));
}
