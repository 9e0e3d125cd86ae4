// Every -p form a learner types: how it parses, where a bad one is pointed at, and the rules
// each form compiles to.
import { problems } from '../helpers/lab.js';
import t from 'tap';
import { labFromText } from '../../src/lab/index.js';
import { parsePort } from '../../src/lab/ports.js';
import { compile } from '../../src/plan/compile.js';
import { argvOf } from '../../src/plan/command.js';
import type { Target } from '../../src/plan/types.js';

const FORMS =
  'expected [HOST_IP:]HOST_PORT:CONTAINER_PORT[/tcp|/udp], ' +
  'e.g. "8080:80", "127.0.0.1:8080:80", "5353:53/udp", "0.0.0.0:8080:80/tcp", "8000-8002:80-82"';

t.test('each form parses', async (t) => {
  const cases: [string, ReturnType<typeof parsePort>][] = [
    ['8080:80', [{ hostPort: 8080, containerPort: 80, proto: 'tcp' }]],
    ['127.0.0.1:8080:80', [{ hostIp: '127.0.0.1', hostPort: 8080, containerPort: 80, proto: 'tcp' }]],
    ['5353:53/udp', [{ hostPort: 5353, containerPort: 53, proto: 'udp' }]],
    ['8080:80/tcp', [{ hostPort: 8080, containerPort: 80, proto: 'tcp' }]],
    ['0.0.0.0:8080:80/tcp', [{ hostPort: 8080, containerPort: 80, proto: 'tcp' }]],
    ['10.0.0.5:53:53/udp', [{ hostIp: '10.0.0.5', hostPort: 53, containerPort: 53, proto: 'udp' }]],
    ['1:65535', [{ hostPort: 1, containerPort: 65535, proto: 'tcp' }]],
    [
      '8000-8002:80-82/udp',
      [
        { hostPort: 8000, containerPort: 80, proto: 'udp' },
        { hostPort: 8001, containerPort: 81, proto: 'udp' },
        { hostPort: 8002, containerPort: 82, proto: 'udp' },
      ],
    ],
    ['127.0.0.1:9000-9000:90-90', [{ hostIp: '127.0.0.1', hostPort: 9000, containerPort: 90, proto: 'tcp' }]],
  ];
  for (const [spec, want] of cases) t.same(parsePort(spec), want, spec);
});

t.test('each bad form says which form is expected', async (t) => {
  const cases: [string, string][] = [
    ['8080', `port "8080": ${FORMS}`],
    ['80:80:80:80', `port "80:80:80:80": ${FORMS}`],
    ['http:80', `port "http:80": ${FORMS}`],
    ['8080:', `port "8080:": ${FORMS}`],
    ['8080:80/', `port "8080:80/": the protocol is tcp or udp (sctp is not supported), ${FORMS}`],
    ['8080:80/sctp', `port "8080:80/sctp": the protocol is tcp or udp (sctp is not supported), ${FORMS}`],
    ['localhost:8080:80', `port "localhost:8080:80": "localhost" is not an IPv4 address (HOST_IP), ${FORMS}`],
    ['256.1.1.1:8080:80', `port "256.1.1.1:8080:80": "256.1.1.1" is not an IPv4 address (HOST_IP), ${FORMS}`],
    [':8080:80', `port ":8080:80": "" is not an IPv4 address (HOST_IP), ${FORMS}`],
    ['0:80', 'port "0:80": ports are 1–65535'],
    ['8080:65536', 'port "8080:65536": ports are 1–65535'],
    [
      '8000-8001:80',
      'port "8000-8001:80": with a host range and one container port Docker picks a free host port ' +
        'when the container starts; a lab needs to know it: write HOST_PORT:CONTAINER_PORT',
    ],
    [
      '8000-8002:80-81',
      'port "8000-8002:80-81": the host range and the container range must be as long (8000-8002:80-82)',
    ],
    [
      '8080:80-81',
      'port "8080:80-81": the host range and the container range must be as long (8000-8002:80-82)',
    ],
    [
      '8002-8000:80-82',
      'port "8002-8000:80-82": a range goes from the lower port to the higher, e.g. 8000-8002',
    ],
    ['1-60000:1-60000', 'port "1-60000:1-60000": a range publishes at most 100 ports here'],
    ['65535-65536:1-2', 'port "65535-65536:1-2": ports are 1–65535'],
  ];
  for (const [spec, error] of cases) t.same(parsePort(spec), { error }, spec);
});

const labWith = (ports: string[], extra = '') =>
  'title: ports\nnetworks:\n  br0:\n    subnet: 10.10.0.0/24\n    nat: true\ncontainers:\n' +
  `  c1:\n    networks: { br0: { address: 10.10.0.2 } }\n    ports: [${ports.map((p) => JSON.stringify(p)).join(', ')}]\n` +
  extra;

