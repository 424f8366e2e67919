//! `cuadra-cli retention status` and `retention purge --before DATE`: what is kept until when,
//! and the removal, on request and after confirmation, of files past retention.

use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};
use cuadra_core::retention::{parse_date, PurgePlan};
use cuadra_core::store::Workspace;
use std::io::{BufRead, IsTerminal, Write};
use std::process::ExitCode;

#[derive(Args)]
pub struct RetentionArgs {
    #[command(subcommand)]
    command: RetentionCommand,
}

#[derive(Subcommand)]
enum RetentionCommand {
    /// Per period and per file: when it ends, until when it is kept, whether it is past retention.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Remove imported files whose content ends before DATE, if all of them are past retention.
    /// Leaves a tombstone and an audit event per file; the audit trail is never removed.
    Purge {
        /// Files whose last period ends before this date (YYYY-MM-DD).
        #[arg(long)]
        before: String,
        /// Do not ask for confirmation (needed when stdin is not a terminal).
        #[arg(long)]
        yes: bool,
        #[arg(long)]
        json: bool,
    },
}

pub fn run(
    ws: &mut Workspace,
    actor: &str,
    now: DateTime<Utc>,
    args: RetentionArgs,
) -> Result<ExitCode, String> {
    match args.command {
        RetentionCommand::Status { json } => status(ws, now, json),
        RetentionCommand::Purge { before, yes, json } => purge(ws, actor, now, &before, yes, json),
    }
}

fn yes_no(past: bool) -> &'static str {
    if past {
        "yes"
    } else {
        "no"
    }
}

fn status(ws: &Workspace, now: DateTime<Utc>, json: bool) -> Result<ExitCode, String> {
    let s = ws.retention_status(now).map_err(|e| e.to_string())?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&s).map_err(|e| e.to_string())?
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "retention: {} years after a period ends (setting retention_years; Colombian commercial law, Ley 962 de 2005 art. 28, asks 10). Today is {} ({}).",
        s.retention_years, s.today, s.zone
    );
    println!("\nperiods");
    println!(
        "{:<8} {:>11} {:>11} {:>6} {:>6} {:>8}",
        "period", "ends", "kept until", "files", "cases", "past"
    );
    for p in &s.periods {
        println!(
            "{:<8} {:>11} {:>11} {:>6} {:>6} {:>8}",
            p.period,
            p.ends_on.to_string(),
            p.kept_until.to_string(),
            p.files,
            p.cases,
            yes_no(p.past_retention)
        );
    }
    println!("\nfiles");
    println!(
        "{:>5} {:<8} {:>11} {:>11} {:>5}  name",
        "id", "period", "ends", "kept until", "past"
    );
    for f in &s.files {
        println!(
            "{:>5} {:<8} {:>11} {:>11} {:>5}  {} ({})",
            f.file_id,
            f.last_period,
            f.ends_on.to_string(),
            f.kept_until.to_string(),
            yes_no(f.past_retention),
            f.name,
            f.kind
        );
    }
    if !s.purged.is_empty() {
        println!("\npurged files (tombstones)");
        for t in &s.purged {
            println!(
                "{:>5} {:<8} purged {} by {}  {}  sha256 {}",
                t.file_id, t.last_period, t.purged_at, t.purged_by, t.name, t.sha256
            );
        }
    }
    let past = s.files.iter().filter(|f| f.past_retention).count();
    println!(
        "\n{past} of {} file(s) past retention. Nothing is deleted automatically: `cuadra-cli retention purge --before DATE` removes files past retention on request.",
        s.files.len()
    );
    Ok(ExitCode::SUCCESS)
}

fn print_plan(plan: &PurgePlan) {
    println!(
        "{} file(s) past retention ({} years) end before {}; {} current case(s) hold their rows and go with them (the next reconcile derives cases again from what remains):",
        plan.files.len(),
        plan.retention_years,
        plan.before,
        plan.cases
    );
    for f in &plan.files {
        println!(
            "  file {:>5}  period {}  kept until {}  {} ({}, sha256 {})",
            f.file_id, f.last_period, f.kept_until, f.name, f.kind, f.sha256
        );
    }
}

fn confirmed(plan: &PurgePlan) -> Result<bool, String> {
    let stdin = std::io::stdin();
    if !stdin.is_terminal() {
        return Err(format!(
            "nothing was deleted: a purge needs confirmation and stdin is not a terminal. Check the list above, then run again with --yes: cuadra-cli retention purge --before {} --yes",
            plan.before
        ));
    }
    print!("Type 'purge' to delete these files for good (a tombstone and an audit event stay): ");
    std::io::stdout().flush().map_err(|e| e.to_string())?;
    let mut answer = String::new();
    stdin
        .lock()
        .read_line(&mut answer)
        .map_err(|e| e.to_string())?;
    Ok(answer.trim() == "purge")
}

fn purge(
    ws: &mut Workspace,
    actor: &str,
    now: DateTime<Utc>,
    before: &str,
    yes: bool,
    json: bool,
) -> Result<ExitCode, String> {
    let before = parse_date(before).map_err(|e| e.to_string())?;
    let plan = ws.purge_plan(before, now).map_err(|e| e.to_string())?;
    if plan.files.is_empty() {
        println!("Nothing to purge: no imported file's content ends before {before}.");
        return Ok(ExitCode::SUCCESS);
    }
    if !json || !yes {
        print_plan(&plan);
    }
    if !yes && !confirmed(&plan)? {
        println!("Not confirmed: nothing was deleted.");
        return Ok(ExitCode::from(1));
    }
    let report = ws.purge(before, actor, now).map_err(|e| e.to_string())?;
    if json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
        );
        return Ok(ExitCode::SUCCESS);
    }
    for t in &report.files {
        println!(
            "purged file {} ({}): tombstone kept, audit event {}",
            t.file_id, t.name, t.audit_seq
        );
    }
    println!(
        "{} file(s) purged, {} case(s) and {} order(s) removed with them. The audit trail is untouched: `cuadra-cli audit verify` still verifies it.",
        report.files.len(),
        report.cases_removed,
        report.orders_removed
    );
    Ok(ExitCode::SUCCESS)
}
