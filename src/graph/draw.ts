// One topology, four pictures: ascii for the terminal (80 columns), mermaid for markdown, dot
// for Graphviz, and svg rendered from the dot by Graphviz itself (offline, Debian's package).
import { nodeId as id, wireKey, type TracedPath } from './path.js';
import type { Forwarding, HostDevice, HostView, Port, Topology } from './topology.js';
import { t } from '../i18n/index.js';
import { cols, fitCols } from '../i18n/width.js';

const WIDTH = 80;
const fit = (line: string) => (cols(line) <= WIDTH ? line : `${fitCols(line, WIDTH - 1)}…`);

/** Wraps words onto lines of at most WIDTH: the first starts with `first`, the others with `indent`. */
function wrap(text: string, first: string, indent: string): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(' ').filter(Boolean)) {
    if (line.trim() && cols(line + ' ' + word) > WIDTH) {
      lines.push(line);
      line = indent + word;
    } else line = line.trim() ? `${line} ${word}` : line + word;
  }
  return [...lines, line];
}

const portText = (p: Port) =>
  `${p.hostEnd ? `${p.hostEnd} ══ ` : `${p.kind} child ── `}` +
  `${p.inside} ${p.address ?? t('(no address)')}  ${p.container}` +
  `${p.down ? `  ✗ ${p.down.join(', ')}` : ''}`;

const deviceText = (d: HostDevice) =>
  `${d.name} ── ${d.kind === 'vxlan' ? 'VXLAN' : `${d.kind}`} ${d.detail}${d.down ? `  ✗ ${d.down}` : ''}`;

/** How the host is placed: its namespace, this machine, or another machine. */
const whereText = (h: HostView) =>
  h.ns ? t('namespace {ns}', { ns: h.ns }) : h.elsewhere ? t('not this machine') : t('this machine');

/** The sysctls and the policy that decide whether the host forwards, as the kernel has them. */
const forwardingText = (f: Forwarding) => {
  const v = {
    forward: f.ipForward ?? '?',
    policy: f.forwardPolicy ?? '?',
    nf: f.bridgeNfCallIptables ?? '',
  };
  return f.bridgeNfCallIptables === null
    ? t(
        'forwarding: net.ipv4.ip_forward={forward}, FORWARD policy {policy}, br_netfilter not loaded (bridged frames skip iptables)',
        v,
      )
    : f.bridgeNfCallIptables === '1'
      ? t(
          'forwarding: net.ipv4.ip_forward={forward}, FORWARD policy {policy}, bridge-nf-call-iptables={nf} (bridged frames pass iptables FORWARD)',
          v,
        )
      : t(
          'forwarding: net.ipv4.ip_forward={forward}, FORWARD policy {policy}, bridge-nf-call-iptables={nf}',
          v,
        );
};

/** Rules in the host's tables that are not the lab's: counted, never listed as its own. */
const notLabText = (n: NonNullable<HostView['notLab']>) =>
  [
    ...(n.docker
      ? [
          n.docker === 1
            ? t('Docker’s own, not this lab’s: {n} rule', { n: n.docker })
            : t('Docker’s own, not this lab’s: {n} rules', { n: n.docker }),
        ]
      : []),
    ...(n.other
      ? [
          n.other === 1
            ? t('others’, not this lab’s: {n} rule', { n: n.other })
            : t('others’, not this lab’s: {n} rules', { n: n.other }),
        ]
      : []),
  ].join('; ');

/** `  ◀ 1,6` after a line whose boxes the traced probe passed (by leg), `✗` where it stopped. */
function marks(path: TracedPath | undefined, ...nodes: string[]): string {
  if (!path) return '';
  const on = nodes.filter((n) => path.nodes[n]);
  if (!on.length) return '';
  const legs = [...new Set(on.flatMap((n) => path.nodes[n]!))].sort((a, b) => a - b);
  const stop = path.stop && on.includes(path.stop.node) ? ' ✗' : '';
  return `  ◀${legs.length ? ` ${legs.join(',')}` : ''}${stop}`;
}

