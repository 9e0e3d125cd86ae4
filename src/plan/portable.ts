// `plan --portable`: the plan as a handout that does not depend on the machine it was made on.
// The commands are the plan's own (rendered by command.ts); what differs is decided when the
// script runs: which program serves (busybox, python3 or nc: portable-runtime.ts), and, on the
// host shape, whether ip_forward must be turned on (and put back on down) and whether Docker's
// FORWARD DROP needs an accept for the lab's bridges. It has up, down and check, and needs
// nothing of nslab. The default shape is the sandbox's: every Docker host is a namespace named as
// nslab names it (SANDBOX-host, …) and marked as nslab marks it, so `nslab verify LAB
// --sandbox-name SANDBOX` checks what the script built.
import { t } from '../i18n/index.js';
import type { Lab } from '../lab/types.js';
import { argvOf, commandLine, shellQuote, type Command } from './command.js';
import { compile, teardownOf } from './compile.js';
import { pingArgv } from './probe.js';
import { RUNTIME } from './portable-runtime.js';
import { comment, commandText } from './script.js';
import type { PlannedCheck, Plan, Target } from './types.js';

/** bash's reserved words, quoted where they are arguments (ping -M do) so no reader trips. */
const RESERVED = new Set(['do', 'done', 'then', 'fi', 'if', 'else', 'esac', 'case', 'in', 'for', 'while']);
const q = (word: string) => (RESERVED.has(word) ? `'${word}'` : shellQuote(word));
const line = (...words: string[]) => words.map(q).join(' ');
const IP_FORWARD = 'net.ipv4.ip_forward';

/**
 * The host shape compiles for the machine that needs the most (FORWARD DROP seen, ip_forward
 * off); the steps only such a machine needs run behind `if forward_drops`.
 */
const WORST: Target = { kind: 'host', facts: { forwardDrop: true, ipForward: '0' } };

/** A command of up, as the portable script runs it. */
function upCommand(c: Command): string[] {
  if (c.tool === 'server') {
    const fn = { server: 'serve', 'docker-proxy': 'proxy', resolver: 'resolver' }[c.program];
    return [line(fn, c.ns ?? '', ...c.args)];
  }
  // the machine's own ip_forward: remembered, so down puts it back
  if (c.tool === 'sysctl' && c.ns === null && c.key === IP_FORWARD) return ['forward_on'];
  // chains of the machine's own shared by the labs up (see docker-rules.ts): made when missing
  if (c.tool === 'iptables' && c.ns === null && c.op === '-N')
    return [`${commandLine(argvOf(c))} 2>/dev/null || true`];
  return commandText(c);
}

/** A command of down: newest first, what is gone already is fine. */
const downCommand = (c: Command): string =>
  c.tool === 'sysctl' && c.ns === null && c.key === IP_FORWARD
    ? 'forward_back'
    : `undo ${commandLine(argvOf(c))}`;

function checkLine(c: PlannedCheck): string {
  const head = [c.expect, c.name, c.why ?? '', c.netns ?? ''];
  switch (c.kind) {
    case 'ping':
      return line('ping_check', ...head, ...pingArgv(null, c.address, c.size).slice(1));
    case 'tcp':
      return line('socket_check', ...head, 'tcp', c.address, String(c.port));
    case 'udp':
      return line('socket_check', ...head, 'udp', c.address, String(c.port), c.body ?? '');
    case 'http':
      return line(
        'socket_check',
        ...head,
        'http',
        c.address,
        String(c.port),
        c.body ?? '',
        // as nslab's probe: enough requests to meet every backend
        c.answers ? '12' : '1',
        ...(c.answers ?? []),
      );
    case 'resolve':
      return line('resolve_check', ...head, c.lookup, c.address ?? '');
    case 'listen':
      return line('listen_check', ...head, String(c.port));
  }
}

const indent = (lines: string[]) => lines.map((l) => (l ? `  ${l}` : l));

