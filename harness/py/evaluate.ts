// Executes parsed statements over our own values: the async tree-walking evaluator.
import type { CallArg, Expr, FStringPart, Param, Stmt, WithItem } from "./ast.js";
import { deleteAttribute, getAttribute, setAttribute } from "./attributes.js";
import { exceptionType, isExceptionClass, makeException } from "./builtin-types.js";
import { dictSet, pyDict, pySet } from "./dict.js";
import { PyError, exceptionIsSubclass } from "./errors.js";
import { formatValue } from "./format.js";
import { bindParameters, type BoundParam } from "./functions.js";
import { checkSize, recursionError, type Budget } from "./limits.js";
import { pyCompare, pyContains, pyEquals, pyIs } from "./compare.js";
import { iterate, iterateLazily } from "./iteration.js";
import { binaryOp, isTruthy, unaryOp } from "./operators.js";
import { pyRepr, pyStrOf } from "./repr.js";
import type { Runtime } from "./runtime.js";
import { Scope } from "./scope.js";
import { deleteItem, getItem, getSlice, isSlice, setItem, type SliceBounds } from "./subscript.js";
import {
  newId, pyBool, pyIterator, pyList, pyModule, pyNone, pyStr, pyTuple, typeNameOf,
  type PyException, type PyFunction, type PyValue,
} from "./values.js";

/** How a block finished: normally, or by break/continue/return. */
type Flow = undefined | "break" | "continue" | { returned: PyValue };

export interface EvaluatorOptions {
  builtins: Map<string, PyValue>;
  modules: Map<string, PyValue>;
  print: (text: string) => void;
  /** What the current example may still spend; its limits bound nesting and sizes. */
  budget: Budget;
  /** The built-in functions: calls to any other function without Python code are host calls. */
  isBuiltin: (callable: PyFunction) => boolean;
}

export class Evaluator implements Runtime {
  /** Exceptions being handled, innermost last, for a bare `raise`. */
  private readonly handling: PyError[] = [];
  /** Python-level call depth, bounded like CPython's recursion limit. */
  private depth = 0;
  readonly budget: Budget;

  constructor(private readonly options: EvaluatorOptions) {
    this.budget = options.budget;
  }

  call = (callable: PyValue, args: PyValue[], kwargs: Map<string, PyValue> = new Map()): Promise<PyValue> =>
    this.callValue(callable, args, kwargs);

  getAttribute = (value: PyValue, name: string): PyValue => getAttribute(value, name, this);

  /** Runs statements in a scope; an uncaught PyError carries the 1-based line where it surfaced. */
  async executeBlock(statements: Stmt[], scope: Scope): Promise<Flow> {
    for (const statement of statements) {
      let flow: Flow;
      try {
        flow = await this.executeStatement(statement, scope);
      } catch (error) {
        if (error instanceof PyError && error.line === undefined && !scope.insideFunction) error.line = statement.line + 1;
        throw error;
      }
      if (flow !== undefined) return flow;
    }
    return undefined;
  }

