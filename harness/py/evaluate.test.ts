// Evaluator behaviour, each case cross-checked against CPython run the way doctest runs examples.
import { describe, expect, test } from "vitest";
import { runInCPython } from "./cpython-oracle.js";
import { createInterpreter } from "./interpreter.js";

/** Each case is a list of examples run in order in one namespace, as in one transcript. */
const cases: string[][] = [
  // assignment, unpacking, augmented assignment
  ["x = 1", "x", "x += 2", "x"],
  ["a, b = 1, 2", "a, b", "a, b = b, a", "(a, b)"],
  ["[a, (b, c)] = [1, (2, 3)]", "a + b + c"],
  ["first, *rest = [1, 2, 3]", "first, rest", "*init, last = 'abc'", "init, last"],
  ["x = y = []", "x.append(1)", "y"],
  ["l = [1]", "m = l", "l += (2, 3)", "m"],
  ["s = 'a'", "s *= 3", "s", "n = 7", "n //= 2", "n", "n **= 3", "n", "n %= 5", "n", "n -= 10", "n"],
  ["d = {'a': 1}", "d['a'] += 5", "d", "d['b'] = [1]", "d['b'] += [2]", "d"],
  ["x, y = 1, 2, 3"], ["x, y, z = 1, 2"], ["x, y = 1"], ["a, *b, c = [1]"],
  // control flow
  ["for x in [1, 2]:\n    print(x)\n"],
  ["for k in {'b': 1, 'a': 2}:\n    print(k)\n"],
  ["for ch in 'hi':\n    ch\n"],
  ["for i in range(5):\n    if i == 1:\n        continue\n    if i == 3:\n        break\n    print(i)\nelse:\n    print('no')\n"],
  ["x = 5", "if x > 3:\n    print('big')\nelif x > 1:\n    print('mid')\nelse:\n    print('small')\n"],
  ["if 0: print('a')\nelse: print('b')\n"],
  ["n = 0", "while n < 3:\n    n += 1\n", "n"],
  ["for i, (a, b) in enumerate([(1, 2), (3, 4)]):\n    print(i, a, b)\n"],
  ["for i in range(10, 0, -3): print(i)"],
  ["pass"],
  // with statements: the manager's __exit__ runs on the way out; a real file as the manager
  ["try:\n    with 1 as x:\n        pass\nexcept TypeError as e:\n    print('TypeError')\n"],
  // bytes
  ["b'abc'", "b'a\\'b' + b'\\x00\\xff\\n'", "b\"it's\"", "len(b'abc'), list(b'ab'), b'' or 0, b'x' == b'x', b'x' == 'x'"],
  ["'h\\xe9llo'.encode()", "'abc'.encode('ascii')", "b'abc'.decode()", "b'abc'.hex()", "{b'a': 1}[b'a']", "b'a' < b'b', b'ab' < b'a'"],
  ["'a' + b'b'"], ["b'a' + 'b'"], ["b'\u00e9'"],
  // keyword-only parameters
  ["def f(a, *args, b=2, **kw):\n    return a, args, b, kw\n", "f(1, 2, 3, b=4, c=5)", "f(1)"],
  ["def g(a, *, b, c=3):\n    return a, b, c\n", "g(1, b=2)", "g(1, 2)", "g(1)"],
  ["total = 0", "for i in range(4):\n    total += i\n", "total"],
  // echo and None
  ["None", "print('x')", "[None]", "_x = 3", "_x"],
  ["1 + 1", "_"],
  // literals
  ["'a' 'b'", "'''tri\nple'''", "r'\\n'", "'\\x41\\u00e9\\101'", "0x1F, 0o17, 0b101, 1_000", "1e3, .5, 5., 1E-2"],
  ["f'{1 + 1}'", "x = 3.14159", "f'{x:.2f}|{x!r}|{\"s\"!r}|{x:8.3f}|{42:05d}|{42:x}|{{literal}}'", "f'{\"a\":>5}{\"b\":<3}|{\"c\":^5}|'"],
  ["f'{1234567:,}'", "f'{0.25:%}'", "f'{1e-7:g}'", "f'{123456789.0:e}'", "f'{2.5:.0f}'", "f'{-3:+d}'", "f'{3.0}'", "f'{1.5:10}'"],
  // operators
  ["7 / 2, 7 // 2, -7 // 2, 7 % -3, -7 % 3, 2 ** 10, 2 ** -1, -2 ** 2"],
  ["7.5 // 2, -7.5 % 2, 1 + True, True + True, 3 * 1.5"],
  ["'ab' + 'cd', [1] + [2], (1,) + (2,), 'ab' * 3, 2 * [0], (1,) * 2, 'x' * -1"],
  ["1 < 2 < 3, 1 < 3 < 2, 'a' < 'b', [1, 2] < [1, 3], (1, 2) == (1, 2), [1] == (1,), 1 == 1.0, None is None, 1 is not None"],
  ["'a' in 'cat', 'z' not in 'cat', 1 in [1, 2], 'k' in {'k': 1}, 3 in range(5), 2 in (1, 2)"],
  ["0 or 'x', 'a' and 'b', '' and 1, None or [] or 0, not [], not 1"],
  ["'yes' if 1 else 'no', 'yes' if [] else 'no'"],
  ["~5, -(-3), +4, 5 & 3, 5 | 3, 5 ^ 3, 1 << 4, 256 >> 2"],
  ["{'a': 1} | {'b': 2}", "{1, 2} | {3}", "{1, 2} & {2, 3}", "{1, 2} - {2}"],
  ["1 / 0"], ["1 // 0"], ["1 % 0"], ["1.0 / 0"], ["'a' + 1"], ["1 + 'a'"], ["None + 1"], ["'a' - 1"], ["[] + ()"],
  ["-'a'"], ["'a' * 'b'"], ["1 < 'a'"], ["[1] < 'a'"], ["1 in 5"], ["{} + {}"],
  // names, attributes, subscripts, calls
  ["undefined_name"], ["'abc'.foo"], ["None.foo"], ["(1).real_thing"], ["None()"], ["1[0]"], ["[][0]"], ["(1,)[5]"], ["'abc'[10]"],
  ["{}['k']"], ["{}[('a', 1)]"], ["[1]['a']"], ["'abc'['a']"], ["{[1]: 2}"], ["x = [1]", "x[5] = 1"], ["'abc'[1] = 'x'"], ["d = {}", "d.x = 1"],
  ["l = [0, 1, 2, 3, 4, 5]", "l[1:3], l[::-1], l[-2:], l[:-2], l[::2], l[5:1:-2], l[-100:100], l[3:1]"],
  ["'hello'[1:4], 'hello'[::-1], 'hello'[-1], (1, 2, 3)[1:], range(10)[2:5]"],
  ["l = [1, 2, 3, 4]", "l[1:3] = ['a']", "l", "del l[0]", "l", "l[-1] = 'z'", "l", "del l[:]", "l"],
  ["d = {'a': 1, 'b': 2}", "del d['a']", "d", "del d['zz']"],
  ["(lambda: 1)()", "f = lambda x, y=10, *rest, **kw: (x, y, rest, kw)", "f(1)", "f(1, 2, 3, z=4)", "f()", "f(1, x=2)"],
  ["g = lambda a: a", "g(1, 2)"], ["g = lambda a: a", "g(b=1)"],
  ["def add(a, b=1):\n    total = a + b\n    return total\n", "add(2)", "add(2, b=5)", "add(*[1, 2])", "add(**{'a': 3})", "total"],
  ["def f():\n    'doc'\n    1\n", "f()"],
  ["def fail():\n    return 1 / 0\n", "fail()"],
  ["print(1, 'a', None, [1, 'b'], sep='|', end='!\\n')", "print()", "print('x', end='')", "print(foo=1)"],
  ["print(*['a', 'b'])", "print('%s-%s' % ('a', 'b'), '%5.2f|%-4d|%03d|%x|%r' % (3.14159, 7, 5, 255, 'q'))", "'%(a)s' % {'a': 1}", "'%d%%' % 50"],
  // imports
  // comprehensions
  ["[x * 2 for x in range(4) if x % 2 == 0]", "{x: x * x for x in range(3)}", "{x % 2 for x in range(5)}", "sum(x for x in range(5))",
    "[(a, b) for a in 'ab' for b in range(2)]", "[y for y in [1, 2]]", "y"],
  // try / raise / assert
  ["try:\n    {}['missing']\nexcept KeyError as e:\n    print('caught', repr(e), e)\n"],
  ["try:\n    1/0\nexcept (TypeError, ArithmeticError):\n    print('arith')\nelse:\n    print('else')\nfinally:\n    print('finally')\n"],
  ["try:\n    pass\nexcept Exception:\n    print('no')\nelse:\n    print('else')\n"],
  ["raise ValueError('bad value')"], ["raise KeyError('k')"], ["raise RuntimeError"], ["assert 1 == 2, 'nope'"], ["assert False"],
  ["try:\n    raise ValueError('x')\nexcept ValueError:\n    raise\n"],
  ["for i in [1, 2]:\n    print(i)\n    1 / 0\n"],
  // syntax errors
  ["x = 1 +"], ["for x in y\n    pass\n"], ["if True:\nprint(1)\n"], ["(1, 2"], ["x = [1,\n2,\n"], ["1 = x"], ["f() = 1"], ["a b"],
  ["'unterminated"], ["def f(a=1, b): pass"], ["for x in [1]:\n    x +\n"], ["if True:\n    x = 1\n  y = 2\n"],
];

