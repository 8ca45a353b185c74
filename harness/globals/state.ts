// The per-transcript state that helper globals read and change: sandbox, host and output sink.
import path from "node:path";
import type { HostServices } from "../sandbox/host.js";
import type { Sandbox } from "../sandbox/sandbox.js";
import type { PyDict } from "../py/index.js";

export interface HelperState {
  sandbox: Sandbox;
  host: HostServices;
  /** Writes text to the current example's output (what Python's print would write). */
  print: (text: string) => void;
  /** Notes for the failure report (e.g. a command that hit its timeout). */
  notes: string[];
  /** Most output kept of one command; the rest is dropped and a note says so. */
  outputLimitBytes: number;
  /** Default timeout of `run()` in seconds. */
  defaultTimeoutSeconds: number;
  /** The `env` global: the environment every command gets; transcripts may change it. */
  env: PyDict;
  /** `env` as plain strings (non-string values are left out). */
  environment: () => Record<string, string>;
}

/** A path as Python's os functions see it: relative to the sandbox's current directory. */
export function resolvePath(state: HelperState, target: string): string {
  return path.resolve(state.sandbox.cwd, expandHome(state, target));
}

function expandHome(state: HelperState, target: string): string {
  if (target === "~" || target.startsWith("~/")) return state.sandbox.home + target.slice(1);
  return target;
}
