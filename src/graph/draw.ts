// One topology, four pictures: ascii for the terminal (80 columns), mermaid for markdown, dot
// for Graphviz, and svg rendered from the dot by Graphviz itself (offline, Debian's package).
import { nodeId as id, wireKey, type TracedPath } from './path.js';
import type { HostView, Port, Topology } from './topology.js';

const WIDTH = 80;
const fit = (line: string) => (line.length <= WIDTH ? line : `${line.slice(0, WIDTH - 1)}…`);

/** Wraps words onto lines of at most WIDTH: the first starts with `first`, the others with `indent`. */
function wrap(text: string, first: string, indent: string): string[] {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(' ').filter(Boolean)) {
    if (line.trim() && (line + ' ' + word).length > WIDTH) {
      lines.push(line);
      line = indent + word;
    } else line = line.trim() ? `${line} ${word}` : line + word;
  }
  return [...lines, line];
}

const portText = (p: Port) =>
  `${p.hostEnd ? `${p.hostEnd} ══ ` : `${p.kind} child ── `}` +
  `${p.inside} ${p.address ?? '(no address)'}  ${p.container}` +
  `${p.down ? `  ✗ ${p.down.join(', ')}` : ''}`;

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
  return `${line.length <= room ? line : `${line.slice(0, room - 1)}…`}${mark}`;
}

function asciiHost(h: HostView, outside: string | null, path?: TracedPath): string[] {
  const lines = [
    marked(
      `${h.name}${h.ns ? ` [namespace ${h.ns}]` : ' [this machine]'}` +
        `${h.uplink ? `  ${h.uplink}${outside ? ' ── outside' : ''}` : ''}`,
      marks(path, id(h.name, 'uplink'), ...(outside ? ['outside'] : [])),
    ),
  ];
  const items: { text: string; mark: string; ports?: Port[] }[] = [
    ...h.segments.map((s) => ({
      text: `${s.name}  ${s.kind}${s.address ? `  ${s.address}` : ''}${s.down ? '  ✗ DOWN' : ''}`,
      mark: marks(path, id(h.name, 'seg', s.name)),
      ports: s.ports,
    })),
    ...(h.unplugged.length ? [{ text: 'on no bridge (unplugged):', mark: '', ports: h.unplugged }] : []),
    ...h.others.map((o) => ({ text: `${o.container}: ${o.mode}`, mark: marks(path, id('c', o.container)) })),
  ];
  items.forEach((item, i) => {
    const last = i === items.length - 1;
    lines.push(marked(`${last ? '└──' : '├──'} ${item.text}`, item.mark));
    const stem = last ? '    ' : '│   ';
    (item.ports ?? []).forEach((p, j, all) =>
      lines.push(
        marked(
          `${stem}${j === all.length - 1 ? '└──' : '├──'} ${portText(p)}`,
          marks(path, ...(p.hostEnd ? [id(h.name, 'end', p.hostEnd)] : []), id(p.container, p.inside)),
        ),
      ),
    );
  });
  for (const [i, r] of h.rules.entries()) lines.push(...wrap(r, i === 0 ? 'rules:' : '       ', '         '));
  for (const p of h.processes)
    lines.push(
      fit(`process: ${p.program} listens on ${p.listens} → ${p.target} (${p.container} ${p.inside})`),
    );
  return lines;
}

