// `[MODEL:]OPERATION` → the operation definition, with Guild's errors (op_util.parse_opspec, run_impl).
import { CliError } from "../io.js";
import { defaultModel, defaultOperation, type Guildfile, type ModelDef, type OpDef } from "../../lib/guildfile/index.js";

export interface ParsedOpspec {
  model: string | null;
  op: string | null;
}

/** op_util.parse_opspec for Guild-file ops (package forms are not supported); null when invalid. */
export function parseOpspec(opspec: string | null): ParsedOpspec | null {
  if (!opspec) return { model: null, op: null };
  if (!opspec.includes("/") && !opspec.includes(":")) return { model: null, op: opspec };
  const match = /^([^/:]*):([^/:]+)$/.exec(opspec);
  if (match) return { model: match[1], op: match[2] };
  return null;
}

function matchModels(guildfile: Guildfile | null, modelRef: string | null): ModelDef[] {
  if (!guildfile) return [];
  if (modelRef === null) {
    const model = defaultModel(guildfile);
    if (model) return [model];
    return guildfile.models.filter((candidate) => candidate.name === "");
  }
  const matches = guildfile.models.filter((model) => model.name.includes(modelRef));
  if (matches.length > 1) {
    const exact = matches.filter((model) => model.name === modelRef);
    if (exact.length) return exact;
  }
  return matches;
}

const LIST_HINT = "Try 'guild operations' for a list of available operations.";

/** Resolves an opspec against the project's Guild file or throws Guild's CliError. */
export function resolveOpdef(guildfile: Guildfile | null, opspec: string | null): OpDef {
  const parsed = parseOpspec(opspec);
  if (!parsed) throw new CliError(`invalid operation '${opspec}'\n${LIST_HINT}`);
  const models = matchModels(guildfile, parsed.model);
  if (models.length > 1) {
    const names = models.map((model) => model.name).sort();
    throw new CliError(`there are multiple models that match '${parsed.model}'\nTry specifying one of the following:\n${names.map((name) => `  ${name}`).join("\n")}`);
  }
  const model = models[0];
  if (!model) {
    if (!opspec) throw new CliError("cannot find a default operation\nTry 'guild operations' for a list.");
    if (opspec.includes(":")) throw new CliError(`cannot find operation ${opspec}\n${LIST_HINT}`);
    throw new CliError(`cannot find operation ${opspec}\nYou may need to include a model in the form MODEL:OPERATION. ${LIST_HINT}`);
  }
  const opdef = parsed.op === null ? defaultOperation(model) : model.operations.find((candidate) => candidate.name === parsed.op);
  if (opdef) return opdef;
  const what = parsed.op === null ? "a default operation" : `operation '${parsed.op}'`;
  if (model.name) throw new CliError(`${what} is not defined for model '${model.name}'\nTry 'guild operations ${model.name}' for a list of available operations.`);
  throw new CliError(`${what} is not defined for this project\n${LIST_HINT}`);
}
