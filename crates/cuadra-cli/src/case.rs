//! `cuadra-cli case ...`: list and show stored cases, and the review acts (confirm, match,
//! unmatch, resolve, reopen, note, attach evidence). Every act is recorded with its actor
//! (`--actor`).

use clap::{Args, Subcommand};
use cuadra_core::cases::{CaseFilter, CaseSort, SortKey};
use cuadra_core::review::attach::ATTACHMENT_MAX_BYTES;
use cuadra_core::review::{ActionKind, ActionRequest, REASON_CODES};
use cuadra_core::store::Workspace;
use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct CaseArgs {
    #[command(subcommand)]
    command: CaseCommand,
}

#[derive(Subcommand)]
enum CaseCommand {
    /// List stored cases (newest first), filtered.
    List {
        /// Only these statuses (repeatable).
        #[arg(long = "status")]
        statuses: Vec<String>,
        /// open or resolved.
        #[arg(long)]
        state: Option<String>,
        /// YYYY-MM.
        #[arg(long)]
        period: Option<String>,
        /// Words to find in references, order ids and customers.
        #[arg(long)]
        text: Option<String>,
        #[arg(long, default_value_t = 50)]
        limit: u64,
        #[arg(long)]
        json: bool,
    },
    /// Show one case with its lines and history.
    Show {
        key: String,
        #[arg(long)]
        json: bool,
    },
    /// Confirm a suggested match.
    Confirm { key: String },
    /// Match settlement lines with the case's order (or a line's case with --order).
    Match {
        key: String,
        /// Settlement line ids (repeatable).
        #[arg(long = "line")]
        lines: Vec<i64>,
        /// The order to match a settlement line's case with: its number as the shop shows it
        /// (`#4622` or `4622`) or the shop's own order id.
        #[arg(long)]
        order: Option<String>,
        #[arg(long)]
        reason: String,
    },
    /// Take settlement lines out of the case's order (default: all of them).
    Unmatch {
        key: String,
        #[arg(long = "line")]
        lines: Vec<i64>,
        #[arg(long)]
        reason: String,
    },
    /// Resolve one or more cases with a reason code.
    Resolve {
        #[arg(required = true)]
        keys: Vec<String>,
        /// refunded_to_buyer, written_off, shop_corrected, refund_pending_at_psp, not_our_order,
        /// accepted_late_payment or other (needs --note).
        #[arg(long)]
        reason: String,
        #[arg(long)]
        note: Option<String>,
    },
    /// Reopen a resolved case.
    Reopen {
        key: String,
        #[arg(long)]
        reason: String,
    },
    /// Add a note to a case.
    Note { key: String, note: String },
    /// Attach evidence to a case: a PSP ticket or a receipt, as a PDF or an image (PNG, JPEG,
    /// WebP, GIF; at most 20 MB), kept byte for byte and recorded in the audit trail.
    Attach {
        key: String,
        file: PathBuf,
        /// What the file shows, in words.
        #[arg(long)]
        note: Option<String>,
    },
}

/// A request for `action` on `key`; the caller fills in what the act needs.
fn request(key: String, action: ActionKind) -> ActionRequest {
    ActionRequest {
        case_key: key,
        action,
        reason: None,
        note: None,
        line_ids: Vec::new(),
        order_id: None,
        order_ref: None,
        expected_membership: None,
    }
}

fn act(
    ws: &mut Workspace,
    actor: &str,
    now: chrono::DateTime<chrono::Utc>,
    req: ActionRequest,
) -> Result<ExitCode, String> {
    let out = ws.act(&req, actor, now).map_err(|e| e.to_string())?;
    for c in &out.cases {
        println!(
            "{}  {}  {}  {}",
            c.case_key, c.status, c.state, c.explanation
        );
    }
    for w in &out.warnings {
        println!("warning: {w}");
    }
    println!("recorded as audit event {}", out.audit_seq);
    Ok(ExitCode::SUCCESS)
}

