// The environment as the user set it, from what dist/bin/guild passes on (see scripts/build.mjs).

/**
 * Where dist/bin/guild hands on NODE_EXTRA_CA_CERTS: Node reads and parses that file at start-up,
 * before any script runs, and the CLI makes no TLS connection that would need it.
 */
export const HELD_EXTRA_CA_CERTS = "GUILD_HELD_NODE_EXTRA_CA_CERTS";

/** A copy of env with NODE_EXTRA_CA_CERTS back in place when the launcher held it. */
export function userEnv(env: Readonly<Record<string, string | undefined>>): Record<string, string | undefined> {
  const copy = { ...env };
  if (Object.hasOwn(copy, HELD_EXTRA_CA_CERTS)) {
    copy.NODE_EXTRA_CA_CERTS = copy[HELD_EXTRA_CA_CERTS];
    delete copy[HELD_EXTRA_CA_CERTS];
  }
  return copy;
}
