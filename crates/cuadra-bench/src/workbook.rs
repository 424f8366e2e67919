//! `cuadra-bench workbook [--cases N] [--dir DIR]` (default 1,000,000 cases): fills a fresh
//! workspace with N stored cases by plain SQL inserts (generating, importing and reconciling a
//! million orders would take far longer than what is measured, and the workbook reads only the
//! `cases` table, the audit trail and the files list), then writes the full workbook in a child
//! process and prints its time and peak RSS. Issue 5's target: at most 15 s and 1 GB.

use crate::{flag, number, peak_rss_kib};
use cuadra_core::cases::CaseFilter;
use cuadra_core::reconcile::words::{BEFORE_EXPIRY, MATCHED, ORDER_NAMED, PAID_FOR};
use cuadra_core::report::{
    export, CsvOptions, ExportFormat, ExportKind, ExportRequest, Lang, XlsxOptions,
};
use cuadra_core::store::Workspace;
use cuadra_core::words::Arg;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// Status mix of the generated cases: mostly matched, as in a healthy month.
const STATUS_MIX: [(&str, u32); 8] = [
    ("matched", 80),
    ("paid_shop_pending", 5),
    ("underpaid", 2),
    ("overpaid", 1),
    ("awaiting_settlement", 4),
    ("expired_unpaid", 3),
    ("unmatched_settlement", 2),
    ("settlement_charge", 3),
];

pub fn bench(args: &[String]) -> Result<(), String> {
    let cases = number(args, "--cases", 1_000_000)?;
    let dir = match flag(args, "--dir") {
        Some(d) => PathBuf::from(d),
        None => std::env::temp_dir().join("cuadra-bench"),
    };
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let db = dir.join(format!("workbook-{cases}.db"));
    if !db.exists() {
        let t = Instant::now();
        fill_cases(&db, cases)?;
        println!(
            "filled {} with {cases} cases (plain SQL) in {:.1} s",
            db.display(),
            t.elapsed().as_secs_f64()
        );
    }
    let out = dir.join(format!("workbook-{cases}.xlsx"));
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let o = Command::new(exe)
        .arg("child-workbook")
        .arg(&db)
        .arg(&out)
        .output()
        .map_err(|e| e.to_string())?;
    if !o.status.success() {
        return Err(format!(
            "child workbook failed: {}",
            String::from_utf8_lossy(&o.stderr)
        ));
    }
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).map_err(|e| e.to_string())?;
    let secs = v["secs"].as_f64().unwrap_or(f64::NAN);
    let rows = v["rows"].as_f64().unwrap_or(0.0);
    println!("\nworkbook export (child process; Summary, Exceptions, Matched, Settlement charges, Audit trail, Files)");
    println!(
        "{:>10} {:>8} {:>12} {:>10} {:>10}",
        "cases", "secs", "cases/s", "MB", "peak RSS"
    );
    println!(
        "{:>10} {:>8.2} {:>12.0} {:>10.1} {:>7.0} MB",
        rows,
        secs,
        rows / secs,
        v["bytes"].as_f64().unwrap_or(0.0) / 1e6,
        v["peak_rss_kib"].as_f64().unwrap_or(0.0) / 1024.0
    );
    println!("target: at most 15 s and 1024 MB for 1,000,000 cases");
    Ok(())
}

