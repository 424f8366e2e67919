// Small hand-written SVG charts. Amounts are decimal strings; bar lengths need a number, so they
// are converted with Number() for geometry only (a pixel is far coarser than a float's error) and
// every label shows the string formatted as every amount in the window (formatMoney). Amounts are
// never put on one scale across currencies: a chart per currency.

import type { AgingPoint, DailyPoint, StatusTotal } from "../../ipc";
import { useI18n } from "../../i18n/i18n";
import { formatShortDate } from "../../format/time";
import { moneyTitle } from "../../format/money";

function magnitude(amount: string): number {
  const n = Number(amount);
  return Number.isFinite(n) ? Math.abs(n) : 0;
}

export function StatusBars({ totals: rows, onPick }: { totals: StatusTotal[]; onPick: (s: StatusTotal) => void }) {
  const { t, count } = useI18n();
  // One bar per status: a status with cases in two currencies has two rows in the summary.
  const totals: StatusTotal[] = [];
  for (const row of rows) {
    const seen = totals.find((s) => s.status === row.status);
    if (seen) seen.count += row.count;
    else totals.push({ ...row });
  }
  const max = Math.max(1, ...totals.map((s) => s.count));
  const rowH = 20;
  const labelW = 170;
  const width = 520;
  const barW = width - labelW - 70;
  const top = 16;
  return (
    <svg className="chart" role="img" aria-label={t("dash.status_breakdown")} viewBox={`0 0 ${width} ${totals.length * rowH + 4 + top}`} data-testid="chart-status">
      <text x={labelW} y={11} className="chart-axis">{t("dash.axis.cases")}</text>
      {totals.map((s, i) => {
        const w = Math.max(1, (s.count / max) * barW);
        return (
          <g key={s.status} transform={`translate(0 ${i * rowH + 2 + top})`} className="chart-row" onClick={() => onPick(s)} role="button" aria-label={`${t(`status.${s.status}`)}${t("common.colon")}${count(s.count)}`}>
            <text x={labelW - 6} y={13} textAnchor="end" className="chart-label">{t(`status.${s.status}`)}</text>
            <rect x={labelW} y={3} width={w} height={rowH - 7} className={`bar s-${s.status}`} rx={2} />
            <text x={labelW + w + 6} y={13} className="chart-value">{count(s.count)}</text>
          </g>
        );
      })}
    </svg>
  );
}

/** Points of one currency: a chart never puts two currencies on one scale. */
export function byCurrency<T extends { currency: string }>(points: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const p of points) groups.set(p.currency, [...(groups.get(p.currency) ?? []), p]);
  return [...groups];
}

/** Round tick values for a value axis from 0 to at least `max`: 1, 2 or 5 times a power of ten. */
export function valueTicks(max: number, count = 4): { ticks: number[]; top: number; decimals: number } {
  if (!(max > 0)) return { ticks: [0], top: 1, decimals: 0 };
  const raw = max / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const top = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(v);
  return { ticks, top, decimals: Math.max(0, -Math.floor(Math.log10(step))) };
}

/** Paid against settled per day, one chart per currency, with a money axis and a day axis. */
export function DailyChart({ points }: { points: DailyPoint[] }) {
  const groups = byCurrency(points);
  return (
    <div>
      {groups.map(([currency, pts]) => (
        <DailyCurrencyChart key={currency} currency={currency} points={pts} titled={groups.length > 1} />
      ))}
    </div>
  );
}

