import { describe, expect, it, vi } from "vitest";
import { applyServerFieldErrors } from "./server-field-errors";

describe("applyServerFieldErrors", () => {
  it("puts field errors on their fields without the prefix and returns the rest for the form-level list", () => {
    const setError = vi.fn();
    const formLevel = applyServerFieldErrors(
      { kind: "invalid", message: "Innehållet är ogiltigt", fieldErrors: { "content.title": ["Fältet får inte vara tomt"], "content.blocks": ["Högst ett faktablock per artikel"], _form: ["Okänt fel"] } },
      setError,
      (path) => path === "title",
      "content.",
    );
    expect(setError).toHaveBeenCalledExactlyOnceWith("title", { type: "server", message: "Fältet får inte vara tomt" });
    expect(formLevel).toEqual(["blocks: Högst ett faktablock per artikel", "Okänt fel"]);
  });

  it("turns any other failure into its message, so a refusal is never blank", () => {
    const setError = vi.fn();
    expect(applyServerFieldErrors({ kind: "conflict", message: "Versionen har status IN_REVIEW" }, setError, () => true)).toEqual(["Versionen har status IN_REVIEW"]);
    expect(applyServerFieldErrors({ kind: "invalid", message: "Kontrollera fälten" }, setError, () => true)).toEqual(["Kontrollera fälten"]);
    expect(setError).not.toHaveBeenCalled();
  });
});
