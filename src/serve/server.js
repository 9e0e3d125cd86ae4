#!/usr/bin/env node
// The server nslab starts inside a namespace: `server.js http|tcp|udp PORT NAME MARK`.
// http answers "NAME answered; client ADDRESS" so a check can tell who answered and who asked;
// udp answers each datagram with the same line.
// It prints "listening" once bound (nslab waits for that line) and runs until SIGTERM.
// MARK (nslab:LAB) is only there so teardown can find the process by its command line.
import { createServer as createHttp } from 'node:http';
import { createSocket } from 'node:dgram';
import { createServer as createTcp } from 'node:net';

const [kind, portText, name] = process.argv.slice(2);
const port = Number(portText);
const clientOf = (socket) => (socket.remoteAddress ?? '').replace(/^::ffff:/, '');

const udp = () => {
  const socket = createSocket('udp4');
  socket.on('message', (_msg, rinfo) =>
    socket.send(`${name} answered; client ${rinfo.address}\n`, rinfo.port, rinfo.address),
  );
  // dgram's bind takes (port, address, callback), as net's listen does
  return { on: (...a) => socket.on(...a), listen: (p, a, cb) => socket.bind(p, a, cb) };
};

const server =
  kind === 'udp'
    ? udp()
    : kind === 'http'
      ? createHttp((req, res) => {
          res.setHeader('content-type', 'text/plain');
          res.setHeader('connection', 'close');
          // the address and port the connection came from: compare tells a proxy from NAT by the port
          res.setHeader('x-nslab-client', `${clientOf(req.socket)}:${req.socket.remotePort}`);
          res.end(`${name} answered; client ${clientOf(req.socket)}\n`);
        })
      : createTcp((socket) => {
          socket.on('error', () => {}); // a client that hangs up at once must not take the server down
          socket.end(`${name}\n`);
        });

server.on('error', (err) => {
  process.stderr.write(`${name}: cannot listen on port ${port}: ${err.code ?? err.message}\n`);
  process.exit(1);
});
server.listen(port, '0.0.0.0', () => process.stdout.write('listening\n'));
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
process.stdout.on('error', () => {}); // nslab closes the pipe once it has read "listening"
