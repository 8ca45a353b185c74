// `--save-trials PATH`: a batch's trials written as CSV (Guild's batch file format) or JSON instead of run (batch_util._save_trials).
import fs from "node:fs";
import path from "node:path";
import { CliError } from "../io.js";
import { encodeFlagValue } from "../flags/encode.js";
import { pyRepr } from "../../lib/python/repr.js";
import { PyFloat, isMapping, type PyValue } from "../../lib/python/values.js";
import type { Trial } from "./trials.js";

/** run_impl._check_trials_path: only `.csv`, `.json` or no extension. */
export function checkTrialsPath(file: string): void {
  const ext = path.extname(file);
  if (![".csv", ".json", ""].includes(ext.toLowerCase())) throw new CliError(`Unsupported extension '${ext}' - use '.csv', '.json', or no extension`);
}

/** Python's json.dumps with sort_keys (ASCII only, `, ` and `: ` separators). */
export function pythonJson(value: PyValue): string {
  if (value === null) return "null";
  if (value === true) return "true";
  if (value === false) return "false";
  if (typeof value === "number") return String(value);
  if (value instanceof PyFloat) return Number.isFinite(value.value) ? pyRepr(value) : value.value > 0 ? "Infinity" : value.value < 0 ? "-Infinity" : "NaN";
  if (typeof value === "string") return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (char) => "\\u" + char.charCodeAt(0).toString(16).padStart(4, "0"));
  if (Array.isArray(value)) return "[" + value.map(pythonJson).join(", ") + "]";
  if (isMapping(value)) return "{" + Object.keys(value).sort().map((key) => `${JSON.stringify(key)}: ${pythonJson(value[key])}`).join(", ") + "}";
  return JSON.stringify(String(value));
}

/** A CSV field as Python's csv writer quotes it (minimal quoting). */
function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The file's text: a CSV header of flag names and a row per trial (values encoded as flag values), or a JSON list. */
export function formatSavedTrials(trials: Trial[], file: string): string {
  if (path.extname(file).toLowerCase() === ".json") return pythonJson(trials);
  const names = [...new Set(trials.flatMap((trial) => Object.keys(trial)))].sort();
  const rows = [names, ...trials.map((trial) => names.map((name) => (name in trial ? encodeFlagValue(trial[name]) : "")))];
  return rows.map((row) => row.map(csvField).join(",") + "\n").join("");
}

/** Writes the trials to `file` (resolved from `cwd`). */
export function saveTrials(trials: Trial[], file: string, cwd: string): void {
  fs.writeFileSync(path.resolve(cwd, file), formatSavedTrials(trials, file));
}
