import ipaddr from 'ipaddr.js';
import t from 'tap';
import {
  contains,
  formatSubnet,
  isUsableHost,
  lowestFree,
  overlaps,
  parseCidr,
  SPECIAL_RANGES,
  specialRangesIn,
} from '../../src/net/ipv4.js';

t.test('parseCidr gives the network address and rejects what is not CIDR', async (t) => {
  t.same(parseCidr('172.30.0.5/16'), { address: '172.30.0.5', network: '172.30.0.0', prefix: 16 });
  t.equal(parseCidr('172.30.0.0'), null);
  t.equal(parseCidr('172.30.0.0/33'), null);
  t.equal(parseCidr('300.1.1.1/8'), null);
  t.equal(parseCidr('1.2.3.4/8/9'), null);
});

t.test('contains, overlaps and usable hosts', async (t) => {
  const s = { network: '172.30.0.0', prefix: 16 };
  t.ok(contains(s, '172.30.255.254'));
  t.notOk(contains(s, '172.31.0.1'));
  t.ok(overlaps(s, { network: '172.30.8.0', prefix: 24 }));
  t.ok(overlaps({ network: '172.0.0.0', prefix: 8 }, s));
  t.notOk(overlaps(s, { network: '172.31.0.0', prefix: 16 }));
  t.notOk(isUsableHost(s, '172.30.0.0'), 'network address');
  t.notOk(isUsableHost(s, '172.30.255.255'), 'broadcast address');
  t.ok(isUsableHost(s, '172.30.0.1'));
});

t.test('lowestFree hands out addresses the way Docker IPAM does', async (t) => {
  const s = { network: '10.1.2.0', prefix: 30 };
  t.equal(lowestFree(s, new Set()), '10.1.2.1');
  t.equal(lowestFree(s, new Set(['10.1.2.1'])), '10.1.2.2');
  t.equal(lowestFree(s, new Set(['10.1.2.1', '10.1.2.2'])), null, 'a /30 has two usable addresses');
});

t.test('the special ranges are the ones ipaddr.js names, end to end', async (t) => {
  const names: Record<string, [string, string]> = {
    '0.0.0.0': ['unspecified', 'unspecified'],
    '127.0.0.0': ['loopback', 'loopback'],
    '169.254.0.0': ['linkLocal', 'linkLocal'],
    '224.0.0.0': ['multicast', 'multicast'],
    '240.0.0.0': ['reserved', 'broadcast'], // its last address is 255.255.255.255
  };
  t.equal(SPECIAL_RANGES.length, Object.keys(names).length);
  for (const r of SPECIAL_RANGES) {
    const last = ipaddr.IPv4.broadcastAddressFromCIDR(formatSubnet(r.subnet));
    t.same([ipaddr.IPv4.parse(r.subnet.network).range(), last.range()], names[r.subnet.network], r.name);
    t.same(specialRangesIn({ network: last.toString(), prefix: 32 }), [r], `${last.toString()} is in it`);
  }
  for (const outside of [
    '1.0.0.0',
    '126.255.255.255',
    '128.0.0.0',
    '169.253.255.255',
    '169.255.0.0',
    '223.255.255.255',
  ])
    t.same(specialRangesIn({ network: outside, prefix: 32 }), [], `${outside} is in none`);
});
