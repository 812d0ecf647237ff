// The boot script's split of a bilingual page name (src/components/lang-boot.ts) on the config's
// own sidebar names: each half is one language, once ("沪惠保 2021 Huhuibao 2021" was split after
// 沪惠保, so English mode showed "2021 Huhuibao 2021").
import { describe, expect, it } from "vitest";
import config from "../../observablehq.config.js";
import { LANG_BOOT_SCRIPT } from "../../src/components/lang-boot.js";

const source = /var BILINGUAL = \/(.+)\/;/.exec(LANG_BOOT_SCRIPT)?.[1];
const BILINGUAL = new RegExp(source ?? "(?!)");
const HAN = /[\u3400-\u9fff]/;

type Item = { name: string; pages?: Item[] };
const names = (items: Item[]): string[] => items.flatMap((p) => [p.name, ...names(p.pages ?? [])]);

describe("the bilingual page-name split", () => {
  it("splits a Chinese name that ends in digits before the English one", () => {
    expect(source).toBeDefined();
    expect(BILINGUAL.exec("沪惠保 2021 Huhuibao 2021")?.slice(1)).toEqual(["沪惠保 2021", "Huhuibao 2021"]);
    expect(BILINGUAL.exec("SQL 查询 SQL")?.slice(1)).toEqual(["SQL 查询", "SQL"]);
    expect(BILINGUAL.exec("强制平台工伤保险(建议) Mandatory platform scheme (proposal)")?.slice(1)).toEqual(["强制平台工伤保险(建议)", "Mandatory platform scheme (proposal)"]);
  });
  it("every sidebar name of the config splits into a Chinese half and an English half without Han", () => {
    const all = names((config as { pages: Item[] }).pages);
    expect(all.length).toBeGreaterThan(10);
    for (const name of all) {
      const m = BILINGUAL.exec(name);
      expect(m, name).not.toBeNull();
      expect(HAN.test(m![1]!), name).toBe(true);
      expect(HAN.test(m![2]!), name).toBe(false);
    }
  });
});
