#!/usr/bin/env node
// Docker's embedded DNS server, rebuilt: started inside a container's namespace,
//   resolver.js 127.0.0.11:UDPPORT/udp 127.0.0.11:TCPPORT/tcp NETWORK NAME=ADDR[,ADDR…] … MARK
// It listens where dockerd's resolver listens (127.0.0.11, on lo's 127.0.0.0/8, at ports the
// nat rules DNAT port 53 to) and answers what dns-answers.js says. It prints "listening" once
// both sockets are bound and runs until SIGTERM. MARK (nslab:LAB) lets teardown find it.
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';
import dnsPacket from 'dns-packet';
import { answerer, parseZones } from './dns-answers.js';

const [udpAt, tcpAt, ...rest] = process.argv.slice(2);
const words = rest.slice(0, -1); // the last word is the mark
const where = (text, proto) => {
  const m = new RegExp(`^([0-9.]+):(\\d+)/${proto}$`).exec(text ?? '');
  if (!m) {
    process.stderr.write(`resolver: expected ADDRESS:PORT/${proto}, got "${text}"\n`);
    process.exit(2);
  }
  return { address: m[1], port: Number(m[2]) };
};
const udpAddr = where(udpAt, 'udp');
const tcpAddr = where(tcpAt, 'tcp');
const answer = answerer(parseZones(words));
const fail = (what) => (err) => {
  process.stderr.write(`resolver: cannot listen on ${what}: ${err.code ?? err.message}\n`);
  process.exit(1);
};

const udp = createSocket('udp4');
udp.on('message', (msg, rinfo) => {
  let query;
  try {
    query = dnsPacket.decode(msg);
  } catch {
    return; // not DNS: ignored, as Docker's server drops what it cannot parse
  }
  const reply = answer(query, false);
  if (reply) udp.send(dnsPacket.encode(reply), rinfo.port, rinfo.address);
});

// DNS over TCP: each message is preceded by its length (two bytes); one connection may carry several.
const tcp = createServer((socket) => {
  let pending = Buffer.alloc(0);
  socket.setTimeout(10_000, () => socket.destroy());
  socket.on('error', () => {}); // a client that hangs up must not take the server down
  socket.on('data', (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
      const size = pending.readUInt16BE(0);
      const msg = pending.subarray(2, 2 + size);
      pending = pending.subarray(2 + size);
      let query;
      try {
        query = dnsPacket.decode(msg);
      } catch {
        socket.destroy();
        return;
      }
      const reply = answer(query, true);
      if (reply) socket.write(dnsPacket.streamEncode(reply));
    }
  });
});

udp.on('error', fail(`${udpAddr.address}:${udpAddr.port}/udp`));
tcp.on('error', fail(`${tcpAddr.address}:${tcpAddr.port}/tcp`));
udp.bind(udpAddr.port, udpAddr.address, () =>
  tcp.listen(tcpAddr.port, tcpAddr.address, () => process.stdout.write('listening\n')),
);
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
process.stdout.on('error', () => {}); // nslab closes the pipe once it has read "listening"
