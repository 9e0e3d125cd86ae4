// nslab's command line: verbs, flags, help, and one mapping from errors to exit codes.
// First: the language is set before any other module runs (one may make a text when loaded).
import { argv } from './lang.js';
import { Command, CommanderError, Option } from 'commander';
import { LabError } from '../lab/problems.js';
import { ApplyError, EnvError } from '../run/errors.js';
import { stoppedAt } from './step-text.js';
import { commandLine } from '../plan/command.js';
import { UsageError } from '../session/usage.js';
// Each verb's module is loaded when the verb runs: start-up is most of a small command's time.
const upVerb = () => import('./commands/up.js');
import { EXIT, exitForSignal } from './exit.js';
import { outputFor } from './output.js';
import { red } from './style.js';
import type { PlaceOptions } from './target.js';
import { GROUP, ONLY, type Group, type Only } from '../compare/group.js';
import { t } from '../i18n/index.js';

const TITLES: Record<string, string> = {
  'Usage:': t('Usage:'),
  'Arguments:': t('Arguments:'),
  'Options:': t('Options:'),
  'Commands:': t('Commands:'),
};

const program = new Command('nslab')
  .description(
    t(
      'Rebuild Docker networks by hand with namespaces, veths, bridges and iptables, and prove them with checks.',
    ),
  )
  .option(
    '--lang <lang>',
    t('en or ko: the language of what nslab explains (default: NSLAB_LANG, then LANG)'),
  )
  .showHelpAfterError(t('(run with --help for usage)'))
  // The help's own words, in the learner's language too (the verbs take these settings over).
  .configureHelp({ styleTitle: (title) => TITLES[title] ?? title })
  .helpOption('-h, --help', t('display help for command'))
  .helpCommand('help [command]', t('display help for command'))
  .exitOverride()
  .addHelpText(
    'after',
    t(`
Labs are named by their file in labs/ (bridge-basic) or by a path to a YAML file.
Targets: by default a lab is built in this machine's own network namespace (use a VM);
--sandbox builds it inside namespaces of its own and leaves the machine's network untouched.

Exit codes: 0 ok, 1 a check failed, 2 bad input (lab file, arguments),
3 the environment (not root, a missing tool, a clash, a command that failed),
130/143 interrupted by Ctrl-C/SIGTERM (everything built so far is removed first).

Examples:
  sudo nslab up bridge-basic            build it, check it, leave it up
  nslab plan bridge-basic > lab.sh      the same as a bash script to read or run
  nslab plan bridge-nat --portable > lab.sh   a handout for any machine (up, down, check)
  sudo nslab up bridge-basic --step     one step at a time, Enter to go on
  sudo nslab exec link web -- sh        a shell in a container, as docker exec gives one
  sudo nslab capture bridge-basic c1    tcpdump on c1's eth0 (without c1: every link)
  sudo nslab exercise bridge-basic      built with a fault to repair; then check, hint
  nslab graph bridge-basic              the picture (--format mermaid|dot|svg, --live)
  sudo nslab compare bridge-basic       beside Docker's docker0, property by property
  sudo nslab down bridge-basic

Without the nslab command (sudo bash scripts/setup.sh installs it), in the checkout:
  npm run nslab -- VERB …                  (sudo npm run lab LAB is sudo nslab up LAB)`),
  );

let exitCode: number = EXIT.ok;
let json = false;
const act =
  <A extends unknown[]>(fn: (...args: A) => number | Promise<number>) =>
  async (...args: A) => {
    exitCode = await fn(...args);
  };
const placeOptions = (c: Command) =>
  c
    .option('--sandbox', t('in namespaces of its own (named after the lab), not in this machine’s namespace'))
    .option(
      '--sandbox-name <name>',
      t('in the sandbox NAME (implies --sandbox): several copies can be up at once'),
    );
const jsonOption = (c: Command) =>
  c.addOption(new Option('--json', t('print one JSON document for scripts')).default(false));

jsonOption(program.command('list').description(t('the labs in labs/, one line each'))).action(
  act(async (o: { json: boolean }) => (await import('./commands/list.js')).list(outputFor((json = o.json)))),
);

jsonOption(
  program
    .command('validate')
    .argument('<lab>', t('lab name or YAML file'))
    .description(t('check a lab file; print every problem as file:line:col')),
).action(
  act(async (lab: string, o: { json: boolean }) =>
    (await import('./commands/validate.js')).validate(outputFor((json = o.json)), lab),
  ),
);

jsonOption(
  placeOptions(
    program
      .command('plan')
      .argument('<lab>')
      .description(t('print the bash script that builds exactly what `up` builds (no root needed)')),
  ),
)
  .option(
    '--portable',
    t('a handout for any machine: up/down/check, needs nothing of nslab (a sandbox unless --host)'),
  )
  .option('--host', t('with --portable: built in the machine’s own namespace'))
  .action(
    act(async (lab: string, o: { json: boolean; portable?: boolean } & PlaceOptions) =>
      (await import('./commands/plan.js')).plan(outputFor((json = o.json)), lab, o),
    ),
  );

