import { describe, expect, it } from "vitest";
import { unstorableTextErrors, unstorableTextMessage } from "./unstorable-text";

describe("unstorableTextErrors", () => {
  it("names every string holding U+0000 or an unpaired surrogate by its path", () => {
    expect(unstorableTextErrors({ body: "a\u0000b", blocks: [{ text: "ok" }, { text: "\uD800" }], note: "\uDC00 alone" })).toEqual({
      body: [unstorableTextMessage],
      "blocks.1.text": [unstorableTextMessage],
      note: [unstorableTextMessage],
    });
    expect(unstorableTextErrors("\u0000")).toEqual({ _form: [unstorableTextMessage] });
  });

  it("lets through any other text, emoji (paired surrogates) and control characters included", () => {
    expect(unstorableTextErrors({ name: "Åsa 🩺 \u0001\u200B\uFEFF", roles: ["ADMIN"], n: 1, nested: { deep: [null, true] } })).toEqual({});
  });
});
