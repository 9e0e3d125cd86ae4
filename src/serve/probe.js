#!/usr/bin/env node
// A check's probe, run inside a namespace; prints one JSON line and exits 0.
//   probe.js tcp HOST PORT          connect
//   probe.js http HOST PORT [N]     GET / (N times, for load balancing); the bodies
//   probe.js udp HOST PORT          a datagram (resent every 200 ms); the answer (within 1 s)
//   probe.js listen PORT            can a server bind this port here?
//   probe.js peer HOST PORT         GET /; this end's address:port and the one the server saw
import { createSocket } from 'node:dgram';
import { request } from 'node:http';
import { connect, createServer } from 'node:net';

const TIMEOUT_MS = 1500;
const [mode, ...args] = process.argv.slice(2);
const done = (result) => {
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
};
const started = performance.now();
const ms = () => Math.round((performance.now() - started) * 1000) / 1000;

function tcp(host, port) {
  const socket = connect({ host, port: Number(port), timeout: TIMEOUT_MS });
  socket.on('connect', () => {
    socket.destroy();
    done({ ok: true, ms: ms() });
  });
  socket.on('timeout', () => {
    socket.destroy();
    done({ ok: false, error: `no answer within ${TIMEOUT_MS} ms` });
  });
  socket.on('error', (e) => done({ ok: false, error: e.code ?? e.message }));
}

const UDP_TIMEOUT_MS = 1000;
const UDP_RETRY_MS = 200;

function udp(host, port) {
  const socket = createSocket('udp4');
  const timer = setTimeout(() => {
    socket.close();
    done({ ok: false, error: `no answer within ${UDP_TIMEOUT_MS} ms` });
  }, UDP_TIMEOUT_MS);
  socket.on('message', (msg) => {
    clearTimeout(timer);
    socket.close();
    done({ ok: true, bodies: [msg.toString('utf8').trim()], ms: ms() });
  });
  // an ICMP port unreachable comes back as ECONNREFUSED on a connected socket
  socket.on('error', (e) => {
    clearTimeout(timer);
    done({ ok: false, error: e.code ?? e.message });
  });
  // UDP has no retransmission of its own: like a DNS client, send again while no answer came (the
  // first datagram of a fresh namespace can be lost while the neighbour is resolved)
  socket.connect(Number(port), host, () => {
    const send = () => socket.send('nslab probe\n', () => {});
    send();
    const again = setInterval(send, UDP_RETRY_MS);
    socket.on('close', () => clearInterval(again));
  });
}

function get(host, port) {
  return new Promise((resolve) => {
    const req = request({ host, port: Number(port), path: '/', timeout: TIMEOUT_MS, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ ok: res.statusCode === 200, status: res.statusCode, body }));
    });
    req.on('timeout', () => {
      req.destroy();
      resolve({ ok: false, error: `no answer within ${TIMEOUT_MS} ms` });
    });
    req.on('error', (e) => resolve({ ok: false, error: e.code ?? e.message }));
    req.end();
  });
}

async function http(host, port, times = '1') {
  const bodies = [];
  for (let i = 0; i < Number(times); i++) {
    const r = await get(host, port);
    if (!r.ok) return done({ ...r, bodies, ms: ms() });
    bodies.push(r.body.trim());
  }
  done({ ok: true, bodies, ms: ms() });
}

function listen(port) {
  const server = createServer();
  server.on('error', (e) => done({ ok: false, error: e.code ?? e.message }));
  server.listen(Number(port), '0.0.0.0', () => server.close(() => done({ ok: true, ms: ms() })));
}

function peer(host, port) {
  const req = request({ host, port: Number(port), path: '/', timeout: TIMEOUT_MS, agent: false }, (res) => {
    res.resume();
    res.on('end', () =>
      done({
        ok: res.statusCode === 200,
        local,
        seen: res.headers['x-nslab-client'] ?? null,
      }),
    );
  });
  let local = null;
  req.on('socket', (s) => s.on('connect', () => (local = `${s.localAddress}:${s.localPort}`)));
  req.on('timeout', () => {
    req.destroy();
    done({ ok: false, error: `no answer within ${TIMEOUT_MS} ms`, local });
  });
  req.on('error', (e) => done({ ok: false, error: e.code ?? e.message, local }));
  req.end();
}

if (mode === 'tcp') tcp(args[0], args[1]);
else if (mode === 'peer') peer(args[0], args[1]);
else if (mode === 'http') void http(args[0], args[1], args[2]);
else if (mode === 'udp') udp(args[0], args[1]);
else if (mode === 'listen') listen(args[0]);
else done({ ok: false, error: `unknown probe ${mode}` });