function DailyCurrencyChart({ currency, points, titled }: { currency: string; points: DailyPoint[]; titled: boolean }) {
  const { t, lang, money } = useI18n();
  const width = 560;
  const height = 190;
  const pad = { left: 104, right: 8, top: 16, bottom: 24 };
  const { ticks, top, decimals } = valueTicks(Math.max(0, ...points.flatMap((p) => [magnitude(p.paid), magnitude(p.settled)])));
  const slot = points.length ? (width - pad.left - pad.right) / points.length : 0;
  const barW = Math.max(1, slot / 2 - 1);
  const h = height - pad.top - pad.bottom;
  const y = (v: number) => pad.top + h - (v / top) * h;
  const labelEvery = Math.max(1, Math.ceil(points.length / 7));
  const title = t("dash.with_currency", { label: t("dash.daily"), currency });
  return (
    <figure className="chart-fig" data-testid={`chart-daily-${currency}`}>
      {titled ? <figcaption className="chart-title">{currency}</figcaption> : null}
      <svg className="chart" role="img" aria-label={title} viewBox={`0 0 ${width} ${height}`} data-testid="chart-daily">
        <text x={4} y={10} className="chart-axis">{t("dash.axis.amount", { currency })}</text>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={pad.left} x2={width - pad.right} y1={y(v)} y2={y(v)} className="grid-line" />
            <text x={pad.left - 6} y={y(v) + 3} textAnchor="end" className="chart-axis" data-testid="chart-daily-tick">
              {money(v.toFixed(decimals), currency)}
            </text>
          </g>
        ))}
        {points.map((p, i) => {
          const x = pad.left + i * slot;
          const hp = (magnitude(p.paid) / top) * h;
          const hs = (magnitude(p.settled) / top) * h;
          return (
            <g key={p.date}>
              <rect x={x} y={pad.top + h - hp} width={barW} height={hp} className="bar paid">
                <title>{`${p.date} · ${t("dash.paid")}${t("common.colon")}${money(p.paid, currency)}`}</title>
              </rect>
              <rect x={x + barW + 1} y={pad.top + h - hs} width={barW} height={hs} className="bar settled">
                <title>{`${p.date} · ${t("dash.settled")}${t("common.colon")}${money(p.settled, currency)}`}</title>
              </rect>
              {i % labelEvery === 0 ? (
                <text x={x + barW} y={height - 8} textAnchor="middle" className="chart-axis">{formatShortDate(p.date, lang)}</text>
              ) : null}
            </g>
          );
        })}
        <line x1={pad.left} x2={pad.left} y1={pad.top} y2={pad.top + h} className="axis" />
        <line x1={pad.left} x2={width - pad.right} y1={pad.top + h} y2={pad.top + h} className="axis" />
      </svg>
      <figcaption className="legend">
        <span className="key paid" /> {t("dash.paid")} <span className="key settled" /> {t("dash.settled")}
        <span className="muted">· {t("dash.axis.day")}</span>
      </figcaption>
    </figure>
  );
}

/** Open vouchers by age: counts on the bars, each bucket's amount under its label, per currency. */
export function AgingChart({ points, onPick }: { points: AgingPoint[]; onPick: () => void }) {
  const groups = byCurrency(points);
  return (
    <div>
      {groups.map(([currency, pts]) => (
        <AgingCurrencyChart key={currency} currency={currency} points={pts} titled={groups.length > 1} onPick={onPick} />
      ))}
    </div>
  );
}

function AgingCurrencyChart({ currency, points, titled, onPick }: { currency: string; points: AgingPoint[]; titled: boolean; onPick: () => void }) {
  const { t, count, money } = useI18n();
  const width = 420;
  const height = 176;
  const pad = { left: 8, top: 30, bottom: 40 };
  const max = Math.max(1, ...points.map((p) => p.count));
  const slot = (width - pad.left) / Math.max(points.length, 1);
  const h = height - pad.top - pad.bottom;
  return (
    <figure className="chart-fig" data-testid={`chart-aging-${currency}`}>
      {titled ? <figcaption className="chart-title">{currency}</figcaption> : null}
      <svg className="chart" role="img" aria-label={t("dash.with_currency", { label: t("dash.aging"), currency })} viewBox={`0 0 ${width} ${height}`} data-testid="chart-aging">
        <text x={4} y={10} className="chart-axis">{t("dash.axis.cases")}</text>
        {points.map((p, i) => {
          const bh = (p.count / max) * h;
          const x = pad.left + i * slot + 6;
          const w = slot - 12;
          return (
            <g key={p.bucket} className="chart-row" onClick={onPick} role="button" aria-label={`${t(`dash.aging.${p.bucket}`)}${t("common.colon")}${count(p.count)} · ${money(p.amount, currency)}`}>
              <rect x={x} y={pad.top + h - bh} width={w} height={bh} className="bar aging" rx={2}>
                <title>{moneyTitle(p.amount, currency)}</title>
              </rect>
              <text x={x + w / 2} y={pad.top + h - bh - 4} textAnchor="middle" className="chart-value">{count(p.count)}</text>
              <text x={x + w / 2} y={height - 22} textAnchor="middle" className="chart-axis">{t(`dash.aging.${p.bucket}`)}</text>
              <text x={x + w / 2} y={height - 8} textAnchor="middle" className="chart-axis" data-testid="chart-aging-amount">{money(p.amount, currency)}</text>
            </g>
          );
        })}
        <line x1={pad.left} x2={width} y1={pad.top + h} y2={pad.top + h} className="axis" />
      </svg>
      <figcaption className="legend"><span className="muted">{t("dash.axis.age")}</span></figcaption>
    </figure>
  );
}
