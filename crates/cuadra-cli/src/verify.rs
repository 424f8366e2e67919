//! `cuadra-cli verify`: re-derive every stored row from the stored original files and compare,
//! check SQLite's integrity, the audit chain and its witness, the period seals, and the cases
//! against the last reconciliation run again. Exit 0 only when everything holds.

use chrono::{DateTime, Utc};
use clap::Args;
use cuadra_core::store::Workspace;
use cuadra_core::verify::{CheckOutcome, VerifyReport};
use cuadra_core::words::Lang;
use std::process::ExitCode;

#[derive(Args)]
pub struct VerifyArgs {
    /// Only the checks cheap enough for every open: the audit chain and its witness.
    #[arg(long)]
    quick: bool,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn run(ws: &Workspace, now: DateTime<Utc>, args: VerifyArgs) -> Result<ExitCode, String> {
    let report = if args.quick {
        ws.quick_verify()
    } else {
        ws.verify(now)
    }
    .map_err(|e| e.msg().render_inline(Lang::En))?;
    if args.json {
        let v = serde_json::json!({ "ok": report.ok(), "checks": report.checks });
        println!(
            "{}",
            serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?
        );
    } else {
        print(&report);
    }
    Ok(if report.ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn print(report: &VerifyReport) {
    for c in &report.checks {
        let word = match c.outcome {
            CheckOutcome::Passed => "ok",
            CheckOutcome::Failed => "FAILED",
            CheckOutcome::Skipped => "skipped",
        };
        println!(
            "{:<13} {word:<8} {} compared, {:.1} s",
            c.check, c.compared, c.seconds
        );
        for f in &c.findings {
            println!("  {}", f.render_inline(Lang::En));
        }
        if c.found as usize > c.findings.len() {
            println!("  ... and {} more", c.found as usize - c.findings.len());
        }
    }
    if report.ok() {
        println!("everything verifies");
    } else {
        println!("the workspace does NOT verify: see above");
    }
}