  private async executeStatement(statement: Stmt, scope: Scope): Promise<Flow> {
    this.budget.step();
    switch (statement.type) {
      case "expr": {
        const value = await this.evaluate(statement.value, scope);
        if (!scope.insideFunction && value.kind !== "none") {
          this.options.print(pyRepr(value, this.budget.limits) + "\n");
          this.options.builtins.set("_", value);
        }
        return undefined;
      }
      case "assign": {
        const value = await this.evaluate(statement.value, scope);
        for (const target of statement.targets) await this.assign(target, value, scope);
        return undefined;
      }
      case "augassign": return this.augmentedAssign(statement, scope);
      case "if":
        return this.executeBlock(isTruthy(await this.evaluate(statement.test, scope)) ? statement.body : statement.orelse, scope);
      case "for": {
        for (const item of iterateLazily(await this.evaluate(statement.iter, scope))) {
          this.budget.step();
          await this.assign(statement.target, item, scope);
          const flow = await this.executeBlock(statement.body, scope);
          if (flow === "break") return undefined;
          if (flow !== undefined && flow !== "continue") return flow;
        }
        return this.executeBlock(statement.orelse, scope);
      }
      case "while": {
        while (isTruthy(await this.evaluate(statement.test, scope))) {
          this.budget.step();
          const flow = await this.executeBlock(statement.body, scope);
          if (flow === "break") return undefined;
          if (flow !== undefined && flow !== "continue") return flow;
        }
        return this.executeBlock(statement.orelse, scope);
      }
      case "break": case "continue": return statement.type;
      case "pass": return undefined;
      case "return": return { returned: statement.value ? await this.evaluate(statement.value, scope) : pyNone };
      case "import":
        for (const { name, asName } of statement.names) {
          const module = this.importModule(name);
          if (asName) scope.assign(asName, module);
          else scope.assign(name.split(".")[0]!, this.packageOf(name.split(".")[0]!));
        }
        return undefined;
      case "importfrom": {
        const module = this.importModule(statement.module);
        for (const { name, asName } of statement.names) {
          let value: PyValue | undefined;
          try {
            value = this.getAttribute(module, name);
          } catch (error) {
            if (!(error instanceof PyError) || error.typeName !== "AttributeError") throw error;
            value = this.options.modules.get(`${statement.module}.${name}`);
          }
          if (value === undefined) throw new PyError("ImportError", `cannot import name '${name}' from '${statement.module}' (unknown location)`);
          scope.assign(asName ?? name, value);
        }
        return undefined;
      }
      case "def": {
        scope.assign(statement.name, await this.makeFunction(statement.name, statement.params, scope, (inner) => this.executeBlock(statement.body, inner)));
        return undefined;
      }
      case "try": return this.executeTry(statement, scope);
      case "raise": throw await this.raised(statement.exception, scope);
      case "assert":
        if (!isTruthy(await this.evaluate(statement.test, scope))) {
          throw new PyError("AssertionError", statement.message ? pyStrOf(await this.evaluate(statement.message, scope), this.budget.limits) : "");
        }
        return undefined;
      case "del":
        for (const target of statement.targets) await this.delete(target, scope);
        return undefined;
      case "global":
        statement.names.forEach((name) => scope.globalNames.add(name));
        return undefined;
      case "with": return this.executeWith(statement.items, statement.body, scope);
    }
  }

  /**
   * `with a as x, b as y: body` as nested managers: `__enter__` on the way in, `__exit__` on the
   * way out with the exception (type, value, None) or three Nones; a true result swallows it.
   */
  private async executeWith(items: WithItem[], body: Stmt[], scope: Scope): Promise<Flow> {
    const [item, ...rest] = items;
    if (item === undefined) return this.executeBlock(body, scope);
    const manager = await this.evaluate(item.context, scope);
    const lookup = (name: string) => {
      try {
        return this.getAttribute(manager, name);
      } catch (error) {
        if (error instanceof PyError && error.typeName === "AttributeError") {
          throw new PyError("TypeError", `'${typeNameOf(manager)}' object does not support the context manager protocol`);
        }
        throw error;
      }
    };
    const enter = lookup("__enter__");
    const exit = lookup("__exit__");
    const entered = await this.callValue(enter, [], new Map());
    let flow: Flow;
    try {
      if (item.target) await this.assign(item.target, entered, scope);
      flow = await this.executeWith(rest, body, scope);
    } catch (error) {
      if (!(error instanceof PyError)) throw error;
      const value = this.exceptionValue(error);
      if (isTruthy(await this.callValue(exit, [value.type, value, pyNone], new Map()))) return undefined;
      throw error;
    }
    await this.callValue(exit, [pyNone, pyNone, pyNone], new Map());
    return flow;
  }

  private importModule(name: string): PyValue {
    const module = this.options.modules.get(name);
    if (module !== undefined) return module;
    // As Python: the first package of a dotted name that is not there is the one named.
    const parts = name.split(".");
    const missing = parts.map((_, index) => parts.slice(0, index + 1).join(".")).find((prefix) => !this.options.modules.has(prefix)) ?? name;
    throw new PyError("ModuleNotFoundError", `No module named '${missing}'`);
  }

  /**
   * What `import a.b` binds to `a`: module `a`, or, where only modules below `a` may be imported
   * (`import a` alone raises), a package holding them.
   */
  private packageOf(name: string): PyValue {
    const module = this.options.modules.get(name);
    if (module !== undefined) return module;
    const children = new Map<string, PyValue>();
    for (const moduleName of this.options.modules.keys()) {
      if (!moduleName.startsWith(name + ".")) continue;
      const child = moduleName.slice(name.length + 1).split(".")[0]!;
      if (!children.has(child)) children.set(child, this.packageOf(`${name}.${child}`));
    }
    return pyModule(name, Object.fromEntries(children));
  }

