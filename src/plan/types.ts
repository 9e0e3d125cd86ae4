// A plan is data: ordered steps of typed commands, printed by `plan` and run by `up`.
import type { Place } from '../lab/names.js';
import type { Check } from '../lab/types.js';
import type { Command } from './command.js';

export type { Command } from './command.js';

/** Which builder made a step: steps of one kind are independent of each other. */
export type StepKind =
  | 'docker-host'
  | 'outside'
  | 'uplink'
  | 'namespace'
  | 'files'
  | 'bridge'
  | 'vxlan'
  | 'forward-accept'
  | 'endpoint'
  | 'dns'
  | 'shim'
  | 'ip-forward'
  | 'chains'
  | 'nat'
  | 'isolation'
  | 'internal'
  | 'forward-jumps'
  | 'publish'
  | 'proxy'
  | 'service'
  | 'server';

export interface Step {
  kind: StepKind;
  title: string;
  /** one line: why this step is needed */
  why: string;
  /** what Docker does at this point */
  docker: string;
  commands: Command[];
}

/** A container's veth end on a bridge, as the mesh check may use it to flush the container's neighbours. */
export interface LanPort {
  netns: string;
  hostNs: string | null;
  name: string;
}

/** A lab's check, with where its probe runs: a namespace, or null for the machine's own. */
export type PlannedCheck = Check & { netns: string | null };

/** What the machine looks like, as far as compiling needs to know; gathered by preflight. */
export interface HostFacts {
  /** FORWARD policy is DROP and br_netfilter sends bridged frames through it (Docker's trap) */
  forwardDrop: boolean;
  /** net.ipv4.ip_forward before the lab: put back on down */
  ipForward: '0' | '1';
  /** `up --as HOST`: the machine's interface towards the other hosts (VXLAN goes out of it) */
  underlay?: string;
}

export type Target = { kind: 'host'; facts: HostFacts } | { kind: 'sandbox'; name: string };

export interface Plan {
  lab: string;
  title: string;
  place: Place;
  mark: string;
  /** every namespace the plan creates (the sandbox's own included) */
  namespaces: string[];
  /** every Docker host's namespace by host name (null: the machine's own, on the host target) */
  hosts: Record<string, string | null>;
  /** container name → its namespace (null: the machine's own, for network_mode host on the host target) */
  containerNs: Record<string, string | null>;
  /**
   * container name → the environment a process started in it gets (`nslab exec`), as Docker
   * gives it: HOSTNAME, then the variables of its --link entries
   */
  env: Record<string, Record<string, string>>;
  /** the outside's namespace, when the plan builds one */
  outsideNs: string | null;
  /** every interface created in the machine's own namespace (host target only) */
  rootLinks: string[];
  steps: Step[];
  checks: PlannedCheck[];
}