/** A line and its marks: the marks stay whole, the line gives way. */
function marked(line: string, mark: string): string {
  if (!mark) return fit(line);
  const room = WIDTH - mark.length;
  return `${cols(line) <= room ? line : `${fitCols(line, room - 1)}…`}${mark}`;
}

function asciiHost(h: HostView, outside: string | null, path?: TracedPath): string[] {
  const lines = [
    marked(
      `${h.name} [${whereText(h)}]` + `${h.uplink ? `  ${h.uplink}${outside ? ' ── outside' : ''}` : ''}`,
      marks(path, id(h.name, 'uplink'), ...(outside ? ['outside'] : [])),
    ),
  ];
  if (h.elsewhere) lines.push(...wrap(h.elsewhere, '  ', '  '));
  type Child = { text: string; mark: string };
  const portLine = (p: Port): Child => ({
    text: portText(p),
    mark: marks(path, ...(p.hostEnd ? [id(h.name, 'end', p.hostEnd)] : []), id(p.container, p.inside)),
  });
  const deviceLine = (d: HostDevice): Child => ({ text: deviceText(d), mark: '' });
  const segmentNames = new Set(h.segments.map((s) => s.name));
  const loose = h.devices.filter((d) => !d.on || !segmentNames.has(d.on));
  const items: { text: string; mark: string; children?: Child[] }[] = [
    ...h.segments.map((s) => ({
      text: `${s.name}  ${s.kind}${s.address ? `  ${s.address}` : ''}${s.down ? `  ✗ ${s.down}` : ''}`,
      mark: marks(path, id(h.name, 'seg', s.name)),
      children: [...h.devices.filter((d) => d.on === s.name).map(deviceLine), ...s.ports.map(portLine)],
    })),
    ...(h.unplugged.length || loose.some((d) => d.kind === 'vxlan')
      ? [
          {
            text: t('on no bridge (unplugged):'),
            mark: '',
            children: [
              ...loose.filter((d) => d.kind === 'vxlan').map(deviceLine),
              ...h.unplugged.map(portLine),
            ],
          },
        ]
      : []),
    ...loose
      .filter((d) => d.kind !== 'vxlan')
      .map((d) => ({
        text: `${deviceText(d)}${d.on ? t(' (on {bridge})', { bridge: d.on }) : ''}`,
        mark: '',
      })),
    ...h.others.map((o) => ({ text: `${o.container}: ${o.mode}`, mark: marks(path, id('c', o.container)) })),
  ];
  items.forEach((item, i) => {
    const last = i === items.length - 1;
    lines.push(marked(`${last ? '└──' : '├──'} ${item.text}`, item.mark));
    const stem = last ? '    ' : '│   ';
    (item.children ?? []).forEach((c, j, all) =>
      lines.push(marked(`${stem}${j === all.length - 1 ? '└──' : '├──'} ${c.text}`, c.mark)),
    );
  });
  if (h.forwarding) lines.push(...wrap(forwardingText(h.forwarding), '', '  '));
  for (const [i, r] of h.rules.entries())
    lines.push(...wrap(r, i === 0 ? t('rules:') : '       ', '         '));
  if (h.notLab && (h.notLab.docker || h.notLab.other)) lines.push(...wrap(notLabText(h.notLab), '', '  '));
  for (const p of h.processes)
    lines.push(
      fit(
        t('process: {program} listens on {listens} → {target} ({container} {inside})', {
          program: p.program,
          listens: p.listens,
          target: p.target,
          container: p.container,
          inside: p.inside,
        }),
      ),
    );
  return lines;
}

/** `(from the lab file)`: where the picture comes from. */
const fromText = (source: Topology['source']) =>
  source === 'kernel' ? t('(from the kernel)') : t('(from the lab file)');

