// Run ids and random seeds from Web Crypto (globalThis.crypto), which Node loads on first use.
// node:crypto would cost every command ~10 ms to load, and only `guild run` needs randomness.

/** A fresh run id: 32 lowercase hex characters, as uuid4().hex. */
export function randomRunId(): string {
  return globalThis.crypto.randomUUID().replace(/-/g, "");
}

/** Fills an array with random values (Web Crypto's getRandomValues). */
export type RandomFill = (words: Uint16Array) => void;

const webCryptoFill: RandomFill = (words) => void globalThis.crypto.getRandomValues(words);

/** A uniform integer in [0, 2^32], as crypto.randomInt(0, 2 ** 32 + 1) draws it: 48 random bits, rejection-sampled. */
export function randomSeed(fill: RandomFill = webCryptoFill): number {
  const range = 2 ** 32 + 1;
  const limit = Math.floor(2 ** 48 / range) * range;
  const words = new Uint16Array(3);
  for (;;) {
    fill(words);
    const value = words[0] * 2 ** 32 + words[1] * 2 ** 16 + words[2];
    if (value < limit) return value % range;
  }
}
