// exec: a command inside a container of a lab that is up, as `docker exec` runs it: in the
// container's namespace with its /etc files (ip netns exec mounts /etc/netns/NS/* over /etc),
// with the environment Docker gives it (HOSTNAME, the --link variables), attached to this
// terminal, its exit code passed through (root).
import { loadLab } from '../../lab/index.js';
import { inNs } from '../../plan/command.js';
import { runAttached } from '../../run/exec.js';
import { requireRoot, requireTools } from '../../run/preflight.js';
import { asBuilt, planAt } from '../../session/built.js';
import { locate } from '../../session/locate.js';
import { UsageError } from '../../session/usage.js';
import { placeFrom, type PlaceOptions } from '../target.js';

/** Docker's PATH for a container whose image sets none; the rest of nslab's environment stays out. */
const CONTAINER_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

export async function exec(
  name: string,
  container: string,
  command: string[],
  opts: PlaceOptions,
): Promise<number> {
  const whole = loadLab(name);
  const names = whole.containers.map((c) => c.name);
  if (!names.includes(container))
    throw new UsageError(
      `${whole.name} has no container "${container}": its containers are ${names.join(', ')}`,
    );
  if (command.length === 0)
    throw new UsageError(`say what to run after --, e.g. nslab exec ${whole.name} ${container} -- sh`);
  requireRoot('exec');
  requireTools(['ip']);
  const place = await locate(whole.name, placeFrom(whole.name, opts), { mustBeUp: true });
  const lab = asBuilt(whole, place);
  const plan = planAt(lab, place);
  if (!(container in plan.containerNs)) {
    const host = whole.containers.find((c) => c.name === container)!.host;
    throw new UsageError(`${container} runs on ${host}, which the other machine builds: run exec there`);
  }
  const env = {
    PATH: CONTAINER_PATH,
    HOME: '/root',
    ...(process.env.TERM ? { TERM: process.env.TERM } : {}),
    ...plan.env[container],
  };
  return runAttached(inNs(plan.containerNs[container]!, ...command), env);
}
