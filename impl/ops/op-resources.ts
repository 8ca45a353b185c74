// An operation's dependency resources (`requires`), with named resources looked up in the Guild file's models.
import { CliError } from "../io.js";
import { isMapping } from "../../lib/python/values.js";
import type { ModelDef, OpDef } from "../../lib/guildfile/index.js";
import {
  isResourceDef, resourceFromRequires, resourceResolvingName, ResourceFormatError, sourceScheme, sourceUriPath,
  type ResourceDef, type ResourceReference,
} from "../deps/resource.js";

/** A resource and the data Guild keeps for it in the run's `op` attr. */
export interface OpResource {
  resource: ResourceDef;
  /** The resource definition as written (`sources: [...]`, ...). */
  data: Record<string, unknown>;
  /** Directory the resource is defined in (its `location`). */
  location: string;
}

function invalidOp(opdef: OpDef, message: string): CliError {
  return new CliError(`invalid definition for operation '${opdef.fullname}': ${message}`);
}

function modelResourceData(model: ModelDef, name: string): Record<string, unknown> | null {
  const resources = model.raw.resources;
  if (!isMapping(resources) || !(name in resources)) return null;
  const value = (resources as Record<string, unknown>)[name];
  if (Array.isArray(value)) return { sources: value };
  return isMapping(value) ? { ...value } : null;
}

function referencedResource(reference: ResourceReference, opdef: OpDef, warn: (message: string) => void): OpResource {
  const colon = reference.spec.indexOf(":");
  const modelName = colon < 0 ? opdef.model.name : reference.spec.slice(0, colon);
  const resourceName = colon < 0 ? reference.spec : reference.spec.slice(colon + 1);
  const model = opdef.model.guildfile.models.find((candidate) => candidate.name === modelName);
  if (!model) throw invalidOp(opdef, `model '${modelName}' in resource '${reference.spec}' required by operation '${opdef.fullname}' is not defined`);
  const data = modelResourceData(model, resourceName);
  if (!data) throw invalidOp(opdef, `resource '${resourceName}' required by operation '${opdef.fullname}' is not defined`);
  const resource = resourceFromRequires({ ...data, name: String(data.name ?? resourceName) }, warn, model.name);
  if (!isResourceDef(resource)) throw invalidOp(opdef, `invalid dependency '${reference.spec}'`);
  return { resource, data, location: model.guildfile.dir };
}

/** The op's resources in `requires` order; throws CliError for a malformed or unknown resource. */
export function opResources(opdef: OpDef, warn: (message: string) => void = () => {}): OpResource[] {
  const resources: OpResource[] = [];
  for (const item of opdef.requires) {
    let parsed;
    try {
      parsed = resourceFromRequires(item, warn, opdef.model.name);
    } catch (error) {
      if (!(error instanceof ResourceFormatError)) throw error;
      throw invalidOp(opdef, error.message);
    }
    if (isResourceDef(parsed)) {
      const data = isMapping(item) && "sources" in item ? { ...item } : { sources: [item] };
      resources.push({ resource: parsed, data, location: opdef.model.guildfile.dir });
    } else {
      resources.push(referencedResource(parsed, opdef, warn));
    }
  }
  return resources;
}

/** The `deps` list of the `op` attr: resource data with its resolving name, location and flag config. */
export function opDepsData(resources: OpResource[], config: (resource: ResourceDef) => Record<string, unknown>): Record<string, unknown>[] {
  return resources.map(({ resource, data, location }) => {
    const item: Record<string, unknown> = { ...data, name: resourceResolvingName(resource), location };
    const values = config(resource);
    if (Object.keys(values).length) item.config = values;
    return item;
  });
}

/** run_impl._project_local_dependencies: the paths of the op's `file:` and `config:` sources, as written (left out of the source code copy). */
export function projectLocalDependencyPaths(opdef: OpDef): Set<string> {
  const paths = new Set<string>();
  let resources: OpResource[];
  try {
    resources = opResources(opdef);
  } catch {
    // An invalid `requires` is reported when dependencies resolve.
    return paths;
  }
  for (const { resource } of resources) {
    for (const source of resource.sources) {
      const scheme = sourceScheme(source);
      if (scheme === "file" || scheme === "config") paths.add(sourceUriPath(source));
    }
  }
  return paths;
}
