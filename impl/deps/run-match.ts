// Which upstream run an operation dependency uses: op name regex match, status, id prefix, marked or newest.
import type { Opref } from "../../lib/rundir/index.js";
import { compilePythonRegex, PythonRegexError } from "../../lib/python/regex.js";

export interface CandidateRun {
  id: string;
  dir: string;
  opref: Opref | null;
  status: string;
  started: number | null;
  marked: boolean;
  /** Run-relative paths of the run's source code files (manifest `s` entries). */
  sourcecodeFiles: () => string[];
}

/** An operation reference as a user writes it: `[[PKG/]MODEL:]OP` (OpRef.for_string). */
export interface OpReference {
  pkgName: string | null;
  modelName: string | null;
  opName: string;
}

export const DEFAULT_MATCHING_STATUS = ["completed", "running", "terminated"];

export class ResolutionError extends Error {}

export function parseOpReference(spec: string): OpReference {
  const match = /^(?:(?:([^/]+)\/)?([^:]+):)?([^/:]+)$/.exec(spec);
  if (!match) throw new ResolutionError(`inavlid operation reference '${spec}'`);
  return { pkgName: match[1] ?? null, modelName: match[2] ?? null, opName: match[3] };
}

/** `operation:prepare,other` -> references for `prepare` and `other`. */
export function opReferencesForPath(path: string): OpReference[] {
  return path.split(",").map((part) => parseOpReference(part.trim()));
}

function regexMatches(value: string, pattern: string): boolean {
  if (pattern === "+") return value === pattern;
  try {
    return compilePythonRegex(`${pattern}$`, "y").test(value);
  } catch (error) {
    if (error instanceof PythonRegexError) return false;
    throw error;
  }
}

function refMatchesRun(ref: OpReference, opref: Opref | null): boolean {
  if (!opref || !opref.opName) return false;
  if (ref.pkgName !== null && (opref.pkgType !== "package" || opref.pkgName !== ref.pkgName)) return false;
  if (ref.modelName !== null && !regexMatches(opref.modelName, ref.modelName)) return false;
  return regexMatches(opref.opName, ref.opName);
}

/** Guild's `-started` run sort: newest first, runs without a start time last, otherwise stable. */
export function sortNewestFirst(runs: CandidateRun[]): CandidateRun[] {
  return [...runs].sort((a, b) => {
    if (a.started === null) return b.started === null ? 0 : 1;
    if (b.started === null) return -1;
    return b.started - a.started;
  });
}

/** Runs matching any reference, with the status and id-prefix filters (a full 32-char id matches by id only). */
export function matchingRuns(candidates: CandidateRun[], refs: OpReference[], runIdPrefix: string | null, statuses: string[] = DEFAULT_MATCHING_STATUS): CandidateRun[] {
  const filtered = runIdPrefix && runIdPrefix.length === 32
    ? candidates.filter((run) => run.id === runIdPrefix)
    : candidates.filter((run) =>
        (!runIdPrefix || run.id.startsWith(runIdPrefix)) && statuses.includes(run.status) && refs.some((ref) => refMatchesRun(ref, run.opref)));
  return sortNewestFirst(filtered);
}

/** The marked run among the matches, else the newest; null when none match. */
export function markedOrLatestRun(candidates: CandidateRun[], refs: OpReference[], runIdPrefix: string | null, statuses?: string[]): CandidateRun | null {
  const runs = matchingRuns(candidates, refs, runIdPrefix, statuses);
  return runs.find((run) => run.marked) ?? runs[0] ?? null;
}

/** How Guild describes the references in "no suitable run for ..." (`prepare`, `m4:prepare`). */
export function describeOpReferences(refs: OpReference[]): string {
  return refs
    .map((ref) => {
      const modelSpec = (ref.pkgName ? `${ref.pkgName}/` : "") + (ref.modelName ?? "");
      return modelSpec ? `${modelSpec}:${ref.opName}` : ref.opName;
    })
    .join(",");
}

/** Resolves the run for an operation source, raising Guild's "no suitable run" error. */
export function resolveOpRun(candidates: CandidateRun[], refs: OpReference[], runIdPrefix: string | null, includeStaged: boolean): CandidateRun {
  const statuses = includeStaged ? [...DEFAULT_MATCHING_STATUS, "staged"] : DEFAULT_MATCHING_STATUS;
  const run = markedOrLatestRun(candidates, refs, runIdPrefix, statuses);
  if (!run) throw new ResolutionError(`no suitable run for ${describeOpReferences(refs)}`);
  return run;
}
