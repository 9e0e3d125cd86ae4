// compare --inspect: nslab's inspect beside Docker's, field by field, containers matched by name.
import t from 'tap';
import { pairInspect } from '../../src/compare/inspect-pair.js';

const docker = {
  Name: 'nslab-dk-bridge-basic-br0',
  Id: 'f3a9',
  Created: '2026-11-30T12:00:00Z',
  Driver: 'bridge',
  IPAM: { Driver: 'default', Options: {}, Config: [{ Subnet: '172.30.0.0/16', Gateway: '172.30.0.1' }] },
  Internal: false,
  Containers: {
    '9c1d': {
      Name: 'nslab-dk-bridge-basic-c1',
      EndpointID: 'e1',
      MacAddress: '02:42:ac:1e:00:02',
      IPv4Address: '172.30.0.2/16',
    },
  },
  Options: { 'com.docker.network.bridge.name': 'br0' },
};
const hand = {
  Name: 'br0',
  Id: 'nslab-1',
  Created: null,
  Driver: 'bridge',
  IPAM: { Driver: 'default', Options: {}, Config: [{ Subnet: '172.30.0.0/16', Gateway: '172.30.0.1' }] },
  Internal: false,
  Containers: {
    'nslab-c1': {
      Name: 'c1',
      EndpointID: 'x',
      MacAddress: '5e:11:22:33:44:55',
      IPv4Address: '172.30.0.2/16',
    },
  },
  Options: { 'com.docker.network.bridge.name': 'br0', 'com.docker.network.driver.mtu': '1500' },
};

t.test('fields side by side: ids left out, containers by name, what one side lacks shown as —', async (t) => {
  const fields = pairInspect(hand, docker, (n) => n.replace('nslab-dk-bridge-basic-', ''));
  const by = Object.fromEntries(fields.map((f) => [f.field, [f.hand, f.docker]]));
  t.same(by.Name, ['br0', 'nslab-dk-bridge-basic-br0']);
  t.same(by['IPAM.Config[0].Subnet'], ['172.30.0.0/16', '172.30.0.0/16']);
  t.same(by['Containers.c1.MacAddress'], ['5e:11:22:33:44:55', '02:42:ac:1e:00:02']);
  t.same(by['Containers.c1.IPv4Address'], ['172.30.0.2/16', '172.30.0.2/16']);
  t.same(by['Options.com.docker.network.driver.mtu'], ['1500', '—']);
  t.same(by['IPAM.Options'], ['{}', '{}']);
  t.notOk(
    fields.some((f) => /(^|\.)(Id|Created|EndpointID)$/.test(f.field) || f.field.endsWith('.Name')),
    'no ids, no timestamps; a container’s name is its key',
  );
});
