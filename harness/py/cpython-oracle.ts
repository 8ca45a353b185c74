// Test support: runs example sources through real CPython (one subprocess) to get the expected output.
import { runPython } from "../../lib/python/oracle.js";

const runner = String.raw`
import io, json, sys, traceback, contextlib
cases = json.load(sys.stdin)
results = []
for examples in cases:
    scope = {"__name__": "__main__"}
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        for source in examples:
            try:
                code = compile(source if source.endswith("\n") else source + "\n", "<stdin>", "single")
            except SyntaxError as error:
                print("SyntaxError at line offset %d" % ((error.lineno or 1) - 1))
                continue
            except BaseException as error:
                # Too deep to compile (RecursionError, MemoryError): a traceback, as the prompt prints it.
                last = traceback.format_exception_only(type(error), error)[-1]
                print('Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\n%s' % last, end="")
                continue
            try:
                exec(code, scope)
            except BaseException as error:
                tb = error.__traceback__
                while tb is not None and tb.tb_frame.f_code.co_filename != "<stdin>":
                    tb = tb.tb_next
                line = tb.tb_next.tb_lineno if tb is not None and tb.tb_next is not None and tb.tb_next.tb_frame.f_code.co_filename == "<stdin>" and tb.tb_next.tb_frame.f_code.co_name == "<module>" else (tb.tb_lineno if tb else 1)
                last = traceback.format_exception_only(type(error), error)[-1]
                print('Traceback (most recent call last):\n  File "<stdin>", line %d, in <module>\n%s' % (line, last), end="")
    results.append(out.getvalue())
json.dump(results, sys.stdout)
`;

/** For each case (examples run in order in one namespace), what CPython prints, doctest-style. */
export function runInCPython(cases: string[][]): string[] {
  return runPython(runner, cases) as string[];
}
