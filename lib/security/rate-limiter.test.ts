import { describe, expect, it } from "vitest";
import { addressThrottleKey } from "./rate-limiter";

describe("addressThrottleKey", () => {
  it("keys IPv4 by the address and IPv6 by its /64, which one subscriber controls", () => {
    expect(addressThrottleKey("192.0.2.7")).toBe("192.0.2.7");
    expect(addressThrottleKey("::ffff:192.0.2.7")).toBe("192.0.2.7");
    expect(addressThrottleKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(addressThrottleKey("2001:db8:1:2::1")).toBe(addressThrottleKey("2001:db8:1:2:ffff::9"));
    expect(addressThrottleKey("2001:db8:1:3::1")).not.toBe(addressThrottleKey("2001:db8:1:2::1"));
    expect(addressThrottleKey("unknown")).toBe("unknown");
  });
});