jsonOption(
  placeOptions(
    program
      .command('up')
      .argument('<lab>')
      .description(t('build the lab, run its checks, leave it up (root)')),
  ),
)
  .option('-q, --quiet', t('do not print each command as it runs'))
  .option('--no-check', t('build only; run the checks later with verify'))
  .option(
    '--as <host>',
    t(
      'build one host’s part of a multi-host lab (overlay) on this machine; the other machine runs the same with its host',
    ),
  )
  .option(
    '--step',
    t(
      'one step at a time: what, why, what Docker does, the commands, then the state they made; Enter goes on, q stops and removes everything (needs a terminal)',
    ),
  )
  .option(
    '--trace <from:to>',
    t(
      'with --step: a ping from FROM to TO after each step, traced hop by hop after the step that makes it work (or after the last, where it still fails)',
    ),
  )
  .option(
    '--marks',
    t(
      'show nslab’s ownership marks in the printed commands (`alias nslab:…`, `-m comment --comment nslab:…`); left out otherwise, they run either way',
    ),
  )
  .action(
    act(
      async (
        lab: string,
        o: {
          json: boolean;
          quiet?: boolean;
          check: boolean;
          step?: boolean;
          as?: string;
          trace?: string;
          marks?: boolean;
        },
      ) => (await upVerb()).up(outputFor((json = o.json)), lab, o),
    ),
  );

jsonOption(
  placeOptions(
    program
      .command('verify')
      .argument('<lab>')
      .description(t('run the lab’s checks against what is up (root)')),
  ),
)
  .option('--host', t('the copy on this machine’s own namespace'))
  .action(
    act(async (lab: string, o: { json: boolean } & PlaceOptions) =>
      (await import('./commands/verify.js')).verify(outputFor((json = o.json)), lab, o),
    ),
  );

jsonOption(
  placeOptions(
    program
      .command('down')
      .argument('<lab>')
      .description(t('remove everything the lab made; without a target flag, every copy (root)')),
  ),
)
  .option('--host', t('only the copy on this machine’s own namespace'))
  .action(
    act(async (lab: string, o: { json: boolean } & PlaceOptions) =>
      (await import('./commands/down.js')).down(outputFor((json = o.json)), lab, o),
    ),
  );

placeOptions(
  program
    .command('exec')
    .argument('<lab>')
    .argument('<container>')
    .argument('<command...>', t('what to run, after --'))
    .usage('[options] <lab> <container> -- <command...>')
    .description(
      t(
        'run a command in a container, as docker exec does: its namespace, its /etc/hosts, its --link variables (root)',
      ),
    ),
)
  .option('--host', t('the copy on this machine’s own namespace'))
  .action(
    act(async (lab: string, container: string, command: string[], o: PlaceOptions) =>
      (await import('./commands/exec.js')).exec(lab, container, command, o),
    ),
  );

jsonOption(
  placeOptions(
    program
      .command('trace')
      .argument('<lab>')
      .argument('[check]', t("the lab's N-th check, as verify numbers them"))
      .option('--from <place>', t('a container, host or outside: where the probe starts'))
      .option('--to <place>', t('a container, network (its gateway), host, outside or address'))
      .option('--port <port>', t('tcp or udp port (with --from/--to)'))
      .option('--proto <proto>', t('icmp (default without --port), tcp (default with it) or udp'))
      .description(
        t(
          'follow one probe through namespaces, bridges and netfilter: each rule that passed, rewrote or dropped it, and the step that made it (root)',
        ),
      )
      .addHelpText(
        'after',
        t(`
Examples:
  sudo nslab trace bridge-nat 1                       the lab's first check, hop by hop
  sudo nslab trace bridge-nat --from c1 --to outside  one ping
  sudo nslab trace port-publish --from outside --to host --port 8080`),
      ),
  ),
)
  .option('--host', t('the copy on this machine’s own namespace'))
  .action(
    act(async (lab: string, n: string | undefined, o: { json: boolean } & PlaceOptions) =>
      (await import('./commands/trace.js')).trace(outputFor((json = o.json)), lab, n, o),
    ),
  );

