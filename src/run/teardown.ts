// Removes what a lab made: first the recorded undo commands (newest first), then a sweep of
// everything still carrying the lab's mark, then a second look to prove it is gone.
// Safe to repeat: whatever is already gone is simply not found again.
import type { Place } from '../lab/names.js';
import { placeLabel } from '../lab/names.js';
import { runLean } from './exec.js';
import { rm } from 'node:fs/promises';
import { fileCommand, runTiers } from './batch.js';
import { argvOf, batchLine, type Command } from '../plan/command.js';
import { IpQueues } from './schedule.js';
import {
  emptyNslabChains,
  listLinks,
  listMarkedRules,
  listNamespaces,
  listNetnsFiles,
  listServers,
  sandboxNamespaces,
  sameOwner,
  type Owned,
} from './inventory.js';
import { listStates, readState, removeState, type LabState } from './state.js';

export interface TeardownReport {
  /** places (host, sandbox NAME) where something was found and removed */
  places: Place[];
  removed: string[];
  /** what is still there afterwards: a non-empty list is a failure */
  leftovers: string[];
}

interface Found {
  owner: Owned;
  what: string;
  remove: () => Promise<unknown>;
}

async function findOwned(lab: string, place?: Place): Promise<Found[]> {
  // A sandbox lives in namespaces named after it and makes nothing in the machine's own
  // namespace (no link, no rule), so only its namespaces need their marks read.
  const sandbox = place?.kind === 'sandbox' ? place.name : null;
  const [rules, links, namespaces] = await Promise.all([
    sandbox ? [] : listMarkedRules(),
    sandbox ? [] : listLinks(),
    listNamespaces(sandbox ? sandboxNamespaces(sandbox) : undefined),
  ]);
  const servers = listServers();
  const files = listNetnsFiles();
  const mine = <T extends { owner: Owned | null }>(xs: T[]) =>
    xs.filter((x) => sameOwner(x.owner, lab, place)) as (T & { owner: Owned })[];
  const byTable = new Map<string, string[]>();
  for (const r of mine(rules)) byTable.set(r.table, [...(byTable.get(r.table) ?? []), r.rule]);
  return [
    // Servers first (they live in the namespaces), rules (they name the bridges), files, links,
    // then namespaces (which take their own links along).
    ...mine(servers).map((s) => ({ owner: s.owner, what: s.what, remove: () => stopProcess(s.pid) })),
    ...mine(rules).map((r) => ({
      owner: r.owner,
      what: `iptables -t ${r.table} ${r.rule}`,
      remove: () => deleteRule(r.table, r.rule),
    })),
    ...mine(files).map((f) => ({
      owner: f.owner,
      what: `files ${f.dir}`,
      remove: () => rm(f.dir, { recursive: true, force: true }),
    })),
    ...mine(links).map((l) => ({
      owner: l.owner,
      what: `link ${l.name}`,
      remove: () => runLean(['ip', 'link', 'del', 'dev', l.name]),
    })),
    ...mine(namespaces).map((n) => ({
      owner: n.owner,
      what: `namespace ${n.name}`,
      remove: () => runLean(['ip', 'netns', 'del', n.name]),
    })),
  ];
}

/**
 * Drops undo commands that act inside a namespace the same undo list deletes: the namespace
 * takes everything in it along, at once, where deleting 250 veths one by one costs seconds.
 */
export function withoutInsides(undo: Command[]): Command[] {
  const deleted = new Set(undo.flatMap((c) => (c.tool === 'netns' && c.op === 'del' ? [c.name] : [])));
  return undo.filter((c) => c.ns === null || !deleted.has(c.ns));
}

/**
 * The recorded undo commands, newest first, batched like `up` batches (ip -force: a missing
 * object does not stop the rest). A failure here is fine when the object is already gone: the
 * sweep and the second look decide.
 */
async function runUndo(undo: Command[]): Promise<string[]> {
  const removed: string[] = [];
  const queues = new IpQueues();
  // Which namespaces play Docker hosts does not matter here: the machine's own goes last.
  const flush = async () => {
    for await (const outcomes of runTiers(queues, new Set(), true)) {
      for (const o of outcomes) removed.push(...o.done.map((c) => argvOf(c.command).join(' ')));
    }
  };
  // Files (the containers' /etc/netns) go while ip deletes namespaces: neither needs the other.
  let files: Promise<unknown>[] = [];
  const settle = async () => {
    await Promise.all([flush(), ...files]);
    files = [];
  };
  for (const [i, command] of undo.entries()) {
    const argv = argvOf(command);
    const ip = batchLine(command);
    if (ip) queues.add(ip.ns, { index: i + 1, command });
    else if (command.tool === 'file') {
      const done = () => removed.push(argv.join(' '));
      if (command.op === 'rm')
        files.push(rm(command.path, { recursive: true, force: true }).then(done, () => {}));
      else if (fileCommand({ index: i + 1, command }).exitCode === 0) done();
    } else {
      await settle();
      if ((await runLean(argv)).exitCode === 0) removed.push(argv.join(' '));
    }
  }
  await settle();
  return removed;
}

/** SIGTERM, then SIGKILL if the server is still there after a moment. */
export async function stopProcess(pid: number): Promise<void> {
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(pid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  for (let i = 0; i < 20 && alive(); i++) await new Promise((r) => setTimeout(r, 25));
  if (alive()) process.kill(pid, 'SIGKILL');
}

/** Deletes one saved rule exactly as iptables-save printed it ("-A CHAIN …" → "-D CHAIN …"). */
const deleteRule = (table: string, rule: string) =>
  runLean(['iptables-restore', '--noflush'], `*${table}\n-D${rule.slice(2)}\nCOMMIT\n`);

const samePlace = (a: Place, b: Place) => JSON.stringify(a) === JSON.stringify(b);

export async function teardown(lab: string, place?: Place): Promise<TeardownReport> {
  const states: LabState[] = place
    ? [readState(lab, place)].filter((s): s is LabState => s !== null)
    : listStates().filter((s) => s.lab === lab);
  const places: Place[] = states.map((s) => s.place);
  const removed: string[] = [];

  // Servers go first: a namespace whose name is deleted lives on while a process runs in it.
  for (const s of listServers().filter((x) => sameOwner(x.owner, lab, place))) {
    await stopProcess(s.pid);
    removed.push(s.what);
  }
  for (const state of states) removed.push(...(await runUndo(withoutInsides([...state.undo].reverse()))));
  const found = await findOwned(lab, place);
  for (const f of found) {
    if (!places.some((p) => samePlace(p, f.owner.place))) places.push(f.owner.place);
    await f.remove();
    removed.push(f.what);
  }

  // nslab's chains on the machine are shared by the labs up there: whoever leaves them empty
  // removes them (the undo's -X did, unless the state file was lost or another lab was still up).
  if (place === undefined || place.kind === 'host')
    for (const c of await emptyNslabChains()) {
      const argv = ['iptables', '-t', c.table, '-X', c.chain];
      if ((await runLean(argv)).exitCode === 0) removed.push(argv.join(' '));
    }

  // A second look only when the sweep had something to remove: otherwise the first was it.
  const leftovers =
    found.length === 0
      ? []
      : (await findOwned(lab, place)).map((f) => `${f.what} (${placeLabel(f.owner.place)})`);
  if (leftovers.length === 0) for (const p of places) removeState(lab, p);
  return { places, removed, leftovers };
}
