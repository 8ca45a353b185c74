// Implementations for the conformance matrix, from `--impl` arguments or a YAML/JSON config file.
import fs from "node:fs";
import path from "node:path";
import { loadYaml } from "../../lib/yaml/yaml.js";
import type { ExpectedFailure } from "./verdicts.js";
import { shellQuote } from "../../lib/python/shlex.js";

export interface Implementation {
  name: string;
  /** Shell command standing in for `guild`; undefined = the reference CLI. */
  command?: string;
  /** Examples this implementation is known to fail. */
  expectedFailures?: readonly ExpectedFailure[];
}

export class ConformanceError extends Error {}

/**
 * `--impl [NAME=]COMMAND`: `reference` and `NAME=reference` are the reference CLI; without a name the command
 * is its own name. A command starting with `./` or `../` is made absolute against `baseDir`,
 * since it runs from inside the sandbox.
 */
export function parseImplementationArg(spec: string, baseDir: string): Implementation {
  if (spec === "reference") return { name: "reference" };
  const match = /^([A-Za-z0-9_.-]+)=(.+)$/s.exec(spec);
  if (match) return match[2] === "reference" ? { name: match[1] } : { name: match[1], command: resolveCommand(match[2], baseDir) };
  return { name: spec, command: resolveCommand(spec, baseDir) };
}

/**
 * Reads a config file listing implementations:
 *
 *     implementations:
 *       - name: reference
 *       - name: other
 *         command: ./other-guild
 *         expected-failures:
 *           - transcripts/runs-manage.md:191
 *
 * `implementations` may also map names to entries. Relative commands and transcript paths are
 * resolved against the config file's folder. JSON is read the same way (it is YAML).
 */
export function loadImplementationConfig(file: string): Implementation[] {
  let text: string;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    throw new ConformanceError(`${file}: cannot read the config file`);
  }
  let data: unknown;
  try {
    data = loadYaml(text);
  } catch (error) {
    throw new ConformanceError(`${file}: not valid YAML or JSON: ${(error as Error).message.split("\n")[0]}`);
  }
  return implementationsFromConfig(data, file, path.dirname(path.resolve(file)));
}

const ENTRY_KEYS = new Set(["name", "command", "expected-failures", "expected_failures"]);

/** The implementations a parsed config describes; `file` names the config in messages. */
export function implementationsFromConfig(data: unknown, file: string, baseDir: string): Implementation[] {
  const fail = (message: string): never => {
    throw new ConformanceError(`${file}: ${message}`);
  };
  const root = isRecord(data) && "implementations" in data ? data.implementations : data;
  let entries: [string | undefined, unknown][];
  if (Array.isArray(root)) entries = root.map((entry) => [undefined, entry]);
  else if (isRecord(root)) entries = Object.entries(root);
  else return fail("expected a list of implementations (or a mapping of names to implementations)");
  if (entries.length === 0) fail("no implementations listed");
  const implementations = entries.map(([key, entry], index): Implementation => {
    const where = key ?? `implementation ${index + 1}`;
    if (entry === null && key !== undefined) entry = {};
    if (!isRecord(entry)) return fail(`${where}: expected a mapping with name, command and expected-failures`);
    const unknown = Object.keys(entry).filter((name) => !ENTRY_KEYS.has(name));
    if (unknown.length > 0) fail(`${where}: unknown key '${unknown[0]}' (known: name, command, expected-failures)`);
    const name = entry.name ?? key;
    if (typeof name !== "string" || !/^[A-Za-z0-9_.-]+$/.test(name)) return fail(`${where}: name must be a word of letters, digits, '_', '.' or '-'`);
    const command = entry.command;
    if (command !== undefined && command !== null && (typeof command !== "string" || command.trim() === "")) fail(`${name}: command must be a non-empty string`);
    const listed = entry["expected-failures"] ?? entry.expected_failures ?? [];
    if (!Array.isArray(listed)) return fail(`${name}: expected-failures must be a list of TRANSCRIPT:LINE`);
    const expectedFailures = listed.map((item) => parseExpectedFailure(item, baseDir, (message) => fail(`${name}: ${message}`)));
    const resolved = typeof command === "string" && command !== "reference" ? resolveCommand(command, baseDir) : undefined;
    return { name, ...(resolved ? { command: resolved } : {}), ...(expectedFailures.length ? { expectedFailures } : {}) };
  });
  checkUniqueNames(implementations, fail);
  return implementations;
}

/** `path/to/x.md:42` -> the absolute transcript path and the line. */
export function parseExpectedFailure(item: unknown, baseDir: string, fail: (message: string) => never): ExpectedFailure {
  const label = typeof item === "number" ? String(item) : item;
  const match = typeof label === "string" ? /^(.+):(\d+)$/.exec(label.trim()) : null;
  if (!match || Number(match[2]) < 1) return fail(`expected failure ${JSON.stringify(item)} is not TRANSCRIPT:LINE`);
  return { file: path.resolve(baseDir, match[1]), line: Number(match[2]), label: label as string };
}

/** Every implementation name once: they head the matrix columns and key the JSON verdicts. */
export function checkUniqueNames(implementations: readonly Implementation[], fail: (message: string) => never): void {
  const seen = new Set<string>();
  for (const { name } of implementations) {
    if (seen.has(name)) fail(`implementation '${name}' is given twice`);
    seen.add(name);
  }
}

/** Makes a leading `./x` or `../x` absolute (shell-quoted), leaving the rest of the command as is. */
export function resolveCommand(command: string, baseDir: string): string {
  const match = /^(\.\.?\/\S*)(.*)$/s.exec(command.trim());
  if (!match) return command;
  return shellQuote(path.resolve(baseDir, match[1])) + match[2];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
