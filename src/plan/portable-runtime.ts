// What a portable handout (`plan --portable`) carries besides the plan's own commands: the bash
// functions that start servers with what the machine has (busybox, python3 or nc, chosen when
// the script runs), the probes of its checks (bash's /dev/tcp and /dev/udp, ping, getent), and
// one small python3 program for what needs a real socket program: udp answers, Docker's
// userland proxy and its embedded DNS server. Plain text: the renderer puts it in the script.

/**
 * One python3 program, four roles, each the behaviour of nslab's own src/serve programs:
 *   serve http|tcp|udp PORT NAME      what server.js answers ("NAME answered; client ADDR")
 *   proxy -proto P -host-ip … …       docker-proxy's flags: connects to the container itself
 *   dns UDPAT TCPAT NETWORK NAME=ADDR… resolver.js: the names of the container's networks
 * It prints "listening" once bound.
 */
const PYTHON = String.raw`import socket, struct, sys, threading


def listener(kind, host, port):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM if kind == 'udp' else socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((host, port))
    if kind != 'udp':
        s.listen(64)
    return s


def ready():
    print('listening', flush=True)


def forever(sock, handle):
    while True:
        conn, peer = sock.accept()
        threading.Thread(target=handle, args=(conn, peer), daemon=True).start()


def serve(kind, port, name):
    s = listener(kind, '0.0.0.0', int(port))
    ready()
    while kind == 'udp':
        _, peer = s.recvfrom(65535)
        s.sendto(f'{name} answered; client {peer[0]}\n'.encode(), peer)

    def answer(conn, peer):
        with conn:
            try:
                if kind == 'http':
                    conn.settimeout(5)
                    data = b''
                    while b'\r\n\r\n' not in data and b'\n\n' not in data:
                        more = conn.recv(4096)
                        if not more:
                            break
                        data += more
                    body = f'{name} answered; client {peer[0]}\n'.encode()
                    head = ('HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n'
                            f'Content-Length: {len(body)}\r\nConnection: close\r\n\r\n')
                    conn.sendall(head.encode() + body)
                else:
                    conn.sendall(f'{name}\n'.encode())
            except OSError:
                pass
    forever(s, answer)


def pipe(a, b):
    try:
        while True:
            data = a.recv(65536)
            if not data:
                break
            b.sendall(data)
        b.shutdown(socket.SHUT_WR)
    except OSError:
        pass


def proxy(flags):
    o = dict(zip(flags[0::2], flags[1::2]))
    proto, backend = o['-proto'], (o['-container-ip'], int(o['-container-port']))
    s = listener(proto, o['-host-ip'], int(o['-host-port']))
    ready()
    if proto == 'tcp':
        def relay(conn, _peer):
            try:
                up = socket.create_connection(backend, timeout=5)
                up.settimeout(None)
            except OSError:
                conn.close()
                return
            threading.Thread(target=pipe, args=(up, conn), daemon=True).start()
            pipe(conn, up)
        forever(s, relay)
    flows = {}

    def back(up, peer):
        up.settimeout(90)  # docker-proxy forgets a udp flow after 90 s without an answer
        try:
            while True:
                s.sendto(up.recv(65535), peer)
        except OSError:
            pass
        flows.pop(peer, None)
        up.close()
    while True:
        data, peer = s.recvfrom(65535)
        up = flows.get(peer)
        if up is None:
            up = flows[peer] = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            up.connect(backend)
            threading.Thread(target=back, args=(up, peer), daemon=True).start()
        try:
            up.send(data)
        except OSError:
            pass


def dns(udp_at, tcp_at, words):
    zones = []
    for w in words:
        if '=' in w:
            name, addrs = w.split('=', 1)
            zones[-1][1][name.lower()] = addrs.split(',')
        else:
            zones.append((w.lower(), {}))

    def lookup(qname):  # a.b.c as a.b.c on every network, then a.b on network c, …
        name = qname.rstrip('.').lower()
        tries, i = [(name, None)], name.rfind('.')
        while i > 0:
            tries.append((name[:i], name[i + 1:]))
            i = name.rfind('.', 0, i)
        for req, net in tries:
            for zone, names in zones:
                if (net is None or zone == net) and req in names:
                    return names[req]
        return None

    def answer(msg):
        try:
            qid, flags, count = struct.unpack('>HHH', msg[:6])
            if flags & 0x8000 or count != 1:
                return None
            i, labels = 12, []
            while msg[i]:
                labels.append(msg[i + 1:i + 1 + msg[i]].decode('ascii', 'replace'))
                i += 1 + msg[i]
            qtype = struct.unpack('>H', msg[i + 1:i + 3])[0]
        except (IndexError, struct.error):
            return None
        name = '.'.join(labels)
        found = lookup(name)
        # unknown: NXDOMAIN for a name without a dot, SERVFAIL otherwise (nothing is forwarded)
        rcode = 0 if found is not None else 3 if '.' not in name else 2
        records = found if found is not None and qtype == 1 else []
        head = struct.pack('>HHHHHH', qid, 0x8080 | (flags & 0x7900) | rcode, 1, len(records), 0, 0)
        return head + msg[12:i + 5] + b''.join(
            b'\xc0\x0c' + struct.pack('>HHIH', 1, 1, 600, 4) + socket.inet_aton(a) for a in records)

    def at(text):
        host, port = text.split('/')[0].rsplit(':', 1)
        return host, int(port)
    u = listener('udp', *at(udp_at))
    t = listener('tcp', *at(tcp_at))

    def over_tcp(conn, _peer):
        with conn:
            try:
                while True:
                    size = conn.recv(2, socket.MSG_WAITALL)
                    if len(size) < 2:
                        return
                    reply = answer(conn.recv(struct.unpack('>H', size)[0], socket.MSG_WAITALL))
                    if reply:
                        conn.sendall(struct.pack('>H', len(reply)) + reply)
            except OSError:
                pass
    threading.Thread(target=forever, args=(t, over_tcp), daemon=True).start()
    ready()
    while True:
        msg, peer = u.recvfrom(65535)
        reply = answer(msg)
        if reply:
            u.sendto(reply, peer)


role, args = sys.argv[1], sys.argv[2:]
if role == 'serve':
    serve(*args[:3])
elif role == 'proxy':
    proxy(args)
else:
    dns(args[0], args[1], args[2:])
`;