const builtinCases: string[][] = [
  ["len('abc'), len([1]), len({}), len(range(3)), len((1, 2))", "len(1)", "len()"],
  ["str(1), str(1.5), str('s'), str([1, 's']), str(None), str(True), str()"],
  ["int('42'), int(' -7 '), int(3.9), int(-3.9), int(True), int('ff', 16), int('1_000')", "int('x')", "int('1.5')", "int(None)"],
  ["float('1.5'), float('  2 '), float(3), float('inf'), float('-nan'), float('1e3')", "float('x')"],
  ["bool(0), bool(''), bool([0]), bool(None), bool('False')"],
  ["repr('a'), repr(1), repr([None])"],
  ["sorted([3, 1, 2]), sorted('bca'), sorted([3, 1, 2], reverse=True), sorted(['bb', 'a', 'ccc'], key=len), sorted({'b': 1, 'a': 2})", "sorted([1, 'a'])"],
  ["sorted([(1, 'b'), (1, 'a'), (0, 'z')]), sorted([1, 2, 3], key=lambda v: -v)"],
  ["sorted(['\\U0001f600', '\\ue000', 'z']), '\\U0001f600' > '\\uffff', max('a\\U00010000', 'a\\uffff') == 'a\\U00010000'"],
  ["list('ab'), list((1, 2)), list({'a': 1}), list(range(3)), tuple([1]), tuple('ab'), dict(a=1), dict([('k', 'v')]), set([1, 1])", "list(1)", "dict(1)"],
  ["range(3), list(range(2, 8, 3)), list(range(5, 0, -2))", "range(1, 2, 0)", "range('a')"],
  ["min(3, 1, 2), max([1, 5, 2]), min('bca'), max([], default=0), max(['a', 'bbb'], key=len)", "min([])", "max(1)"],
  ["sum([1, 2, 3]), sum([0.5, 0.25]), sum([[1], [2]], []), abs(-3), abs(-2.5), abs(True)", "sum(['a'])", "abs('a')"],
  ["isinstance(1, int), isinstance(True, int), isinstance('s', (int, str)), isinstance(1.0, int), isinstance([], list), isinstance({}, dict), isinstance(KeyError(), LookupError)"],
  ["list(enumerate('ab')), list(enumerate('ab', 1)), list(zip([1, 2], 'abc')), list(map(str, [1, 2])), list(filter(None, [0, 1, '', 'a'])), list(reversed([1, 2]))"],
  ["type(1), type('s'), type(None), type([]), type(1) == int, type(True) is bool, type(1.5).__name__"],
  ["round(2.5), round(3.5), round(2.675, 2), round(7), any([0, 1]), all([]), chr(65), ord('a'), hex(255), divmod(7, 2), format(3.14159, '.3f')"],
  ["hasattr('s', 'upper'), hasattr('s', 'nope'), getattr('s', 'nope', 'default'), callable(len), callable(1)"],
  ["it = iter([1, 2])", "next(it), next(it), next(it, 'done')", "next(it)"],
];