/** `(from the lab file; outside: …)`: where the picture comes from, and what plays the outside. */
const sourceText = (topo: Topology) =>
  topo.outside
    ? topo.source === 'kernel'
      ? t('(from the kernel; outside: {outside})', { outside: topo.outside })
      : t('(from the lab file; outside: {outside})', { outside: topo.outside })
    : fromText(topo.source);

export function ascii(topo: Topology, path?: TracedPath): string {
  const lines = [...wrap(`${topo.lab}: ${topo.title}`, '', '  '), sourceText(topo), ''];
  for (const h of topo.hosts) lines.push(...asciiHost(h, topo.outside, path), '');
  for (const x of topo.tunnels)
    lines.push(
      ...wrap(
        `tunnel ${x.network}: ${x.from} ⇄ ${x.to}, ${x.label}${x.broken ? `  ✗ ${x.broken.join('; ')}` : ''}`,
        '',
        '  ',
      ),
    );
  if (topo.tunnels.length) lines.push('');
  if (path) {
    lines.push(
      ...wrap(t('traced: {probe} — ◀ N: leg N of the journey passed there', { probe: path.probe }), '', '  '),
    );
    for (const l of path.legs) lines.push(...wrap(l, '  ', '       '));
    if (path.stop) lines.push(...wrap(t('{stop} (the line marked ✗)', { stop: path.stop.text }), '', '  '));
    lines.push(...wrap(path.verdict, '', '    '));
  }
  return lines.join('\n').trimEnd();
}

const PATH = '#1565c0';
const BACK = '#2e7d32';
const STOP = '#c62828';

/** The legs that passed a box, as its label's last line says it: `▶ 1 · 6`; and what stopped there. */
function pathLabel(path: TracedPath | undefined, node: string): string[] {
  const legs = path?.nodes[node];
  if (!legs) return [];
  return [
    ...(legs.length ? [`▶ ${legs.join(' · ')}`] : []),
    ...(path?.stop?.node === node ? [path.stop.text] : []),
  ];
}

/** The host's note: forwarding, the lab's rules, and how many rules are someone else's. */
const noteLines = (h: HostView) => [
  ...(h.forwarding ? [forwardingText(h.forwarding)] : []),
  ...h.rules,
  ...(h.notLab && (h.notLab.docker || h.notLab.other) ? [notLabText(h.notLab)] : []),
];

const tunnelLabel = (x: Topology['tunnels'][number], br = '\n') =>
  `${x.label}${x.broken ? `${br}✗ ${x.broken.join(`${br}✗ `)}` : ''}`;

