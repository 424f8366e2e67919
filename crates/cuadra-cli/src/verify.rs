//! `cuadra-cli verify`: re-derive every stored row from the stored original files and compare,
//! check SQLite's integrity, the audit chain and its witness, the period seals, and the cases
//! against the last reconciliation run again. Exit 0 only when everything holds.

use chrono::{DateTime, Utc};
use clap::Args;
use cuadra_core::store::Workspace;
use cuadra_core::verify::{CheckOutcome, CheckResult, VerifyReport, Witness};
use cuadra_core::words::Lang;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Args)]
pub struct VerifyArgs {
    /// Only the checks cheap enough for every open: the audit chain and its witness.
    #[arg(long)]
    quick: bool,
    /// Also hold the chain against the head another copy saw: a backup of this workspace, or a
    /// `.head` witness file kept elsewhere. Fails when this chain is shorter or different.
    #[arg(long, value_name = "FILE")]
    against: Option<PathBuf>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// The head a backup (a workspace file) or a witness file (`.head`, JSON) saw.
fn head_of(path: &Path) -> Result<Witness, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    if let Ok(w) = serde_json::from_slice::<Witness>(&bytes) {
        return Ok(w);
    }
    let other = Workspace::open_existing(path).map_err(|e| e.msg().render_inline(Lang::En))?;
    let v = other
        .verify_audit()
        .map_err(|e| e.msg().render_inline(Lang::En))?;
    if !v.ok() {
        return Err(format!(
            "{}'s own audit chain does not verify: it cannot witness this one",
            path.display()
        ));
    }
    Ok(Witness {
        seq: v.head_seq,
        hash: v.head_hash,
        file: None,
    })
}

pub fn run(ws: &Workspace, now: DateTime<Utc>, args: VerifyArgs) -> Result<ExitCode, String> {
    let report = if args.quick {
        ws.quick_verify()
    } else {
        ws.verify(now)
    }
    .map_err(|e| e.msg().render_inline(Lang::En))?;
    let mut report = report;
    if let Some(path) = &args.against {
        let seen = head_of(path)?;
        let found = ws
            .check_against(&seen, &path.display().to_string())
            .map_err(|e| e.msg().render_inline(Lang::En))?;
        report.checks.push(CheckResult {
            check: "against",
            outcome: if found.is_some() {
                CheckOutcome::Failed
            } else {
                CheckOutcome::Passed
            },
            found: u64::from(found.is_some()),
            findings: found.into_iter().collect(),
            compared: 1,
            seconds: 0.0,
        });
    }
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