jsonOption(
  placeOptions(
    program
      .command('capture')
      .argument('<lab>')
      .argument(
        '[link]',
        t('a link as graph draws it (br0, ve-c1, eth0, c1:eth0, outside:lan) or a container'),
      )
      .argument('[filter...]', t('a tcpdump filter: icmp, tcp port 80, arp …'))
      .description(
        t(
          'tcpdump on one link of a lab that is up, in the namespace it is in; without a link: the links there are (root)',
        ),
      ),
  ),
)
  .option('-c, --count <n>', t('stop after n packets'))
  .option(
    '-w, --write <file>',
    t('write the packets to a pcap file (for Wireshark) instead of printing them'),
  )
  .option('-e, --ethernet', t('print each frame’s MAC addresses too'))
  .option('--host', t('the copy on this machine’s own namespace'))
  .addHelpText(
    'after',
    t(`
Ctrl-C stops a capture (exit 130, as for every verb; -c N ends it with 0). A container's
name means its eth0; c1:eth0 is the container's end of its cable, ve-c1 the host's end,
br0 the bridge itself (it sees every frame it switches).

Examples:
  sudo nslab capture bridge-basic                  the links, with their namespaces
  sudo nslab capture bridge-basic c1 icmp          what c1 sends and receives
  sudo nslab capture bridge-nat eth0 -c 10         the host's uplink: after MASQUERADE
  sudo nslab capture bridge-basic br0 -w br0.pcap  then: wireshark br0.pcap`),
  )
  .action(
    act(
      async (
        lab: string,
        link: string | undefined,
        filter: string[],
        o: { json: boolean; count?: string; write?: string; ethernet?: boolean } & PlaceOptions,
      ) => (await import('./commands/capture.js')).capture(outputFor((json = o.json)), lab, link, filter, o),
    ),
  );

jsonOption(
  placeOptions(
    program
      .command('exercise')
      .argument('<lab>')
      .argument('[number]', t('which exercise (default: the first not solved on this machine)'))
      .description(t('build the lab in a sandbox with one fault planted, and print the task (root)')),
  ),
).action(
  act(async (lab: string, n: string | undefined, o: { json: boolean } & PlaceOptions) =>
    (await import('./commands/exercise.js')).exercise(outputFor((json = o.json)), lab, n, o),
  ),
);

jsonOption(
  program
    .command('workshop')
    .description(
      t('every lab’s exercises in workshop order, solved or not on this machine, and the next command'),
    ),
).action(
  act(async (o: { json: boolean }) =>
    (await import('./commands/workshop.js')).workshop(outputFor((json = o.json))),
  ),
);

jsonOption(
  placeOptions(
    program
      .command('check')
      .argument('<lab>')
      .description(t('run the lab’s checks: solved, or what still fails (root)')),
  ),
)
  .option('--host', t('the copy on this machine’s own namespace'))
  .action(
    act(async (lab: string, o: { json: boolean } & PlaceOptions) =>
      (await import('./commands/check.js')).check(outputFor((json = o.json)), lab, o),
    ),
  );

jsonOption(
  placeOptions(
    program
      .command('hint')
      .argument('<lab>')
      .description(
        t('the next hint for the exercise that is up; after the last, what nslab sees wrong (root)'),
      ),
  ),
).action(
  act(async (lab: string, o: { json: boolean } & PlaceOptions) =>
    (await import('./commands/hint.js')).hint(outputFor((json = o.json)), lab, o),
  ),
);

jsonOption(
  placeOptions(
    program
      .command('graph')
      .argument('<lab>')
      .description(
        t('draw the lab: namespaces, veth pairs (both ends), bridges, uplink, NAT and port rules'),
      ),
  ),
)
  .option(
    '-f, --format <format>',
    t('ascii (80 columns), mermaid (for markdown), dot, or svg (rendered by Graphviz)'),
    'ascii',
  )
  .option(
    '--live',
    t('draw what the kernel has now, not what the file says, so your own changes show (root)'),
  )
  .option(
    '--watch',
    t('with --live (implied): draw again each time a link, address or route changes, until Ctrl-C'),
  )
  .option(
    '--trace <from:to>',
    t(
      'trace one ping from FROM to TO (as trace --from --to) and draw its path: the boxes it passed, by leg, and where it was dropped or lost (root, the lab up)',
    ),
  )
  .option('--host', t('with --live or --trace: the copy on this machine’s own namespace'))
  .action(
    act(
      async (
        lab: string,
        o: { json: boolean; format: string; live?: boolean; watch?: boolean; trace?: string } & PlaceOptions,
      ) => (await import('./commands/graph.js')).graph(outputFor((json = o.json)), lab, o),
    ),
  );

