// First start: open or create a workspace file (the backend shows the native dialog), give the
// name the audit trail records and pick a language; then optionally load the demo data so a
// reconciliation is one click away.

import { useState, type FormEvent } from "react";
import { LANGS, type Backend, type Lang, type Session } from "../../ipc";
import { LANG_NAMES, useI18n } from "../../i18n/i18n";
import { ErrorLine, Field } from "../../components/ui";

interface Props {
  backend: Backend;
  session: Session;
  lang: Lang;
  setLang: (lang: Lang) => void;
  onDone: () => Promise<void>;
}

export function FirstStart({ backend, session, lang, setLang, onDone }: Props) {
  const { t } = useI18n();
  const [path, setPath] = useState(session.workspace_path);
  const [name, setName] = useState(session.actor ?? "");
  const [error, setError] = useState<unknown>(session.workspace_error);
  const [busy, setBusy] = useState<"pick" | "save" | "demo" | null>(null);
  const [nameMissing, setNameMissing] = useState(false);

  async function pick(create: boolean) {
    setBusy("pick");
    setError(null);
    try {
      const chosen = await backend.pickWorkspace(create);
      if (chosen) setPath(chosen);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  async function finish(withDemo: boolean) {
    if (!name.trim()) {
      setNameMissing(true);
      return;
    }
    setBusy(withDemo ? "demo" : "save");
    setError(null);
    try {
      await backend.setSetting("actor", name.trim());
      await backend.setSetting("lang", lang);
      if (withDemo) await backend.loadDemo();
      await onDone();
    } catch (e) {
      setError(e);
      setBusy(null);
    }
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void finish(false);
  };

  return (
    <div className="first-start" data-testid="first-start">
      <form className="card first-card" onSubmit={submit}>
        <h1 data-testid="app-title">Cuadra</h1>
        <p className="lead">{t("first.intro")}</p>

        <section>
          <h2>{t("first.workspace")}</h2>
          {path ? (
            <p className="path" data-testid="first-workspace-path">{path}</p>
          ) : (
            <p className="muted">{t("first.no_workspace")}</p>
          )}
          <div className="row">
            <button type="button" data-testid="first-create" disabled={busy !== null} onClick={() => void pick(true)}>
              {t("first.create")}
            </button>
            <button type="button" data-testid="first-open" disabled={busy !== null} onClick={() => void pick(false)}>
              {t("first.open")}
            </button>
          </div>
        </section>

        <section>
          <Field label={t("first.name")} hint={t("first.name_hint")}>
            <input
              data-testid="first-name"
              value={name}
              autoComplete="name"
              onChange={(e) => {
                setName(e.target.value);
                setNameMissing(false);
              }}
              aria-invalid={nameMissing}
            />
          </Field>
          {nameMissing ? <p className="error" role="alert" data-testid="first-name-missing">{t("first.name_required")}</p> : null}
          <Field label={t("lang.label")}>
            <select data-testid="first-lang" value={lang} onChange={(e) => setLang(e.target.value as Lang)}>
              {LANGS.map((l) => (
                <option key={l} value={l}>{LANG_NAMES[l]}</option>
              ))}
            </select>
          </Field>
        </section>

        <ErrorLine error={error} testid="first-error" />
        <div className="row end">
          <button type="button" data-testid="first-demo" disabled={!path || busy !== null} onClick={() => void finish(true)} title={t("first.demo_hint")}>
            {busy === "demo" ? t("first.loading_demo") : t("first.demo")}
          </button>
          <button type="submit" className="primary" data-testid="first-continue" disabled={!path || busy !== null}>
            {t("first.continue")}
          </button>
        </div>
      </form>
    </div>
  );
}
