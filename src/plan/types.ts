// A plan is data: ordered steps of argv commands, printed by `plan` and run by `up`.
import type { Place } from '../lab/names.js';

export interface Command {
  argv: string[];
  /** what removes what this command created (run newest first on rollback and down) */
  undo?: string[];
}

export interface Step {
  title: string;
  /** one line: why this step is needed */
  why: string;
  /** what Docker does at this point */
  docker: string;
  commands: Command[];
}

export interface PlannedCheck {
  kind: 'ping';
  name: string;
  /** where the probe runs: a namespace name, or null for the machine's own namespace */
  netns: string | null;
  from: string;
  address: string;
  expect: 'reach' | 'fail';
  why?: string;
}

/** What the machine looks like, as far as compiling needs to know; gathered by preflight. */
export interface HostFacts {
  /** FORWARD policy is DROP and br_netfilter sends bridged frames through it (Docker's trap) */
  forwardDrop: boolean;
}

export type Target = { kind: 'host'; facts: HostFacts } | { kind: 'sandbox'; name: string };

export interface Plan {
  lab: string;
  title: string;
  place: Place;
  mark: string;
  /** every namespace the plan creates (the sandbox's own included) */
  namespaces: string[];
  /** the namespace playing the Docker host (sandbox), or null for the machine's own */
  hostNs: string | null;
  /** container name → its namespace */
  containerNs: Record<string, string>;
  /** every interface created in the machine's own namespace (host target only) */
  rootLinks: string[];
  steps: Step[];
  checks: PlannedCheck[];
}
