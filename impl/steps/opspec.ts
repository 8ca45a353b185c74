// A step's opspec with the parent's model applied (OpRef.for_string + to_opspec).
import { StepError } from "./run-spec.js";
import { strRepr } from "../../lib/python/repr.js";

const OPREF_STRING = /^(?:(?:([^/]+)\/)?([^:]+):)?([^/:]+)$/;

/** `prepare` in model m4 -> `m4:prepare`; `m1:hello` stays. A package part is dropped, as Guild does. */
export function applyDefaultModel(opspec: string, parentModel: string): string {
  const match = OPREF_STRING.exec(opspec);
  if (!match) throw new StepError(`invalid reference: ${strRepr(opspec)}`);
  const model = match[2] ?? parentModel;
  return model ? `${model}:${match[3]}` : match[3];
}