pub fn run(
    ws: &mut Workspace,
    actor: &str,
    now: chrono::DateTime<chrono::Utc>,
    args: CaseArgs,
) -> Result<ExitCode, String> {
    match args.command {
        CaseCommand::List {
            statuses,
            state,
            period,
            text,
            limit,
            json,
        } => {
            let filter = CaseFilter {
                statuses,
                state,
                period,
                text,
                ..CaseFilter::default()
            };
            let sort = CaseSort {
                key: SortKey::Date,
                desc: true,
            };
            let (total, rows) = ws
                .list_cases(&filter, sort, 0, limit)
                .map_err(|e| e.to_string())?;
            if json {
                let v = serde_json::json!({ "total": total, "rows": rows });
                println!(
                    "{}",
                    serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?
                );
                return Ok(ExitCode::SUCCESS);
            }
            println!("{total} cases match; showing {}", rows.len());
            for c in &rows {
                println!(
                    "{:<28} {:<22} {:<9} {:>14} {:<4} {}",
                    c.case_key,
                    c.status,
                    c.state,
                    c.order_total
                        .as_deref()
                        .or(c.paid_amount.as_deref())
                        .unwrap_or(""),
                    c.currency.as_deref().unwrap_or(""),
                    c.order_ref.as_deref().unwrap_or(&c.settlement_refs)
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        CaseCommand::Show { key, json } => {
            let detail = ws
                .case_detail(&key)
                .map_err(|e| e.to_string())?
                .ok_or_else(|| {
                    format!("there is no case {key}; `cuadra-cli case list` shows them")
                })?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&detail).map_err(|e| e.to_string())?
                );
                return Ok(ExitCode::SUCCESS);
            }
            let c = &detail.case;
            println!("{}  {}  ({})  {}", c.case_key, c.status, c.rule, c.state);
            println!("{}", c.explanation);
            for l in &detail.lines {
                println!(
                    "  line {}  {} {}  {} {}  {}",
                    l.id,
                    l.row_type,
                    l.psp_txn_id
                        .as_deref()
                        .or(l.merchant_ref.as_deref())
                        .unwrap_or(""),
                    l.local_amount
                        .as_deref()
                        .or(l.gross_amount.as_deref())
                        .unwrap_or(""),
                    l.local_currency
                        .as_deref()
                        .or(l.settlement_currency.as_deref())
                        .unwrap_or(""),
                    l.file_name
                );
            }
            for a in &detail.attachments {
                println!(
                    "  attachment {}  {}  {}  {} bytes  sha256 {}  by {} at {} (event #{})",
                    a.id, a.name, a.media_type, a.bytes, a.sha256, a.actor, a.at, a.audit_seq
                );
            }
            for e in &detail.history {
                println!("  #{} {} {} {}", e.seq, e.at, e.actor, e.action);
            }
            Ok(ExitCode::SUCCESS)
        }
        CaseCommand::Attach { key, file, note } => {
            // One byte past the limit is enough for the core to refuse a file too large,
            // without reading all of it.
            let mut bytes = Vec::new();
            std::fs::File::open(&file)
                .and_then(|f| {
                    f.take(ATTACHMENT_MAX_BYTES as u64 + 1)
                        .read_to_end(&mut bytes)
                })
                .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let out = ws
                .attach_to_case(&key, &name, &bytes, note.as_deref(), actor, now)
                .map_err(|e| e.to_string())?;
            let a = &out.attachment;
            if out.added {
                println!(
                    "attached {} to case {} as attachment {} ({}, {} bytes)",
                    a.name, a.case_key, a.id, a.media_type, a.bytes
                );
                println!("sha256 {}", a.sha256);
                println!("recorded as audit event {}", a.audit_seq);
            } else {
                println!(
                    "{} is attached to case {} already, as attachment {} ({}, sha256 {}, audit event {}): nothing added",
                    name, a.case_key, a.id, a.name, a.sha256, a.audit_seq
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        CaseCommand::Confirm { key } => act(
            ws,
            actor,
            now,
            ActionRequest {
                reason: None,
                note: None,
                line_ids: Vec::new(),
                order_id: None,
                ..request(key, ActionKind::Confirm)
            },
        ),
        CaseCommand::Match {
            key,
            lines,
            order,
            reason,
        } => act(
            ws,
            actor,
            now,
            ActionRequest {
                reason: Some(reason),
                note: None,
                line_ids: lines,
                order_ref: order,
                ..request(key, ActionKind::Match)
            },
        ),
        CaseCommand::Unmatch { key, lines, reason } => act(
            ws,
            actor,
            now,
            ActionRequest {
                reason: Some(reason),
                note: None,
                line_ids: lines,
                order_id: None,
                ..request(key, ActionKind::Unmatch)
            },
        ),
        CaseCommand::Resolve { keys, reason, note } => {
            if !REASON_CODES.contains(&reason.as_str()) {
                return Err(format!(
                    "'{reason}' is not a reason code; use one of: {}",
                    REASON_CODES.join(", ")
                ));
            }
            if keys.len() == 1 {
                let key = keys.into_iter().next().unwrap_or_default();
                return act(
                    ws,
                    actor,
                    now,
                    ActionRequest {
                        reason: Some(reason),
                        note,
                        line_ids: Vec::new(),
                        order_id: None,
                        ..request(key, ActionKind::Resolve)
                    },
                );
            }
            let out = ws
                .bulk_resolve(&keys, &reason, note.as_deref(), actor, now)
                .map_err(|e| e.to_string())?;
            println!("resolved {} case(s) ({reason})", out.resolved.len());
            if !out.skipped.is_empty() {
                println!(
                    "skipped {} case(s) already resolved: {}",
                    out.skipped.len(),
                    out.skipped.join(", ")
                );
            }
            if let Some((first, last)) = out.audit_seqs {
                println!("recorded as audit events {first} to {last}");
            }
            Ok(ExitCode::SUCCESS)
        }
        CaseCommand::Reopen { key, reason } => act(
            ws,
            actor,
            now,
            ActionRequest {
                reason: Some(reason),
                note: None,
                line_ids: Vec::new(),
                order_id: None,
                ..request(key, ActionKind::Reopen)
            },
        ),
        CaseCommand::Note { key, note } => act(
            ws,
            actor,
            now,
            ActionRequest {
                reason: None,
                note: Some(note),
                line_ids: Vec::new(),
                order_id: None,
                ..request(key, ActionKind::Note)
            },
        ),
    }
}
