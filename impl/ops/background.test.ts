// How a run in the background names its operation, and which run options cannot go together.
import { describe, expect, test } from "vitest";
import { opspecForMessage } from "./background.js";
import { incompatibleRunOptions, type RunParams } from "./run-params.js";

describe("opspecForMessage (OpRef.to_opspec from the working directory)", () => {
  const opref = (pkgType: string, pkgName: string, modelName: string, opName: string) => ({ pkgType, pkgName, pkgVersion: "", modelName, opName });
  test.each([
    [opref("guildfile", "/p/guild.yml", "m", "train"), "/p", "m:train"],
    [opref("guildfile", "/p/guild.yml", "", "train"), "/p", "train"],
    [opref("script", "/p", "", "train.py"), "/p", "train.py"],
    [opref("script", "/p/src", "", "train.py"), "/p", "src/train.py"],
    [opref("script", "/p", "", "train.py"), "/q", "../p/train.py"],
  ])("%j from %s", (ref, cwd, expected) => expect(opspecForMessage(ref as never, cwd)).toBe(expected));
});

describe("incompatibleRunOptions (run_impl._check_incompatible_options)", () => {
  const params = (values: Partial<RunParams>) => ({ background: false, pidfile: null, stage: false, remote: null, break_: [], ...values }) as unknown as RunParams;
  test.each([
    [{ stage: true, background: true }, "--stage and --background cannot both be used"],
    [{ stage: true, pidfile: "p" }, "--stage and --pidfile cannot both be used"],
    [{ remote: "r", break_: ["1"] }, "--remote and --break cannot both be used"],
    [{ minimize: "loss", maximize: "acc" }, "--minimize and --maximize cannot both be used"],
    [{ print_cmd: true, print_env: true }, "--print-cmd and --print-env cannot both be used"],
    [{ background: true, pidfile: "p" }, null],
    [{ stage: true, break_: [] }, null],
  ])("%j", (values, expected) => expect(incompatibleRunOptions(params(values as Partial<RunParams>))).toBe(expected));
});
