//! `cuadra-cli bank statements`: the bank statements in the workspace with their balances, entry
//! counts and balance check, then the gaps between statements of one account. Reads only.

use clap::{Args, Subcommand};
use cuadra_core::store::Workspace;
use std::process::ExitCode;

#[derive(Args)]
pub struct BankArgs {
    #[command(subcommand)]
    command: BankCommand,
}

#[derive(Subcommand)]
enum BankCommand {
    /// List the imported bank statements (balances, entries, check) and the gaps between them.
    Statements {
        /// Print JSON: {"statements": [...], "gaps": [...]}.
        #[arg(long)]
        json: bool,
    },
}

pub fn run(ws: &Workspace, args: BankArgs) -> Result<ExitCode, String> {
    match args.command {
        BankCommand::Statements { json } => {
            let statements = ws.bank_statements().map_err(|e| e.to_string())?;
            let gaps = ws.bank_statement_gaps().map_err(|e| e.to_string())?;
            if json {
                let out = serde_json::json!({ "statements": statements, "gaps": gaps });
                println!(
                    "{}",
                    serde_json::to_string_pretty(&out).map_err(|e| e.to_string())?
                );
                return Ok(ExitCode::SUCCESS);
            }
            if statements.is_empty() {
                println!("No bank statements imported yet.");
            }
            for s in &statements {
                println!(
                    "{:>5}  {} {}  {} .. {}  {:<20} opening {}  + credits {}  - debits {}  = closing {}  {} entries  {}  (file {} {}, row {})",
                    s.id,
                    s.account,
                    s.currency,
                    s.from_date,
                    s.to_date,
                    s.statement_ref,
                    s.opening_balance,
                    s.credits_total,
                    s.debits_total,
                    s.closing_balance,
                    s.entries,
                    if s.balanced { "balanced" } else { "DOES NOT ADD UP" },
                    s.file_id,
                    s.file_name,
                    s.row
                );
            }
            for g in &gaps {
                let days = match (&g.missing_from, &g.missing_to) {
                    (Some(from), Some(to)) => {
                        format!(
                            "{} day(s) without a statement, {from} .. {to}",
                            g.missing_days
                        )
                    }
                    _ => "no day missing".to_string(),
                };
                let money = if g.balance_carries_over {
                    format!("the balance carries over ({})", g.previous_closing)
                } else {
                    format!(
                        "the balance does NOT carry over: closing {} then opening {}",
                        g.previous_closing, g.next_opening
                    )
                };
                println!(
                    "GAP  {} {}: between {} (to {}) and {} (from {}): {days}; {money}",
                    g.account,
                    g.currency,
                    g.before_statement_ref,
                    g.before_to_date,
                    g.after_statement_ref,
                    g.after_from_date
                );
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
