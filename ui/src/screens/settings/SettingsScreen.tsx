// Settings: the workspace's matching settings (zone, and per PSP the zone of its files' times
// without an offset; voucher validity by default and per PSP; tolerance, grace days), retention (only upward: lowering is refused here before the backend
// would refuse it too), language and the actor name. Each field is saved on its own, through the
// backend's check.

import { useEffect, useState, type ReactNode } from "react";
import { LANGS, type Facets, type Lang, type ReconcileResult, type SettingKey, type Settings } from "../../ipc";
import { formatInstantInZone, zoneLabel } from "../../format/time";
import { useApp } from "../../app/context";
import { LANG_NAMES, useI18n, type MessageKey } from "../../i18n/i18n";
import { ErrorLine } from "../../components/ui";

export function SettingsScreen({ onActorChanged }: { onActorChanged: (actor: string) => void }) {
  const { backend, setLang, dataChanged } = useApp();
  const { t, tp, lang } = useI18n();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [facets, setFacets] = useState<Facets | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Matching settings changed on this screen ("label: old → new"), and the last run's as-of: the
  // cases keep their old judgement until a rerun, which happens only when asked, at that as-of.
  const [changes, setChanges] = useState<string[]>([]);
  const [lastAsOf, setLastAsOf] = useState<string | null>(null);
  const [rerun, setRerun] = useState<{ busy: boolean; result?: ReconcileResult; error?: unknown }>({ busy: false });

  useEffect(() => {
    backend.getSettings().then(setSettings, setError);
    backend.listFacets().then(setFacets, () => undefined);
  }, [backend]);

  if (!settings) return <ErrorLine error={error} testid="settings-error" />;

  const matchingChanged = (label: string) => (before: string, after: string) => {
    const shown = (v: string) => v || t("settings.default_value");
    setChanges((list) => [...list, `${label}: ${shown(before)} → ${shown(after)}`]);
    setRerun({ busy: false });
    backend.summary({ period: null, date_from: null, date_to: null, psp: null }).then(
      (s) => setLastAsOf(s.cases > 0 ? s.as_of : null),
      () => setLastAsOf(null),
    );
  };
  async function reconcileAgain(asOf: string) {
    setRerun({ busy: true });
    try {
      const result = await backend.reconcile(asOf);
      setRerun({ busy: false, result });
      setChanges([]);
      dataChanged();
    } catch (e) {
      setRerun({ busy: false, error: e });
    }
  }
  const asOfText = (at: string) => `${formatInstantInZone(at, settings.zone)} (${zoneLabel(settings.zone, lang)})`;
  const psps = [
    ...new Set([...(facets?.psps ?? []), ...Object.keys(settings.validity_hours_by_psp), ...Object.keys(settings.zone_by_psp)]),
  ].sort();

  return (
    <div className="settings-screen">
      <section className="card">
        <h2>{t("settings.you")}</h2>
        <SettingRow k="actor" label="settings.actor" hint="settings.actor_hint" initial={settings.actor ?? ""} onSaved={onActorChanged} />
        <SettingRow
          k="lang"
          label="settings.lang"
          initial={settings.lang}
          onSaved={(v) => setLang(v as Lang)}
          render={(value, set) => (
            <select data-testid="setting-lang" value={value} onChange={(e) => set(e.target.value)}>
              {LANGS.map((l) => <option key={l} value={l}>{LANG_NAMES[l]}</option>)}
            </select>
          )}
        />
      </section>
      <section className="card">
        <h2>{t("settings.matching")}</h2>
        {changes.length > 0 ? (
          <div className="notice" role="status" data-testid="settings-rerun-banner">
            <p>{t("settings.changed", { what: changes.join("; ") })}</p>
            {lastAsOf ? (
              <>
                <p>{t("settings.still_judged", { as_of: asOfText(lastAsOf) })}</p>
                <button type="button" className="primary" data-testid="settings-rerun" disabled={rerun.busy} onClick={() => void reconcileAgain(lastAsOf)}>
                  {rerun.busy ? t("common.working") : t("settings.rerun", { as_of: asOfText(lastAsOf) })}
                </button>
              </>
            ) : null}
          </div>
        ) : null}
        {rerun.result ? (
          <p className="ok" role="status" data-testid="settings-rerun-result">
            {tp("settings.rerun_done", rerun.result.changed, { as_of: asOfText(rerun.result.as_of) })}
          </p>
        ) : null}
        <ErrorLine error={rerun.error} testid="settings-rerun-error" />
        <SettingRow k="zone" label="settings.zone" hint="settings.zone_hint" initial={settings.zone} onSaved={dataChanged} onChanged={matchingChanged(t("settings.zone"))} />
        {psps.map((p, i) => (
          <SettingRow
            key={p}
            k={`zone.${p}`}
            label="settings.zone_psp"
            hint={i === psps.length - 1 ? "settings.zone_psp_hint" : undefined}
            vars={{ psp: p }}
            initial={settings.zone_by_psp[p] ?? ""}
            placeholder={t("settings.zone_psp_default")}
            onChanged={matchingChanged(t("settings.zone_psp", { psp: p }))}
          />
        ))}
        <SettingRow k="validity_hours" label="settings.validity" hint="settings.validity_hint" initial={String(settings.validity_hours)} numeric onChanged={matchingChanged(t("settings.validity"))} />
        {psps.map((p) => (
          <SettingRow
            key={p}
            k={`validity_hours.${p}`}
            label="settings.validity_psp"
            vars={{ psp: p }}
            initial={settings.validity_hours_by_psp[p] !== undefined ? String(settings.validity_hours_by_psp[p]) : ""}
            placeholder={String(settings.validity_hours)}
            numeric
            onChanged={matchingChanged(t("settings.validity_psp", { psp: p }))}
          />
        ))}
        <SettingRow k="tolerance" label="settings.tolerance" hint="settings.tolerance_hint" initial={settings.tolerance} numeric onChanged={matchingChanged(t("settings.tolerance"))} />
        <SettingRow k="grace_days" label="settings.grace" hint="settings.grace_hint" initial={String(settings.grace_days)} numeric onChanged={matchingChanged(t("settings.grace"))} />
      </section>
      <section className="card">
        <h2>{t("settings.retention_title")}</h2>
        <SettingRow
          k="retention_years"
          label="settings.retention"
          hint="settings.retention_hint"
          initial={String(settings.retention_years)}
          numeric
          check={(v) => (Number(v) < settings.retention_years ? tp("settings.retention_lower", settings.retention_years) : null)}
          onSaved={(v) => setSettings({ ...settings, retention_years: Number(v) })}
        />
      </section>
    </div>
  );
}

