import { describe, expect, it } from "vitest";
import { clientAddressFrom } from "./client-address";

describe("clientAddressFrom", () => {
  it("takes the nearest proxy's report of the client, normalised", () => {
    expect(clientAddressFrom(new Headers({ "x-forwarded-for": " 2001:DB8::1 , 10.0.0.1" }))).toBe("2001:db8::1");
    expect(clientAddressFrom({ "x-real-ip": "::ffff:192.0.2.7" })).toBe("192.0.2.7");
  });

  it("counts anything that is not a short IP address as unknown, so the throttling key stays small", () => {
    expect(clientAddressFrom({})).toBe("unknown");
    expect(clientAddressFrom({ "x-forwarded-for": "x".repeat(8000) })).toBe("unknown");
    expect(clientAddressFrom({ "x-forwarded-for": `fe80::1%${"a".repeat(100)}` })).toBe("unknown");
    expect(clientAddressFrom({ "x-forwarded-for": "192.0.2.7:8080" })).toBe("unknown");
  });
});
