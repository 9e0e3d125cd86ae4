// One topology, four pictures: ascii for the terminal (80 columns), mermaid for markdown, dot
// for Graphviz, and svg rendered from the dot by Graphviz itself (offline, Debian's package).
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

function asciiHost(h: HostView, outside: string | null): string[] {
  const lines = [
    fit(
      `${h.name}${h.ns ? ` [namespace ${h.ns}]` : ' [this machine]'}` +
        `${h.uplink ? `  ${h.uplink}${outside ? ' ── outside' : ''}` : ''}`,
    ),
  ];
  const items: { text: string; ports?: Port[] }[] = [
    ...h.segments.map((s) => ({
      text: `${s.name}  ${s.kind}${s.address ? `  ${s.address}` : ''}${s.down ? '  ✗ DOWN' : ''}`,
      ports: s.ports,
    })),
    ...(h.unplugged.length ? [{ text: 'on no bridge (unplugged):', ports: h.unplugged }] : []),
    ...h.others.map((o) => ({ text: `${o.container}: ${o.mode}` })),
  ];
  items.forEach((item, i) => {
    const last = i === items.length - 1;
    lines.push(fit(`${last ? '└──' : '├──'} ${item.text}`));
    const stem = last ? '    ' : '│   ';
    (item.ports ?? []).forEach((p, j, all) =>
      lines.push(fit(`${stem}${j === all.length - 1 ? '└──' : '├──'} ${portText(p)}`)),
    );
  });
  for (const [i, r] of h.rules.entries()) lines.push(...wrap(r, i === 0 ? 'rules:' : '       ', '         '));
  for (const p of h.processes)
    lines.push(
      fit(`process: ${p.program} listens on ${p.listens} → ${p.target} (${p.container} ${p.inside})`),
    );
  return lines;
}

export function ascii(t: Topology): string {
  const lines = [
    ...wrap(`${t.lab}: ${t.title}`, '', '  '),
    `(from the ${t.source}${t.outside ? `; outside: ${t.outside}` : ''})`,
    '',
  ];
  for (const h of t.hosts) lines.push(...asciiHost(h, t.outside), '');
  return lines.join('\n').trimEnd();
}

