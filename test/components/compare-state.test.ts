/**
 * The Compare page's URL state (src/components/compare-state.ts): a reform stack and loaded files
 * round-trip through `c.state=v1.…`; anything else — another version, no prefix, garbled data, an
 * unknown field, a bad step — gives a one-line note in both languages, never an exception.
 */
import { describe, expect, it } from "vitest";
import { decodeCompareState, encodeCompareState, type CompareState } from "../../src/components/compare-state.js";

const state: CompareState = {
  v: 1,
  reforms: { name: "保费 +20 %", steps: [{ name: "成人保费 +20 %", path: "tianyi-yongningbao.premium.adult", op: "pct", amount: "20", from: "" }] },
  fileA: { name: "a.json", text: '{"id": "x"}' },
};

describe("compare URL state", () => {
  it("round-trips, versioned and compressed", async () => {
    const raw = await encodeCompareState(state);
    expect(raw).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(await decodeCompareState(raw)).toEqual({ state, note: null });
    expect(await decodeCompareState(null)).toEqual({ state: null, note: null });
  });
  it("bad values give a note naming what was wrong", async () => {
    const note = async (raw: string) => (await decodeCompareState(raw)).note!;
    expect((await note("v2.abc")).message).toBe('URL parameter c.state="v2.abc (version 2, this page reads version 1)" is not a comparison link saved by this page (v1); using the comparison without reforms or loaded files instead');
    expect((await note("abc")).zh).toBe('链接参数 c.state="abc (no version prefix)" 不是本页保存的对比链接(v1)；已改用 不含改革和上传文件的对比');
    expect((await note("v1.!!")).message).toMatch(/not base64url/);
    expect((await note("v1.AAAA")).message).toMatch(/not deflated data|not JSON/);
    const enc = (x: unknown) => encodeCompareState(x as CompareState);
    expect((await note(await enc({ ...state, extra: 1 }))).message).toMatch(/unknown field extra\)/);
    expect((await note(await enc({ v: 1, reforms: { name: "", steps: [{ name: "", path: "x", op: "times", amount: "2", from: "" }] } }))).message).toMatch(/reforms\.steps\[0\]/);
    expect((await note(await enc({ v: 1, fileB: { name: "b", text: 5 } }))).message).toMatch(/fileB/);
  });
});