  private async executeTry(statement: Extract<Stmt, { type: "try" }>, scope: Scope): Promise<Flow> {
    let flow: Flow;
    let failure: { error: unknown } | undefined;
    try {
      flow = await this.executeTryBody(statement, scope);
    } catch (error) {
      failure = { error };
    }
    if (statement.finalbody.length > 0) {
      const finalFlow = await this.executeBlock(statement.finalbody, scope);
      if (finalFlow !== undefined) return finalFlow;
    }
    if (failure) throw failure.error;
    return flow;
  }

  private async executeTryBody(statement: Extract<Stmt, { type: "try" }>, scope: Scope): Promise<Flow> {
    let flow: Flow;
    try {
      flow = await this.executeBlock(statement.body, scope);
    } catch (error) {
      if (!(error instanceof PyError)) throw error;
      for (const handler of statement.handlers) {
        if (handler.exceptionType && !this.matches(error, await this.evaluate(handler.exceptionType, scope))) continue;
        if (handler.name) scope.assign(handler.name, this.exceptionValue(error));
        this.handling.push(error);
        try {
          return await this.executeBlock(handler.body, scope);
        } finally {
          this.handling.pop();
        }
      }
      throw error;
    }
    if (flow !== undefined) return flow;
    return this.executeBlock(statement.orelse, scope);
  }

  private matches(error: PyError, handlerType: PyValue): boolean {
    const candidates = handlerType.kind === "tuple" ? handlerType.items : [handlerType];
    return candidates.some((candidate) => {
      if (candidate.kind !== "type") throw new PyError("TypeError", "catching classes that do not inherit from BaseException is not allowed");
      return exceptionIsSubclass(error.typeName, candidate.name);
    });
  }

  private exceptionValue(error: PyError): PyException {
    const args = error.args.length > 0 ? error.args : error.pyMessage === "" ? [] : [pyStr(error.pyMessage)];
    return { kind: "exception", type: exceptionType(error.typeName), message: error.pyMessage, args, attrs: error.attrs };
  }

  private async raised(expression: Expr | undefined, scope: Scope): Promise<PyError> {
    if (!expression) {
      const current = this.handling[this.handling.length - 1];
      if (!current) return new PyError("RuntimeError", "No active exception to reraise");
      return current;
    }
    let value = await this.evaluate(expression, scope);
    if (value.kind === "type" && isExceptionClass(value, "BaseException")) value = makeException(value, []);
    if (value.kind !== "exception") return new PyError("TypeError", "exceptions must derive from BaseException");
    const error = new PyError(value.type.name, value.message);
    error.args = value.args;
    if (value.attrs) error.attrs = new Map(value.attrs);
    return error;
  }

  private async augmentedAssign(statement: Extract<Stmt, { type: "augassign" }>, scope: Scope): Promise<Flow> {
    const { target, op } = statement;
    let read: () => PyValue;
    let write: (value: PyValue) => void;
    if (target.type === "name") {
      read = () => scope.lookup(target.name, this.options.builtins);
      write = (value) => scope.assign(target.name, value);
    } else if (target.type === "attribute") {
      const object = await this.evaluate(target.object, scope);
      read = () => this.getAttribute(object, target.name);
      write = (value) => setAttribute(object, target.name, value, this);
    } else if (target.type === "subscript") {
      const object = await this.evaluate(target.object, scope);
      const index = await this.evaluateIndex(target.index, scope);
      read = () => (isSlice(index) ? getSlice(object, index, this.budget) : this.subscriptSync(object, index));
      write = (value) => setItem(object, index, value, this.budget);
    } else {
      throw new PyError("SyntaxError", "illegal expression for augmented assignment");
    }
    const current = read();
    const operand = await this.evaluate(statement.value, scope);
    if (current.kind === "list" && op === "+") {
      const added = iterate(operand, this.budget);
      this.budget.build(current.items.length + added.length);
      for (const item of added) current.items.push(item);
      write(current);
    } else if (current.kind === "dict" && op === "|" && operand.kind === "dict") {
      for (const entry of [...operand.entries.values()]) dictSet(current, entry.key, entry.value);
      write(current);
    } else {
      write(binaryOp(op, current, operand, this.budget));
    }
    return undefined;
  }

