// What `guild compare` knows about a run: its attrs, scalars, and the compare list of its op in its current Guild file.
import path from "node:path";
import type { CompareRunInput } from "../compare/compare-table.js";
import { GuildfileError, loadGuildfileIfExists, type LoadedGuildfile } from "../../lib/guildfile/index.js";
import { formatPkgName, formatRunOperation } from "../runs/format.js";
import type { Run } from "../runs/run.js";
import { readRunScalars, type ScalarSummary } from "../scalars/scalar-summary.js";
import type { CommandContext } from "../context.js";

/** Loads each run's Guild file once per command (null when it is gone or invalid). */
export class GuildfileCache {
  private readonly loaded = new Map<string, LoadedGuildfile | null>();

  constructor(private readonly ctx: CommandContext) {}

  forPath(guildfilePath: string): LoadedGuildfile | null {
    if (!this.loaded.has(guildfilePath)) {
      let guildfile: LoadedGuildfile | null = null;
      try {
        guildfile = loadGuildfileIfExists(path.dirname(guildfilePath), { guildHome: this.ctx.guildHome, env: this.ctx.io.env });
      } catch (error) {
        if (!(error instanceof GuildfileError)) throw error;
      }
      this.loaded.set(guildfilePath, guildfile);
    }
    return this.loaded.get(guildfilePath) ?? null;
  }
}

/**
 * run_util.latest_compare: the `compare` list of the run's op in its Guild file as it is now
 * (`[]` means no op columns), else the run's `compare` attr, else null (default columns).
 */
export function latestCompare(run: Run, guildfiles: GuildfileCache): unknown[] | null {
  const opref = run.opref;
  if (opref && opref.pkgType === "guildfile") {
    const guildfile = guildfiles.forPath(opref.pkgName);
    const model = guildfile?.models.find((candidate) => candidate.name === opref.modelName);
    const opdef = model?.operations.find((candidate) => candidate.name === opref.opName);
    if (opdef && opdef.compare !== null && opdef.compare !== undefined) return Array.isArray(opdef.compare) ? opdef.compare : [opdef.compare];
  }
  const attr = run.get("compare");
  return Array.isArray(attr) ? attr : null;
}

function timestampAttr(run: Run, name: string): number | null {
  const value = run.get(name);
  return typeof value === "number" ? value : null;
}

/**
 * A listed run as compare input. A class, so thousands of inputs share one shape and one prototype:
 * an object literal with a getter gets a shape of its own per run, which makes every read of the
 * inputs' properties in the compare table a slow lookup.
 */
class ListedRunInput implements CompareRunInput {
  readonly id: string;
  readonly operation: string;
  readonly model: string | null;
  readonly opName: string | null;
  readonly from: string;
  readonly status: string;
  readonly started: number | null;
  readonly stopped: number | null;
  readonly marked: boolean;
  readonly flags: Record<string, unknown>;

  constructor(
    private readonly run: Run,
    private readonly guildfiles: GuildfileCache,
    home: string | undefined,
  ) {
    const opref = run.opref;
    this.id = run.id;
    this.operation = formatRunOperation(run);
    this.model = opref?.modelName ?? null;
    this.opName = opref?.opName ?? null;
    this.from = formatPkgName(opref, home);
    this.status = run.status();
    this.started = timestampAttr(run, "started");
    this.stopped = timestampAttr(run, "stopped");
    this.marked = run.marked;
    this.flags = run.flags;
  }

  attr(name: string): unknown {
    return this.run.attr(name);
  }

  scalars(): ScalarSummary[] {
    return readRunScalars(this.run.dir, this.run.guildDirListing());
  }

  /** Looked up only when op columns are shown: it loads the run's Guild file. */
  get compare(): unknown[] | null {
    return latestCompare(this.run, this.guildfiles);
  }
}

/** A listed run as compare input. */
export function compareRunInput(run: Run, ctx: CommandContext, guildfiles: GuildfileCache): CompareRunInput {
  return new ListedRunInput(run, guildfiles, ctx.io.env.HOME);
}
