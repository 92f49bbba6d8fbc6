import { z } from "zod";

// Runs in the browser before the app hydrates. Zod compiles object parsers with `new Function` after
// probing whether eval is allowed; under our Content-Security-Policy (no 'unsafe-eval') that probe is
// refused and reported as a violation on every form that validates. Jitless parsing never probes.
z.config({ jitless: true });
