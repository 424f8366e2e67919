// What every screen shares: the backend, the workspace settings that shape display (zone), and
// the navigation callback. Screens get them from here rather than through long prop chains.

import { createContext, useContext } from "react";
import type { Backend, CaseFilter, Lang } from "../ipc";

export const VIEWS = ["dashboard", "cases", "import", "audit", "export", "settings"] as const;
export type View = (typeof VIEWS)[number];

export interface AppContextValue {
  backend: Backend;
  zone: string;
  actor: string;
  setLang: (lang: Lang) => void;
  /** Go to a screen; for "cases", with these filters applied. */
  navigate: (view: View, casesFilter?: Partial<CaseFilter>) => void;
  /** Called after something that changes cases (import, demo load, actions), to refresh views. */
  dataChanged: () => void;
  dataVersion: number;
}

const AppContext = createContext<AppContextValue | null>(null);
export const AppContextProvider = AppContext.Provider;

/** The workspace zone every time is shown in (Bogotá until the settings are read). */
export function useZone(): string {
  return useContext(AppContext)?.zone ?? "America/Bogota";
}

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error("useApp outside AppContextProvider");
  return value;
}