interface RowProps {
  k: SettingKey;
  label: MessageKey;
  hint?: MessageKey | undefined;
  vars?: Record<string, string>;
  initial: string;
  placeholder?: string;
  numeric?: boolean;
  /** A check made before asking the backend; the sentence saying why when the value is refused. */
  check?: (value: string) => string | null;
  onSaved?: (value: string) => void;
  /** Called with the value before and after, when a save changed it. */
  onChanged?: (before: string, after: string) => void;
  render?: (value: string, set: (v: string) => void) => ReactNode;
}

function SettingRow({ k, label, hint, vars, initial, placeholder, numeric, check, onSaved, onChanged, render }: RowProps) {
  const { backend } = useApp();
  const { t } = useI18n();
  const [value, setValue] = useState(initial);
  const [saved, setSaved] = useState(initial);
  const [message, setMessage] = useState<{ ok: boolean; text?: string; error?: unknown } | null>(null);

  async function save(next = value) {
    const refused = check?.(next);
    if (refused) {
      setMessage({ ok: false, text: refused });
      return;
    }
    try {
      const stored = await backend.setSetting(k, next);
      const before = saved;
      setSaved(stored);
      setValue(stored);
      setMessage({ ok: true, text: t("settings.saved") });
      onSaved?.(stored);
      if (stored !== before) onChanged?.(before, stored);
    } catch (e) {
      setMessage({ ok: false, error: e });
    }
  }

  const id = `setting-${k}`;
  return (
    <div className="setting-row">
      <label htmlFor={id} className="field-label">{t(label, vars)}</label>
      <div className="row">
        {render ? (
          render(value, (v) => {
            setValue(v);
            void save(v);
          })
        ) : (
          <>
            <input id={id} data-testid={id} value={value} placeholder={placeholder} inputMode={numeric ? "decimal" : undefined} onChange={(e) => { setValue(e.target.value); setMessage(null); }} onKeyDown={(e) => e.key === "Enter" && void save()} />
            <button type="button" data-testid={`save-${k}`} disabled={value === saved} onClick={() => void save()}>{t("common.save")}</button>
          </>
        )}
      </div>
      {hint ? <span className="field-hint">{t(hint)}</span> : null}
      {message?.text ? <span className={message.ok ? "ok small" : "error small"} role={message.ok ? "status" : "alert"} data-testid={`setting-message-${k}`}>{message.text}</span> : null}
      {message?.error ? <ErrorLine error={message.error} testid={`setting-message-${k}`} /> : null}
    </div>
  );
}
