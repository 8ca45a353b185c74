// Source code snapshot for a run: Guild's default selection (or git's), the op's rules, copy, manifest, digest.
import crypto from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import type { OpDef, SourceCodeRule } from "../../lib/guildfile/index.js";
import { fnmatch } from "../../lib/python/fnmatch.js";

const MAX_FILE_SIZE = 1024 * 1024;
const MAX_FILE_COUNT = 100;
const HELP_SUFFIX = " To control which files are copied, specify 'sourcecode' for the operation in a Guild file.";

interface SelectRule {
  include: boolean;
  patterns: string[];
  type: "dir" | "text" | null;
  sentinel?: string;
  sizeLessThan?: number;
  maxMatches?: number;
  matched?: number;
  /** Relative paths (git mode: files git ignores). */
  paths?: Set<string>;
  /** Git mode: include anything not in `paths`. */
  allExcept?: boolean;
}

function patternMatches(patterns: string[], relpath: string): boolean {
  return patterns.some((pattern) => fnmatch(relpath, pattern) || (!pattern.includes("/") && fnmatch(path.basename(relpath), pattern)));
}

const TEXT_EXTENSIONS = new Set([".py", ".txt", ".md", ".yml", ".yaml", ".json", ".csv", ".sh", ".cfg", ".ini", ".toml", ".r", ".js", ".ts", ".html", ".css", ".c", ".h", ".cpp", ".java", ".rst", ".xml", ".in"]);
const BINARY_EXTENSIONS = new Set([".pyc", ".so", ".o", ".png", ".jpg", ".jpeg", ".gif", ".zip", ".gz", ".tar", ".bin", ".pdf", ".pkl", ".npy", ".h5", ".db"]);

/** Guild's util.is_text_file: by extension, else sniffing the first 1024 bytes. */
export function isTextFile(file: string): boolean {
  const ext = path.extname(file).toLowerCase();
  if (TEXT_EXTENSIONS.has(ext)) return true;
  if (BINARY_EXTENSIONS.has(ext)) return false;
  const buffer = Buffer.alloc(1024);
  const fd = fs.openSync(file, "r");
  let length: number;
  try {
    length = fs.readSync(fd, buffer, 0, 1024, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (length === 0) return true;
  const sample = buffer.subarray(0, length);
  if (sample.includes(0)) return false;
  let nonText = 0;
  for (const byte of sample) if (!([7, 8, 9, 10, 12, 13, 27].includes(byte) || (byte >= 0x20 && byte !== 0x7f))) nonText++;
  return nonText / length <= 0.3;
}

/** Environment for the git command that lists ignored files. */
type GitEnv = Readonly<Record<string, string | undefined>>;

function findGitRoot(dir: string): string | null {
  for (let current = dir; ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, ".git"))) return current;
    if (path.dirname(current) === current) return null;
  }
}

/** `env`: the environment git runs in (the CLI's own; absent: this process's). */
function gitIgnored(root: string, env?: GitEnv): string[] | null {
  const args = ["ls-files", "-ioc", "--exclude-standard", "--directory"];
  try {
    const patterns = fs.readFileSync(path.join(root, ".guildignore"), "utf8").split("\n").map((line) => line.trim()).filter((line) => line && !line.startsWith("#"));
    for (const pattern of patterns) args.push("-x", pattern);
  } catch {
    // no .guildignore
  }
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], ...(env ? { env } : {}) }).split("\n").filter(Boolean);
  } catch {
    return null;
  }
}

function baseRules(root: string, isPython: boolean, env?: GitEnv): SelectRule[] {
  const ignored = findGitRoot(root) ? gitIgnored(root, env) : null;
  if (ignored) {
    const ignoredDirs = ignored.filter((entry) => fs.existsSync(path.join(root, entry)) && fs.statSync(path.join(root, entry)).isDirectory()).map((entry) => entry.replace(/\/$/, ""));
    return [
      { include: false, patterns: [".guild"], type: "dir" },
      { include: false, patterns: ["*"], type: "dir", sentinel: ".guild-nocopy" },
      { include: false, patterns: [".git", ...ignoredDirs], type: "dir" },
      { include: true, patterns: [], type: null, allExcept: true, paths: new Set(ignored) },
      { include: false, patterns: [".git*", ".guildignore"], type: null },
    ];
  }
  const rules: SelectRule[] = [
    { include: false, patterns: [".*"], type: "dir" },
    { include: false, patterns: ["*"], type: "dir", sentinel: ".guild-nocopy" },
    { include: true, patterns: ["*"], type: "text", sizeLessThan: MAX_FILE_SIZE + 1, maxMatches: MAX_FILE_COUNT, matched: 0 },
  ];
  if (isPython) {
    // op_util._default_select_rules_for_python, in its order (`--test-sourcecode` lists them).
    rules.push(
      { include: false, patterns: ["__pycache__"], type: "dir" },
      { include: false, patterns: ["*"], type: "dir", sentinel: "bin/activate" },
      { include: false, patterns: ["*"], type: "dir", sentinel: "Scripts/activate" },
      { include: false, patterns: ["build"], type: "dir" },
      { include: false, patterns: ["dist"], type: "dir" },
      { include: false, patterns: ["*.egg-info"], type: "dir" },
    );
  }
  return rules;
}

