import { afterEach, describe, expect, it, vi } from "vitest";
import { runInRequestContext } from "@/lib/server/request-context";
import { logUnexpectedError } from "./log-unexpected-error";

describe("logUnexpectedError", () => {
  const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
  afterEach(() => consoleError.mockClear());

  it("gives the user the request's id as the reference, and logs the error with it", () => {
    const reference = runInRequestContext({ requestId: "0123456789abcdef", clientAddress: "192.0.2.1" }, () => logUnexpectedError(new Error("boom"), { action: "test" }));
    expect(reference).toBe("0123456789abcdef");
    expect(consoleError).toHaveBeenCalledWith(expect.objectContaining({ reference, action: "test", err: expect.any(Error) }), "unexpected error");
  });

  it("makes up a reference outside a request (background jobs)", () => {
    expect(logUnexpectedError(new Error("boom"), {})).toMatch(/^[0-9a-f]{16}$/);
  });
});