/** The plan a portable script runs: the sandbox's (named `sandbox`) or, without, the machine's own. */
const portablePlan = (lab: Lab, sandbox: string | null): Plan =>
  compile(lab, sandbox ? { kind: 'sandbox', name: sandbox } : WORST);

export function renderPortable(lab: Lab, sandbox: string | null): string {
  const plan = portablePlan(lab, sandbox);
  // The steps a machine without Docker's DROP does not need: in the compiler's own words.
  const plain = sandbox
    ? plan
    : compile(lab, { kind: 'host', facts: { forwardDrop: false, ipForward: '0' } });
  const unconditional = new Set(plain.steps.map((s) => s.title));
  const state = `/run/nslab-portable/${plan.lab}${sandbox ? `@${sandbox}` : ''}`;
  const servers = plan.steps.some((s) => s.commands.some((c) => c.tool === 'server'));
  const usesIptables = plan.steps.some((s) => s.commands.some((c) => c.tool === 'iptables'));
  // What the hairpin of a lab without docker-proxy needs: dockerd loads br_netfilter for it.
  const hairpin = !lab.daemon.userlandProxy && lab.containers.some((c) => c.ports.length > 0);
  const where = sandbox
    ? t(
        'in namespaces of its own (sandbox {sandbox}: {namespaces}); the machine’s own network is never touched',
        {
          sandbox,
          namespaces: plan.namespaces.join(', '),
        },
      )
    : t(
        'in this machine’s own network namespace (it changes ip_forward and iptables, and puts them back on down)',
      );

  const up: string[] = [
    'if [ "$(id -u)" != 0 ]; then echo "run it as root: sudo bash $0 up" >&2; exit 3; fi',
    `for tool in ip ss setsid${usesIptables ? ' iptables' : ''}; do`,
    '  have "$tool" || { echo "$tool is missing (apt-get install iproute2 iptables util-linux)" >&2; exit 3; }',
    'done',
    // never build over (nor, on a failure, undo) what is there already
    'if [ -e "$STATE" ]; then',
    `  echo "${plan.lab} is up already here: bash $0 down first" >&2`,
    '  exit 3',
    'fi',
    'for ns in "${NAMESPACES[@]}"; do',
    '  if [ -e "/run/netns/$ns" ]; then echo "namespace $ns exists already" >&2; exit 3; fi',
    'done',
    ...(plan.rootLinks.length > 0
      ? [
          `for link in ${plan.rootLinks.map(q).join(' ')}; do`,
          '  if ip link show dev "$link" >/dev/null 2>&1; then echo "this machine has a link $link already" >&2; exit 3; fi',
          'done',
        ]
      : []),
    'mkdir -p "$STATE"',
    "trap 'rollback $?' ERR",
    ...(hairpin ? ['bridge_netfilter'] : []),
  ];
  plan.steps.forEach((step, i) => {
    up.push(
      '',
      `# ── ${t('step {number}/{count}: {title}', { number: i + 1, count: plan.steps.length, title: step.title })}`,
    );
    up.push(...comment(`why:    ${step.why}`), ...comment(`docker: ${step.docker}`));
    const commands = step.commands.flatMap(upCommand);
    if (unconditional.has(step.title)) up.push(...commands);
    else
      up.push(
        `# ${t('decided here and now: only a machine where Docker set FORWARD to DROP needs it')}`,
        'if forward_drops; then',
        ...indent(commands),
        'fi',
      );
  });
  up.push(
    'trap - ERR',
    `echo "${plan.lab} is up (${sandbox ? `sandbox ${sandbox}` : 'this machine'}): bash $0 check"`,
  );

  const down = [
    ...(servers ? ['stop_servers'] : []),
    ...teardownOf(plan).map(downCommand),
    'rm -rf "$STATE"',
    `echo "${plan.lab} is down"`,
  ];

  const check = [
    'FAILED=0',
    ...plan.checks.map(checkLine),
    `echo "$FAILED of ${plan.checks.length} checks failed"`,
    '[ "$FAILED" = 0 ]',
  ];

  const hostFunctions = sandbox
    ? []
    : [
        `# ${t('Docker’s trap: FORWARD’s policy is DROP and br_netfilter sends bridged frames through it')}`,
        'forward_drops() {',
        "  iptables -S FORWARD 2>/dev/null | grep -qx -- '-P FORWARD DROP' &&",
        '    [ "$(cat /proc/sys/net/bridge/bridge-nf-call-iptables 2>/dev/null)" = 1 ]',
        '}',
        `# ${t('ip_forward on, the value before kept for down (Docker leaves it on; a handout puts it back)')}`,
        'forward_on() {',
        '  [ -f "$STATE/ip_forward" ] || cat /proc/sys/net/ipv4/ip_forward >"$STATE/ip_forward"',
        `  sysctl -qw ${IP_FORWARD}=1`,
        '}',
        'forward_back() {',
        `  if [ -f "$STATE/ip_forward" ]; then sysctl -qw "${IP_FORWARD}=$(cat "$STATE/ip_forward")"; fi`,
        '}',
      ];
  const hairpinFunction = hairpin
    ? [
        ...comment(
          t(
            'The hairpin without docker-proxy needs bridged frames to pass conntrack (br_netfilter),\nas dockerd makes sure: loaded when missing, switched on in each Docker host',
          ),
        ),
        'bridge_netfilter() {',
        '  [ -e /proc/sys/net/bridge ] || modprobe br_netfilter || warn "no br_netfilter: the hairpin checks will fail"',
        '}',
      ]
    : [];

  const out = [
    '#!/usr/bin/env bash',
    // lab texts and the small inner scripts are single-quoted on purpose
    '# shellcheck disable=SC2016',
    `# ${plan.lab}: ${plan.title}`,
    `# ${t('A portable handout, made by {command}: it needs nothing of nslab.', {
      command: `\`nslab plan ${plan.lab} --portable${
        sandbox ? (sandbox === plan.lab ? '' : ` --sandbox-name ${sandbox}`) : ' --host'
      }\``,
    })}`,
    '#',
    ...comment(lab.description.trimEnd()),
    '#',
    `#   sudo bash lab.sh          ${t('build it (up)')}`,
    `#   sudo bash lab.sh check    ${t('run the lab’s checks: PASS/FAIL, exit 1 when one fails')}`,
    `#   sudo bash lab.sh down     ${t('remove everything it built')}`,
    '#',
    `# ${t('Where: {where}.', { where })}`,
    `# ${t('What it needs: {tools}', {
      tools:
        `bash, iproute2 (ip, ss)${usesIptables ? ', iptables' : ''}, util-linux (setsid)` +
        `${plan.checks.some((c) => c.kind === 'ping') ? ', ping' : ''}`,
    })}` +
      (servers
        ? t(
            '; for the servers busybox, python3 or nc, whichever is there (python3 alone does udp, docker-proxy and the DNS server)',
          )
        : '') +
      '.',
    `# ${t('Its objects carry nslab\'s mark "{mark}", so {command} checks them too.', {
      mark: plan.mark,
      command: `\`nslab verify ${plan.lab}${sandbox ? ` --sandbox-name ${sandbox}` : ''}\``,
    })}`,
    'set -Eeuo pipefail',
    '',
    `STATE=${q(state)}`,
    `NAMESPACES=(${plan.namespaces.map(q).join(' ')})`,
    '',
    ...RUNTIME.trimEnd().split('\n'),
    ...hostFunctions,
    ...hairpinFunction,
    '',
    // not indented: the files' heredocs end at the start of a line
    'up() {',
    ...up,
    '}',
    '',
    'down() {',
    ...indent(down),
    '}',
    '',
    `# ${t('The lab’s checks; a "fail" check must NOT get through.')}`,
    'check() {',
    ...indent(check),
    '}',
    '',
    'case "${1:-up}" in',
    '  up) up ;;',
    '  down) down ;;',
    '  check) check ;;',
    `  *) echo "usage: bash $0 [up|down|check]" >&2; exit 2 ;;`,
    'esac',
  ];
  return out.join('\n') + '\n';
}
