// `docker run -p` as a learner types it: [HOST_IP:]HOST_PORT:CONTAINER_PORT[/tcp|/udp].
import { isIPv4 } from '../net/ipv4.js';

export interface PortSpec {
  hostIp?: string;
  hostPort: number;
  containerPort: number;
  proto: 'tcp' | 'udp';
}

const PORT_FORMS =
  'expected [HOST_IP:]HOST_PORT:CONTAINER_PORT[/tcp|/udp], ' +
  'e.g. "8080:80", "127.0.0.1:8080:80", "5353:53/udp", "0.0.0.0:8080:80/tcp"';

const FORM = /^(?:([^:]*):)?([^:]*):([^:/]*)(?:\/(.*))?$/;
const NUMBER = /^[0-9]+$/;
const RANGE = /^[0-9]+-[0-9]+$/;

/** The parsed -p, or why it is not one (the message names the form expected). */
export function parsePort(spec: string): PortSpec | { error: string } {
  const m = FORM.exec(spec);
  if (!m) return { error: `port "${spec}": ${PORT_FORMS}` };
  const [, hostIp, host = '', container = '', proto] = m;
  if (RANGE.test(host) || RANGE.test(container))
    return {
      error: `port "${spec}": port ranges (8000-8001:80-81) are not supported yet: publish each port`,
    };
  if (proto !== undefined && proto !== 'tcp' && proto !== 'udp')
    return { error: `port "${spec}": the protocol is tcp or udp (sctp is not supported), ${PORT_FORMS}` };
  if (hostIp !== undefined && !isIPv4(hostIp))
    return { error: `port "${spec}": "${hostIp}" is not an IPv4 address (HOST_IP), ${PORT_FORMS}` };
  if (!NUMBER.test(host) || !NUMBER.test(container)) return { error: `port "${spec}": ${PORT_FORMS}` };
  const hostPort = Number(host);
  const containerPort = Number(container);
  if (hostPort < 1 || hostPort > 65535 || containerPort < 1 || containerPort > 65535)
    return { error: `port "${spec}": ports are 1–65535` };
  return {
    ...(hostIp !== undefined && hostIp !== '0.0.0.0' ? { hostIp } : {}),
    hostPort,
    containerPort,
    proto: (proto ?? 'tcp') as 'tcp' | 'udp',
  };
}
