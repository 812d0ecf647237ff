// @vitest-environment jsdom
/**
 * The rules card names a `public` source (a line of data/public-figures.md) in the card's
 * language: 沪惠保 2021's premium, the one sourced value of that product.
 */
import { describe, expect, it } from "vitest";
import { rulesCard } from "../../src/components/rules-card.js";
import { getScheme } from "../../src/schemes/index.js";

describe("rules card: a public figure as a source", () => {
  const scheme = getScheme("huhuibao-2021");
  const reference = (lang: "zh" | "en") => {
    const card = rulesCard(scheme, "2021-06-01", lang, { filter: "huhuibao-2021.premium" });
    const nodes = [...card.querySelectorAll(".reference-public")];
    expect(nodes).toHaveLength(1);
    return nodes[0]!.textContent;
  };
  it("zh", () => {
    expect(reference("zh")).toMatch(/^公开数据：data\/public-figures\.md 第 10 行 «沪惠保 \(Shanghai\) 2021, first year \| 718\.13 万 enrolled.*115 元»$/);
  });
  it("en", () => {
    expect(reference("en")).toMatch(/^public figure: data\/public-figures\.md:10 «沪惠保 \(Shanghai\) 2021, first year \| 718\.13 万 enrolled.*115 元»$/);
  });
});