const methodCases: string[][] = [
  ["'abc'.startswith('a'), 'abc'.startswith(('x', 'ab')), 'abc'.endswith('bc'), 'abc'.startswith('b', 1)", "'a'.startswith()", "'a'.startswith(1)"],
  ["'  x  '.strip(), '  x  '.lstrip(), '  x  '.rstrip(), 'xxhixx'.strip('x'), '\\n\\tx\\n'.strip(), 'abc'.strip('ca')"],
  ["'a,b,,c'.split(','), ' a  b c '.split(), 'a b c'.split(None, 1), 'a,b,c'.split(',', 1), 'a,b,c'.rsplit(',', 1), '  a b  '.rsplit(None, 1), ''.split(), ''.split(',')", "'a'.split('')"],
  ["'a\\nb\\r\\nc\\n'.splitlines(), 'a\\nb\\n'.splitlines(True), ''.splitlines(), 'x'.splitlines()"],
  ["'aaa'.replace('a', 'b'), 'aaa'.replace('a', 'b', 2), 'ab'.replace('', '-'), '-'.join(['a', 'b']), ''.join([])", "','.join([1])"],
  ["'Hello World'.upper(), 'Hello'.lower(), 'hello world'.title(), 'hELLO'.capitalize(), 'hello'.find('l'), 'hello'.rfind('l'), 'hello'.find('z'), 'hello'.count('l'), 'hello'.index('e')", "'abc'.index('z')"],
  ["'{} and {}'.format('a', 'b'), '{1}{0}'.format('a', 'b'), '{name}!'.format(name='x'), '{:>5}|{:.1f}'.format('r', 2.25), '{0[1]}'.format([1, 2]), '{!r}'.format('q')", "'{} {}'.format(1)", "'{x}'.format()"],
  ["'123'.isdigit(), 'abc'.isalpha(), 'a1'.isalnum(), ' '.isspace(), 'ABC'.isupper(), 'abc'.islower(), ''.isdigit()"],
  ["'7'.zfill(3), '-7'.zfill(4), 'a'.ljust(3, '.'), 'a'.rjust(3), 'ab'.center(6, '*'), 'a=b=c'.partition('='), 'a=b=c'.rpartition('='), 'prefix_x'.removeprefix('prefix_')"],
  ["l = [3, 1]", "l.append(2)", "l.extend('ab')", "l", "del l[-2:]", "l.index(1), l.count(3)", "l.pop(), l.pop(0), l", "l.insert(0, 9)", "l.sort()", "l", "l.reverse()", "l", "l.remove(9)", "l"],
  ["[].pop()"], ["[1, 2].index(5)"], ["[1].remove(5)"], ["[].append()"], ["l = ['b', 'A', 'c']", "l.sort(key=str.lower)"],
  ["l = ['bb', 'a']", "l.sort(key=len, reverse=True)", "l", "l.copy(), l.clear(), l"],
  ["d = {'a': 1}", "d.keys(), d.values(), d.items()", "d.get('a'), d.get('z'), d.get('z', 0)", "d.update({'b': 2}, c=3)", "d",
    "d.pop('a'), d.pop('zz', None), d", "d.setdefault('x', []).append(1)", "d", "list(d.items())", "d.popitem()", "d.copy()"],
  ["{}.pop('k')"], ["{}.keys()[0]"],
  ["s = {1}", "s.add(2)", "s.discard(5)", "s", "s.remove(7)"],
  ["(1, 2, 1).count(1), (1, 2).index(2), 1.5.is_integer()"],
];

function runOurs(examples: string[]): Promise<string> {
  let actual = "";
  const interpreter = createInterpreter({ globals: {}, print: (text) => (actual += text) });
  return (async () => {
    for (const source of examples) {
      const result = await interpreter.execute(source);
      if (result.kind === "syntax-error") actual += `SyntaxError at line offset ${result.lineOffset}\n`;
    }
    return actual;
  })();
}

for (const [title, table] of [["language", cases], ["builtins", builtinCases], ["methods", methodCases]] as const) {
  describe(`${title} behaves like CPython`, () => {
    const expected = runInCPython(table);
    test.each(table.map((examples, index) => [examples.join(" ⏎ "), examples, expected[index]!] as const))("%s", async (_title, examples, cpython) => {
      expect(await runOurs(examples)).toBe(cpython);
    });
  });
}
