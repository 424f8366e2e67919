//! `cuadra-cli period close|reopen|list|verify`: lock a month's cases under a seal, reopen it
//! with a reason, list periods, and check a closed period's seal against its cases now.

use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};
use cuadra_core::periods::SealCheck;
use cuadra_core::store::Workspace;
use std::process::ExitCode;

#[derive(Args)]
pub struct PeriodArgs {
    #[command(subcommand)]
    command: PeriodCommand,
}

#[derive(Subcommand)]
enum PeriodCommand {
    /// Close a period (YYYY-MM): seal its cases and lock them against changes.
    Close {
        /// The period, like 2026-10.
        period: String,
        /// A note kept with the close.
        #[arg(long)]
        note: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Reopen a closed period so its cases can change again (a reason is required).
    Reopen {
        period: String,
        /// Why the period is reopened (kept in the audit trail).
        #[arg(long)]
        reason: String,
        #[arg(long)]
        json: bool,
    },
    /// List the periods that have cases or were ever closed.
    List {
        #[arg(long)]
        json: bool,
    },
    /// Check a closed period's seal against its cases now; exit 1 when anything changed.
    Verify {
        period: String,
        #[arg(long)]
        json: bool,
    },
}

fn json_out<T: serde::Serialize>(value: &T) -> Result<(), String> {
    println!(
        "{}",
        serde_json::to_string_pretty(value).map_err(|e| e.to_string())?
    );
    Ok(())
}

pub fn run(
    ws: &mut Workspace,
    actor: &str,
    now: DateTime<Utc>,
    args: PeriodArgs,
) -> Result<ExitCode, String> {
    match args.command {
        PeriodCommand::Close { period, note, json } => {
            let report = ws
                .close_period(&period, actor, now, note.as_deref())
                .map_err(|e| e.to_string())?;
            if json {
                json_out(&report)?;
            } else {
                let p = &report.period;
                println!(
                    "period {} closed by {}: {} case(s) sealed{}",
                    p.period,
                    actor,
                    p.cases_at_close.unwrap_or_default(),
                    if report.to_review > 0 {
                        format!(
                            " ({} still to review: they are locked too; `cuadra-cli case list --period {} --state to_review` lists them)",
                            report.to_review, p.period
                        )
                    } else {
                        String::new()
                    }
                );
                println!("seal:       {}", p.seal.as_deref().unwrap_or(""));
                println!(
                    "chain head: event {}, hash {}",
                    p.head_seq.unwrap_or_default(),
                    p.head_hash.as_deref().unwrap_or("")
                );
                println!("audit event {}", report.audit_seq);
            }
            Ok(ExitCode::SUCCESS)
        }
        PeriodCommand::Reopen {
            period,
            reason,
            json,
        } => {
            let info = ws
                .reopen_period(&period, actor, now, &reason)
                .map_err(|e| e.to_string())?;
            if json {
                json_out(&info)?;
            } else {
                println!(
                    "period {} reopened by {actor}: its {} case(s) can change again; its last seal stays checkable until the next close",
                    info.period, info.cases
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        PeriodCommand::List { json } => {
            let periods = ws.periods().map_err(|e| e.to_string())?;
            if json {
                return json_out(&periods).map(|()| ExitCode::SUCCESS);
            }
            if periods.is_empty() {
                println!("No periods yet: reconcile the workspace first.");
            }
            for p in &periods {
                let detail = match p.state.as_str() {
                    "closed" => format!(
                        "closed by {} on {}, {} case(s) sealed, seal {}",
                        p.closed_by.as_deref().unwrap_or("?"),
                        p.closed_at.as_deref().unwrap_or("?"),
                        p.cases_at_close.unwrap_or_default(),
                        short(p.seal.as_deref())
                    ),
                    "open" => format!(
                        "reopened by {} on {} (last closed by {} on {})",
                        p.reopened_by.as_deref().unwrap_or("?"),
                        p.reopened_at.as_deref().unwrap_or("?"),
                        p.closed_by.as_deref().unwrap_or("?"),
                        p.closed_at.as_deref().unwrap_or("?"),
                    ),
                    _ => "never closed".to_string(),
                };
                println!("{}  {:>8} case(s)  {detail}", p.period, p.cases);
            }
            Ok(ExitCode::SUCCESS)
        }
        PeriodCommand::Verify { period, json } => {
            let check = ws.verify_period_seal(&period).map_err(|e| e.to_string())?;
            if json {
                json_out(&check)?;
            } else {
                print_check(&check);
            }
            Ok(if check.ok() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}

fn short(hash: Option<&str>) -> &str {
    hash.map(|h| &h[..h.len().min(16)]).unwrap_or("")
}

/// Case keys shown per list; the rest are counted.
const SHOWN_KEYS: usize = 20;

fn print_keys(label: &str, keys: &[String]) {
    if keys.is_empty() {
        return;
    }
    let shown: Vec<&str> = keys.iter().take(SHOWN_KEYS).map(String::as_str).collect();
    let more = keys.len().saturating_sub(SHOWN_KEYS);
    println!(
        "  {label} ({}): {}{}",
        keys.len(),
        shown.join(", "),
        if more > 0 {
            format!(" and {more} more (--json lists all)")
        } else {
            String::new()
        }
    );
}

fn print_check(c: &SealCheck) {
    println!(
        "period {} ({}), sealed by {} on {}: {} case(s) then, {} now",
        c.period, c.state, c.closed_by, c.closed_at, c.cases_at_close, c.cases_now
    );
    println!("seal:         {}", c.seal);
    println!("cases now:    {}", c.current_seal);
    if c.unchanged() {
        println!("the period's cases are exactly as sealed");
    } else {
        println!("THE PERIOD'S CASES CHANGED SINCE THE CLOSE:");
        print_keys("changed", &c.changed);
        print_keys("added", &c.added);
        print_keys("removed", &c.removed);
        if c.purges_since_close > 0 {
            println!(
                "  {} retention purge(s) since the close removed cases of purged files: see cuadra-cli audit log --action purge",
                c.purges_since_close
            );
        }
        if c.state == "open" {
            println!("  the period was reopened after the close, so changes may be legitimate: see cuadra-cli audit log --subject period:{}", c.period);
        }
    }
    for p in &c.record_problems {
        println!("SEAL RECORD PROBLEM: {p}");
    }
    if let Some((seq, why)) = &c.chain.first_broken {
        println!(
            "AUDIT CHAIN BROKEN at event {seq}: {}",
            why.render_inline(cuadra_core::words::Lang::En)
        );
    }
    if c.ok() {
        println!("seal verified");
    }
}
