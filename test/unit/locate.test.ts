// Where a lab is up (session/locate.ts), against a kernel and state files made up here: no root.
import t, { type Test } from 'tap';
import type { Place } from '../../src/lab/names.js';
import type { Owned } from '../../src/run/inventory.js';
import type { LabState } from '../../src/run/state.js';
import type { LabStatus } from '../../src/session/status.js';

interface World {
  /** labs up and where, as the full survey (labsUp) reports them */
  up: Owned[];
  /** namespaces and their marks */
  marks: Record<string, Owned | null>;
  /** state files: where each lab was built */
  states: Owned[];
}

type Locate = typeof import('../../src/session/locate.js');

/** locate over a made-up world; `calls` counts the surveys and the marks read. */
async function locateIn(t: Test, world: World) {
  const calls = { survey: 0, marks: 0 };
  const inventory = await import('../../src/run/inventory.js');
  const { locate } = await t.mockImport<Locate>('../../src/session/locate.js', {
    '../../src/run/inventory.js': {
      ...inventory,
      sandboxNamespaces: (sb: string) => Object.keys(world.marks).filter((n) => n.startsWith(`${sb}-`)),
      runMarkOf: async (name: string) => {
        calls.marks += 1;
        return world.marks[name] ?? null;
      },
    },
    '../../src/run/state.js': {
      listStates: () =>
        world.states.map((s): LabState => ({ ...s, file: '', mark: '', undo: [], complete: true })),
    },
    '../../src/session/status.js': {
      labsUp: async (lab?: string) => {
        calls.survey += 1;
        return world.up.filter((o) => lab === undefined || o.lab === lab).map((o) => ({ ...o }) as LabStatus);
      },
    },
  });
  return { locate, calls };
}

const host: Place = { kind: 'host' };
const sandbox = (name: string): Place => ({ kind: 'sandbox', name });
const none: World = { up: [], marks: {}, states: [] };

t.test('the place the flags name: that place when the lab is up there, else null', async (t) => {
  const sb = sandbox('sb');
  const { locate, calls } = await locateIn(t, {
    ...none,
    marks: { 'sb-c1': { lab: 'x', place: sb }, 'sb-host': { lab: 'x', place: sb }, 'other-c1': null },
  });
  t.same(await locate('x', sb), sb);
  t.equal(calls.marks, 1, 'one mark read: the first namespace is the lab’s');
  t.equal(calls.survey, 0, 'a sandbox is asked through its own namespaces only');
  t.equal(await locate('y', sb), null, 'another lab’s mark is not this one');
  t.equal(await locate('x', sandbox('elsewhere')), null);
  t.equal(await locate('x', host), null);
});

t.test('the host is asked through the survey', async (t) => {
  const { locate, calls } = await locateIn(t, { ...none, up: [{ lab: 'x', place: host }] });
  t.same(await locate('x', host), host);
  t.equal(calls.survey, 1);
});

t.test('without flags: the one place it is up, or null', async (t) => {
  const up = [
    { lab: 'x', place: sandbox('sb') },
    { lab: 'y', place: host },
  ];
  const { locate } = await locateIn(t, { ...none, up });
  t.same(await locate('x', undefined), sandbox('sb'));
  t.equal(await locate('z', undefined), null);
});

t.test('a state file naming one sandbox: its marks decide, without the survey', async (t) => {
  const sb = sandbox('sb');
  const marks = { 'sb-host': { lab: 'x', place: sb } };
  const { locate, calls } = await locateIn(t, { ...none, marks, states: [{ lab: 'x', place: sb }] });
  t.same(await locate('x', undefined), sb);
  t.equal(calls.survey, 0);
});

t.test('a state file of a sandbox that is gone: the survey decides', async (t) => {
  const states = [{ lab: 'x', place: sandbox('sb') }];
  const { locate, calls } = await locateIn(t, { ...none, up: [{ lab: 'x', place: host }], states });
  t.same(await locate('x', undefined), host);
  t.equal(calls.survey, 1);
});

t.test('up in several places: the caller must say which (exit 2)', async (t) => {
  const up = [
    { lab: 'x', place: host },
    { lab: 'x', place: sandbox('sb') },
  ];
  const { locate } = await locateIn(t, { ...none, up });
  await t.rejects(locate('x', undefined), {
    name: 'UsageError',
    message: 'x is up in 2 places (host, sandbox sb): say which with --host or --sandbox-name NAME',
  });
  await t.rejects(locate('x', undefined, { mustBeUp: true }), { name: 'UsageError' });
});

t.test('mustBeUp: not up is an error that says how to build it (exit 3)', async (t) => {
  const { locate } = await locateIn(t, none);
  const notUp = (message: string, hint: string) => ({ name: 'EnvError', message, hint });
  await t.rejects(
    locate('x', undefined, { mustBeUp: true }),
    notUp('x is not up', 'build it first: sudo nslab up x'),
  );
  await t.rejects(
    locate('x', sandbox('sb'), { mustBeUp: true }),
    notUp('x is not up (sandbox sb)', 'build it first: sudo nslab up x --sandbox-name sb'),
  );
  await t.rejects(
    locate('x', host, { mustBeUp: true }),
    notUp('x is not up (host)', 'build it first: sudo nslab up x'),
  );
});
