// The app: loads the session, shows the first-start screen until a workspace is open and the
// person has a name, then the shell with its screens. Takes its `Backend` as a prop so tests and
// the browser run hand it the fake.

import { useCallback, useEffect, useState } from "react";
import type { Backend, Lang, Session } from "../ipc";
import { I18nProvider } from "../i18n/i18n";
import { FirstStart } from "../screens/first-start/FirstStart";
import { Shell } from "./Shell";
import { ErrorLine } from "../components/ui";

export function App({ backend }: { backend: Backend }) {
  const [session, setSession] = useState<Session | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [lang, setLangState] = useState<Lang>("es");

  const reload = useCallback(async () => {
    try {
      const s = await backend.getSession();
      setSession(s);
      if (s.lang) setLangState(s.lang);
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [backend]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    document.documentElement.lang = lang === "zh" ? "zh-CN" : lang === "es" ? "es-CO" : "en";
  }, [lang]);

  const setLang = useCallback(
    (next: Lang) => {
      setLangState(next);
      // Persist when a workspace is open; before that the choice is kept until first start ends.
      if (session?.workspace_path) void backend.setSetting("lang", next).catch(() => undefined);
    },
    [backend, session?.workspace_path],
  );

  const ready = session !== null && session.workspace_path !== null && session.actor !== null;
  return (
    <I18nProvider lang={lang}>
      {session === null ? (
        <div className="boot">
          <h1 data-testid="app-title">Cuadra</h1>
          {error ? <ErrorLine error={error} testid="session-error" /> : <p aria-busy="true">…</p>}
        </div>
      ) : ready ? (
        <Shell backend={backend} session={session} setLang={setLang} />
      ) : (
        <FirstStart backend={backend} session={session} lang={lang} setLang={setLang} onDone={reload} />
      )}
    </I18nProvider>
  );
}
