import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * The layers of lib/, lowest first (lib/README.md explains them). A domain may import the domains of the
 * layers below its own, never one of its own layer or above, so domains cannot import each other in
 * circles. A new domain gets a place here, or lint fails on its first import.
 */
const libLayers = [
  ["db", "errors"],
  ["http", "audit", "queue"],
  ["items", "security"],
  ["paths", "events"],
  ["auth"],
  ["content"],
  ["readability"],
  ["labels"],
  ["workflow", "webhooks", "comments", "feedback", "search"],
  ["api", "seo", "notifications"],
  ["feed", "external-review"],
  ["actions"],
  ["startup"],
];

/** For each domain: the domains of its own layer and above, which it may not import. */
const libDomainZones = libLayers.flatMap((layer, rank) =>
  layer.map((domain) => ({
    target: `./lib/${domain}`,
    from: libLayers
      .slice(rank)
      .flat()
      .filter((other) => other !== domain)
      .map((other) => `./lib/${other}`),
    message: `lib/${domain} may import only lower layers (see libLayers in eslint.config.mjs and lib/README.md)`,
  })),
);

/** Imports run one way: app → components → lib (server actions live in lib/actions so both may use them). */
const directionZones = [
  { target: "./components", from: "./app", message: "components may not import app/: pass data down as props, or use lib/" },
  { target: "./lib", from: ["./app", "./components"], message: "lib may not import app/ or components/" },
  { target: "./scripts", from: ["./app", "./components"], message: "CLI scripts use lib/ only" },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // Production code only: a test may reach up to the entry point it exercises (a route, a server action).
    files: ["**/*.{ts,tsx,mjs}"],
    ignores: ["**/*.test.ts", "test/**", "e2e/**"],
    // The cycle check follows our own imports only; parsing every package it reaches is slow and noisy.
    settings: { "import/ignore": ["node_modules"] },
    rules: {
      "import/no-restricted-paths": ["error", { zones: [...directionZones, ...libDomainZones] }],
      "import/no-cycle": ["error", { ignoreExternal: true }],
    },
  },
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-*/**",
      ".data/**",
      "lib/db/generated/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
];

export default config;
