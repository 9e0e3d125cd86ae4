// Helpers for the pure core's tests: a lab file's problems as the CLI prints them, and the
// pieces of an observed network (observe()'s shape) written by hand.
import { labFromText } from '../../src/lab/index.js';
import { formatProblem, LabError } from '../../src/lab/problems.js';
import type { LinkState } from '../../src/inspect/observe.js';

/** The problems `load` throws, each as `file:line:col: message`; none when it loads. */
export function problemsOf(load: () => unknown): string[] {
  try {
    load();
    return [];
  } catch (e) {
    if (!(e instanceof LabError)) throw e;
    return e.problems.map(formatProblem);
  }
}

/** The problems of a lab text, named lab.yaml. */
export const problems = (text: string): string[] => problemsOf(() => labFromText('lab.yaml', text));

/** A link as observe() reports it: an up veth with no address, unless said otherwise. */
export const linkState = (name: string, over: Partial<LinkState> = {}): LinkState => ({
  name,
  kind: 'veth',
  mtu: 1500,
  qlen: 0,
  state: 'UP',
  adminUp: true,
  mac: '',
  master: null,
  addresses: [],
  ...over,
});
