// A run's .guild/opref: which Guild file (and its md5), model and operation made the run.
import fs from "node:fs";
import { shellQuote, shellSplit } from "../python/shlex.js";
import { oprefPath } from "./paths.js";

export interface Opref {
  pkgType: string;
  /** For Guild-file operations: the absolute path of guild.yml. */
  pkgName: string;
  /** For Guild-file operations: md5 hex of the guild.yml bytes. */
  pkgVersion: string;
  modelName: string;
  opName: string;
}

/** Text as Guild writes it (no trailing newline). */
export function formatOpref(opref: Opref): string {
  return [`${opref.pkgType}:${opref.pkgName}`, opref.pkgVersion, opref.modelName, opref.opName].map(shellQuote).join(" ");
}

/** Parses opref text; null when it is not in Guild's format. */
export function parseOpref(text: string): Opref | null {
  let parts: string[];
  const trimmed = text.trim();
  if (!/['"\\]/.test(trimmed)) {
    // Without quotes or escapes, shell splitting is splitting on whitespace.
    parts = trimmed === "" ? [] : trimmed.split(/\s+/);
  } else {
    try {
      parts = shellSplit(trimmed);
    } catch {
      return null;
    }
  }
  if (parts.length !== 4) return null;
  const [pkg, pkgVersion, modelName, opName] = parts;
  const colon = pkg.indexOf(":");
  if (colon < 0) return null;
  return { pkgType: pkg.slice(0, colon), pkgName: pkg.slice(colon + 1), pkgVersion, modelName, opName };
}

export function writeOpref(runDir: string, opref: Opref): void {
  fs.writeFileSync(oprefPath(runDir), formatOpref(opref));
}