  private subscriptSync(object: PyValue, index: PyValue): PyValue {
    const found = getItem(object, index);
    if (found === undefined) throw new PyError("TypeError", `'${typeNameOf(object)}' object is not subscriptable`);
    return found;
  }

  async assign(target: Expr, value: PyValue, scope: Scope): Promise<void> {
    switch (target.type) {
      case "name": return scope.assign(target.name, value);
      case "attribute": return setAttribute(await this.evaluate(target.object, scope), target.name, value, this);
      case "subscript": {
        const object = await this.evaluate(target.object, scope);
        return setItem(object, await this.evaluateIndex(target.index, scope), value, this.budget);
      }
      case "tuple": case "list": return this.unpack(target.items, value, scope);
      default: throw new PyError("SyntaxError", "cannot assign to expression");
    }
  }

  private async unpack(targets: Expr[], value: PyValue, scope: Scope): Promise<void> {
    const iterable = ["list", "tuple", "str", "dict", "set", "range", "iterator", "dictview"].includes(value.kind);
    if (!iterable) throw new PyError("TypeError", `cannot unpack non-iterable ${typeNameOf(value)} object`);
    const items = iterate(value, this.budget);
    const starIndex = targets.findIndex((target) => target.type === "starred");
    if (starIndex < 0) {
      if (items.length > targets.length) throw new PyError("ValueError", `too many values to unpack (expected ${targets.length})`);
      if (items.length < targets.length) throw new PyError("ValueError", `not enough values to unpack (expected ${targets.length}, got ${items.length})`);
      for (let index = 0; index < targets.length; index++) await this.assign(targets[index]!, items[index]!, scope);
      return;
    }
    const after = targets.length - starIndex - 1;
    if (items.length < targets.length - 1) {
      throw new PyError("ValueError", `not enough values to unpack (expected at least ${targets.length - 1}, got ${items.length})`);
    }
    for (let index = 0; index < starIndex; index++) await this.assign(targets[index]!, items[index]!, scope);
    const starred = targets[starIndex] as Extract<Expr, { type: "starred" }>;
    await this.assign(starred.value, pyList(items.slice(starIndex, items.length - after)), scope);
    for (let index = 0; index < after; index++) await this.assign(targets[starIndex + 1 + index]!, items[items.length - after + index]!, scope);
  }

  private async delete(target: Expr, scope: Scope): Promise<void> {
    switch (target.type) {
      case "name": return scope.remove(target.name);
      case "attribute": return deleteAttribute(await this.evaluate(target.object, scope), target.name);
      case "subscript": {
        const object = await this.evaluate(target.object, scope);
        return deleteItem(object, await this.evaluateIndex(target.index, scope));
      }
      case "tuple": case "list":
        for (const item of target.items) await this.delete(item, scope);
        return;
      default: throw new PyError("SyntaxError", "cannot delete expression");
    }
  }

  private async evaluateIndex(index: Expr, scope: Scope): Promise<PyValue | SliceBounds> {
    if (index.type !== "slice") return this.evaluate(index, scope);
    return {
      lower: index.lower && await this.evaluate(index.lower, scope),
      upper: index.upper && await this.evaluate(index.upper, scope),
      step: index.step && await this.evaluate(index.step, scope),
    };
  }