t.test('a bad -p is pointed at: the line and column of its string', async (t) => {
  t.same(problems(labWith(['8080:80', '127.0.0.1:8080'])), [
    `lab.yaml:9:24: port "127.0.0.1:8080": ${FORMS}`,
  ]);
  t.same(problems(labWith(['5353:53/sctp'])), [
    `lab.yaml:9:13: port "5353:53/sctp": the protocol is tcp or udp (sctp is not supported), ${FORMS}`,
  ]);
  t.same(problems(labWith(['1.2.3:80:80'])), [
    `lab.yaml:9:13: port "1.2.3:80:80": "1.2.3" is not an IPv4 address (HOST_IP), ${FORMS}`,
  ]);
  t.same(problems(labWith(['70000:80'])), ['lab.yaml:9:13: port "70000:80": ports are 1–65535']);
  t.same(problems(labWith(['8000-8001:80'])), [
    'lab.yaml:9:13: port "8000-8001:80": with a host range and one container port Docker picks a free ' +
      'host port when the container starts; a lab needs to know it: write HOST_PORT:CONTAINER_PORT',
  ]);
  t.same(problems(labWith(['8000-8002:80-82', '8002:90'])), [
    'lab.yaml:9:32: host port 8002 is already published by container c1: each host port goes to one container',
  ]);
});

t.test('one host port per protocol and address', async (t) => {
  t.same(problems(labWith(['53:53', '53:53/udp'])), [], 'tcp and udp share a number');
  t.same(problems(labWith(['127.0.0.1:80:80', '10.10.0.1:80:81'])), [], 'two addresses share a number');
  t.same(problems(labWith(['8080:80', '127.0.0.1:8080:81'])), [
    'lab.yaml:9:24: host port 8080 is already published by container c1: each host port goes to one container',
  ]);
  t.same(problems(labWith(['53:53/udp', '0.0.0.0:53:54/udp'])), [
    'lab.yaml:9:26: host port 53/udp is already published by container c1: each host port goes to one container',
  ]);
});

const sandbox: Target = { kind: 'sandbox', name: 'sb' };
const host: Target = { kind: 'host', facts: { forwardDrop: true, ipForward: '1' } };
const PROXY_OFF = 'daemon: { userland-proxy: false }\n';
const stepLines = (kind: string, ports: string[], target: Target, proxy = true) =>
  compile(labFromText('lab.yaml', (proxy ? '' : PROXY_OFF) + labWith(ports)), target)
    .steps.filter((s) => s.kind === kind)
    .flatMap((s) =>
      s.commands.map((c) =>
        argvOf(c)
          .join(' ')
          .replace(/ -m comment --comment \S+/, ''),
      ),
    );
const publishLines = (ports: string[], target: Target, proxy = true) =>
  stepLines('publish', ports, target, proxy);

t.test('the rules of each form', async (t) => {
  const X = 'ip netns exec sb-host iptables';
  const accept = (proto: string, port: number) =>
    `-A DOCKER -d 10.10.0.2/32 ! -i br0 -o br0 -p ${proto} -m ${proto} --dport ${port} -j ACCEPT`;
  const hairpin = (proto: string, port: number) =>
    `-A POSTROUTING -s 10.10.0.2/32 -d 10.10.0.2/32 -p ${proto} -m ${proto} --dport ${port} -j MASQUERADE`;
  const cases: [string, Target, string[], boolean?][] = [
    [
      '8080:80',
      sandbox,
      [
        `${X} -t nat -A DOCKER ! -i br0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.10.0.2:80`,
        `${X} -t filter ${accept('tcp', 80)}`,
        `${X} -t nat ${hairpin('tcp', 80)}`,
      ],
    ],
    [
      '0.0.0.0:8080:80/tcp',
      sandbox,
      [
        `${X} -t nat -A DOCKER ! -i br0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.10.0.2:80`,
        `${X} -t filter ${accept('tcp', 80)}`,
        `${X} -t nat ${hairpin('tcp', 80)}`,
      ],
    ],
    [
      '5353:53/udp',
      sandbox,
      [
        `${X} -t nat -A DOCKER ! -i br0 -p udp -m udp --dport 5353 -j DNAT --to-destination 10.10.0.2:53`,
        `${X} -t filter ${accept('udp', 53)}`,
        `${X} -t nat ${hairpin('udp', 53)}`,
      ],
    ],
    [
      '198.51.100.2:8080:80',
      sandbox,
      [
        `${X} -t nat -A DOCKER -d 198.51.100.2/32 ! -i br0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.10.0.2:80`,
        `${X} -t filter ${accept('tcp', 80)}`,
        `${X} -t nat ${hairpin('tcp', 80)}`,
      ],
    ],
    [
      '127.0.0.1:8080:80',
      sandbox,
      [
        `${X} -t nat -A DOCKER -d 127.0.0.1/32 ! -i br0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.10.0.2:80`,
        `${X} -t filter ${accept('tcp', 80)}`,
        `${X} -t nat ${hairpin('tcp', 80)}`,
      ],
    ],
    [
      '5353:53/udp',
      host,
      [
        'iptables -t nat -A NSLAB ! -i br0 -p udp -m udp --dport 5353 -j DNAT --to-destination 10.10.0.2:53',
        `iptables -t filter ${accept('udp', 53).replace('DOCKER', 'NSLAB')}`,
        `iptables -t nat ${hairpin('udp', 53)}`,
      ],
    ],
  ];
  for (const [spec, target, want, proxy = true] of cases)
    t.same(publishLines([spec], target, proxy), want, `${spec} on ${target.kind}, userland-proxy ${proxy}`);
});

