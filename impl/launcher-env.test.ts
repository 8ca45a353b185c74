// userEnv: what the launcher held goes back under its own name; nothing else changes.
import { expect, test } from "vitest";
import { userEnv } from "./launcher-env.js";

test.each([
  { name: "held", env: { PATH: "/bin", GUILD_HELD_NODE_EXTRA_CA_CERTS: "/certs.pem" }, expected: { PATH: "/bin", NODE_EXTRA_CA_CERTS: "/certs.pem" } },
  { name: "held empty", env: { GUILD_HELD_NODE_EXTRA_CA_CERTS: "" }, expected: { NODE_EXTRA_CA_CERTS: "" } },
  { name: "not held", env: { PATH: "/bin" }, expected: { PATH: "/bin" } },
  { name: "set directly (no launcher)", env: { NODE_EXTRA_CA_CERTS: "/certs.pem" }, expected: { NODE_EXTRA_CA_CERTS: "/certs.pem" } },
])("$name", ({ env, expected }) => {
  expect(userEnv(env)).toEqual(expected);
});