/// Inserts `n` cases (and the run they belong to) straight into a fresh workspace.
fn fill_cases(db: &Path, n: usize) -> Result<(), String> {
    let e = |e: rusqlite::Error| e.to_string();
    let mut ws = Workspace::open(db).map_err(|e| e.to_string())?;
    let conn = ws.conn_mut();
    let tx = conn.transaction().map_err(e)?;
    tx.execute(
        "INSERT INTO recon_runs(as_of, ran_at, actor, settings, orders, lines, cases, counts)
         VALUES ('2026-10-31T23:59:59Z', '2026-11-01T12:00:00Z', 'bench', '{}', ?1, ?1, ?1, '{}')",
        [n as i64],
    )
    .map_err(e)?;
    let run_id = tx.last_insert_rowid();
    {
        let mut stmt = tx
            .prepare(
                "INSERT INTO cases(case_key, run_id, status, engine_status, rule, state, order_ref,
                    shop_order_id, settlement_refs, matched_keys, order_total, paid_amount,
                    difference, currency, fee_total, tax_total, net_settled, settlement_currency,
                    psp, payment_method, order_created_at, paid_at, voucher_expires_at, settled_at,
                    shop_status, customer, decided_by, explanation, sort_amount, event_utc,
                    period, fingerprint)
                 VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 'COP', ?13, '0',
                    ?14, 'USD', 'dlocal', 'EY', ?15, ?16, ?17, ?18, 'paid', ?19, 'cuadra', ?20,
                    ?21, ?22, '2026-10', ?23)",
            )
            .map_err(e)?;
        let mut rng = cuadra_testkit::Rng::new(7);
        let weights: u32 = STATUS_MIX.iter().map(|(_, w)| w).sum();
        for i in 0..n {
            let mut pick = (rng.next_u64() % weights as u64) as u32;
            let status = STATUS_MIX
                .iter()
                .find(|(_, w)| {
                    if pick < *w {
                        true
                    } else {
                        pick -= w;
                        false
                    }
                })
                .map(|(s, _)| *s)
                .unwrap_or("matched");
            let order = 1001 + i as u64;
            let total = 20_000 + (rng.next_u64() % 2_000) * 1_000;
            let paid = match status {
                "underpaid" => total - 1_000,
                "overpaid" => total + 500,
                _ => total,
            };
            // COP at ~4012.5 per USD, fees 3 %, six decimals as dLocal writes them.
            let gross_micros = total as u128 * 1_000_000 * 10 / 40_125;
            let fee_micros = gross_micros * 3 / 100;
            let usd = |micros: u128, negative: bool| {
                format!(
                    "{}{}.{:06}",
                    if negative { "-" } else { "" },
                    micros / 1_000_000,
                    micros % 1_000_000
                )
            };
            let day = 1 + (i % 30);
            let second = i % 86_400;
            let at = format!(
                "2026-10-{day:02}T{:02}:{:02}:{:02}-05:00",
                second / 3600,
                (second / 60) % 60,
                second % 60
            );
            stmt.execute(rusqlite::params![
                format!("order:shopify:{order}"),
                run_id,
                status,
                if status == "matched" {
                    "exact_key"
                } else {
                    "bench"
                },
                if status == "matched" {
                    "resolved"
                } else {
                    "open"
                },
                format!("#{order}"),
                format!("55100{order:08}"),
                format!("T-912-ey{order:08}"),
                format!("ped-{order:06}"),
                total.to_string(),
                paid.to_string(),
                (paid as i64 - total as i64).to_string(),
                usd(fee_micros, true),
                usd(gross_micros - fee_micros, false),
                at,
                at,
                at,
                format!("2026-10-{day:02}"),
                format!("Cliente {order}"),
                // The engine's sentence for a matched case, as it stores it (rendered on export).
                cuadra_core::msg!(
                    MATCHED,
                    cuadra_core::msg!(
                        PAID_FOR,
                        Arg::money(paid.into(), Some("COP")),
                        format!("{} (Bogotá)", &at[..16].replace('T', " ")),
                        cuadra_core::msg!(ORDER_NAMED, format!("#{order}")),
                        Arg::money(total.into(), Some("COP"))
                    ),
                    cuadra_core::msg!(BEFORE_EXPIRY, format!("2026-10-{day:02} 23:00"))
                )
                .to_json(),
                (total * 10_000) as i64,
                format!("2026-10-{day:02}T05:00:00Z"),
                format!("bench{i}"),
            ])
            .map_err(e)?;
        }
    }
    tx.commit().map_err(e)?;
    Ok(())
}

pub fn child(args: &[String]) -> Result<(), String> {
    let (Some(db), Some(out)) = (args.first(), args.get(1)) else {
        return Err("child-workbook DB OUT".into());
    };
    let mut ws = Workspace::open(Path::new(db)).map_err(|e| e.to_string())?;
    let req = ExportRequest {
        kind: ExportKind::Workbook,
        format: ExportFormat::Xlsx,
        filter: CaseFilter::default(),
        lang: Lang::Es,
        csv: CsvOptions::default(),
        xlsx: XlsxOptions::default(),
        reconcile_as_of: None,
        actor: "bench".into(),
        now: chrono::Utc::now(),
    };
    let t = Instant::now();
    let outcome = export(&mut ws, &req, Path::new(out)).map_err(|e| e.to_string())?;
    let secs = t.elapsed().as_secs_f64();
    let v = serde_json::json!({
        "secs": secs,
        "rows": outcome.rows,
        "bytes": outcome.bytes,
        "peak_rss_kib": peak_rss_kib(),
    });
    println!("{v}");
    Ok(())
}
