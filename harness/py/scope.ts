// Variable scopes: the persistent globals, and nested scopes for lambdas, functions and comprehensions.
import { PyError } from "./errors.js";
import type { PyValue } from "./values.js";

export class Scope {
  readonly vars = new Map<string, PyValue>();
  /** Names declared `global` inside a function body. */
  readonly globalNames = new Set<string>();

  constructor(
    readonly parent: Scope | undefined,
    /** True for function and lambda bodies: expression statements there do not echo. */
    readonly isFunction: boolean,
  ) {}

  get global(): Scope {
    let scope: Scope = this;
    while (scope.parent) scope = scope.parent;
    return scope;
  }

  get insideFunction(): boolean {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) if (scope.isFunction) return true;
    return false;
  }

  lookup(name: string, builtins: Map<string, PyValue>): PyValue {
    for (let scope: Scope | undefined = this; scope; scope = scope.parent) {
      if (scope.globalNames.has(name)) return this.global.lookup(name, builtins);
      const found = scope.vars.get(name);
      if (found !== undefined) return found;
    }
    const builtin = builtins.get(name);
    if (builtin !== undefined) return builtin;
    throw new PyError("NameError", `name '${name}' is not defined`);
  }

  assign(name: string, value: PyValue): void {
    (this.globalNames.has(name) ? this.global : this).vars.set(name, value);
  }

  remove(name: string): void {
    const target = this.globalNames.has(name) ? this.global : this;
    if (!target.vars.delete(name)) throw new PyError("NameError", `name '${name}' is not defined`);
  }
}
