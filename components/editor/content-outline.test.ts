import { describe, expect, it } from "vitest";
import { contentOutline } from "./content-outline";

describe("contentOutline", () => {
  it("renders an article's blocks as labelled lines, with references by title", () => {
    const outline = contentOutline(
      {
        title: "Epidural injektion",
        blocks: [
          { key: "b1", type: "HEADING", level: 2, text: "Så går det till" },
          { key: "b2", type: "BULLET_LIST", items: ["ett", "två"] },
          { key: "b3", type: "RISK_LIST", riskListId: "r1" },
          { key: "b4", type: "CALLOUT", tone: "warning", text: "Ring 112" },
        ],
      },
      { r1: "Biverkningar av kortison" },
    );
    expect(outline).toEqual([
      { label: "Titel", text: "Epidural injektion" },
      { label: "Ingress", text: "–" },
      { label: "1. Rubrik", text: "(rubrik) Så går det till" },
      { label: "2. Punktlista", text: "• ett\n• två" },
      { label: "3. Risklista", text: "Biverkningar av kortison" },
      { label: "4. Faktaruta / varning", text: "Varning: Ring 112", formatted: true },
    ]);
  });

  it("renders a risk list's groups with each item's severity, frequency and temporariness in words", () => {
    const outline = contentOutline({
      title: "Risker",
      summary: "Kort",
      groups: [
        {
          key: "g1",
          title: "Hjärta",
          items: [
            { key: "i1", text: "Blåmärke", severity: "MILD", frequency: "COMMON", temporary: true },
            { key: "i2", text: "Stroke", severity: "SERIOUS", frequency: "RARE", temporary: false },
          ],
        },
      ],
    });
    expect(outline).toEqual([
      { label: "Titel", text: "Risker" },
      { label: "Ingress", text: "Kort" },
      { label: "Grupp 1: Hjärta", text: "• Blåmärke (Lindrig, Vanlig, övergående)\n• Stroke (Allvarlig, Sällsynt)" },
    ]);
  });
});