const esc = (s: string) => s.replace(/"/g, '#quot;');

export function mermaid(topo: Topology, path?: TracedPath): string {
  const out = ['flowchart LR'];
  const edges: string[] = [];
  /** the two boxes of each edge, in the order of `edges`: linkStyle numbers links so */
  const ends: [string, string][] = [];
  const edge = (a: string, b: string, line: string) => {
    edges.push(line);
    ends.push([a, b]);
  };
  /** a box's label, with the trace's legs and stop under it */
  const label = (node: string, text: string) => [text, ...pathLabel(path, node).map(esc)].join('<br/>');
  if (topo.outside) out.push(`  outside(["${label('outside', `outside: ${esc(topo.outside)}`)}"])`);
  for (const h of topo.hosts) {
    out.push(`  subgraph ${id('host', h.name)}` + `["${esc(`${h.name} · ${whereText(h)}`)}"]`);
    if (h.uplink) {
      out.push(`    ${id(h.name, 'uplink')}["${label(id(h.name, 'uplink'), esc(h.uplink))}"]`);
      if (topo.outside) edge(id(h.name, 'uplink'), 'outside', `  ${id(h.name, 'uplink')} --- outside`);
    }
    for (const s of h.segments) {
      const seg = id(h.name, 'seg', s.name);
      out.push(
        `    ${seg}["${label(seg, `${esc(`${s.name} (${s.kind})`)}${s.address ? `<br/>${esc(s.address)}` : ''}${s.down ? `<br/>✗ ${s.down}` : ''}`)}"]`,
      );
      for (const p of s.ports)
        if (p.hostEnd)
          out.push(
            `    ${id(h.name, 'end', p.hostEnd)}["${label(id(h.name, 'end', p.hostEnd), esc(p.hostEnd))}"]`,
          );
    }
    for (const p of h.unplugged)
      if (p.hostEnd)
        out.push(
          `    ${id(h.name, 'end', p.hostEnd)}["${label(id(h.name, 'end', p.hostEnd), `${esc(p.hostEnd)}${t(' (on no bridge)')}`)}"]`,
        );
    for (const d of h.devices) {
      const node = id(h.name, 'dev', d.name);
      out.push(
        `    ${node}["${esc(`${d.name} (${d.kind})`)}<br/>${esc(d.detail)}${d.down ? `<br/>✗ ${d.down}` : ''}"]`,
      );
      if (d.on && h.segments.some((s) => s.name === d.on))
        edge(id(h.name, 'seg', d.on), node, `  ${id(h.name, 'seg', d.on)} --- ${node}`);
    }
    const note = noteLines(h);
    if (note.length) out.push(`    ${id(h.name, 'rules')}[/"${note.map(esc).join('<br/>')}"/]`);
    for (const p of h.processes) {
      const node = id(h.name, 'proc', p.listens);
      out.push(
        `    ${node}[["${esc(t('{program} (process)<br/>listens on {listens}', { program: p.program, listens: p.listens }))}"]]`,
      );
      edge(
        node,
        id(p.container, p.inside),
        `  ${node} -.-|${esc(t('connects to {target}', { target: p.target }))}| ${id(p.container, p.inside)}`,
      );
    }
    out.push('  end');
    const ports = [
      ...h.segments.flatMap((s) => s.ports.map((p) => [s, p] as const)),
      ...h.unplugged.map((p) => [null, p] as const),
    ];
    for (const [s, p] of ports) {
      const inside = id(p.container, p.inside);
      out.push(`  subgraph ${id('c', p.container)}["${esc(p.container)}"]`);
      const text =
        `${p.inside}${p.address ? `<br/>${p.address}` : ''}` +
        `${p.down ? `<br/>✗ ${p.down.join(', ')}` : ''}`;
      out.push(`    ${inside}["${label(inside, esc(text))}"]`);
      out.push('  end');
      if (p.hostEnd) {
        const end = id(h.name, 'end', p.hostEnd);
        edge(end, inside, `  ${end} ===|veth| ${inside}`);
        if (s) edge(id(h.name, 'seg', s.name), end, `  ${id(h.name, 'seg', s.name)} --- ${end}`);
      } else if (s)
        edge(id(h.name, 'seg', s.name), inside, `  ${id(h.name, 'seg', s.name)} -.-|${p.kind}| ${inside}`);
    }
    for (const o of h.others)
      out.push(
        `  ${id('c', o.container)}["${label(id('c', o.container), esc(`${o.container}<br/>${o.mode}`))}"]`,
      );
  }
  for (const x of topo.tunnels) {
    const [a, b] = [id(x.from, 'seg', x.network), id(x.to, 'seg', x.network)];
    edge(a, b, `  ${a} -.-|${tunnelLabel(x, '<br/>')}| ${b}`);
  }
  return [...out, ...edges, ...(path ? mermaidPath(path, ends) : [])].join('\n');
}

/** The traced probe in mermaid: its boxes and links drawn thick, where it stopped in red, the verdict in a note. */
function mermaidPath(path: TracedPath, ends: [string, string][]): string[] {
  const lines = [
    `  trace_verdict[/"${esc(`${t('traced: {probe}', { probe: path.probe })}<br/>${t('▶ N: leg N of its journey passed there; blue: the way there, green: the way back')}<br/>${path.verdict}`)}"/]`,
  ];
  for (const node of Object.keys(path.nodes))
    lines.push(
      path.stop?.node === node
        ? `  style ${node} stroke:${STOP},stroke-width:4px,fill:#f6c6c6`
        : `  style ${node} stroke:${PATH},stroke-width:3px`,
    );
  ends.forEach(([a, b], i) => {
    const way = path.wires[wireKey(a, b)];
    if (way) lines.push(`  linkStyle ${i} stroke:${way === 'reply' ? BACK : PATH},stroke-width:4px`);
  });
  lines.push(`  style trace_verdict stroke:${path.stop ? STOP : PATH},stroke-width:2px`);
  return lines;
}

const dq = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/** Words wrapped at `width` characters onto lines of their own (for a label). */
const lines = (text: string, width: number) => wrapTo(text, width).join('\n');
function wrapTo(text: string, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && cols(line) + cols(word) + 1 > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...out, line];
}

