// `guild run` output scalars: each output line goes through the op's patterns into an event file in the run's .guild.
import { guildDir } from "../../lib/rundir/index.js";
import { EventFileWriter } from "../scalars/event-writer.js";
import { OutputScalarCallbackError, outputScalarsForRun } from "../scalars/output-scalars.js";
import type { OutputLineListener } from "./process.js";
import type { RunDirInfo, RunPlan } from "./hooks.js";

/** The run's output listener, or null when output scalars are disabled (`output-scalars: no`). */
export function outputScalarsListener(plan: RunPlan, run: RunDirInfo): { onLine: OutputLineListener; close(): void } | null {
  const { io } = plan.ctx;
  const writer = new EventFileWriter(guildDir(run.runDir), {
    nowSeconds: () => Math.floor(io.nowMicros() / 1_000_000),
    hostname: io.hostname,
    pid: io.pid,
    nextWriterId: io.nextEventWriterId,
  });
  const warn = (message: string) => io.stderr(`WARNING: ${message}\n`);
  const scalars = outputScalarsForRun(plan.opdef.outputScalars, Object.keys(plan.flagValues), writer, warn);
  if (!scalars) return null;
  let removed = false;
  return {
    onLine: (line) => {
      if (removed) return;
      try {
        scalars.write(line);
      } catch (error) {
        if (!(error instanceof OutputScalarCallbackError)) throw error;
        // Guild drops a failing output callback for the rest of the run.
        removed = true;
        io.stderr("ERROR: error in output callback (will be removed)\n");
      }
    },
    close: () => {},
  };
}
