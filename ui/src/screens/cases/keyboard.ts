// Keyboard navigation of the cases table as a pure reducer: which row has the cursor and which
// cases are selected. Keys map to commands in `commandForKey`; the screen applies the commands
// that are not pure (opening the detail, actions, focusing search).

import type { CaseActionKind } from "../../ipc";

export interface NavState {
  cursor: number;
  total: number;
  /** Selected case keys (selection survives scrolling and page reloads). */
  selected: ReadonlySet<string>;
}

export type NavAction =
  | { type: "move"; by: number }
  | { type: "home" }
  | { type: "end" }
  | { type: "set"; index: number }
  | { type: "total"; total: number }
  | { type: "toggle"; key: string }
  | { type: "select"; keys: readonly string[] }
  | { type: "clear" };

export function initialNav(total = 0): NavState {
  return { cursor: 0, total, selected: new Set() };
}

function clamp(index: number, total: number): number {
  return total <= 0 ? 0 : Math.max(0, Math.min(total - 1, index));
}

export function navReducer(state: NavState, action: NavAction): NavState {
  switch (action.type) {
    case "move":
      return { ...state, cursor: clamp(state.cursor + action.by, state.total) };
    case "home":
      return { ...state, cursor: 0 };
    case "end":
      return { ...state, cursor: clamp(state.total - 1, state.total) };
    case "set":
      return { ...state, cursor: clamp(action.index, state.total) };
    case "total":
      return { ...state, total: action.total, cursor: clamp(state.cursor, action.total) };
    case "toggle": {
      const selected = new Set(state.selected);
      if (selected.has(action.key)) selected.delete(action.key);
      else selected.add(action.key);
      return { ...state, selected };
    }
    case "select":
      return { ...state, selected: new Set([...state.selected, ...action.keys]) };
    case "clear":
      return state.selected.size === 0 ? state : { ...state, selected: new Set() };
  }
}

export type KeyCommand =
  | { kind: "nav"; action: NavAction }
  | { kind: "open" }
  | { kind: "toggle" }
  | { kind: "action"; action: CaseActionKind }
  | { kind: "reject" }
  | { kind: "search" }
  | { kind: "escape" };

export interface KeyInput {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** The command for a key press in the table, or null to let the browser have it. */
export function commandForKey(e: KeyInput, pageRows = 20): KeyCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case "j":
    case "ArrowDown":
      return { kind: "nav", action: { type: "move", by: 1 } };
    case "k":
    case "ArrowUp":
      return { kind: "nav", action: { type: "move", by: -1 } };
    case "PageDown":
      return { kind: "nav", action: { type: "move", by: pageRows } };
    case "PageUp":
      return { kind: "nav", action: { type: "move", by: -pageRows } };
    case "Home":
      return { kind: "nav", action: { type: "home" } };
    case "End":
      return { kind: "nav", action: { type: "end" } };
    case "Enter":
      return { kind: "open" };
    case "x":
    case " ":
      return { kind: "toggle" };
    case "c":
      return { kind: "action", action: "confirm" };
    case "r":
      return { kind: "action", action: "resolve" };
    case "n":
      return { kind: "action", action: "note" };
    case "u":
      return { kind: "action", action: "unmatch" };
    case "d":
      return { kind: "reject" };
    case "o":
      return { kind: "action", action: "reopen" };
    case "/":
      return { kind: "search" };
    case "Escape":
      return { kind: "escape" };
    default:
      return null;
  }
}

/** Whether a key event comes from a text field, where letters are typing, not commands. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as HTMLElement).tagName !== "string") return false;
  const el = target as HTMLElement;
  const tag = el.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT" || el.isContentEditable) return true;
  if (tag !== "INPUT") return false;
  const type = (el as HTMLInputElement).type;
  return !["checkbox", "radio", "button", "submit"].includes(type);
}