export function dot(topo: Topology, path?: TracedPath): string {
  const traced = path
    ? `\n${t('traced: {probe}', { probe: path.probe })} — ${t('▶ N: leg N of its journey passed there; blue: the way there, green: the way back')}` +
      `\n${lines(path.verdict, 100)}`
    : '';
  const out = [
    'graph nslab {',
    '  rankdir=LR; fontname="Helvetica"; node [fontname="Helvetica", shape=box, style="rounded"]; ' +
      'edge [fontname="Helvetica"];',
    `  label=${dq(`${topo.lab}: ${topo.title} ${fromText(topo.source)}${traced}`)}; labelloc=t;`,
  ];
  const edges: string[] = [];
  /** a box: its label with the trace's legs and stop under it, drawn thick on the path, red where it stopped */
  const node = (nid: string, text: string, attrs = '') => {
    const more = pathLabel(path, nid);
    const style = !path?.nodes[nid]
      ? ''
      : path.stop?.node === nid
        ? `, color="${STOP}", penwidth=4, style="rounded,filled", fillcolor="#f6c6c6"`
        : `, color="${PATH}", penwidth=3`;
    return `${nid} [label=${dq([text, ...more].join('\n'))}${attrs}${style}];`;
  };
  /** a cable, thick in the colour of the way the probe went along it */
  const edge = (a: string, b: string, attrs = '') => {
    const way = path?.wires[wireKey(a, b)];
    const colour = way === 'both' ? `${PATH}:${BACK}` : way === 'reply' ? BACK : PATH;
    const all = [attrs, ...(way ? [`color="${colour}", penwidth=4`] : [])].filter(Boolean).join(', ');
    return `  ${a} -- ${b}${all ? ` [${all}]` : ''};`;
  };
  if (topo.outside) out.push(`  ${node('outside', `outside\n${topo.outside}`, ', shape=ellipse')}`);
  for (const h of topo.hosts) {
    out.push(
      `  subgraph cluster_${id('host', h.name)} {`,
      `    label=${dq(`${h.name} · ${whereText(h)}${h.elsewhere ? `\n${lines(h.elsewhere, 50)}` : ''}`)}; ` +
        `style="rounded,filled"; fillcolor="${h.elsewhere ? '#eeeeee' : '#eef3fb'}";`,
    );
    if (h.uplink) {
      out.push(`    ${node(id(h.name, 'uplink'), `uplink\n${h.uplink}`)}`);
      if (topo.outside) edges.push(edge(id(h.name, 'uplink'), 'outside'));
    }
    for (const s of h.segments) {
      out.push(
        `    ${node(
          id(h.name, 'seg', s.name),
          `${s.name}\n${s.kind}${s.address ? `\n${s.address}` : ''}${s.down ? `\n✗ ${s.down}` : ''}`,
          `, style="rounded,filled", fillcolor="${s.down ? '#f6c6c6' : '#ffe9b3'}"`,
        )}`,
      );
      for (const p of s.ports)
        if (p.hostEnd) out.push(`    ${node(id(h.name, 'end', p.hostEnd), p.hostEnd)}`);
    }
    for (const p of h.unplugged)
      if (p.hostEnd)
        out.push(
          `    ${node(id(h.name, 'end', p.hostEnd), `${p.hostEnd}\n${t('on no bridge')}`, ', color=red')}`,
        );
    // A VXLAN device is a port of its bridge; unplugged, it hangs in the host in red.
    for (const d of h.devices) {
      const plugged = d.on !== null && h.segments.some((s) => s.name === d.on);
      const broken = d.down || (d.kind === 'vxlan' && !plugged);
      out.push(
        `    ${node(
          id(h.name, 'dev', d.name),
          `${d.name}\n${d.kind === 'vxlan' ? 'VXLAN' : d.kind} ${lines(d.detail, 40)}` +
            `${d.kind === 'vxlan' && !plugged ? `\n✗ ${t('on no bridge')}` : ''}${d.down ? `\n✗ ${d.down}` : ''}`,
          broken ? ', color=red' : '',
        )}`,
      );
      if (plugged) edges.push(edge(id(h.name, 'seg', d.on!), id(h.name, 'dev', d.name)));
    }
    // \l ends a left-aligned line in a dot label: added after quoting, so it is not escaped.
    const note = noteLines(h).flatMap((l) => wrapTo(l, 60));
    if (note.length)
      out.push(
        `    ${id(h.name, 'rules')} ` +
          `[label=${dq(note.join('\n')).replace(/\n/g, '\\l').replace(/"$/, '\\l"')}, ` +
          'shape=note, style=filled, fillcolor=white];',
      );
    // A process box (Graphviz's component shape), connected to the container it forwards to.
    for (const p of h.processes) {
      out.push(
        `    ${id(h.name, 'proc', p.listens)} ` +
          `[label=${dq(t('{program} (process)\nlistens on {listens}', { program: p.program, listens: p.listens }))}, shape=component, ` +
          'style=filled, fillcolor="#fde2e4"];',
      );
      edges.push(
        edge(
          id(h.name, 'proc', p.listens),
          id(p.container, p.inside),
          `label=${dq(t('connects to {target}', { target: p.target }))}, style=dashed, color="#b5485d"`,
        ),
      );
    }
    out.push('  }');
    const ports = [
      ...h.segments.flatMap((s) => s.ports.map((p) => [s, p] as const)),
      ...h.unplugged.map((p) => [null, p] as const),
    ];
    for (const [s, p] of ports) {
      const label =
        `${p.inside}${p.address ? `\n${p.address}` : ''}` + `${p.down ? `\n✗ ${p.down.join(', ')}` : ''}`;
      out.push(
        `  subgraph cluster_${id('c', p.container)} {`,
        `    label=${dq(p.container)}; style="rounded,filled"; fillcolor="#e8f5e9";`,
        `    ${node(id(p.container, p.inside), label, p.down ? ', color=red' : '')}`,
        '  }',
      );
      if (p.hostEnd) {
        edges.push(edge(id(h.name, 'end', p.hostEnd), id(p.container, p.inside), 'label="veth", penwidth=2'));
        if (s) edges.push(edge(id(h.name, 'seg', s.name), id(h.name, 'end', p.hostEnd)));
      } else if (s)
        edges.push(
          edge(id(h.name, 'seg', s.name), id(p.container, p.inside), `label=${dq(p.kind)}, style=dashed`),
        );
    }
    for (const o of h.others)
      out.push(`  ${node(id('c', o.container), `${o.container}\n${o.mode}`, ', style="rounded,dashed"')}`);
  }
  for (const x of topo.tunnels)
    edges.push(
      edge(
        id(x.from, 'seg', x.network),
        id(x.to, 'seg', x.network),
        `label=${dq(tunnelLabel(x))}, style=dashed, penwidth=2${x.broken ? ', color=red, fontcolor=red' : ''}`,
      ),
    );
  return [...out, ...edges, '}'].join('\n');
}
