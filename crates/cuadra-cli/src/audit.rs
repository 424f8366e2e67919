//! `cuadra-cli audit verify` and `audit log`: check the hash chain, read the trail.

use clap::{Args, Subcommand};
use cuadra_core::audit::{AuditEvent, AuditFilter, Verification};
use cuadra_core::store::Workspace;
use cuadra_core::time::Moment;
use cuadra_core::words::Lang;
use std::process::ExitCode;

#[derive(Args)]
pub struct AuditArgs {
    #[command(subcommand)]
    command: AuditCommand,
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check the whole hash chain; exit 1 and name the first broken event when it does not verify.
    Verify {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// List audit events, oldest first; `--actor NAME` shows only NAME's events.
    Log(LogArgs),
}

#[derive(Args)]
struct LogArgs {
    /// Events about one case (its key, as `cuadra-cli case` shows it).
    #[arg(long)]
    case: Option<String>,
    /// Events about one subject: file:7, setting:zone, period:2026-10, run:3.
    #[arg(long)]
    subject: Option<String>,
    /// Events on or after this date (YYYY-MM-DD, workspace zone) or time (RFC 3339).
    #[arg(long)]
    since: Option<String>,
    /// Events of one action: import, setting, reconcile, period_close, purge, ...
    #[arg(long)]
    action: Option<String>,
    /// Newest first.
    #[arg(long)]
    newest_first: bool,
    /// Skip this many events.
    #[arg(long, default_value_t = 0)]
    offset: u64,
    /// Show at most this many events.
    #[arg(long)]
    limit: Option<u64>,
    /// Print one JSON array of events, as stored (times in UTC).
    #[arg(long)]
    json: bool,
}

/// `actor`: the global `--actor NAME` when typed on the command line; `audit log` shows only
/// that actor's events (`audit log --actor NAME`).
pub fn run(ws: &Workspace, actor: Option<&str>, args: AuditArgs) -> Result<ExitCode, String> {
    match args.command {
        AuditCommand::Verify { json } => verify(ws, json),
        AuditCommand::Log(args) => log(ws, actor, args),
    }
}

fn verify(ws: &Workspace, json: bool) -> Result<ExitCode, String> {
    let v = ws.verify_audit().map_err(|e| e.to_string())?;
    // The chain can be intact and still shorter than it was: the witness beside the workspace
    // remembers the last head seen.
    let witness = ws.check_witness().map_err(|e| e.to_string())?;
    let ok = v.ok() && witness.is_none();
    if json {
        let out = serde_json::json!({
            "ok": ok,
            "witness": witness.as_ref().map(|m| m.render_inline(Lang::En)),
            "events": v.events,
            "head_seq": v.head_seq,
            "head_hash": v.head_hash,
            "first_broken": v.first_broken.as_ref().map(|(seq, why)| serde_json::json!({"seq": seq, "why": why.render_inline(Lang::En)})),
        });
        println!(
            "{}",
            serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
        );
    } else {
        print_verification(&v);
        if let Some(m) = &witness {
            println!("WITNESS DISAGREES: {}", m.render_inline(Lang::En));
        }
    }
    Ok(if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The verdict as `audit verify` and `backup` print it.
pub fn print_verification(v: &Verification) {
    println!("events: {}", v.events);
    println!("head:   event {}, hash {}", v.head_seq, v.head_hash);
    match &v.first_broken {
        None => println!("chain intact"),
        Some((seq, why)) => println!(
            "CHAIN BROKEN at event {seq}: {}. Events from {seq} on cannot be trusted; restore the workspace from a backup that verifies, or keep this one as evidence of the change",
            why.render_inline(Lang::En)
        ),
    }
}

fn log(ws: &Workspace, actor: Option<&str>, args: LogArgs) -> Result<ExitCode, String> {
    let zone = ws.zone().map_err(|e| e.to_string())?;
    let since = match &args.since {
        None => None,
        Some(text) => Some(
            Moment::from_storage(text.trim())
                .map_err(|_| {
                    format!("--since '{text}' is not a date like 2026-10-01 or a time like 2026-10-01T08:00:00-05:00")
                })?
                .to_utc(zone),
        ),
    };
    let filter = AuditFilter {
        case: args.case,
        subject: args.subject,
        actor: actor.map(str::to_string),
        action: args.action,
        since,
        until: None,
        newest_first: args.newest_first,
        offset: args.offset,
        limit: args.limit,
    };
    let events = ws.audit_log(&filter).map_err(|e| e.to_string())?;
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&events).map_err(|e| e.to_string())?
        );
        return Ok(ExitCode::SUCCESS);
    }
    if events.is_empty() {
        println!("No audit events match.");
    }
    let shown = |at: &str| {
        Moment::from_storage(at)
            .map(|m| m.display_in(zone))
            .unwrap_or_else(|_| at.to_string())
    };
    for e in &events {
        print_event(e, shown(&e.at));
    }
    Ok(ExitCode::SUCCESS)
}

/// One event: its number, time (workspace zone), actor, action and subject, then its details.
fn print_event(e: &AuditEvent, at: String) {
    println!(
        "#{:<6} {}  {:<14} {:<22} {}",
        e.seq, at, e.actor, e.action, e.subject
    );
    for (label, value) in [
        ("before", &e.before),
        ("after", &e.after),
        ("reason", &e.reason),
        ("note", &e.note),
    ] {
        if let Some(v) = value {
            println!("         {label}: {v}");
        }
    }
}