  /**
   * The value of an expression. Each `await` here suspends, so the JS stack only grows along a
   * chain of first operands: as deep as the tree, which the parser keeps within maxDepth.
   */
  async evaluate(expr: Expr, scope: Scope): Promise<PyValue> {
    switch (expr.type) {
      case "name": return scope.lookup(expr.name, this.options.builtins);
      case "constant": return expr.value;
      case "fstring": return pyStr(await this.renderFString(expr.parts, scope));
      case "list": return pyList(await this.evaluateItems(expr.items, scope));
      case "tuple": return pyTuple(await this.evaluateItems(expr.items, scope));
      case "set": return pySet(await this.evaluateItems(expr.items, scope));
      case "dict": {
        const dict = pyDict([]);
        for (const entry of expr.entries) {
          if (entry.key) {
            const key = await this.evaluate(entry.key, scope);
            dictSet(dict, key, await this.evaluate(entry.value, scope));
          } else {
            const source = await this.evaluate(entry.value, scope);
            if (source.kind !== "dict") throw new PyError("TypeError", `'${typeNameOf(source)}' object is not a mapping`);
            for (const item of [...source.entries.values()]) dictSet(dict, item.key, item.value);
          }
        }
        return dict;
      }
      case "comprehension": return this.evaluateComprehension(expr, scope);
      case "attribute": return this.getAttribute(await this.evaluate(expr.object, scope), expr.name);
      case "subscript": {
        const object = await this.evaluate(expr.object, scope);
        const index = await this.evaluateIndex(expr.index, scope);
        if (isSlice(index)) return getSlice(object, index, this.budget);
        const found = getItem(object, index);
        if (found !== undefined) return found;
        const getter = object.kind === "object" ? object.attrs.get("__getitem__") : undefined;
        if (getter) return this.callValue(getter, [index], new Map());
        if (object.kind === "type") return object;
        throw new PyError("TypeError", `'${typeNameOf(object)}' object is not subscriptable`);
      }
      case "slice": throw new PyError("SyntaxError", "invalid syntax");
      case "call": {
        const callable = await this.evaluate(expr.func, scope);
        const [args, kwargs] = await this.evaluateArgs(expr.args, scope);
        return this.callValue(callable, args, kwargs);
      }
      case "unary": {
        const operand = await this.evaluate(expr.operand, scope);
        return expr.op === "not" ? pyBool(!isTruthy(operand)) : unaryOp(expr.op, operand);
      }
      case "binary": {
        const left = await this.evaluate(expr.left, scope);
        return binaryOp(expr.op, left, await this.evaluate(expr.right, scope), this.budget);
      }
      case "boolop": {
        let value: PyValue = pyNone;
        for (const operand of expr.values) {
          value = await this.evaluate(operand, scope);
          if (isTruthy(value) === (expr.op === "or")) return value;
        }
        return value;
      }
      case "compare": {
        let left = await this.evaluate(expr.left, scope);
        for (let index = 0; index < expr.ops.length; index++) {
          const right = await this.evaluate(expr.comparators[index]!, scope);
          if (!compare(expr.ops[index]!, left, right, this.budget.limits.maxDepth)) return pyBool(false);
          left = right;
        }
        return pyBool(true);
      }
      case "ifexp":
        return this.evaluate(isTruthy(await this.evaluate(expr.test, scope)) ? expr.body : expr.orelse, scope);
      case "lambda":
        return this.makeFunction("<lambda>", expr.params, scope, async (inner) => ({ returned: await this.evaluate(expr.body, inner) }));
      case "starred": throw new PyError("SyntaxError", "can't use starred expression here");
    }
  }

  private async evaluateItems(items: Expr[], scope: Scope): Promise<PyValue[]> {
    const values: PyValue[] = [];
    for (const item of items) {
      if (item.type === "starred") {
        for (const value of iterate(await this.evaluate(item.value, scope), this.budget)) values.push(value);
      } else {
        values.push(await this.evaluate(item, scope));
      }
    }
    return values;
  }

  private async evaluateArgs(callArgs: CallArg[], scope: Scope): Promise<[PyValue[], Map<string, PyValue>]> {
    const args: PyValue[] = [];
    const kwargs = new Map<string, PyValue>();
    const addKeyword = (name: string, value: PyValue) => {
      if (kwargs.has(name)) throw new PyError("TypeError", `got multiple values for keyword argument '${name}'`);
      kwargs.set(name, value);
    };
    for (const arg of callArgs) {
      const value = await this.evaluate(arg.value, scope);
      if (arg.kind === "positional") args.push(value);
      else if (arg.kind === "star") {
        if (!["list", "tuple", "str", "dict", "set", "range", "iterator", "dictview"].includes(value.kind)) {
          throw new PyError("TypeError", `Value after * must be an iterable, not ${typeNameOf(value)}`);
        }
        for (const item of iterate(value, this.budget)) args.push(item);
      } else if (arg.kind === "keyword") addKeyword(arg.name!, value);
      else {
        if (value.kind !== "dict") throw new PyError("TypeError", `argument after ** must be a mapping, not ${typeNameOf(value)}`);
        for (const entry of value.entries.values()) {
          if (entry.key.kind !== "str") throw new PyError("TypeError", "keywords must be strings");
          addKeyword(entry.key.value, entry.value);
        }
      }
    }
    return [args, kwargs];
  }

