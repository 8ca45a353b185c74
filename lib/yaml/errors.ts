// The one error YAML decoding throws: bad syntax, or a document beyond the bounds in bounds.ts.
export class YamlError extends Error {}
