// The shell around the screens: the header (title, navigation, language and theme switches) and
// the current screen. Navigation is plain state: there are six screens and no deep links.

import { useCallback, useEffect, useMemo, useState } from "react";
import { LANGS, type Backend, type CaseFilter, type Lang, type Session } from "../ipc";
import { LANG_NAMES, useI18n } from "../i18n/i18n";
import { AppContextProvider, VIEWS, type AppContextValue, type View } from "./context";
import { useTheme, type ThemeChoice } from "./theme";
import { Dashboard } from "../screens/dashboard/Dashboard";
import { CasesScreen } from "../screens/cases/CasesScreen";
import { ImportScreen } from "../screens/import/ImportScreen";
import { AuditScreen } from "../screens/audit/AuditScreen";
import { ExportScreen } from "../screens/export/ExportScreen";
import { SettingsScreen } from "../screens/settings/SettingsScreen";

interface Props {
  backend: Backend;
  session: Session;
  setLang: (lang: Lang) => void;
}

export function Shell({ backend, session, setLang }: Props) {
  const { t, lang } = useI18n();
  const [view, setView] = useState<View>("dashboard");
  const [casesFilter, setCasesFilter] = useState<{ filter: Partial<CaseFilter>; nonce: number }>({ filter: {}, nonce: 0 });
  const [zone, setZone] = useState("America/Bogota");
  const [actor, setActor] = useState(session.actor ?? "");
  const [dataVersion, setDataVersion] = useState(0);
  const [theme, setTheme] = useTheme();

  useEffect(() => {
    backend
      .getSettings()
      .then((s) => {
        setZone(s.zone);
        if (s.actor) setActor(s.actor);
      })
      .catch(() => undefined);
  }, [backend, dataVersion]);

  const navigate = useCallback((next: View, filter?: Partial<CaseFilter>) => {
    if (next === "cases" && filter) setCasesFilter((c) => ({ filter, nonce: c.nonce + 1 }));
    setView(next);
  }, []);
  const dataChanged = useCallback(() => setDataVersion((v) => v + 1), []);

  const context: AppContextValue = useMemo(
    () => ({ backend, zone, actor, setLang, navigate, dataChanged, dataVersion }),
    [backend, zone, actor, setLang, navigate, dataChanged, dataVersion],
  );

  return (
    <AppContextProvider value={context}>
      <div className="shell">
        <header className="topbar">
          <h1 data-testid="app-title">Cuadra</h1>
          <span className="workspace" data-testid="workspace-name" title={session.workspace_path ?? ""}>
            {session.workspace_name}
          </span>
          <nav aria-label={t("nav.label")}>
            {VIEWS.map((v) => (
              <button
                key={v}
                type="button"
                className={v === view ? "nav active" : "nav"}
                aria-current={v === view ? "page" : undefined}
                data-testid={`nav-${v}`}
                onClick={() => navigate(v, v === "cases" ? {} : undefined)}
              >
                {t(`nav.${v}`)}
              </button>
            ))}
          </nav>
          <div className="topbar-tools">
            <span className="actor" title={t("settings.actor")}>{actor}</span>
            <select aria-label={t("lang.label")} data-testid="lang-switch" value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
              {LANGS.map((l) => (
                <option key={l} value={l}>
                  {LANG_NAMES[l]}
                </option>
              ))}
            </select>
            <select aria-label={t("theme.label")} data-testid="theme-switch" value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)}>
              <option value="system">{t("theme.system")}</option>
              <option value="light">{t("theme.light")}</option>
              <option value="dark">{t("theme.dark")}</option>
            </select>
          </div>
        </header>
        <main className={`screen screen-${view}`}>
          {view === "dashboard" && <Dashboard />}
          {view === "cases" && <CasesScreen key={casesFilter.nonce} initialFilter={casesFilter.filter} />}
          {view === "import" && <ImportScreen />}
          {view === "audit" && <AuditScreen />}
          {view === "export" && <ExportScreen />}
          {view === "settings" && <SettingsScreen onActorChanged={setActor} />}
        </main>
      </div>
    </AppContextProvider>
  );
}
