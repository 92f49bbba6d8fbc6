import { describe, expect, it } from "vitest";
import { createCspNonce, pageContentSecurityPolicy } from "./content-security-policy";

/** The policy as a map from directive name to its sources. */
function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((directive) => {
      const [name = "", ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

const production = { nonce: "bm9uY2Utb2YtdGhpcy1yZXNwb25zZQ==", development: false, upgradeInsecureRequests: false };

describe("pageContentSecurityPolicy", () => {
  it("lets only scripts with this response's nonce run, and what they load", () => {
    const scriptSources = directives(pageContentSecurityPolicy(production)).get("script-src");
    expect(scriptSources).toEqual(["'self'", "'nonce-bm9uY2Utb2YtdGhpcy1yZXNwb25zZQ=='", "'strict-dynamic'"]);
  });

  it("never allows inline code without the nonce, nor eval outside development", () => {
    const policy = pageContentSecurityPolicy(production);
    expect(policy).not.toContain("'unsafe-inline'");
    expect(policy).not.toContain("'unsafe-eval'");
    expect(directives(policy).get("style-src")).toEqual(["'self'", `'nonce-${production.nonce}'`]);
  });

  it("is strict about everything else: no plugins, no base or form targets elsewhere, no framing", () => {
    const policy = directives(pageContentSecurityPolicy(production));
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows eval and inline styles only for next dev, and upgrades requests when asked", () => {
    const policy = directives(pageContentSecurityPolicy({ ...production, development: true, upgradeInsecureRequests: true }));
    expect(policy.get("script-src")).toContain("'unsafe-eval'");
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.has("upgrade-insecure-requests")).toBe(true);
  });
});

describe("createCspNonce", () => {
  it("gives 128 random bits in base64, different every time", () => {
    const nonces = Array.from({ length: 100 }, createCspNonce);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
    expect(new Set(nonces).size).toBe(100);
  });
});
