// Trials from batch files (`@trials.csv`, `@trials.json`, `@trials.yml`): op_util.trials_for_batch_files.
import fs from "node:fs";
import path from "node:path";
import { CliError } from "../io.js";
import { decodeFlagValue } from "../flags/decode.js";
import { loadYaml } from "../../lib/yaml/yaml.js";
import { pyRepr } from "../../lib/python/repr.js";
import { isMapping, type PyValue } from "../../lib/python/values.js";
import type { Trial } from "./trials.js";

/** op_util.split_batch_files: `@PATH` arguments apart from `NAME=VAL` ones. */
export function splitBatchFiles(args: string[]): { batchFiles: string[]; flagArgs: string[] } {
  return {
    batchFiles: args.filter((arg) => arg.startsWith("@")).map((arg) => arg.slice(1)),
    flagArgs: args.filter((arg) => !arg.startsWith("@")),
  };
}

const batchFileError = (file: string, message: string) => new CliError(`cannot read trials for ${file}: ${message}`);

/** Python's csv.reader over text: commas, double quotes (`""` inside quotes), CR/LF line ends. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let rowStarted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        cell += char;
      }
    } else if (char === '"' && cell === "") {
      quoted = true;
      rowStarted = true;
    } else if (char === ",") {
      row.push(cell);
      cell = "";
      rowStarted = true;
    } else if (char === "\n" || char === "\r") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      if (rowStarted || cell !== "") row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      rowStarted = false;
    } else {
      cell += char;
      rowStarted = true;
    }
  }
  if (rowStarted || cell !== "") {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

function csvTrials(text: string): Trial[] {
  const [names, ...rows] = parseCsv(text);
  if (!names) return [];
  return rows.map((row) => {
    const trial: Trial = {};
    row.slice(0, names.length).forEach((cell, index) => {
      trial[names[index]] = decodeFlagValue(cell, null);
    });
    return trial;
  });
}

function yamlTrials(text: string, file: string): Trial[] {
  let data: unknown;
  try {
    data = loadYaml(text);
  } catch (error) {
    throw batchFileError(file, (error as Error).message);
  }
  if (!Array.isArray(data)) {
    if (!isMapping(data)) {
      const typeName = data === null || data === undefined ? "NoneType" : typeof data === "string" ? "str" : typeof data === "boolean" ? "bool" : typeof data === "number" ? "int" : "float";
      throw batchFileError(file, `invalid data type for trials: expected list or dict, got ${typeName}`);
    }
    data = [data];
  }
  for (const item of data as PyValue[]) {
    if (!isMapping(item)) throw batchFileError(file, `invalid data type for trial ${pyRepr(item)}: expected dict`);
  }
  return data as Trial[];
}

/** The trials of every batch file in order; paths are relative to `cwd`; a missing or bad file is a CliError. */
export function readBatchFiles(files: string[], cwd: string, home: string | undefined): Trial[] {
  return files.flatMap((file) => {
    const expanded = home && (file === "~" || file.startsWith("~/")) ? home + file.slice(1) : file;
    const resolved = path.join(cwd, expanded);
    if (!fs.existsSync(resolved)) throw new CliError(`batch file ${resolved} does not exist`);
    const ext = path.extname(resolved).toLowerCase();
    if (![".json", ".yml", ".yaml", ".csv", ""].includes(ext)) throw batchFileError(resolved, "unsupported extension");
    let text: string;
    try {
      text = fs.readFileSync(resolved, "utf8");
    } catch (error) {
      throw batchFileError(resolved, (error as Error).message);
    }
    return ext === ".csv" || ext === "" ? csvTrials(text) : yamlTrials(text, resolved);
  });
}