/** The functions every portable script starts with (STATE, NAMESPACES and LAB are set before). */
export const RUNTIME = `# ── what the script needs from the machine, decided when it runs
have() { command -v "$1" >/dev/null 2>&1; }
busybox_has() { have busybox && busybox --list 2>/dev/null | grep -qx "$1"; }
# a command in a namespace; an empty name is the machine's own namespace
in_ns() {
  local ns=$1
  shift
  if [ -n "$ns" ]; then ip netns exec "$ns" "$@"; else "$@"; fi
}
warn() { printf 'warning: %s\\n' "$*" >&2; }

# The program that runs a server of this kind here (NSLAB_SERVERS="python3 busybox" to choose):
# busybox (httpd with a CGI, nc -ll -e: http and tcp), python3 (all), nc (openbsd: tcp, and http
# with a fixed answer that cannot name the client). Prints nothing when none can.
server_program() {
  local p
  for p in \${NSLAB_SERVERS:-busybox python3 nc}; do
    case "$p/$1" in
      busybox/http) busybox_has httpd && { echo busybox; return; } ;;
      busybox/tcp) busybox_has nc && { echo busybox; return; } ;;
      python3/*) have python3 && { echo python3; return; } ;;
      nc/http | nc/tcp) have nc && { echo nc; return; } ;;
    esac
  done
  return 0
}

PYTHON_PROGRAM=$(
  cat <<'PYTHON'
${PYTHON.trimEnd()}
PYTHON
)

# A background program of the lab, in its own process group (down stops the group), its pid kept.
started() {
  local ns=$1
  shift
  setsid bash -c 'ns=$1; shift; if [ -n "$ns" ]; then exec ip netns exec "$ns" "$@"; else exec "$@"; fi' \\
    started "$ns" "$@" >>"$STATE/servers.log" 2>&1 </dev/null &
  echo "$!" >>"$STATE/pids"
}

# Waits until something listens on PORT (tcp or udp) in the namespace: 5 s at most.
listening() {
  local ns=$1 proto=$2 port=$3
  for _ in $(seq 50); do
    if [ -n "$(in_ns "$ns" ss -Hln --"$proto" "sport = :$port")" ]; then return 0; fi
    sleep 0.1
  done
  echo "nothing listens on $proto port $port in \${ns:-this machine} after 5 s (see $STATE/servers.log)" >&2
  return 1
}

# serve NS http|tcp|udp PORT NAME: what a container of the lab serves.
serve() {
  local ns=$1 kind=$2 port=$3 name=$4 program www
  program=$(server_program "$kind")
  case "$program/$kind" in
    busybox/http)
      # busybox httpd runs cgi-bin/index.cgi for "/" when there is no index.html; REMOTE_ADDR is the client
      www="$STATE/www-$name-$port"
      mkdir -p "$www/cgi-bin"
      printf '#!/bin/sh\\nprintf "Content-Type: text/plain\\\\r\\\\n\\\\r\\\\n%s answered; client %%s\\\\n" "$REMOTE_ADDR"\\n' \\
        "$name" >"$www/cgi-bin/index.cgi"
      chmod +x "$www/cgi-bin/index.cgi"
      started "$ns" busybox httpd -f -p "0.0.0.0:$port" -h "$www"
      ;;
    busybox/tcp) started "$ns" busybox nc -ll -p "$port" -e busybox echo "$name" ;;
    python3/*) started "$ns" python3 -c "$PYTHON_PROGRAM" serve "$kind" "$port" "$name" ;;
    nc/tcp) started "$ns" nc -lk "$port" ;;
    nc/http)
      warn "$name: nc answers http with a fixed text, without the client's address"
      started "$ns" bash -c 'while :; do printf "HTTP/1.0 200 OK\\r\\n\\r\\n%s answered\\n" "$1" | nc -l -N "$2" >/dev/null; done' \\
        serve "$name" "$port"
      ;;
    *)
      warn "$name: nothing here can serve $kind on port $port (install busybox or python3); checks of it will fail"
      return 0
      ;;
  esac
  listening "$ns" "$([ "$kind" = udp ] && echo udp || echo tcp)" "$port"
}

# Docker's userland proxy (docker-proxy FLAGS…): python3 only. Without it the published port still
# works through the DNAT, but not from the host's 127.0.0.1 nor for a container of the same bridge
# (Docker's rules leave those to the proxy); only "userland-proxy": false makes the kernel do that.
proxy() {
  local ns=$1
  shift
  if ! have python3; then
    warn "no python3: no docker-proxy for $*; the host's 127.0.0.1 and the bridge's own containers get no answer on that port"
    return 0
  fi
  started "$ns" python3 -c "$PYTHON_PROGRAM" proxy "$@"
  listening "$ns" "$2" "$6"
}

# Docker's embedded DNS server at 127.0.0.11 (resolver UDPAT TCPAT NETWORK NAME=ADDR…): python3 only.
resolver() {
  local ns=$1 udp_at=$2
  shift
  if ! have python3; then
    warn "no python3: no DNS server at 127.0.0.11 in $ns; names of user-defined networks will not resolve"
    return 0
  fi
  started "$ns" python3 -c "$PYTHON_PROGRAM" dns "$@"
  udp_at=\${udp_at%/udp}
  listening "$ns" udp "\${udp_at##*:}"
}

# Stops every program the script started (their process groups), then anything still running in
# the lab's namespaces, so that deleting them frees everything.
stop_servers() {
  local pid ns
  if [ -f "$STATE/pids" ]; then
    while read -r pid; do kill -- "-$pid" 2>/dev/null || true; done <"$STATE/pids"
  fi
  for ns in "\${NAMESPACES[@]}"; do
    [ -e "/run/netns/$ns" ] || continue
    for pid in $(ip netns pids "$ns" 2>/dev/null); do kill "$pid" 2>/dev/null || true; done
  done
  sleep 0.2
}

# up failed: undo what was done, newest first (down's undos tolerate what is not there)
rollback() {
  trap - ERR
  echo "up failed (exit $1): undoing what was done" >&2
  down >/dev/null 2>&1 || true
  exit "$1"
}

# An undo of down: what is already gone is fine.
undo() { "$@" 2>/dev/null || true; }

# ── the checks' probes (bash's /dev/tcp and /dev/udp: no client program needed)
probe() {
  case "$1" in
    tcp) exec 3<>"/dev/tcp/$2/$3" ;;
    http)
      local reply
      exec 3<>"/dev/tcp/$2/$3" || return 1
      printf 'GET / HTTP/1.0\\r\\nHost: %s\\r\\n\\r\\n' "$2" >&3
      reply=$(tr -d '\\r' <&3)
      # an answer is "200 OK"; its body is what follows the headers
      [[ $reply == "HTTP/1."?" 200"* ]] || return 1
      sed '1,/^$/d' <<<"$reply"
      ;;
    udp)
      # udp has no retransmission: send again while no answer came, as a DNS client does
      exec 3<>"/dev/udp/$2/$3" || return 1
      for _ in 1 2 3 4 5; do
        printf 'nslab probe\\n' >&3
        if timeout 0.3 head -n 1 <&3; then return 0; fi
      done
      return 1
      ;;
  esac
}
PROBE="$(declare -f probe); probe \\"\\$@\\""
# a probe run in a namespace, 3 s at most
probe_in() {
  local ns=$1
  shift
  in_ns "$ns" timeout 3 bash -c "$PROBE" probe "$@"
}

FAILED=0
# verdict EXPECT NAME WHY REACHED: one line per check
verdict() {
  if { [ "$4" = yes ] && [ "$1" = reach ]; } || { [ "$4" = no ] && [ "$1" = fail ]; }; then
    printf 'PASS  %s\\n' "$2"
  else
    printf 'FAIL  %s    (%s)\\n' "$2" "$3"
    FAILED=$((FAILED + 1))
  fi
}
ping_check() {
  local expect=$1 name=$2 why=$3 ns=$4
  shift 4
  if in_ns "$ns" ping "$@" >/dev/null 2>&1 || in_ns "$ns" ping "$@" >/dev/null 2>&1; then
    verdict "$expect" "$name" "$why" yes
  else verdict "$expect" "$name" "$why" no; fi
}
# tcp|udp|http check: EXPECT NAME WHY NS KIND ADDR PORT [BODY [TIMES [ANSWERS…]]]
socket_check() {
  local expect=$1 name=$2 why=$3 ns=$4 kind=$5 addr=$6 port=$7 body=\${8:-} times=\${9:-1} out a ok=yes
  shift $(($# < 9 ? $# : 9))
  out=""
  for _ in $(seq "$times"); do
    if ! a=$(probe_in "$ns" "$kind" "$addr" "$port"); then ok=no; break; fi
    if [ -n "$body" ] && [[ $a != *"$body"* ]]; then ok=no; break; fi
    out+="$a"$'\\n'
  done
  for a in "$@"; do [[ $'\\n'$out == *$'\\n'"$a "* ]] || ok=no; done
  verdict "$expect" "$name" "$why" "$ok"
}
resolve_check() {
  local expect=$1 name=$2 why=$3 ns=$4 lookup=$5 want=$6 found
  found=$(in_ns "$ns" getent hosts "$lookup" | awk '{print $1}') || true
  if [ -n "$found" ] && { [ -z "$want" ] || grep -qx -- "$want" <<<"$found"; }; then
    verdict "$expect" "$name" "$why" yes
  else verdict "$expect" "$name" "$why" no; fi
}
# can a server bind this tcp port here: nothing listens on it
listen_check() {
  if [ -z "$(in_ns "$4" ss -Hltn "sport = :$5")" ]; then
    verdict "$1" "$2" "$3" yes
  else verdict "$1" "$2" "$3" no; fi
}
`;