function specRules(rules: SourceCodeRule[]): SelectRule[] {
  return rules.map((rule) => ({ include: rule.type === "include", patterns: rule.patterns, type: rule.kind === "dir" ? "dir" : null }));
}

function dirSelected(rules: SelectRule[], root: string, relpath: string): boolean {
  let selected = true;
  for (const rule of rules) {
    if (rule.type !== "dir") continue;
    if (!patternMatches(rule.patterns, relpath)) continue;
    if (rule.sentinel && !fs.existsSync(path.join(root, relpath, rule.sentinel))) continue;
    selected = rule.include;
  }
  return selected;
}

function fileSelected(rules: SelectRule[], root: string, relpath: string, warn: (message: string) => void): boolean {
  let selected = false;
  let lastFailure: "size" | "max" | null = null;
  for (const rule of rules) {
    if (rule.type === "dir") continue;
    if (rule.allExcept) {
      selected = !rule.paths!.has(relpath);
      continue;
    }
    if (!patternMatches(rule.patterns, relpath)) continue;
    const full = path.join(root, relpath);
    if (rule.type === "text" && !isTextFile(full)) continue;
    if (rule.sizeLessThan !== undefined && fs.statSync(full).size >= rule.sizeLessThan) {
      lastFailure = "size";
      continue;
    }
    if (rule.maxMatches !== undefined && (rule.matched ?? 0) >= rule.maxMatches) {
      lastFailure = "max";
      continue;
    }
    if (rule.maxMatches !== undefined) rule.matched = (rule.matched ?? 0) + 1;
    selected = rule.include;
    lastFailure = null;
  }
  if (!selected && lastFailure === "size") warn(`Skipping source code file ${relpath} because it's too big.${HELP_SUFFIX}`);
  if (!selected && lastFailure === "max") warn(`Found more than ${MAX_FILE_COUNT} source code files but will only copy ${MAX_FILE_COUNT} as a safety measure.${HELP_SUFFIX}`);
  return selected;
}

/** A rule as Guild's FileSelectRule.__str__ shows it (`--test-sourcecode`). */
export function formatSelectRule(rule: SelectRule): string {
  if (rule.allExcept) return "gitignore + guildignore patterns";
  const quote = (pattern: string) => (pattern.includes(" ") ? `'${pattern.replace(/'/g, `'"'"'`)}'` : pattern);
  const parts = [rule.include ? "include" : "exclude"];
  if (rule.type) parts.push(rule.type);
  parts.push(rule.patterns.map(quote).join(", "));
  const extras: string[] = [];
  if (rule.sentinel) extras.push(`containing ${quote(rule.sentinel)}`);
  if (rule.sizeLessThan !== undefined) extras.push(`size < ${rule.sizeLessThan}`);
  if (rule.maxMatches !== undefined) extras.push(`max match ${rule.maxMatches}`);
  if (extras.length) parts.push(extras.join(", "));
  return parts.join(" ");
}

/** The select rules for the op's source code, in Guild's order; null when copying is disabled. */
function selectRules(opdef: OpDef, root: string, env?: GitEnv): SelectRule[] | null {
  if (opdef.steps !== null || opdef.sourcecode.disabled || opdef.model.sourcecode.disabled) return null;
  return [...baseRules(root, opdef.main !== null, env), ...specRules(opdef.model.sourcecode.rules), ...specRules(opdef.sourcecode.rules)];
}

/** Where the op's source code comes from: the project, or its `sourcecode.root`. */
export function sourceCodeRoot(opdef: OpDef): string {
  const projectDir = opdef.model.guildfile.dir;
  const rootName = opdef.sourcecode.root ?? opdef.model.sourcecode.root;
  return rootName ? path.join(projectDir, rootName) : projectDir;
}

/**
 * Walks the op's source code as Guild's file_util.copytree does (os.walk, top down): each directory is
 * read when it is visited, its files (sorted) are handed to `onFile` before its subdirectories (sorted)
 * are visited. `onFile` may write under the root (a run directory inside the project): Guild copies
 * while it walks, so files copied earlier are found later, and this walk finds them the same way.
 */
export function walkSourceCode(opdef: OpDef, warn: (message: string) => void, onFile: (relpath: string) => void, ignore: ReadonlySet<string> = new Set(), env?: GitEnv, onSkip?: (relpath: string, isDir: boolean) => void): void {
  const root = sourceCodeRoot(opdef);
  const rules = selectRules(opdef, root, env);
  if (!rules) return;
  let warnedMax = false;
  const onceWarn = (message: string) => {
    if (message.startsWith("Found more than")) {
      if (warnedMax) return;
      warnedMax = true;
    }
    warn(message);
  };
  const walk = (relDir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(root, relDir), { withFileTypes: true });
    } catch {
      return;
    }
    const files: string[] = [];
    const dirs: string[] = [];
    for (const entry of entries) {
      const relpath = relDir ? `${relDir}/${entry.name}` : entry.name;
      const isDir = entry.isDirectory() || (entry.isSymbolicLink() && safeIsDir(path.join(root, relpath)));
      if (isDir) {
        if (!entry.isSymbolicLink()) dirs.push(entry.name);
      } else if (entry.isFile()) {
        files.push(entry.name);
      }
    }
    for (const name of files.sort()) {
      const relpath = relDir ? `${relDir}/${name}` : name;
      if (!ignore.has(relpath) && fileSelected(rules, root, relpath, onceWarn)) onFile(relpath);
      else onSkip?.(relpath, false);
    }
    // os.walk prunes first (reporting each pruned directory), then descends.
    const kept = dirs.sort().filter((name) => {
      const relpath = relDir ? `${relDir}/${name}` : name;
      if (dirSelected(rules, root, relpath)) return true;
      onSkip?.(relpath, true);
      return false;
    });
    for (const name of kept) walk(relDir ? `${relDir}/${name}` : name);
  };
  walk("");
}

