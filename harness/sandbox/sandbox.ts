// A transcript's private world: temp root, HOME, GUILD_HOME, project copies and a pinned environment.
import fs from "node:fs";
import path from "node:path";
import { createTempDir, type TempDir } from "./temp-dir.js";

export interface SandboxConfig {
  /** Directory holding the transcript; sample projects are looked up from here upward. */
  transcriptDir: string;
  /** PATH of the host, appended after the sandbox's own bin directory. */
  hostPath: string;
  /** Directory whose `guild` is the reference CLI. */
  referenceBinDir: string;
  /** Directory of the real python3, placed before the host PATH. */
  pythonBinDir?: string | null;
  /** When set, `guild` runs this shell command instead of the reference CLI. */
  implCommand?: string;
  /** Parent directory for sandboxes (default: the OS temp dir). */
  tempRoot?: string;
  /** Leave the sandbox on disk when it is closed (and at exit). */
  keep?: boolean;
}

/** Variables Guild's own test runner sets, plus what keeps runs reproducible. */
const PINNED_ENV: Record<string, string> = {
  TZ: "UTC",
  COLUMNS: "999",
  LANG: "C.UTF-8",
  NO_COLOR: "1",
  SYNC_RUN_OUTPUT: "1",
  NO_IMPORT_FLAGS_PROGRESS: "1",
  NO_PIP_FREEZE: "1",
  NO_VCS_COMMIT: "1",
};

export class Sandbox {
  readonly root: string;
  readonly home: string;
  readonly binDir: string;
  guildHome: string;
  cwd: string;
  readonly env: Map<string, string>;
  /** `guild` on the sandbox's PATH is the reference CLI (no other implementation was given). */
  readonly runsReferenceCli: boolean;
  private counter = 0;
  private readonly sharedCopies = new Map<string, string>();

  /** A new sandbox in a fresh temp folder. */
  static async create(config: SandboxConfig): Promise<Sandbox> {
    return new Sandbox(config, await createTempDir("transcript", { parent: config.tempRoot, keep: config.keep }));
  }

  private constructor(
    private readonly config: SandboxConfig,
    private readonly tempDir: TempDir,
  ) {
    this.root = tempDir.path;
    this.home = this.makeDir("home");
    this.binDir = this.makeDir("bin");
    this.cwd = this.makeDir("work");
    this.guildHome = this.makeDir("guild-home");
    writeGuildLauncher(this.binDir, config);
    this.runsReferenceCli = !config.implCommand;
    this.env = new Map(Object.entries(PINNED_ENV));
    this.env.set("HOME", this.home);
    this.env.set("GUILD_HOME", this.guildHome);
    const pythonDir = config.pythonBinDir ? `${config.pythonBinDir}:` : "";
    this.env.set("PATH", `${this.binDir}:${pythonDir}${config.hostPath}`);
    this.env.set("TMPDIR", this.makeDir("tmp"));
  }

  /** Copies `samples/projects/<name>` into a fresh directory, makes it cwd, with a fresh GUILD_HOME. */
  useProject(name: string): string {
    const target = this.copyProject(name);
    this.cwd = target;
    this.guildHome = this.makeDir(`guild-homes/${this.nextId()}`);
    this.env.set("GUILD_HOME", this.guildHome);
    return target;
  }

  /**
   * The transcript's own copy of `samples/projects/<name>`, made the first time it is asked for:
   * what sample("projects", NAME) names, shared by every later use as Guild's runner shares the
   * project it runs in place.
   */
  sharedProjectCopy(name: string): string {
    let copy = this.sharedCopies.get(name);
    if (copy === undefined) {
      copy = this.copyProject(name);
      this.sharedCopies.set(name, copy);
    }
    return copy;
  }

  /** Copies `samples/projects/<name>` into a fresh directory of the sandbox and returns the copy's path. */
  copyProject(name: string): string {
    const source = findSampleProject(this.config.transcriptDir, name);
    if (source === null) throw new SandboxError(`cannot find sample project '${name}' (looked for samples/projects/${name} from ${this.config.transcriptDir} upward)`);
    // The copy's path ends as the original's does (…/samples/projects/NAME), as Guild's runner uses projects in place.
    const target = this.makeDir(`projects/${this.nextId()}/samples/projects/${name}`);
    fs.cpSync(source, target, { recursive: true, verbatimSymlinks: true });
    return target;
  }

  /**
   * Makes an existing directory the current one, as Guild's use_project does with a path: used in
   * place, not copied, with the given GUILD_HOME or a fresh one.
   */
  useDirectory(dir: string, guildHome?: string): void {
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new SandboxError(`cannot use project directory '${dir}': not a directory`);
    this.cwd = dir;
    this.guildHome = guildHome ?? this.makeDir(`guild-homes/${this.nextId()}`);
    this.env.set("GUILD_HOME", this.guildHome);
  }

  /** The `samples` folder Guild's sample() reads from: the transcript's, or the nearest ancestor's. */
  samplesDir(): string {
    let dir = path.resolve(this.config.transcriptDir);
    for (;;) {
      const candidate = path.join(dir, "samples");
      if (fs.existsSync(candidate) && fs.statSync(candidate).isDirectory()) return candidate;
      const parent = path.dirname(dir);
      if (parent === dir) return path.join(path.resolve(this.config.transcriptDir), "samples");
      dir = parent;
    }
  }

  /** A new empty directory inside the sandbox. */
  makeTempDir(): string {
    return this.makeDir(`tmp/${this.nextId()}`);
  }

  envRecord(): Record<string, string> {
    return Object.fromEntries(this.env);
  }

  /** Removes the sandbox, unless it is to be kept. */
  async close(): Promise<void> {
    await this.tempDir.remove();
  }

  private makeDir(relative: string): string {
    const dir = path.join(this.root, relative);
    fs.mkdirSync(dir, { recursive: true });
    return dir;
  }

  private nextId(): string {
    this.counter += 1;
    return String(this.counter);
  }
}

export class SandboxError extends Error {}

/** `samples/projects/<name>` in the transcript's folder or the nearest ancestor that has it. */
export function findSampleProject(fromDir: string, name: string): string | null {
  if (name.includes("..") || path.isAbsolute(name)) return null;
  let dir = path.resolve(fromDir);
  for (;;) {
    const candidate = path.join(dir, "samples", "projects", name);
    if (fs.existsSync(candidate) && fs.statSync(candidate).isDirectory()) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

function writeGuildLauncher(binDir: string, config: SandboxConfig): void {
  const launcher = path.join(binDir, "guild");
  if (config.implCommand) {
    fs.writeFileSync(launcher, `#!/bin/sh\nexec ${config.implCommand} "$@"\n`, { mode: 0o755 });
  } else {
    fs.symlinkSync(path.join(config.referenceBinDir, "guild"), launcher);
  }
  // The conformance runner itself, for transcripts about writing transcripts (when it is built).
  const runner = path.join(config.referenceBinDir, "guild-transcripts");
  if (fs.existsSync(runner)) fs.symlinkSync(runner, path.join(binDir, "guild-transcripts"));
}
