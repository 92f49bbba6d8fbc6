import { describe, expect, it } from "vitest";
import { proxyTrustFrom, ProxyTrustError } from "./proxy-trust";

describe("proxyTrustFrom", () => {
  it("trusts nobody without configuration", () => {
    const trust = proxyTrustFrom({});
    expect(trust.trusts("127.0.0.1", 0)).toBe(false);
    expect(trust.header).toBe("x-forwarded-for");
  });

  it("trusts listed addresses and ranges at any distance", () => {
    const trust = proxyTrustFrom({ GRANSKAD_TRUSTED_PROXIES: "10.0.0.0/8, 192.0.2.5, loopback" });
    expect(trust.trusts("10.20.30.40", 0)).toBe(true);
    expect(trust.trusts("192.0.2.5", 3)).toBe(true);
    expect(trust.trusts("::1", 1)).toBe(true);
    expect(trust.trusts("192.0.2.6", 0)).toBe(false);
  });

  it("trusts a number of hops, and with a list too only listed hops within that number", () => {
    const hops = proxyTrustFrom({ GRANSKAD_TRUSTED_PROXY_HOPS: "2" });
    expect([hops.trusts("198.51.100.1", 0), hops.trusts("198.51.100.2", 1), hops.trusts("198.51.100.3", 2)]).toEqual([true, true, false]);
    const both = proxyTrustFrom({ GRANSKAD_TRUSTED_PROXY_HOPS: "1", GRANSKAD_TRUSTED_PROXIES: "10.0.0.0/8" });
    expect([both.trusts("10.0.0.1", 0), both.trusts("198.51.100.1", 0), both.trusts("10.0.0.2", 1)]).toEqual([true, false, false]);
  });

  it.each([
    [{ GRANSKAD_TRUSTED_PROXIES: "10.0.0.0/33" }, /GRANSKAD_TRUSTED_PROXIES/],
    [{ GRANSKAD_TRUSTED_PROXIES: "proxy.example" }, /GRANSKAD_TRUSTED_PROXIES/],
    [{ GRANSKAD_TRUSTED_PROXY_HOPS: "-1" }, /GRANSKAD_TRUSTED_PROXY_HOPS/],
    [{ GRANSKAD_TRUSTED_PROXY_HOPS: "two" }, /GRANSKAD_TRUSTED_PROXY_HOPS/],
    [{ GRANSKAD_FORWARDED_HEADER: "x-real-ip" }, /GRANSKAD_FORWARDED_HEADER/],
  ])("refuses %o with a message naming the setting", (environment, message) => {
    expect(() => proxyTrustFrom(environment)).toThrow(ProxyTrustError);
    expect(() => proxyTrustFrom(environment)).toThrow(message);
  });
});
