import { describe, expect, it } from "vitest";
import { internalHeaders } from "@/lib/server/internal-headers";
import { clientAddressFrom } from "./client-address";

describe("clientAddressFrom", () => {
  it("reads the address the edge pipeline settled, normalised", () => {
    expect(clientAddressFrom(new Headers({ [internalHeaders.clientAddress]: "2001:DB8::1" }))).toBe("2001:db8::1");
    expect(clientAddressFrom({ [internalHeaders.clientAddress]: "::ffff:192.0.2.7" })).toBe("192.0.2.7");
  });

  it("never believes the client's own forwarding headers", () => {
    expect(clientAddressFrom(new Headers({ "x-forwarded-for": "192.0.2.1", "x-real-ip": "192.0.2.2", forwarded: "for=192.0.2.3" }))).toBe("unknown");
  });

  it("counts anything that is not a short IP address as unknown, so the throttling key stays small", () => {
    expect(clientAddressFrom({})).toBe("unknown");
    expect(clientAddressFrom({ [internalHeaders.clientAddress]: "x".repeat(8000) })).toBe("unknown");
    expect(clientAddressFrom({ [internalHeaders.clientAddress]: `fe80::1%${"a".repeat(100)}` })).toBe("unknown");
    expect(clientAddressFrom({ [internalHeaders.clientAddress]: "192.0.2.7:8080" })).toBe("unknown");
  });
});
