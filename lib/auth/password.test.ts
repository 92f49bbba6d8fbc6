import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";

describe("password hashing", () => {
  it("writes scrypt$N$r$p$salt$hash with N=2^15, r=8, p=1 and base64 salt and hash", async () => {
    const stored = await hashPassword("granskad-editor");
    const [scheme, n, r, p, salt, hash] = stored.split("$");
    expect([scheme, n, r, p]).toEqual(["scrypt", "32768", "8", "1"]);
    expect(Buffer.from(salt ?? "", "base64")).toHaveLength(16);
    expect(Buffer.from(hash ?? "", "base64")).toHaveLength(32);
  });

  it("accepts the right password and rejects any other", async () => {
    const stored = await hashPassword("rätt lösenord");
    expect(await verifyPassword("rätt lösenord", stored)).toBe(true);
    expect(await verifyPassword("rätt lösenord ", stored)).toBe(false);
    expect(await verifyPassword("RÄTT LÖSENORD", stored)).toBe(false);
    expect(await verifyPassword("", stored)).toBe(false);
  });

  it("salts every hash, so the same password never hashes the same twice", async () => {
    const [first, second] = await Promise.all([hashPassword("samma"), hashPassword("samma")]);
    expect(first).not.toBe(second);
    expect(await verifyPassword("samma", first)).toBe(true);
    expect(await verifyPassword("samma", second)).toBe(true);
  });

  it("treats composed and decomposed Unicode spellings of a password as the same password", async () => {
    const stored = await hashPassword("l\u00f6senord");
    expect(await verifyPassword("lo\u0308senord", stored)).toBe(true);
  });

  it("verifies with the parameters stored in the hash", async () => {
    const stored = await hashPassword("parametrar");
    const [, , , , salt] = stored.split("$");
    const cheaper = await new Promise<Buffer>((resolve, reject) =>
      crypto.scrypt("parametrar", Buffer.from(salt ?? "", "base64"), 32, { N: 1024, r: 8, p: 1 }, (error: Error | null, key: Buffer) =>
        error ? reject(error) : resolve(key),
      ),
    );
    expect(await verifyPassword("parametrar", `scrypt$1024$8$1$${salt}$${cheaper.toString("base64")}`)).toBe(true);
  });

  it("rejects malformed or out-of-bounds stored hashes instead of throwing", async () => {
    const stored = await hashPassword("x");
    const [, , , , salt, hash] = stored.split("$");
    for (const bad of [
      "",
      "plaintext",
      `bcrypt$32768$8$1$${salt}$${hash}`,
      `scrypt$32768$8$1$${salt}`,
      `scrypt$30000$8$1$${salt}$${hash}`,
      `scrypt$${2 ** 24}$8$1$${salt}$${hash}`,
      `scrypt$32768$0$1$${salt}$${hash}`,
      `scrypt$32768$8$99$${salt}$${hash}`,
      `scrypt$32768$8$1$$${hash}`,
      `scrypt$32768$8$1$${salt}$`,
    ]) {
      expect(await verifyPassword("x", bad), bad).toBe(false);
    }
  });
});
