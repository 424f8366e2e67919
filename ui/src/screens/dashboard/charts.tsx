// Small hand-written SVG charts. Amounts are decimal strings; bar lengths need a number, so they
// are converted with Number() for geometry only (a pixel is far coarser than a float's error) and
// every label shows the exact string, formatted.

import type { AgingPoint, DailyPoint, StatusTotal } from "../../ipc";
import { useI18n } from "../../i18n/i18n";
import { formatShortDate } from "../../format/time";

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
  return (
    <svg className="chart" role="img" aria-label={t("dash.status_breakdown")} viewBox={`0 0 ${width} ${totals.length * rowH + 4}`} data-testid="chart-status">
      {totals.map((s, i) => {
        const w = Math.max(1, (s.count / max) * barW);
        return (
          <g key={s.status} transform={`translate(0 ${i * rowH + 2})`} className="chart-row" onClick={() => onPick(s)} role="button" aria-label={`${t(`status.${s.status}`)}${t("common.colon")}${count(s.count)}`}>
            <text x={labelW - 6} y={13} textAnchor="end" className="chart-label">{t(`status.${s.status}`)}</text>
            <rect x={labelW} y={3} width={w} height={rowH - 7} className={`bar s-${s.status}`} rx={2} />
            <text x={labelW + w + 6} y={13} className="chart-value">{count(s.count)}</text>
          </g>
        );
      })}
    </svg>
  );
}

export function DailyChart({ points }: { points: DailyPoint[] }) {
  const { t, lang, money } = useI18n();
  const width = 560;
  const height = 170;
  const pad = { left: 8, right: 8, top: 10, bottom: 22 };
  const max = Math.max(1, ...points.flatMap((p) => [magnitude(p.paid), magnitude(p.settled)]));
  const slot = points.length ? (width - pad.left - pad.right) / points.length : 0;
  const barW = Math.max(1, slot / 2 - 1);
  const h = height - pad.top - pad.bottom;
  const labelEvery = Math.max(1, Math.ceil(points.length / 8));
  return (
    <figure className="chart-fig">
      <svg className="chart" role="img" aria-label={t("dash.daily")} viewBox={`0 0 ${width} ${height}`} data-testid="chart-daily">
        {points.map((p, i) => {
          const x = pad.left + i * slot;
          const hp = (magnitude(p.paid) / max) * h;
          const hs = (magnitude(p.settled) / max) * h;
          return (
            <g key={p.date}>
              <rect x={x} y={pad.top + h - hp} width={barW} height={hp} className="bar paid">
                <title>{`${p.date} · ${t("dash.paid")}${t("common.colon")}${money(p.paid, p.currency)}`}</title>
              </rect>
              <rect x={x + barW + 1} y={pad.top + h - hs} width={barW} height={hs} className="bar settled">
                <title>{`${p.date} · ${t("dash.settled")}${t("common.colon")}${money(p.settled, p.currency)}`}</title>
              </rect>
              {i % labelEvery === 0 ? (
                <text x={x} y={height - 6} className="chart-axis">{formatShortDate(p.date, lang)}</text>
              ) : null}
            </g>
          );
        })}
        <line x1={pad.left} x2={width - pad.right} y1={pad.top + h} y2={pad.top + h} className="axis" />
      </svg>
      <figcaption className="legend">
        <span className="key paid" /> {t("dash.paid")} <span className="key settled" /> {t("dash.settled")}
      </figcaption>
    </figure>
  );
}

export function AgingChart({ points, onPick }: { points: AgingPoint[]; onPick: () => void }) {
  const { t, count, money } = useI18n();
  const width = 360;
  const height = 150;
  const max = Math.max(1, ...points.map((p) => p.count));
  const slot = width / Math.max(points.length, 1);
  const h = height - 40;
  return (
    <svg className="chart" role="img" aria-label={t("dash.aging")} viewBox={`0 0 ${width} ${height}`} data-testid="chart-aging">
      {points.map((p, i) => {
        const bh = (p.count / max) * h;
        const x = i * slot + 8;
        return (
          <g key={p.bucket} className="chart-row" onClick={onPick} role="button" aria-label={`${t(`dash.aging.${p.bucket}`)}${t("common.colon")}${count(p.count)}`}>
            <rect x={x} y={14 + h - bh} width={slot - 16} height={bh} className="bar aging" rx={2}>
              <title>{money(p.amount, p.currency)}</title>
            </rect>
            <text x={x + (slot - 16) / 2} y={10 + h - bh} textAnchor="middle" className="chart-value">{count(p.count)}</text>
            <text x={x + (slot - 16) / 2} y={height - 8} textAnchor="middle" className="chart-axis">{t(`dash.aging.${p.bucket}`)}</text>
          </g>
        );
      })}
    </svg>
  );
}