/** Identifiers for mermaid and dot: letters, digits and _ only. */
const id = (...parts: string[]) => parts.join('_').replace(/[^A-Za-z0-9_]/g, '_');
const esc = (s: string) => s.replace(/"/g, '#quot;');

export function mermaid(t: Topology): string {
  const out = ['flowchart LR'];
  const edges: string[] = [];
  if (t.outside) out.push(`  outside(["outside: ${esc(t.outside)}"])`);
  for (const h of t.hosts) {
    out.push(
      `  subgraph ${id('host', h.name)}` +
        `["${esc(`${h.name}${h.ns ? ` · namespace ${h.ns}` : ' · this machine'}`)}"]`,
    );
    if (h.uplink) {
      out.push(`    ${id(h.name, 'uplink')}["${esc(h.uplink)}"]`);
      if (t.outside) edges.push(`  ${id(h.name, 'uplink')} --- outside`);
    }
    for (const s of h.segments) {
      out.push(
        `    ${id(h.name, 'seg', s.name)}["${esc(`${s.name} (${s.kind})`)}` +
          `${s.address ? `<br/>${esc(s.address)}` : ''}${s.down ? '<br/>✗ DOWN' : ''}"]`,
      );
      for (const p of s.ports)
        if (p.hostEnd) out.push(`    ${id(h.name, 'end', p.hostEnd)}["${esc(p.hostEnd)}"]`);
    }
    for (const p of h.unplugged)
      if (p.hostEnd) out.push(`    ${id(h.name, 'end', p.hostEnd)}["${esc(p.hostEnd)} (on no bridge)"]`);
    if (h.rules.length) out.push(`    ${id(h.name, 'rules')}[/"${h.rules.map(esc).join('<br/>')}"/]`);
    for (const p of h.processes) {
      const node = id(h.name, 'proc', p.listens);
      out.push(`    ${node}[["${esc(`${p.program} (process)<br/>listens on ${p.listens}`)}"]]`);
      edges.push(`  ${node} -.-|${esc(`connects to ${p.target}`)}| ${id(p.container, p.inside)}`);
    }
    out.push('  end');
    const ports = [
      ...h.segments.flatMap((s) => s.ports.map((p) => [s, p] as const)),
      ...h.unplugged.map((p) => [null, p] as const),
    ];
    for (const [s, p] of ports) {
      out.push(`  subgraph ${id('c', p.container)}["${esc(p.container)}"]`);
      const label =
        `${p.inside}${p.address ? `<br/>${p.address}` : ''}` +
        `${p.down ? `<br/>✗ ${p.down.join(', ')}` : ''}`;
      out.push(`    ${id(p.container, p.inside)}["${esc(label)}"]`);
      out.push('  end');
      if (p.hostEnd) {
        edges.push(`  ${id(h.name, 'end', p.hostEnd)} ===|veth| ${id(p.container, p.inside)}`);
        if (s) edges.push(`  ${id(h.name, 'seg', s.name)} --- ${id(h.name, 'end', p.hostEnd)}`);
      } else if (s) edges.push(`  ${id(h.name, 'seg', s.name)} -.-|${p.kind}| ${id(p.container, p.inside)}`);
    }
    for (const o of h.others) out.push(`  ${id('c', o.container)}["${esc(`${o.container}<br/>${o.mode}`)}"]`);
  }
  for (const x of t.tunnels)
    edges.push(`  ${id(x.from, 'seg', x.network)} -.-|${esc(x.label)}| ${id(x.to, 'seg', x.network)}`);
  return [...out, ...edges].join('\n');
}

const dq = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export function dot(t: Topology): string {
  const out = [
    'graph nslab {',
    '  rankdir=LR; fontname="Helvetica"; node [fontname="Helvetica", shape=box, style="rounded"]; ' +
      'edge [fontname="Helvetica"];',
    `  label=${dq(`${t.lab}: ${t.title} (from the ${t.source})`)}; labelloc=t;`,
  ];
  const edges: string[] = [];
  if (t.outside) out.push(`  outside [label=${dq(`outside\n${t.outside}`)}, shape=ellipse];`);
  for (const h of t.hosts) {
    out.push(
      `  subgraph cluster_${id('host', h.name)} {`,
      `    label=${dq(`${h.name}${h.ns ? ` · namespace ${h.ns}` : ' · this machine'}`)}; ` +
        'style="rounded,filled"; fillcolor="#eef3fb";',
    );
    if (h.uplink) {
      out.push(`    ${id(h.name, 'uplink')} [label=${dq(`uplink\n${h.uplink}`)}];`);
      if (t.outside) edges.push(`  ${id(h.name, 'uplink')} -- outside;`);
    }
    for (const s of h.segments) {
      out.push(
        `    ${id(h.name, 'seg', s.name)} ` +
          `[label=${dq(`${s.name}\n${s.kind}${s.address ? `\n${s.address}` : ''}`)}, ` +
          `style="rounded,filled", fillcolor="${s.down ? '#f6c6c6' : '#ffe9b3'}"];`,
      );
      for (const p of s.ports)
        if (p.hostEnd) out.push(`    ${id(h.name, 'end', p.hostEnd)} [label=${dq(p.hostEnd)}];`);
    }
    for (const p of h.unplugged)
      if (p.hostEnd)
        out.push(
          `    ${id(h.name, 'end', p.hostEnd)} [label=${dq(`${p.hostEnd}\non no bridge`)}, color=red];`,
        );
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
        `  ${id(h.name, 'proc', p.listens)} -- ${id(p.container, p.inside)} ` +
          `[label=${dq(`connects to ${p.target}`)}, style=dashed, color="#b5485d"];`,
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
        `    ${id(p.container, p.inside)} [label=${dq(label)}${p.down ? ', color=red' : ''}];`,
        '  }',
      );
      if (p.hostEnd) {
        edges.push(
          `  ${id(h.name, 'end', p.hostEnd)} -- ${id(p.container, p.inside)} [label="veth", penwidth=2];`,
        );
        if (s) edges.push(`  ${id(h.name, 'seg', s.name)} -- ${id(h.name, 'end', p.hostEnd)};`);
      } else if (s)
        edges.push(
          `  ${id(h.name, 'seg', s.name)} -- ${id(p.container, p.inside)} ` +
            `[label=${dq(p.kind)}, style=dashed];`,
        );
    }
    for (const o of h.others)
      out.push(
        `  ${id('c', o.container)} [label=${dq(`${o.container}\n${o.mode}`)}, style="rounded,dashed"];`,
      );
  }
  for (const x of t.tunnels)
    edges.push(
      `  ${id(x.from, 'seg', x.network)} -- ${id(x.to, 'seg', x.network)} ` +
        `[label=${dq(x.label)}, style=dashed, penwidth=2];`,
    );
  return [...out, ...edges, '}'].join('\n');
}