function safeIsDir(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** A copied source code file: its path in the run (with `/`) and its manifest line. */
export interface CopiedSourceFile {
  runPath: string;
  manifestLine: string;
}

/**
 * Copies the op's source code into `destDir/destPrefix` while walking it (keeping modes), as Guild does,
 * so a run directory inside the project receives the copies made before the walk reaches it.
 * Manifest lines are `s <run path> <sha1> <project path>`.
 */
export function copySourceCode(
  opdef: OpDef,
  destDir: string,
  destPrefix: string,
  quote: (word: string) => string,
  warn: (message: string) => void,
  ignore: ReadonlySet<string> = new Set(),
  env?: GitEnv,
): CopiedSourceFile[] {
  const root = sourceCodeRoot(opdef);
  const projectDir = opdef.model.guildfile.dir;
  const copied: CopiedSourceFile[] = [];
  walkSourceCode(opdef, warn, (relpath) => {
    const src = path.join(root, relpath);
    const dest = path.join(destDir, destPrefix, relpath);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    const bytes = fs.readFileSync(src);
    fs.writeFileSync(dest, bytes);
    fs.chmodSync(dest, fs.statSync(src).mode & 0o7777);
    const sha1 = crypto.createHash("sha1").update(bytes).digest("hex");
    const runPath = path.posix.join(destPrefix === "." ? "" : destPrefix, relpath) || relpath;
    copied.push({ runPath, manifestLine: ["s", runPath, sha1, path.relative(projectDir, src).split(path.sep).join("/")].map(quote).join(" ") });
  }, ignore, env);
  return copied;
}

/** md5 over the files sorted by path: path bytes, NUL, content, NUL (run_util.sourcecode_digest). */
export function sourceCodeDigest(dir: string, files: string[]): string {
  const hash = crypto.createHash("md5");
  for (const relpath of [...files].sort()) {
    hash.update(Buffer.from(relpath, "utf8"));
    hash.update(Buffer.from([0]));
    hash.update(fs.readFileSync(path.join(dir, relpath)));
    hash.update(Buffer.from([0]));
  }
  return hash.digest("hex");
}

/** What `guild run --test-sourcecode` reports: the rules, and which files would be copied or skipped. */
export interface SourceCodeTest {
  root: string;
  rules: string[];
  disabled: boolean;
  selected: string[];
  /** Skipped files, and pruned directories with a trailing `/`. */
  skipped: string[];
}

/** Walks the op's source code without copying, recording each decision (run_impl._test_sourcecode). */
export function testSourceCode(opdef: OpDef, warn: (message: string) => void, ignore: ReadonlySet<string> = new Set(), env?: GitEnv): SourceCodeTest {
  const root = sourceCodeRoot(opdef);
  const rules = selectRules(opdef, root, env);
  const selected: string[] = [];
  const skipped: string[] = [];
  walkSourceCode(opdef, warn, (relpath) => selected.push(relpath), ignore, env, (relpath, isDir) => skipped.push(isDir ? `${relpath}/` : relpath));
  // Disabled: a stepped op has no rules (DisabledFileSelect), a disabled one the single `exclude *`.
  const shown = rules ? rules.map(formatSelectRule) : opdef.steps !== null ? [] : ["exclude *"];
  return { root, rules: shown, disabled: rules === null, selected, skipped };
}
