// Public surface of the transcript Python interpreter; other code imports only this file.
export {
  pyNone, pyBool, pyInt, pyFloat, pyStr, pyList, pyTuple, pyObject, pyModule, pyFunction, pyIterator, typeNameOf,
  type PyValue, type NativeImpl, type PyNone, type PyBool, type PyInt, type PyFloat, type PyStr, type PyList,
  type PyTuple, type PyDict, type PySet, type PyObject, type PyFunction, type PyType, type PyException,
} from "./values.js";
export { pyDict, pySet, dictGet, dictSet } from "./dict.js";
export { PyError, formatTraceback } from "./errors.js";
export { exceptionType } from "./builtin-types.js";
export { pformat } from "./pprint.js";
export { pyBytes } from "./values.js";
export { pyRepr, pyStrOf } from "./repr.js";
export { fromJson, toJs } from "./json.js";
export { isTruthy } from "./operators.js";
export { pyEquals } from "./compare.js";
export { tokenize, PySyntaxError, type Token } from "./tokenize.js";
export { parse } from "./parse.js";
export { createInterpreter, type ExecResult, type Interpreter, type InterpreterOptions } from "./interpreter.js";
export { defaultLimits, type Limits } from "./limits.js";
