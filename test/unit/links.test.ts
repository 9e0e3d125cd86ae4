// The environment Docker's --link gives the container that links (moby's daemon/links ToEnv).
import t from 'tap';
import { labFromText, loadLab } from '../../src/lab/index.js';
import { linkEnv } from '../../src/lab/links.js';
import { compile } from '../../src/plan/compile.js';

const fixture = (containers: string) =>
  labFromText(
    'links.yaml',
    `title: links\nnetworks:\n  br0: { subnet: 172.22.0.0/16 }\ncontainers:\n${containers}`,
  );

const cases: { name: string; env: () => Record<string, string>; want: Record<string, string> }[] = [
  {
    name: 'labs/link.yaml: web --link db:database, db serves tcp 5432',
    env: () => loadLab('link').containers.find((c) => c.name === 'web')!.env,
    want: {
      DATABASE_PORT: 'tcp://172.21.0.2:5432',
      DATABASE_PORT_5432_TCP: 'tcp://172.21.0.2:5432',
      DATABASE_PORT_5432_TCP_ADDR: '172.21.0.2',
      DATABASE_PORT_5432_TCP_PORT: '5432',
      DATABASE_PORT_5432_TCP_PROTO: 'tcp',
      DATABASE_NAME: '/web/database',
    },
  },
  {
    name: 'labs/link.yaml: db links nothing',
    env: () => loadLab('link').containers.find((c) => c.name === 'db')!.env,
    want: {},
  },
  {
    name: 'two ports (http 8080, tcp 80): the lowest is ALIAS_PORT; dashes become underscores',
    env: () =>
      fixture(
        `  api:\n    networks: { br0: {} }\n    serve: [{ http: 8080 }, { tcp: 80 }]\n` +
          `  app:\n    networks: { br0: {} }\n    links: ["api:my-api"]\n`,
      ).containers.find((c) => c.name === 'app')!.env,
    want: {
      MY_API_PORT: 'tcp://172.22.0.2:80',
      MY_API_PORT_80_TCP: 'tcp://172.22.0.2:80',
      MY_API_PORT_80_TCP_ADDR: '172.22.0.2',
      MY_API_PORT_80_TCP_PORT: '80',
      MY_API_PORT_80_TCP_PROTO: 'tcp',
      MY_API_PORT_8080_TCP: 'tcp://172.22.0.2:8080',
      MY_API_PORT_8080_TCP_ADDR: '172.22.0.2',
      MY_API_PORT_8080_TCP_PORT: '8080',
      MY_API_PORT_8080_TCP_PROTO: 'tcp',
      MY_API_NAME: '/app/my-api',
    },
  },
  {
    name: 'a link without an alias uses the name; a published port is exposed too; no port: only NAME',
    env: () =>
      fixture(
        `  cache:\n    networks: { br0: {} }\n    ports: ["6379:6379"]\n` +
          `  quiet:\n    networks: { br0: {} }\n` +
          `  app:\n    networks: { br0: {} }\n    links: ["cache", "quiet:q"]\n`,
      ).containers.find((c) => c.name === 'app')!.env,
    want: {
      CACHE_PORT: 'tcp://172.22.0.2:6379',
      CACHE_PORT_6379_TCP: 'tcp://172.22.0.2:6379',
      CACHE_PORT_6379_TCP_ADDR: '172.22.0.2',
      CACHE_PORT_6379_TCP_PORT: '6379',
      CACHE_PORT_6379_TCP_PROTO: 'tcp',
      CACHE_NAME: '/app/cache',
      Q_NAME: '/app/q',
    },
  },
  {
    name: 'two consecutive ports are no run (moby needs three): each port alone',
    env: () =>
      Object.fromEntries(
        linkEnv('web', 'db', '10.0.0.2', [
          { port: 5432, proto: 'tcp' },
          { port: 5433, proto: 'tcp' },
        ]),
      ),
    want: {
      DB_PORT: 'tcp://10.0.0.2:5432',
      DB_PORT_5432_TCP: 'tcp://10.0.0.2:5432',
      DB_PORT_5432_TCP_ADDR: '10.0.0.2',
      DB_PORT_5432_TCP_PORT: '5432',
      DB_PORT_5432_TCP_PROTO: 'tcp',
      DB_PORT_5433_TCP: 'tcp://10.0.0.2:5433',
      DB_PORT_5433_TCP_ADDR: '10.0.0.2',
      DB_PORT_5433_TCP_PORT: '5433',
      DB_PORT_5433_TCP_PROTO: 'tcp',
      DB_NAME: '/web/db',
    },
  },
  {
    name: 'three consecutive ports: the run first (_START … _PORT_END), then each port',
    env: () =>
      Object.fromEntries(
        linkEnv('web', 'db', '10.0.0.2', [
          { port: 7000, proto: 'tcp' },
          { port: 7001, proto: 'tcp' },
          { port: 7002, proto: 'udp' },
        ]),
      ),
    want: {
      DB_PORT: 'tcp://10.0.0.2:7000',
      DB_PORT_7000_TCP_START: 'tcp://10.0.0.2:7000',
      DB_PORT_7000_TCP_ADDR: '10.0.0.2',
      DB_PORT_7000_TCP_PROTO: 'tcp',
      DB_PORT_7000_TCP_PORT_START: '7000',
      DB_PORT_7000_UDP_END: 'udp://10.0.0.2:7002',
      DB_PORT_7000_UDP_PORT_END: '7002',
      DB_PORT_7000_TCP: 'tcp://10.0.0.2:7000',
      DB_PORT_7000_TCP_PORT: '7000',
      DB_PORT_7001_TCP: 'tcp://10.0.0.2:7001',
      DB_PORT_7001_TCP_ADDR: '10.0.0.2',
      DB_PORT_7001_TCP_PORT: '7001',
      DB_PORT_7001_TCP_PROTO: 'tcp',
      DB_PORT_7002_UDP: 'udp://10.0.0.2:7002',
      DB_PORT_7002_UDP_ADDR: '10.0.0.2',
      DB_PORT_7002_UDP_PORT: '7002',
      DB_PORT_7002_UDP_PROTO: 'udp',
      DB_NAME: '/web/db',
    },
  },
  {
    name: 'udp ports are described too, tcp first on the same number (a udp server, a -p …/udp)',
    env: () =>
      fixture(
        `  dns:\n    networks: { br0: {} }\n    serve: [{ udp: 53 }, { tcp: 53 }]\n` +
          `  app:\n    networks: { br0: {} }\n    links: ["dns"]\n`,
      ).containers.find((c) => c.name === 'app')!.env,
    want: {
      DNS_PORT: 'tcp://172.22.0.2:53',
      DNS_PORT_53_TCP: 'tcp://172.22.0.2:53',
      DNS_PORT_53_TCP_ADDR: '172.22.0.2',
      DNS_PORT_53_TCP_PORT: '53',
      DNS_PORT_53_TCP_PROTO: 'tcp',
      DNS_PORT_53_UDP: 'udp://172.22.0.2:53',
      DNS_PORT_53_UDP_ADDR: '172.22.0.2',
      DNS_PORT_53_UDP_PORT: '53',
      DNS_PORT_53_UDP_PROTO: 'udp',
      DNS_NAME: '/app/dns',
    },
  },
];

for (const c of cases)
  t.test(c.name, async (t) => {
    const env = c.env();
    t.same(env, c.want);
    t.same(Object.keys(env), Object.keys(c.want), "in Docker's order");
  });

t.test('the plan carries each container’s environment: HOSTNAME, then its link variables', async (t) => {
  const plan = compile(loadLab('link'), { kind: 'sandbox', name: 'sb' });
  t.same(plan.env.db, { HOSTNAME: 'db' });
  t.same(Object.keys(plan.env.web!), [
    'HOSTNAME',
    'DATABASE_PORT',
    'DATABASE_PORT_5432_TCP',
    'DATABASE_PORT_5432_TCP_ADDR',
    'DATABASE_PORT_5432_TCP_PORT',
    'DATABASE_PORT_5432_TCP_PROTO',
    'DATABASE_NAME',
  ]);
  t.equal(plan.env.web!.HOSTNAME, 'web');
});
