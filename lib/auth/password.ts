import crypto from "node:crypto";

/**
 * Password hashes for sign-in: scrypt (memory-hard, in Node's standard library), stored as
 * `scrypt$N$r$p$salt$hash` with base64 salt and hash. The parameters travel with each hash, so they
 * can be raised later without invalidating existing passwords.
 */

const cost = 2 ** 15;
const blockSize = 8;
const parallelization = 1;
const saltBytes = 16;
const keyBytes = 32;

/** Upper bounds for parameters read from a stored hash, so a tampered row cannot exhaust the server. */
const maxCost = 2 ** 20;
const maxBlockSize = 16;
const maxParallelization = 4;

type ScryptParameters = { cost: number; blockSize: number; parallelization: number };

function derive(password: string, salt: Buffer, length: number, parameters: ScryptParameters): Promise<Buffer> {
  // scrypt needs about 128·N·r·p bytes; at N=2^15, r=8 that is Node's default ceiling (32 MiB), which it refuses.
  const maxmem = 128 * parameters.cost * parameters.blockSize * parameters.parallelization + 32 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    crypto.scrypt(
      // The same password typed on different keyboards or systems can arrive in different Unicode forms.
      password.normalize("NFKC"),
      salt,
      length,
      { N: parameters.cost, r: parameters.blockSize, p: parameters.parallelization, maxmem },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(saltBytes);
  const parameters = { cost, blockSize, parallelization };
  const key = await derive(password, salt, keyBytes, parameters);
  return ["scrypt", cost, blockSize, parallelization, salt.toString("base64"), key.toString("base64")].join("$");
}

function parseStoredHash(stored: string): { parameters: ScryptParameters; salt: Buffer; key: Buffer } | undefined {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return undefined;
  const [, n, r, p, salt, key] = parts;
  const parameters = { cost: Number(n), blockSize: Number(r), parallelization: Number(p) };
  const { cost: N, blockSize: R, parallelization: P } = parameters;
  const isPowerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!isPowerOfTwo || N > maxCost) return undefined;
  if (!Number.isInteger(R) || R < 1 || R > maxBlockSize || !Number.isInteger(P) || P < 1 || P > maxParallelization) return undefined;
  const saltBytesRead = Buffer.from(salt ?? "", "base64");
  const keyBytesRead = Buffer.from(key ?? "", "base64");
  if (saltBytesRead.length === 0 || keyBytesRead.length < 16) return undefined;
  return { parameters, salt: saltBytesRead, key: keyBytesRead };
}

/** True when `password` matches `stored`; false for a wrong password or a hash this module did not write. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStoredHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.key.length, parsed.parameters);
  return crypto.timingSafeEqual(key, parsed.key);
}
