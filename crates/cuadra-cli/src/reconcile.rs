//! `cuadra-cli reconcile`: match every order and settlement line of the workspace, store the
//! cases (people's decisions kept), and print the counts and amounts per status.

use clap::Args;
use cuadra_core::cases::{CaseFilter, CaseSort, DashFilter, SortKey};
use cuadra_core::reconcile::CaseStatus;
use cuadra_core::store::Workspace;
use std::collections::HashMap;
use std::process::ExitCode;

#[derive(Args)]
pub struct ReconcileArgs {
    /// The moment vouchers and grace periods are judged at: RFC 3339, or a day (`2026-05-31`,
    /// meaning its last second in the workspace zone); default: now.
    #[arg(long)]
    as_of: Option<String>,
    /// Print the cases as a JSON array (each with its `line_ids`) instead of the summary.
    #[arg(long)]
    json: bool,
    /// Judge every order and line again, not only what changed since the last run (both give
    /// the same cases; a partial run is the default whenever the last run can be built on).
    #[arg(long)]
    full: bool,
}

/// `--as-of` as an instant; now when absent.
pub fn parse_as_of(text: Option<&str>) -> Result<chrono::DateTime<chrono::Utc>, String> {
    match text {
        Some(text) => chrono::DateTime::parse_from_rfc3339(text)
            .map(|t| t.with_timezone(&chrono::Utc))
            .map_err(|e| {
                format!(
                    "--as-of '{text}' is not an RFC 3339 time like 2026-05-31T23:59:59-05:00: {e}"
                )
            }),
        None => Ok(chrono::Utc::now()),
    }
}

pub fn run(
    ws: &mut Workspace,
    actor: &str,
    now: chrono::DateTime<chrono::Utc>,
    args: ReconcileArgs,
) -> Result<ExitCode, String> {
    let as_of = match args.as_of.as_deref() {
        Some(day) if chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").is_ok() => {
            let day =
                chrono::NaiveDate::parse_from_str(day, "%Y-%m-%d").map_err(|e| e.to_string())?;
            ws.as_of_day(day).map_err(|e| e.to_string())?
        }
        Some(_) => parse_as_of(args.as_of.as_deref())?,
        None => now,
    };
    let run = ws
        .run_reconciliation_with(as_of, actor, now, args.full)
        .map_err(|e| e.to_string())?;
    if args.json {
        let mut lines: HashMap<String, Vec<i64>> = HashMap::new();
        {
            let mut stmt = ws
                .conn()
                .prepare(
                    "SELECT c.case_key, l.line_id FROM case_lines l JOIN cases c ON c.id = l.case_id
                     ORDER BY l.line_id",
                )
                .map_err(|e| e.to_string())?;
            let rows = stmt
                .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))
                .map_err(|e| e.to_string())?;
            for row in rows {
                let (k, l) = row.map_err(|e| e.to_string())?;
                lines.entry(k).or_default().push(l);
            }
        }
        let mut out = Vec::new();
        let sort = CaseSort {
            key: SortKey::CaseKey,
            desc: false,
        };
        ws.for_each_case(&CaseFilter::default(), sort, |c| {
            let mut v = serde_json::to_value(c).unwrap_or_default();
            v["line_ids"] = serde_json::json!(lines.get(&c.case_key).cloned().unwrap_or_default());
            out.push(v);
            Ok(())
        })
        .map_err(|e| e.to_string())?;
        println!(
            "{}",
            serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{} orders and {} settlement lines in {} cases, as of {} (run {}: {} cases written, {} removed)",
        run.orders, run.lines, run.cases, run.as_of, run.run_id, run.written, run.removed
    );
    match run.full_because {
        None => println!(
            "partial run: judged {} of {} orders and lines (what changed since the last run)",
            run.judged,
            run.orders + run.lines
        ),
        Some(why) => println!("full run: every order and line judged ({})", why.as_str()),
    }
    for key in &run.reopened {
        println!("reopened: {key} (its order or lines changed after it was resolved)");
    }
    // From the dashboard's rollups (kept by every write), not a pass over every case.
    let dash = ws
        .dashboard(&DashFilter::default())
        .map_err(|e| e.to_string())?;
    println!(
        "{:<22} {:>9} {:>9}  {:<8} {:>20}",
        "status", "cases", "open", "currency", "amount"
    );
    let mut by_status = dash.by_status;
    by_status.sort_by_key(|t| (CaseStatus::rank(&t.status), t.currency.clone()));
    let mut last = String::new();
    for t in &by_status {
        let name = if t.status != last {
            t.status.as_str()
        } else {
            ""
        };
        last = t.status.clone();
        let currency = if t.currency.is_empty() {
            "-"
        } else {
            t.currency.as_str()
        };
        println!(
            "{name:<22} {:>9} {:>9}  {currency:<8} {:>20}",
            t.count, t.open, t.amount
        );
    }
    println!("(amount: the order total, else what was paid or settled)");
    Ok(ExitCode::SUCCESS)
}
