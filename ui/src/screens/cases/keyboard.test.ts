import { describe, expect, it } from "vitest";
import { commandForKey, initialNav, isTypingTarget, navReducer, type NavAction } from "./keyboard";

const run = (actions: NavAction[], total = 10) => actions.reduce(navReducer, initialNav(total));

describe("keyboard navigation reducer", () => {
  it("moves and stops at both ends", () => {
    expect(run([{ type: "move", by: 1 }, { type: "move", by: 1 }]).cursor).toBe(2);
    expect(run([{ type: "move", by: -1 }]).cursor, "k on the first row stays").toBe(0);
    expect(run([{ type: "end" }, { type: "move", by: 1 }]).cursor, "j on the last row stays").toBe(9);
    expect(run([{ type: "move", by: 500 }], 1_000_000).cursor).toBe(500);
    expect(run([{ type: "end" }], 1_000_000).cursor).toBe(999_999);
    expect(run([{ type: "move", by: 1 }], 0).cursor, "an empty table has no row to move to").toBe(0);
  });

  it("keeps the cursor inside a shrinking result", () => {
    expect(run([{ type: "set", index: 8 }, { type: "total", total: 3 }]).cursor).toBe(2);
  });

  it("toggles selection by case key and clears it", () => {
    const s = run([{ type: "toggle", key: "a" }, { type: "toggle", key: "b" }, { type: "toggle", key: "a" }]);
    expect([...s.selected]).toEqual(["b"]);
    expect(navReducer(s, { type: "clear" }).selected.size).toBe(0);
  });

  it("selects many at once, keeping what was selected", () => {
    const s = navReducer(initialNav(5), { type: "toggle", key: "a" });
    const all = navReducer(s, { type: "select", keys: ["a", "b", "c"] });
    expect([...all.selected].sort()).toEqual(["a", "b", "c"]);
  });

  it("maps keys to commands", () => {
    expect(commandForKey({ key: "j" })).toEqual({ kind: "nav", action: { type: "move", by: 1 } });
    expect(commandForKey({ key: "k" })).toEqual({ kind: "nav", action: { type: "move", by: -1 } });
    expect(commandForKey({ key: "Enter" })).toEqual({ kind: "open" });
    expect(commandForKey({ key: "x" })).toEqual({ kind: "toggle" });
    expect(commandForKey({ key: "c" })).toEqual({ kind: "action", action: "confirm" });
    expect(commandForKey({ key: "r" })).toEqual({ kind: "action", action: "resolve" });
    expect(commandForKey({ key: "n" })).toEqual({ kind: "action", action: "note" });
    expect(commandForKey({ key: "u" })).toEqual({ kind: "action", action: "unmatch" });
    expect(commandForKey({ key: "o" })).toEqual({ kind: "action", action: "reopen" });
    expect(commandForKey({ key: "d" }), "d rejects a suggestion at once").toEqual({ kind: "reject" });
    expect(commandForKey({ key: "/" })).toEqual({ kind: "search" });
    expect(commandForKey({ key: "Escape" })).toEqual({ kind: "escape" });
    expect(commandForKey({ key: "r", ctrlKey: true }), "Ctrl+R is the browser's").toBeNull();
    expect(commandForKey({ key: "q" })).toBeNull();
  });

  it("lets text fields have their letters", () => {
    const input = document.createElement("input");
    const checkbox = document.createElement("input");
    checkbox.type = "checkbox";
    expect(isTypingTarget(input)).toBe(true);
    expect(isTypingTarget(document.createElement("textarea"))).toBe(true);
    expect(isTypingTarget(checkbox), "a checkbox does not take letters").toBe(false);
    expect(isTypingTarget(document.body)).toBe(false);
  });
});
