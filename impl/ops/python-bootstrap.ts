// The Python program that starts a `main` op in the run dir as guild.op_main does (module lookup, argv, globals).

/** Source passed to `python -c`; argv after it: MODULE_SPEC ARGS... (FLAGS_DEST from the env). */
export const PYTHON_BOOTSTRAP = String.raw`
import os, sys
def _decode(s):
    low = s.lower()
    if low in ("yes", "true", "on"): return True
    if low in ("no", "false", "off"): return False
    if s in ("null", "~", "Null", "NULL", ""): return None
    for f in (int, float):
        try: return f(s)
        except ValueError: pass
    if len(s) >= 2 and s[0] == s[-1] and s[0] in "'\"": return s[1:-1]
    if s[:1] in "[{":
        import ast
        try: return ast.literal_eval(s)
        except Exception: pass
    return s
def _split(args):
    for i in range(len(args) - 1, -1, -1):
        if args[i] == "--": return args[i + 1:], args[:i]
    return args, []
def _args_to_flags(args):
    flags = {}
    flag_args, other = _split(args)
    name = None
    def switch():
        if name is not None and name not in flags: flags[name] = True
    def put(n, v):
        if n in flags:
            cur = flags[n]
            flags[n] = (cur if isinstance(cur, list) else [cur]) + [v]
        else: flags[n] = v
    for arg in flag_args:
        if arg[:2] == "--":
            switch(); name = arg[2:]
        elif arg[:1] == "-":
            num = _decode(arg)
            if isinstance(num, (int, float)) and not isinstance(num, bool): put(name, num)
            elif len(arg) == 2: switch(); name = arg[1]
            elif len(arg) > 2: switch(); name = arg[1]; put(name, arg[2:])
        elif name is not None: put(name, _decode(arg))
        else: other.append(arg)
    switch()
    return flags, other
def _find(module):
    parts = module.split(".")
    for base in sys.path:
        d = os.path.join(base, *parts[:-1])
        f = os.path.join(d, parts[-1] + ".py")
        if os.path.isfile(f): return f
        p = os.path.join(d, parts[-1])
        if os.path.isdir(p):
            m = os.path.join(p, "__main__.py")
            if os.path.isfile(m): return m
            sys.stderr.write("guild: No module named %s.__main__ ('%s' is a package and cannot be directly executed)\n" % (module, module))
            sys.exit(1)
    return None
def _quote(s):
    import shlex
    q = shlex.quote(s or "")
    if q.startswith("''\"'\"'") and q.endswith("'\"'\"''"):
        q = "\"'" + q[6:-6] + "'\""
    return q
def _pass(argv):
    # guild.pass: prints its arguments, quoted as Guild's util.shlex_quote does.
    if argv: print(*[_quote(x) for x in argv])
    sys.exit(0)
def _strip_assigns(tree, names):
    import ast
    removed = set()
    body = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            n = node.targets[0].id
            if n in names and n not in removed:
                removed.add(n)
                continue
        body.append(node)
    tree.body = body
    return tree
def _main():
    del sys.path[0]
    spec = sys.argv[1].replace(os.path.sep, "/")
    rest = sys.argv[2:]
    pkg_path, _, module = spec.rpartition("/")
    if pkg_path:
        for p in sys.path:
            if os.path.exists(os.path.join(p, pkg_path)):
                pkg_path = os.path.join(p, pkg_path); break
        sys.path.insert(1, pkg_path)
    path = _find(module)
    if path is None:
        if module != "guild.pass":
            sys.stderr.write("guild: No module named %s\n" % module)
            sys.exit(1)
    dest = os.getenv("FLAGS_DEST", "args")
    globs = {}
    if dest == "globals" or dest.startswith(("global:", "dict:", "namespace:")):
        flags, argv = _args_to_flags(rest)
        if dest == "globals": globs = flags
        else:
            target = globs
            for part in dest.split(":", 1)[1].split("."): target = target.setdefault(part, {})
            target.update(flags)
            if dest.startswith("namespace:"):
                import types
                def ns(v): return types.SimpleNamespace(**{k: ns(x) for k, x in v.items()}) if isinstance(v, dict) else v
                globs = {k: ns(v) for k, v in globs.items()}
    elif dest == "none" or not dest.startswith("args"):
        argv = _split(rest)[1] if "--" in rest else []
    else:
        flag_args, base = _split(rest)
        argv = base + flag_args
    if path is None:
        _pass(argv)
    sys.argv = [path] + argv
    src = open(path).read()
    parts = module.split(".")
    package = ".".join(parts[:-1])
    if package: __import__(package)
    if globs:
        import ast
        code = compile(_strip_assigns(ast.parse(src, path), set(globs)), path, "exec")
    else:
        code = compile(src, path, "exec")
    g = dict(globs)
    g.update({"__name__": package + ".__main__" if package else "__main__", "__file__": path, "__package__": package, "__builtins__": __builtins__})
    exec(code, g)
try:
    _main()
except (SystemExit, KeyboardInterrupt):
    raise
except BaseException:
    import traceback
    etype, value, tb = sys.exc_info()
    while tb is not None and tb.tb_frame.f_code.co_filename == "<string>": tb = tb.tb_next
    sys.stderr.write("Traceback (most recent call last):\n")
    sys.stderr.write("".join(traceback.format_tb(tb)))
    sys.stderr.write("".join(traceback.format_exception_only(etype, value)))
    sys.exit(1)
`;
