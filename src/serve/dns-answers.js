// The answers of resolver.js, apart from its sockets so they can be tested: what Docker 20.10's
// embedded DNS server (libnetwork resolver.go, sandbox.ResolveName) answers a container.
//
// - A: the addresses of a container name or network alias on the asker's networks, from the first
//   of its networks that has the name (in the order it joined them); NAME.NETWORK asks one network.
//   Several addresses (an alias shared by containers) come in a new order each time: Docker
//   shuffles them at random, nslab rotates them, so a test sees every order in turn.
// - AAAA or MX for a name it knows: NOERROR without answers (the networks have no IPv6), so the
//   client does not go on to ask elsewhere.
// - Anything else Docker forwards to the host's resolvers (nameserver lines of its resolv.conf).
//   nslab's resolver forwards nothing out of the lab: a name without a dot gets NXDOMAIN (what the
//   host's resolvers say for such a name, as `nslookup nosuch 127.0.0.11` in a Docker container
//   shows), any other name SERVFAIL, the code Docker's resolver itself answers when it does not
//   forward. (With no external server it can reach, Docker answers nothing and the client times out.)
// Replies are not authoritative and say recursion is available, as Docker's do; TTL 600.
import dnsPacket from 'dns-packet';

const TTL = 600;
/** Docker's smallest UDP reply limit; a bigger EDNS buffer the client offers raises it. */
const UDP_SIZE = 512;

/**
 * Zones from the resolver's arguments: a word without "=" starts a network, NAME=ADDR[,ADDR…]
 * words are its names (`appnet app=172.23.0.2 web=172.23.0.2,172.23.0.3`).
 */
export function parseZones(words) {
  const zones = [];
  for (const word of words) {
    const eq = word.indexOf('=');
    if (eq < 0) zones.push({ network: word.toLowerCase(), names: new Map() });
    else if (zones.length === 0) throw new Error(`${word}: a NAME=ADDRESS before any network`);
    else zones.at(-1).names.set(word.slice(0, eq).toLowerCase(), word.slice(eq + 1).split(','));
  }
  return zones;
}

/**
 * The addresses of a name, or null. Like sandbox.ResolveName: a.b.c is tried as a.b.c on every
 * network, then as a.b on network c, then as a on network b.c.
 */
export function lookup(zones, qname) {
  const name = qname.replace(/\.$/, '').toLowerCase();
  const tries = [[name, null]];
  for (let i = name.lastIndexOf('.'); i > 0; i = name.lastIndexOf('.', i - 1))
    tries.push([name.slice(0, i), name.slice(i + 1)]);
  for (const [req, network] of tries)
    for (const zone of zones) {
      if (network !== null && zone.network !== network) continue;
      const found = zone.names.get(req);
      if (found) return found;
    }
  return null;
}

/** An answerer with its own rotation state: `answer(query, overTcp)` → a reply packet, or null. */
export function answerer(zones) {
  const turns = new Map();
  const rotated = (name, addresses) => {
    if (addresses.length < 2) return addresses;
    const turn = turns.get(name) ?? 0;
    turns.set(name, turn + 1);
    const k = turn % addresses.length;
    return [...addresses.slice(k), ...addresses.slice(0, k)];
  };
  return function answer(query, overTcp = false) {
    const question = query.questions?.[0];
    if (!question) return null; // Docker drops a query without a question
    const reply = (rcode, answers = []) => ({
      id: query.id,
      type: 'response',
      // RD copied from the query, RA set, no AA: as Docker's SetReply + setCommonFlags
      flags: (query.flags & dnsPacket.RECURSION_DESIRED) | dnsPacket.RECURSION_AVAILABLE | rcode,
      questions: [question],
      answers,
    });
    const found = lookup(zones, question.name);
    if (found && question.type === 'A') {
      const answers = rotated(question.name.toLowerCase(), found).map((data) => ({
        type: 'A',
        class: 'IN',
        name: question.name,
        ttl: TTL,
        data,
      }));
      return overTcp ? reply(0, answers) : fit(reply(0, answers), udpLimit(query));
    }
    if (found && (question.type === 'AAAA' || question.type === 'MX')) return reply(0);
    return reply(question.name.replace(/\.$/, '').includes('.') ? 2 : 3);
  };
}

const udpLimit = (query) => {
  const opt = (query.additionals ?? []).find((a) => a.type === 'OPT');
  return Math.max(UDP_SIZE, opt?.udpPayloadSize ?? 0);
};

/** Drops answers until the reply fits a datagram, with TC set so the client asks again over TCP. */
function fit(reply, limit) {
  if (dnsPacket.encodingLength(reply) <= limit) return reply;
  const cut = { ...reply, flags: reply.flags | dnsPacket.TRUNCATED_RESPONSE, answers: [...reply.answers] };
  while (cut.answers.length > 0 && dnsPacket.encodingLength(cut) > limit) cut.answers.pop();
  return cut;
}
