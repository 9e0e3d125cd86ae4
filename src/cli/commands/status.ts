// status: what is up, read from the kernel's marks (root). It needs only a lab's name, so it
// starts without the parser, the compiler or execa.
import { t } from '../../i18n/index.js';
import { requireRoot } from '../../run/preflight.js';
import { labNameOf } from '../../session/name.js';
import { labsUp, type LabStatus } from '../../session/status.js';
import { EXIT } from '../exit.js';
import type { Output } from '../output.js';
import { table } from '../style.js';

export async function status(out: Output, nameOrPath: string | undefined): Promise<number> {
  requireRoot('status');
  const up = await labsUp(nameOrPath === undefined ? undefined : labNameOf(nameOrPath));
  out.data(up.map(({ place: _place, ...rest }) => rest));
  if (up.length === 0) {
    out.line(nameOrPath ? t('{lab} is not up', { lab: nameOrPath }) : t('no lab is up'));
    return EXIT.ok;
  }
  // short heads: the table fits 80 columns with a sandbox's name
  const head = ['lab', 'target', 'netns', 'links', 'rules', 'servers', 'proxies', 'state file'];
  const counts = (s: LabStatus) =>
    [s.namespaces.length, s.links.length, s.rules, s.servers, s.proxies.length].map(String);
  out.line(
    table(
      head,
      up.map((s) => [s.lab, s.target, ...counts(s), s.state]),
    ),
  );
  out.line(
    t(
      '(what carries the lab’s mark; links and rules: those in this machine’s own namespace; --json lists the namespaces, links and proxies by name)',
    ),
  );
  return EXIT.ok;
}