jsonOption(
  placeOptions(
    program
      .command('compare')
      .argument('<lab>')
      .description(
        t(
          'the hand-built lab beside the same built by a real Docker engine, property by property (root, Docker)',
        ),
      ),
  ),
)
  .option('--host', t('compare the copy up on this machine’s own namespace'))
  .option('--keep', t('leave both sides up afterwards (Docker containers nslab-dk-LAB-NAME)'))
  .option('--inspect', t('also nslab inspect of each network beside docker network inspect of Docker’s copy'))
  .addOption(
    new Option('--only <verdict>', t('show only these rows (the summary still counts all)')).choices(ONLY),
  )
  .addOption(
    new Option(
      '--group <how>',
      t(
        'verdict: differences, then choices, the rows that agree named below; section: every row as measured; none: every container’s own rows too',
      ),
    )
      .choices(GROUP)
      .default('verdict'),
  )
  .action(
    act(
      async (
        lab: string,
        o: { json: boolean; keep?: boolean; only?: Only; group: Group; inspect?: boolean } & PlaceOptions,
      ) => (await import('./commands/compare.js')).compare(outputFor((json = o.json)), lab, o),
    ),
  );

jsonOption(
  placeOptions(
    program
      .command('inspect')
      .argument('<lab>')
      .argument('[name]', t('one network or container of the lab (default: every network)'))
      .description(
        t(
          'what docker network inspect / docker inspect print, read from the kernel for a lab that is up (root)',
        ),
      ),
  ),
)
  .option('--host', t('the copy on this machine’s own namespace'))
  .addHelpText(
    'after',
    t(`
Prints Docker's JSON (4-space indented, as docker does): a network's IPAM, containers with
the MAC and address the kernel has, bridge name, NAT and MTU options; or a container's
networks. Ids are made up (the sha256 of the lab and the name), stable from run to run.

Examples:
  sudo nslab inspect bridge-basic br0   like docker network inspect bridge
  sudo nslab inspect bridge-basic c1    like docker inspect c1`),
  )
  .action(
    act(async (lab: string, what: string | undefined, o: { json: boolean } & PlaceOptions) =>
      (await import('./commands/inspect.js')).inspect(outputFor((json = o.json)), lab, what, o),
    ),
  );

jsonOption(
  program
    .command('doctor')
    .description(
      t(
        'what this machine can do for nslab: root, tools, kernel features, Docker’s FORWARD policy, subnets in use',
      ),
    ),
).action(
  act(async (o: { json: boolean }) =>
    (await import('./commands/doctor.js')).doctor(outputFor((json = o.json))),
  ),
);

jsonOption(
  program.command('status').argument('[lab]').description(t('what is up, read from the kernel (root)')),
).action(
  act(async (lab: string | undefined, o: { json: boolean }) =>
    (await import('./commands/status.js')).status(outputFor((json = o.json)), lab),
  ),
);

function report(err: unknown): number {
  const fail = (code: number, message: string, extra: object = {}) => {
    if (json) process.stdout.write(`${JSON.stringify({ ok: false, error: message, ...extra }, null, 2)}\n`);
    else process.stderr.write(`${message}\n`);
    return code;
  };
  if (err instanceof CommanderError) {
    return err.exitCode === 0 ? EXIT.ok : EXIT.badInput; // commander printed the message already
  }
  if (err instanceof LabError)
    return fail(EXIT.badInput, `${red(t('invalid lab'))}:\n${err.message}`, { problems: err.problems });
  if (err instanceof UsageError) return fail(EXIT.badInput, `nslab: ${err.message}`);
  if (err instanceof EnvError)
    return fail(
      EXIT.environment,
      `nslab: ${err.message}${err.hint ? `\n  ${t('what to do: {hint}', { hint: err.hint })}` : ''}`,
    );
  if (err instanceof ApplyError) {
    const failed = 'failed' in err.reason ? err.reason.failed : null;
    const lines = [
      failed
        ? `nslab: ${t('a command failed at step {number} ({title})', { number: err.step.index + 1, title: err.step.title })}`
        : `nslab: ${stoppedAt(err.progress)}`,
      ...(failed
        ? [
            `  command: ${commandLine(failed.argv)}`,
            `  exit ${failed.exitCode}: ${failed.stderr.trim() || '(no message)'}`,
          ]
        : []),
      err.rollback.leftovers.length === 0
        ? `  ${t('rolled back: everything this run created is removed ({count} objects)', { count: err.rollback.removed.length })}`
        : `  ${t('rollback left these behind: {list} — run nslab down', { list: err.rollback.leftovers.join(', ') })}`,
    ];
    return fail(
      'interrupted' in err.reason ? exitForSignal(err.reason.interrupted) : EXIT.environment,
      lines.join('\n'),
      { failed, rollback: err.rollback },
    );
  }
  const e = err as Error;
  return fail(EXIT.environment, `nslab: unexpected error: ${e?.stack ?? String(err)}`);
}

// `nslab … | head` closes stdout early: that is the reader's choice, not an error of ours.
// The rest of the output is dropped, but the verb runs to its end: one that built something
// to look at (compare) must still remove it.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.stdout.write = (() => true) as typeof process.stdout.write;
});

try {
  await program.parseAsync(argv);
} catch (err) {
  exitCode = report(err);
}
process.exitCode = exitCode;