  async callValue(callable: PyValue, args: PyValue[], kwargs: Map<string, PyValue>): Promise<PyValue> {
    this.budget.step();
    if (callable.kind === "function") {
      if (callable.flavor === "builtin" && !this.options.isBuiltin(callable)) {
        // A host function (run, cat, ...): its time is its own, bounded by its own timeouts.
        return (await this.budget.outside(() => callable.impl(args, kwargs))) ?? pyNone;
      }
      return (await callable.impl(args, kwargs)) ?? pyNone;
    }
    if (callable.kind === "type") {
      if (!callable.construct) throw new PyError("TypeError", `cannot create '${callable.name}' instances`);
      return (await callable.construct(args, kwargs, this)) ?? pyNone;
    }
    const custom = callable.kind === "object" ? callable.attrs.get("__call__") : undefined;
    if (custom) return this.callValue(custom, args, kwargs);
    throw new PyError("TypeError", `'${typeNameOf(callable)}' object is not callable`);
  }

  private async makeFunction(name: string, params: Param[], scope: Scope, run: (inner: Scope) => Promise<Flow>): Promise<PyFunction> {
    const bound: BoundParam[] = [];
    for (const param of params) bound.push({ param, default: param.default && await this.evaluate(param.default, scope) });
    return {
      kind: "function", name, flavor: "lambda", id: newId(),
      impl: async (args, kwargs) => {
        const inner = new Scope(scope, true);
        for (const [paramName, value] of bindParameters(name, bound, args, kwargs)) inner.vars.set(paramName, value);
        // CPython's recursion limit: calls nested deeper than maxDepth raise RecursionError.
        if (this.depth >= this.budget.limits.maxDepth) throw recursionError();
        this.depth++;
        try {
          const flow = await run(inner);
          return flow !== undefined && typeof flow === "object" ? flow.returned : pyNone;
        } finally {
          this.depth--;
        }
      },
    };
  }

  private async evaluateComprehension(expr: Extract<Expr, { type: "comprehension" }>, scope: Scope): Promise<PyValue> {
    const inner = new Scope(scope, false);
    const results: PyValue[] = [];
    const dict = pyDict([]);
    // Each clause loops inside the one before.
    const visit = async (clauseIndex: number, clauseScope: Scope): Promise<void> => {
      const clause = expr.clauses[clauseIndex];
      if (!clause) {
        if (expr.kind === "dict") {
          const key = await this.evaluate(expr.element, clauseScope);
          dictSet(dict, key, await this.evaluate(expr.value!, clauseScope));
        } else {
          results.push(await this.evaluate(expr.element, clauseScope));
        }
        return;
      }
      // The first iterable is evaluated in the enclosing scope, as in Python.
      const iterable = await this.evaluate(clause.iter, clause === expr.clauses[0] ? scope : clauseScope);
      for (const item of iterateLazily(iterable)) {
        this.budget.step();
        await this.assign(clause.target, item, inner);
        let keep = true;
        for (const condition of clause.conditions) {
          if (!isTruthy(await this.evaluate(condition, inner))) {
            keep = false;
            break;
          }
        }
        if (keep) await visit(clauseIndex + 1, inner);
      }
    };
    await visit(0, inner);
    switch (expr.kind) {
      case "list": return pyList(results);
      case "set": return pySet(results);
      case "dict": return dict;
      case "generator": return pyIterator("generator", results);
    }
  }

  private async renderFString(parts: FStringPart[], scope: Scope): Promise<string> {
    const { limits } = this.budget;
    let out = "";
    for (const part of parts) {
      let piece: string;
      if (typeof part === "string") {
        piece = part;
      } else {
        let value = await this.evaluate(part.expr, scope);
        if (part.conversion === "r" || part.conversion === "a") value = pyStr(pyRepr(value, limits));
        else if (part.conversion === "s") value = pyStr(pyStrOf(value, limits));
        piece = formatValue(value, part.spec ? await this.renderFString(part.spec, scope) : "", this.budget);
      }
      checkSize(out.length + piece.length, limits);
      out += piece;
    }
    return out;
  }
}

function compare(op: Extract<Expr, { type: "compare" }>["ops"][number], left: PyValue, right: PyValue, maxDepth: number): boolean {
  switch (op) {
    case "==": return pyEquals(left, right, maxDepth);
    case "!=": return !pyEquals(left, right, maxDepth);
    case "<": case "<=": case ">": case ">=": return pyCompare(op, left, right, maxDepth);
    case "in": return pyContains(right, left, maxDepth);
    case "not in": return !pyContains(right, left, maxDepth);
    case "is": return pyIs(left, right);
    case "is not": return !pyIs(left, right);
  }
}