t.test('userland-proxy false: the DNAT takes the bridge’s own packets too', async (t) => {
  const lines = compile(
    labFromText('lab.yaml', labWith(['8080:80'], 'daemon: { userland-proxy: false }\n')),
    sandbox,
  )
    .steps.filter((s) => s.kind === 'publish')
    .flatMap((s) => s.commands.map((c) => argvOf(c).join(' ')));
  t.equal(
    lines[0],
    'ip netns exec sb-host iptables -t nat -A DOCKER -p tcp -m tcp --dport 8080 -j DNAT --to-destination 10.10.0.2:80',
  );
});

t.test('userland-proxy on: a docker-proxy with Docker’s flags after each port; off: none', async (t) => {
  const script = /\S+\/src\/serve\/docker-proxy\.js/;
  const proxies = (ports: string[], target: Target, proxy = true) =>
    stepLines('proxy', ports, target, proxy).map((l) => l.replace(script, 'docker-proxy.js'));
  t.same(proxies(['8080:80', '127.0.0.1:8081:81', '5353:53/udp'], sandbox), [
    'ip netns exec sb-host node docker-proxy.js -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 10.10.0.2 -container-port 80 nslab:lab@sb',
    'ip netns exec sb-host node docker-proxy.js -proto tcp -host-ip 127.0.0.1 -host-port 8081 -container-ip 10.10.0.2 -container-port 81 nslab:lab@sb',
    'ip netns exec sb-host node docker-proxy.js -proto udp -host-ip 0.0.0.0 -host-port 5353 -container-ip 10.10.0.2 -container-port 53 nslab:lab@sb',
  ]);
  t.same(proxies(['8080:80'], host), [
    'node docker-proxy.js -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 10.10.0.2 -container-port 80 nslab:lab',
  ]);
  t.same(proxies(['8080:80', '5353:53/udp'], sandbox, false), [], 'userland-proxy false: iptables alone');
  const plan = compile(labFromText('lab.yaml', labWith(['8080:80', '5353:53/udp'])), sandbox);
  t.same(
    plan.steps.filter((s) => s.kind === 'publish' || s.kind === 'proxy').map((s) => s.kind),
    ['publish', 'proxy', 'publish', 'proxy'],
    'each proxy right after its port’s rules, as dockerd starts it',
  );
  const step = plan.steps.find((s) => s.kind === 'proxy')!;
  t.match(step.docker, 'dockerd runs /usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080');
  t.match(step.commands[0], { tool: 'server', program: 'docker-proxy', mark: 'nslab:lab@sb' });
});

t.test('udp servers and checks resolve', async (t) => {
  const l = labFromText(
    'lab.yaml',
    labWith(
      ['5353:53/udp'],
      '    serve: [{ udp: 53 }]\nchecks:\n  - udp: { from: outside, to: host, port: 5353, body: "c1 answered" }\n',
    ),
  );
  t.same(l.containers[0]!.serve, [{ kind: 'udp', port: 53 }]);
  t.match(l.checks[0], {
    kind: 'udp',
    from: 'outside',
    to: 'host',
    port: 5353,
    body: 'c1 answered',
    expect: 'reach',
  });
  t.equal(l.checks[0]!.name, 'udp outside → host (198.51.100.2:5353)');
  const plan = compile(l, sandbox);
  const server = plan.steps.find((s) => s.kind === 'server')!.commands[0]!;
  t.match(argvOf(server).join(' '), /^ip netns exec sb-c1 node \S+server\.js udp 53 c1 nslab:lab@sb$/);
});

t.test('a range publishes port by port, as Docker does: one publish step per port', async (t) => {
  const plan = compile(labFromText('lab.yaml', labWith(['8000-8002:80-82/udp'])), {
    kind: 'sandbox',
    name: 'sb',
  });
  const published = plan.steps.filter((s) => s.kind === 'publish').map((s) => s.title);
  t.equal(published.length, 3);
  t.match(published[0]!, /udp port 8000 → 10\.10\.0\.2:80/);
  t.match(published[2]!, /udp port 8002 → 10\.10\.0\.2:82/);
});
