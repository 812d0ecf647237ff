/** Zhejiang's first-order liability rule for multi-platform workers (seed 001 l.127–135). */
import { describe, expect, it } from "vitest";
import { liablePlatform, parseTasks } from "../../src/rules/first-order.js";

describe("Zhejiang first-order rule (seed 001 l.127–135)", () => {
  it("one task → its platform", () => {
    expect(liablePlatform([{ platform: "美团", acceptedAt: "2024-05-01T12:00:00+08:00" }])).toMatchObject({ platform: "美团", rule: "single-task" });
  });
  it("several at once → the order accepted first (张某: 饿了么 and 美团)", () => {
    const r = liablePlatform(parseTasks([
      { platform: "美团", acceptedAt: "2024-05-01T12:05:00+08:00" },
      { platform: "饿了么", acceptedAt: "2024-05-01T12:01:00+08:00" },
      { platform: "美团", acceptedAt: "2024-05-01T12:09:00+08:00" },
    ]));
    expect(r).toMatchObject({ platform: "饿了么", rule: "first-order" });
  });
  it("time zones are compared as instants", () => {
    // 04:02Z = 12:02+08:00, later than 12:01+08:00
    expect(liablePlatform([{ platform: "A", acceptedAt: "2024-05-01T04:02:00Z" }, { platform: "B", acceptedAt: "2024-05-01T12:01:00+08:00" }]).platform).toBe("B");
  });
  it("none → no platform; a tie is reported, not guessed", () => {
    expect(liablePlatform([])).toMatchObject({ platform: null, rule: "no-task" });
    expect(liablePlatform([{ platform: "A", acceptedAt: "2024-05-01T12:00:00Z" }, { platform: "B", acceptedAt: "2024-05-01T12:00:00Z" }])).toMatchObject({ platform: null, rule: "tie", tied: ["A", "B"] });
  });
  it("bad tasks are InputErrors naming the field", () => {
    expect(() => parseTasks([{ platform: "A", acceptedAt: "noon" }])).toThrow(/tasks\[0\].acceptedAt: must be an ISO date-time/);
    expect(() => parseTasks([{ platform: "A", acceptedAt: "2024-05-01T12:00:00Z", x: 1 }])).toThrow(/tasks\[0\].x: unknown field/);
    expect(() => parseTasks({})).toThrow(/tasks: must be an array/);
  });
});
