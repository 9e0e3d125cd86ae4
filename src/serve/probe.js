#!/usr/bin/env node
// A check's probe, run inside a namespace; prints one JSON line and exits 0.
//   probe.js tcp HOST PORT          connect
//   probe.js http HOST PORT [N]     GET / (N times, for load balancing); the bodies
//   probe.js udp HOST PORT          a datagram (resent every 200 ms); the answer (within 1 s)
//   probe.js listen PORT            can a server bind this port here?
//   probe.js peer HOST PORT         GET /; this end's address:port and the one the server saw
// An answer's JSON has `ms` (since the probe started) and `answerMs`, the slowest single answer
// since its request went out: what nslab sizes a must-fail check's window by.
// tcp, udp and http take --until-stopped (last): held open for a must-fail check, the probe
// prints `sent` when its request is out, then waits for an answer until SIGINT (10 s at most)
// and says how long it waited since the send ({"ok":false,"error":"no answer","waitedMs":…}).
import { createSocket } from 'node:dgram';
import { request } from 'node:http';
import { connect, createServer } from 'node:net';

const [mode, ...rest] = process.argv.slice(2);
const held = rest.at(-1) === '--until-stopped';
const args = held ? rest.slice(0, -1) : rest;
const HELD_MAX_MS = 10_000;
const TIMEOUT_MS = held ? HELD_MAX_MS : 1500;
const done = (result) => {
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
};
const started = performance.now();
const ms = () => Math.round((performance.now() - started) * 1000) / 1000;

// Held open: the moment the request went out is what nslab's window counts from.
let sentAt = null;
const sent = () => {
  if (sentAt !== null) return;
  sentAt = performance.now();
  if (held) process.stdout.write('sent\n');
};
const since = (t) => Math.round((performance.now() - t) * 1000) / 1000;
if (held)
  process.on('SIGINT', () =>
    done({
      ok: false,
      error: 'no answer',
      waitedMs: sentAt === null ? 0 : Math.floor(performance.now() - sentAt),
    }),
  );

function tcp(host, port) {
  const socket = connect({ host, port: Number(port), timeout: TIMEOUT_MS });
  socket.on('connectionAttempt', sent);
  socket.on('connect', () => {
    socket.destroy();
    done({ ok: true, ms: ms(), answerMs: since(sentAt) });
  });
  socket.on('timeout', () => {
    socket.destroy();
    done({ ok: false, error: `no answer within ${TIMEOUT_MS} ms` });
  });
  socket.on('error', (e) => done({ ok: false, error: e.code ?? e.message }));
}

const UDP_TIMEOUT_MS = held ? HELD_MAX_MS : 1000;
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
    done({ ok: true, bodies: [msg.toString('utf8').trim()], ms: ms(), answerMs: since(sentAt) });
  });
  // an ICMP port unreachable comes back as ECONNREFUSED on a connected socket
  socket.on('error', (e) => {
    clearTimeout(timer);
    done({ ok: false, error: e.code ?? e.message });
  });
  // UDP has no retransmission of its own: like a DNS client, send again while no answer came (the
  // first datagram of a fresh namespace can be lost while the neighbour is resolved)
  socket.connect(Number(port), host, () => {
    const send = () => socket.send('nslab probe\n', sent);
    send();
    const again = setInterval(send, UDP_RETRY_MS);
    socket.on('close', () => clearInterval(again));
  });
}

function get(host, port) {
  return new Promise((resolve) => {
    let out = performance.now();
    const req = request({ host, port: Number(port), path: '/', timeout: TIMEOUT_MS, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () =>
        resolve({ ok: res.statusCode === 200, status: res.statusCode, body, took: since(out) }),
      );
    });
    req.on('socket', (s) =>
      s.on('connectionAttempt', () => {
        out = performance.now();
        sent();
      }),
    );
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
  let answerMs = 0;
  for (let i = 0; i < Number(times); i++) {
    const { took, ...r } = await get(host, port);
    if (!r.ok) return done({ ...r, bodies, ms: ms() });
    bodies.push(r.body.trim());
    answerMs = Math.max(answerMs, took);
  }
  done({ ok: true, bodies, ms: ms(), answerMs });
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