export function ascii(t: Topology, path?: TracedPath): string {
  const lines = [
    ...wrap(`${t.lab}: ${t.title}`, '', '  '),
    `(from the ${t.source}${t.outside ? `; outside: ${t.outside}` : ''})`,
    '',
  ];
  for (const h of t.hosts) lines.push(...asciiHost(h, t.outside, path), '');
  if (path) {
    lines.push(...wrap(`traced: ${path.probe} — ◀ N: leg N of the journey passed there`, '', '  '));
    for (const l of path.legs) lines.push(...wrap(l, '  ', '       '));
    if (path.stop) lines.push(...wrap(`${path.stop.text} (the line marked ✗)`, '', '  '));
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

const esc = (s: string) => s.replace(/"/g, '#quot;');

export function mermaid(t: Topology, path?: TracedPath): string {
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
  if (t.outside) out.push(`  outside(["${label('outside', `outside: ${esc(t.outside)}`)}"])`);
  for (const h of t.hosts) {
    out.push(
      `  subgraph ${id('host', h.name)}` +
        `["${esc(`${h.name}${h.ns ? ` · namespace ${h.ns}` : ' · this machine'}`)}"]`,
    );
    if (h.uplink) {
      out.push(`    ${id(h.name, 'uplink')}["${label(id(h.name, 'uplink'), esc(h.uplink))}"]`);
      if (t.outside) edge(id(h.name, 'uplink'), 'outside', `  ${id(h.name, 'uplink')} --- outside`);
    }
    for (const s of h.segments) {
      const seg = id(h.name, 'seg', s.name);
      out.push(
        `    ${seg}["${label(seg, `${esc(`${s.name} (${s.kind})`)}${s.address ? `<br/>${esc(s.address)}` : ''}${s.down ? '<br/>✗ DOWN' : ''}`)}"]`,
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
          `    ${id(h.name, 'end', p.hostEnd)}["${label(id(h.name, 'end', p.hostEnd), `${esc(p.hostEnd)} (on no bridge)`)}"]`,
        );
    if (h.rules.length) out.push(`    ${id(h.name, 'rules')}[/"${h.rules.map(esc).join('<br/>')}"/]`);
    for (const p of h.processes) {
      const node = id(h.name, 'proc', p.listens);
      out.push(`    ${node}[["${esc(`${p.program} (process)<br/>listens on ${p.listens}`)}"]]`);
      edge(
        node,
        id(p.container, p.inside),
        `  ${node} -.-|${esc(`connects to ${p.target}`)}| ${id(p.container, p.inside)}`,
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
  for (const x of t.tunnels) {
    const [a, b] = [id(x.from, 'seg', x.network), id(x.to, 'seg', x.network)];
    edge(a, b, `  ${a} -.-|${esc(x.label)}| ${b}`);
  }
  return [...out, ...edges, ...(path ? mermaidPath(path, ends) : [])].join('\n');
}

/** The traced probe in mermaid: its boxes and links drawn thick, where it stopped in red, the verdict in a note. */
function mermaidPath(path: TracedPath, ends: [string, string][]): string[] {
  const lines = [
    `  trace_verdict[/"${esc(`traced: ${path.probe}<br/>▶ N: leg N of its journey passed there; blue: the way there, green: the way back<br/>${path.verdict}`)}"/]`,
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
    if (line && line.length + word.length + 1 > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...out, line];
}

export function dot(t: Topology, path?: TracedPath): string {
  const traced = path
    ? `\ntraced: ${path.probe} — ▶ N: leg N of its journey passed there; blue: the way there, green: the way back` +
      `\n${lines(path.verdict, 100)}`
    : '';
  const out = [
    'graph nslab {',
    '  rankdir=LR; fontname="Helvetica"; node [fontname="Helvetica", shape=box, style="rounded"]; ' +
      'edge [fontname="Helvetica"];',
    `  label=${dq(`${t.lab}: ${t.title} (from the ${t.source})${traced}`)}; labelloc=t;`,
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
  if (t.outside) out.push(`  ${node('outside', `outside\n${t.outside}`, ', shape=ellipse')}`);
  for (const h of t.hosts) {
    out.push(
      `  subgraph cluster_${id('host', h.name)} {`,
      `    label=${dq(`${h.name}${h.ns ? ` · namespace ${h.ns}` : ' · this machine'}`)}; ` +
        'style="rounded,filled"; fillcolor="#eef3fb";',
    );
    if (h.uplink) {
      out.push(`    ${node(id(h.name, 'uplink'), `uplink\n${h.uplink}`)}`);
      if (t.outside) edges.push(edge(id(h.name, 'uplink'), 'outside'));
    }
    for (const s of h.segments) {
      out.push(
        `    ${node(
          id(h.name, 'seg', s.name),
          `${s.name}\n${s.kind}${s.address ? `\n${s.address}` : ''}`,
          `, style="rounded,filled", fillcolor="${s.down ? '#f6c6c6' : '#ffe9b3'}"`,
        )}`,
      );
      for (const p of s.ports)
        if (p.hostEnd) out.push(`    ${node(id(h.name, 'end', p.hostEnd), p.hostEnd)}`);
    }
    for (const p of h.unplugged)
      if (p.hostEnd)
        out.push(`    ${node(id(h.name, 'end', p.hostEnd), `${p.hostEnd}\non no bridge`, ', color=red')}`);
    // \l ends a left-aligned line in a dot label: added after quoting, so it is not escaped.
    if (h.rules.length)
      out.push(
        `    ${id(h.name, 'rules')} ` +
          `[label=${dq(h.rules.join('\n')).replace(/\n/g, '\\l').replace(/"$/, '\\l"')}, ` +
          'shape=note, style=filled, fillcolor=white];',
      );
    // A process box (Graphviz's component shape), connected to the container it forwards to.
    for (const p of h.processes) {
      out.push(
        `    ${id(h.name, 'proc', p.listens)} ` +
          `[label=${dq(`${p.program} (process)\nlistens on ${p.listens}`)}, shape=component, ` +
          'style=filled, fillcolor="#fde2e4"];',
      );
      edges.push(
        edge(
          id(h.name, 'proc', p.listens),
          id(p.container, p.inside),
          `label=${dq(`connects to ${p.target}`)}, style=dashed, color="#b5485d"`,
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
  for (const x of t.tunnels)
    edges.push(
      edge(
        id(x.from, 'seg', x.network),
        id(x.to, 'seg', x.network),
        `label=${dq(x.label)}, style=dashed, penwidth=2`,
      ),
    );
  return [...out, ...edges, '}'].join('\n');
}
