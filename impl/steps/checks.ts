// A step's `expect` checks (Guild's run_check): files that must exist or contain a pattern, and output patterns.
import fs from "node:fs";
import path from "node:path";
import { outputPath } from "../../lib/rundir/index.js";
import { compilePythonRegex } from "../../lib/python/regex.js";
import { pyRepr, strRepr } from "../../lib/python/repr.js";
import { resolveRefs } from "../flags/refs.js";
import { unifiedDiff } from "../../lib/python/difflib.js";
import { globPaths } from "../../lib/python/glob.js";

export type CheckLog = (level: "INFO" | "ERROR", message: string) => void;

export interface RunCheck {
  /** Runs the check against a run directory; throws CheckFailed with Guild's message. */
  check(runId: string, runDir: string, log: CheckLog): void;
}

export class CheckFailed extends Error {}

/** The checks of one `expect` item, or an error message for an invalid one (Guild warns and drops it). */
export function initCheck(data: unknown, env: Readonly<Record<string, string | undefined>>): RunCheck {
  const item = typeof data === "object" && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  if (item && "file" in item) return fileCheck(item, env);
  if (item && "output" in item) return outputCheck(item);
  throw new Error("invalid check config - expected one of: file, output");
}

function compilePattern(pattern: unknown): RegExp | null {
  if (pattern === null || pattern === undefined) return null;
  try {
    return compilePythonRegex(String(pattern));
  } catch {
    throw new Error(`invalid regular expression: ${pyRepr(pattern)}`);
  }
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    throw new CheckFailed(`error reading run output from ${file}`);
  }
}

function outputCheck(data: Record<string, unknown>): RunCheck {
  const pattern = data.output;
  const regex = compilePattern(pattern)!;
  return {
    check(runId, runDir, log) {
      log("INFO", `checking run ${runId} output for ${pyRepr(pattern)}`);
      if (!regex.test(readText(outputPath(runDir)))) {
        throw new CheckFailed(`could not find pattern ${pyRepr(pattern)} in run ${runId} output`);
      }
    },
  };
}

function fileCheck(data: Record<string, unknown>, env: Readonly<Record<string, string | undefined>>): RunCheck {
  const filePattern = String(data.file);
  const compareTo = data["compare-to"] === undefined || data["compare-to"] === null ? null : String(data["compare-to"]);
  const contains = data.contains;
  const regex = compilePattern(contains);
  return {
    check(runId, runDir, log) {
      log("INFO", `checking run ${runId} files ${strRepr(filePattern)}`);
      const matches = globFiles(runDir, filePattern);
      if (matches.length === 0) throw new CheckFailed(`no files matching ${filePattern} in run ${runId}`);
      for (const relative of matches) {
        const file = path.join(runDir, relative);
        if (compareTo !== null) {
          const expectedFile = path.join(runDir, String(resolveRefs(compareTo, env as Record<string, string>)));
          log("INFO", `comparing run ${runId} file ${relative} to ${expectedFile}`);
          compareFiles(readText(file), readText(expectedFile), file, expectedFile, log);
        }
        if (regex !== null) {
          log("INFO", `checking run ${runId} file ${relative} for ${pyRepr(contains)}`);
          if (!regex.test(readText(file))) {
            throw new CheckFailed(`could not find pattern ${pyRepr(contains)} in run ${runId} file ${relative}`);
          }
        }
      }
    },
  };
}

/** Guild logs difflib's unified diff (header lines keep their newline, so a blank line follows each). */
function compareFiles(actual: string, expected: string, actualPath: string, expectedPath: string, log: CheckLog): void {
  const diff = unifiedDiff(expected.split(/\n\r?/), actual.split(/\n\r?/), { fromFile: expectedPath, toFile: actualPath });
  if (diff.length === 0) return;
  log("ERROR", diff.join("\n"));
  throw new CheckFailed("unexpected file contents - see above for details");
}

/** Python glob.glob relative to a directory, each directory's names in sorted order. */
export function globFiles(root: string, pattern: string): string[] {
  return globPaths(pattern, { resolve: (relative) => path.join(root, relative), sortNames: true });
}

/** Runs a step's checks after its run: false when any failed (Guild then stops with exit 3). */
export function runChecks(checks: readonly RunCheck[], runId: string, runDir: string, log: CheckLog): boolean {
  let passed = 0;
  let failed = 0;
  for (const check of checks) {
    try {
      check.check(runId, runDir, log);
      passed += 1;
    } catch (error) {
      if (!(error instanceof CheckFailed)) throw error;
      log("ERROR", `check failed: ${error.message}`);
      failed += 1;
    }
  }
  log("INFO", `${passed} of ${passed + failed} checks passed`);
  if (failed > 0) log("ERROR", `${failed} check(s) failed - see above for details`);
  return failed === 0;
}
