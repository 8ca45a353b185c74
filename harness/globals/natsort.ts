// Natural ordering as Python's natsort does by default: digit runs compare as numbers.

function chunks(text: string): Array<string | number> {
  return (text.match(/\d+|\D+/g) ?? []).map((chunk) => (/^\d/.test(chunk) ? Number(chunk) : chunk));
}

export function compareNatural(left: string, right: string): number {
  const a = chunks(left);
  const b = chunks(right);
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    const x = a[index];
    const y = b[index];
    if (x === y) continue;
    if (typeof x === "number" && typeof y === "number") return x - y;
    if (typeof x === "number") return -1;
    if (typeof y === "number") return 1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
