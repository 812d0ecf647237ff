// @vitest-environment jsdom
/** followLang: an <option>'s text in the page's language, now and after a switch (src/components/i18n.ts). */
import { describe, expect, it } from "vitest";
import { followLang, setLang } from "../../src/components/i18n.js";

describe("followLang", () => {
  it("shows one language at a time and follows the switch", () => {
    document.documentElement.setAttribute("data-lang", "zh");
    const select = document.createElement("select");
    const option = document.createElement("option");
    select.append(option);
    document.body.append(select);
    followLang(option, { zh: "个人投保", en: "the insured" });
    expect(option.textContent).toBe("个人投保");
    setLang("en");
    expect(option.textContent).toBe("the insured");
    setLang("zh");
    expect(option.textContent).toBe("个人投保");
  });
  it("stops following once the node has left the page", () => {
    setLang("zh");
    const option = document.createElement("option");
    document.body.append(option);
    followLang(option, { zh: "个人投保", en: "the insured" });
    option.remove();
    setLang("en");
    setLang("zh");
    setLang("en");
    expect(option.textContent).toBe("个人投保");
  });
});
