import { describe, expect, it } from "vitest";
import { checkWebhookHost, hostOf, nonPublicRangeOf, webhookAddressPolicy, type ResolveHost } from "./webhook-address-rules";

const production = webhookAddressPolicy({ NODE_ENV: "production" });

/** A resolver with fixed answers, standing in for DNS. */
const fakeDns =
  (records: Record<string, string[]>): ResolveHost =>
  async (hostname) => {
    const addresses = records[hostname];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" });
    return addresses.map((address) => ({ address, family: address.includes(":") ? 6 : 4 }));
  };

describe("webhook address rules", () => {
  it.each([
    ["127.0.0.1", "loopback"],
    ["10.1.2.3", "private"],
    ["172.16.0.1", "private"],
    ["192.168.1.1", "private"],
    ["169.254.169.254", "linkLocal"],
    ["100.64.0.1", "carrierGradeNat"],
    ["224.0.0.1", "multicast"],
    ["0.0.0.0", "unspecified"],
    ["255.255.255.255", "broadcast"],
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fe80::1", "linkLocal"],
    ["fd12:3456::1", "uniqueLocal"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:10.0.0.1", "private"],
    ["::ffff:a9fe:a9fe", "linkLocal"],
    ["64:ff9b::a00:1", "rfc6052"],
    ["2002:a00:1::", "6to4"],
  ])("refuses %s (%s)", (address, range) => {
    expect(nonPublicRangeOf(address)).toBe(range);
  });

  it.each(["8.8.8.8", "193.10.252.19", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("accepts public %s", (address) => {
    expect(nonPublicRangeOf(address)).toBeNull();
  });

  it("judges a host name by every address it resolves to", async () => {
    const resolve = fakeDns({
      "mottagare.example.se": ["93.184.216.34", "2606:2800:220:1::1"],
      "intern.example.se": ["10.0.0.5"],
      "blandad.example.se": ["93.184.216.34", "192.168.0.10"],
      localhost: ["127.0.0.1", "::1"],
      "mapped.example.se": ["::ffff:169.254.169.254"],
    });
    expect(await checkWebhookHost("mottagare.example.se", production, resolve)).toEqual({
      ok: true,
      addresses: [
        { address: "93.184.216.34", family: 4 },
        { address: "2606:2800:220:1::1", family: 6 },
      ],
    });
    for (const host of ["intern.example.se", "blandad.example.se", "localhost", "mapped.example.se"]) {
      expect(await checkWebhookHost(host, production, resolve)).toMatchObject({ ok: false, reason: expect.stringMatching(/inte publik/) });
    }
    expect(await checkWebhookHost("finns-inte.example.se", production, resolve)).toMatchObject({ ok: false, reason: expect.stringMatching(/kunde inte slås upp/) });
  });

  it("allows private addresses only when configured: outside production, GRANSKAD_WEBHOOK_ALLOW_PRIVATE=1, or a listed host", async () => {
    const resolve = fakeDns({ "intern.example.se": ["10.0.0.5"], "127.0.0.1": ["127.0.0.1"] });
    const allowed = [
      webhookAddressPolicy({ NODE_ENV: "development" }),
      webhookAddressPolicy({ NODE_ENV: "production", GRANSKAD_WEBHOOK_ALLOW_PRIVATE: "1" }),
      webhookAddressPolicy({ NODE_ENV: "production", GRANSKAD_WEBHOOK_ALLOWED_HOSTS: " Intern.example.se ,127.0.0.1" }),
    ];
    for (const policy of allowed) expect((await checkWebhookHost("intern.example.se", policy, resolve)).ok).toBe(true);
    const otherListed = webhookAddressPolicy({ NODE_ENV: "production", GRANSKAD_WEBHOOK_ALLOWED_HOSTS: "127.0.0.1" });
    expect((await checkWebhookHost("intern.example.se", otherListed, resolve)).ok).toBe(false);
    expect((await checkWebhookHost("intern.example.se", webhookAddressPolicy({ NODE_ENV: "production", GRANSKAD_WEBHOOK_ALLOW_PRIVATE: "true" }), resolve)).ok).toBe(false);
  });

  it("reads hosts from URLs as the resolver needs them (IPv6 brackets removed, numeric IPv4 forms normalised)", () => {
    expect(hostOf(new URL("http://[::ffff:127.0.0.1]:8080/hook"))).toBe("::ffff:7f00:1");
    expect(hostOf(new URL("http://0x7f.1/hook"))).toBe("127.0.0.1");
    expect(hostOf(new URL("https://Mottagare.Example.se/hook"))).toBe("mottagare.example.se");
    expect(nonPublicRangeOf(hostOf(new URL("http://[::ffff:127.0.0.1]/")))).toBe("loopback");
  });
});
