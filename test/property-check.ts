import fc from "fast-check";

/**
 * Runs a fast-check property with a seed that is printed when anything fails, so any failure can be
 * replayed: `FC_SEED=<seed> npx vitest run <file>`. The seed is FC_SEED when set, else a fresh random one
 * for each property. `outcomes` runs after the property has passed, for assertions over the whole run (which
 * outcomes occurred); a failure there names the same seed.
 */
export async function checkProperty<Ts>(
  property: fc.IAsyncProperty<Ts>,
  parameters: Omit<fc.Parameters<Ts>, "seed"> = {},
  outcomes?: () => void | Promise<void>,
): Promise<void> {
  const seed = seedFromEnvironment() ?? Math.floor(Math.random() * 0x7fffffff);
  try {
    await fc.assert(property, { ...parameters, seed });
    await outcomes?.();
  } catch (error) {
    throw withSeed(error, seed);
  }
}

function seedFromEnvironment(): number | undefined {
  const text = process.env.FC_SEED;
  if (text === undefined || text === "") return undefined;
  const seed = Number(text);
  if (!Number.isSafeInteger(seed)) throw new Error(`FC_SEED must be an integer, not ${JSON.stringify(text)}`);
  return seed;
}

function withSeed(error: unknown, seed: number): Error {
  const replay = `Property failed with seed ${seed}; replay it with FC_SEED=${seed}`;
  if (error instanceof Error) {
    error.message = `${replay}\n${error.message}`;
    return error;
  }
  return new Error(`${replay}\n${String(error)}`);
}
