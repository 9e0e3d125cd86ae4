// The diagrams from the lab file: every catalogue lab draws in 80 columns, as mermaid and as dot.
import { execa } from 'execa';
import t from 'tap';
import { ascii, dot, mermaid } from '../../src/graph/draw.js';
import { fromKernel, fromLab } from '../../src/graph/topology.js';
import { listLabs, loadLab } from '../../src/lab/index.js';
import { compile } from '../../src/plan/compile.js';

const hasDot = (await execa('dot', ['-V'], { reject: false })).exitCode === 0;

for (const { name } of listLabs()) {
  t.test(`${name}: ascii fits 80 columns, mermaid and dot name every veth end`, async (t) => {
    const lab = loadLab(name);
    const plan = compile(lab, { kind: 'sandbox', name: 'a-long-sandbox-name-xy' });
    const topo = fromLab(lab, plan);
    const text = ascii(topo);
    t.same(
      text.split('\n').filter((l) => [...l].length > 80),
      [],
      'no line is wider than 80 columns',
    );
    for (const c of lab.containers) {
      for (const e of c.endpoints) {
        t.match(text, `${e.address}/${e.prefix}`, `${c.name}'s address is drawn`);
        if (e.kind === 'veth')
          t.match(
            text,
            new RegExp(`${e.hostIfname} ══ ${e.ifname} `),
            `${c.name}'s veth is drawn with both ends`,
          );
      }
      if (c.endpoints.length === 0)
        t.match(text, `${c.name}: network ${c.mode.kind}`, `${c.name} is drawn with its mode`);
    }
    const m = mermaid(topo);
    t.match(m, /^flowchart LR\n/);
    for (const c of lab.containers)
      for (const e of c.endpoints.filter((x) => x.kind === 'veth')) t.match(m, `["${e.hostIfname}"]`);
    const d = dot(topo);
    if (hasDot) {
      const r = await execa('dot', ['-Tsvg'], { input: d, reject: false });
      t.equal(r.exitCode, 0, 'Graphviz reads the dot', { stderr: r.stderr });
      t.match(String(r.stdout), /<svg[\s\S]*<\/svg>/);
    }
  });
}

t.test('rules are drawn: NAT and the published port of port-publish', async (t) => {
  const lab = loadLab('port-publish');
  const text = ascii(
    fromLab(lab, compile(lab, { kind: 'host', facts: { forwardDrop: false, ipForward: '0' } })),
  );
  t.match(text, /rules: MASQUERADE 172\.28\.0\.0\/16 leaving by anything but br0/);
  t.match(text, /DNAT host port 8080 → 172\.28\.0\.2:80 \(c1\)/);
  t.match(text, /\[this machine\]/, 'on the host target the Docker host is the machine itself');
});

t.test(
  'the userland proxy is drawn as a process of the Docker host, forwarding to its container',
  async (t) => {
    const lab = loadLab('port-publish');
    const topo = fromLab(lab, compile(lab, { kind: 'sandbox', name: 'sb' }));
    const text = ascii(topo);
    t.match(text, 'process: docker-proxy listens on tcp 0.0.0.0:8080 → 172.28.0.2:80 (c1 eth0)');
    t.match(text, 'process: docker-proxy listens on udp 0.0.0.0:5353 → 172.28.0.2:53 (c1 eth0)');
    const d = dot(topo);
    // inside the host's cluster, with an edge to c1's eth0
    t.match(
      d,
      /cluster_host_host \{[^}]*host_proc_tcp_0_0_0_0_8080 \[label="docker-proxy \(process\)\nlistens on tcp 0\.0\.0\.0:8080", shape=component/,
    );
    t.match(d, /host_proc_tcp_0_0_0_0_8080 -- c1_eth0 \[label="connects to 172\.28\.0\.2:80"/);
    t.match(mermaid(topo), /host_proc_tcp_0_0_0_0_8080 -\.-\|connects to 172\.28\.0\.2:80\| c1_eth0/);
    const off = { ...lab, daemon: { userlandProxy: false } };
    t.notMatch(
      ascii(fromLab(off, compile(off, { kind: 'sandbox', name: 'sb' }))),
      'process: docker-proxy',
      'none with userland-proxy false',
    );
  },
);

t.test('--live draws the proxies that run, not the ones the lab names', async (t) => {
  const lab = loadLab('port-publish');
  const plan = compile(lab, { kind: 'sandbox', name: 'sb' });
  const udpOnly = ['-proto', 'udp', '-host-ip', '0.0.0.0', '-host-port', '5353'].concat([
    '-container-ip',
    '172.28.0.2',
    '-container-port',
    '53',
  ]);
  const text = ascii(fromKernel(lab, plan, {}, [udpOnly]));
  t.match(text, 'process: docker-proxy listens on udp 0.0.0.0:5353 → 172.28.0.2:53 (c1 eth0)');
  t.notMatch(text, 'tcp 0.0.0.0:8080', 'the tcp proxy is not running: not drawn');
  t.notMatch(ascii(fromKernel(lab, plan, {}, [])), 'process: docker-proxy', 'none running, none drawn');
});
