#!/usr/bin/env node
// Docker's userland proxy, rebuilt: what dockerd starts for each published port (userland-proxy on,
// the default), with the same flags:
//   docker-proxy.js -proto tcp|udp -host-ip IP -host-port N -container-ip IP -container-port N MARK
// It listens on HOST_IP:HOST_PORT in the Docker host's namespace and forwards each connection (tcp)
// or each client's datagrams (udp) to CONTAINER_IP:CONTAINER_PORT from an address of its own, so
// the container sees the host (the bridge's gateway) as its client. It answers what the DNAT does
// not: the host's own 127.0.0.1 and, with Docker's rules, a container calling its own bridge's
// published port (the hairpin).
// Like Docker's (cmd/docker-proxy, libnetwork cmd/proxy): tcp pipes both ways and half-closes each
// direction on its own; udp keeps one socket towards the container per client, forgotten after
// 90 s without an answer, so each answer goes back to the client that asked.
// It prints one line once bound (nslab waits for it; Docker's waits for "0\n" on fd 3), exits 1
// with the reason when it cannot bind (the port is taken), and exits 0 on SIGTERM or SIGINT (dockerd
// stops it with SIGINT). MARK (nslab:LAB) is only there so teardown finds the process.
import { createSocket } from 'node:dgram';
import { connect, createServer, isIPv4 } from 'node:net';

/** Docker's UDPConnTrackTimeout: a udp flow without traffic from the container is forgotten. */
const UDP_FLOW_TIMEOUT_MS = 90_000;

const usage =
  'usage: docker-proxy.js -proto tcp|udp -host-ip IP -host-port N -container-ip IP -container-port N MARK';

/** Go's flag package: `-name value`, `--name value`, `-name=value`; the mark is the last word. */
function parseFlags(words) {
  const flags = {};
  for (let i = 0; i < words.length - 1; i++) {
    const m = /^--?([a-z-]+)(?:=(.*))?$/.exec(words[i]);
    if (!m) fail(2, `unexpected argument "${words[i]}"\n${usage}`);
    flags[m[1]] = m[2] ?? words[++i];
  }
  const port = (name) => {
    const n = Number(flags[name]);
    if (!Number.isInteger(n) || n < 1 || n > 65535) fail(2, `-${name} must be a port 1–65535\n${usage}`);
    return n;
  };
  const address = (name) => {
    if (!isIPv4(flags[name] ?? '')) fail(2, `-${name} must be an IPv4 address\n${usage}`);
    return flags[name];
  };
  const proto = flags.proto ?? 'tcp';
  if (proto !== 'tcp' && proto !== 'udp') fail(2, `unsupported protocol ${proto}\n${usage}`);
  return {
    proto,
    hostIp: address('host-ip'),
    hostPort: port('host-port'),
    containerIp: address('container-ip'),
    containerPort: port('container-port'),
  };
}

function fail(code, message) {
  process.stderr.write(`docker-proxy: ${message}\n`);
  process.exit(code);
}

const { proto, hostIp, hostPort, containerIp, containerPort } = parseFlags(process.argv.slice(2));
const front = `${proto}/${hostIp}:${hostPort}`;
const back = `${proto}/${containerIp}:${containerPort}`;

function tcpProxy() {
  const server = createServer({ allowHalfOpen: true }, (client) => {
    const backend = connect({ host: containerIp, port: containerPort, allowHalfOpen: true });
    // Each direction ends on its own (Docker's CloseWrite): a client that has sent its request and
    // shut its side down still gets the whole answer.
    client.pipe(backend);
    backend.pipe(client);
    // An error on either side (a refused backend, a reset) closes both; the proxy itself goes on.
    const both = () => {
      client.destroy();
      backend.destroy();
    };
    client.on('error', both);
    backend.on('error', (e) => {
      process.stderr.write(`docker-proxy: cannot forward to ${back}: ${e.code ?? e.message}\n`);
      both();
    });
    client.on('close', () => backend.destroy());
    backend.on('close', () => client.destroy());
  });
  return { server, listen: (cb) => server.listen(hostPort, hostIp, cb), close: () => server.close() };
}

function udpProxy() {
  const server = createSocket('udp4');
  /** client "ip:port" → its socket towards the container */
  const flows = new Map();
  const flowOf = (rinfo) => {
    const key = `${rinfo.address}:${rinfo.port}`;
    let flow = flows.get(key);
    if (flow) return flow;
    const socket = createSocket('udp4');
    let timer;
    const forget = () => {
      clearTimeout(timer);
      flows.delete(key);
      socket.close();
    };
    const idle = () => {
      clearTimeout(timer);
      timer = setTimeout(forget, UDP_FLOW_TIMEOUT_MS);
      timer.unref();
    };
    // The container's answer goes back from the proxy's own port to the client that asked.
    socket.on('message', (msg) => {
      idle();
      server.send(msg, rinfo.port, rinfo.address);
    });
    // Nothing listening in the container yet (ICMP port unreachable): keep the flow, as Docker's does.
    socket.on('error', () => {});
    // Datagrams that arrive before the socket is connected wait for it.
    const waiting = [];
    socket.connect(containerPort, containerIp, () => {
      flow.connected = true;
      for (const m of waiting.splice(0)) socket.send(m, () => {});
    });
    flow = { socket, waiting, connected: false };
    flows.set(key, flow);
    idle();
    return flow;
  };
  server.on('message', (msg, rinfo) => {
    const flow = flowOf(rinfo);
    if (flow.connected) flow.socket.send(msg, () => {});
    else flow.waiting.push(msg);
  });
  return {
    server,
    listen: (cb) => server.bind(hostPort, hostIp, cb),
    close: () => {
      for (const { socket } of flows.values()) socket.close();
      server.close();
    },
  };
}

const proxy = proto === 'udp' ? udpProxy() : tcpProxy();
proxy.server.on('error', (e) =>
  fail(
    1,
    `cannot listen on ${front}: ${e.code === 'EADDRINUSE' ? 'the port is already taken' : (e.code ?? e.message)}`,
  ),
);
proxy.listen(() => process.stdout.write(`listening on ${front}, forwarding to ${back}\n`));
for (const signal of ['SIGTERM', 'SIGINT'])
  process.on(signal, () => {
    proxy.close();
    process.exit(0);
  });
// nslab closes both pipes once it has read the first line: a later message must not end the proxy
process.stdout.on('error', () => {});
process.stderr.on('error', () => {});
