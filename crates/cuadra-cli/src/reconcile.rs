//! `cuadra-cli reconcile`: match every order and settlement line of the workspace and print the
//! counts and amounts per status. (Cases are computed, not yet stored: see the README's Limits.)

use clap::Args;
use cuadra_core::reconcile::{reconcile, CaseStatus};
use cuadra_core::store::Workspace;
use std::collections::BTreeMap;
use std::process::ExitCode;

#[derive(Args)]
pub struct ReconcileArgs {
    /// The moment vouchers and grace periods are judged at (RFC 3339; default: now).
    #[arg(long)]
    as_of: Option<String>,
    /// Print the cases as a JSON array instead of the summary.
    #[arg(long)]
    json: bool,
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

pub fn run(ws: &Workspace, args: ReconcileArgs) -> Result<ExitCode, String> {
    let as_of = parse_as_of(args.as_of.as_deref())?;
    let settings = ws.recon_settings().map_err(|e| e.to_string())?;
    let (orders, lines) = ws.recon_inputs().map_err(|e| e.to_string())?;
    let cases = reconcile(&orders, &lines, &settings, as_of);
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&cases).map_err(|e| e.to_string())?
        );
        return Ok(ExitCode::SUCCESS);
    }
    // status -> (cases, currency -> (order totals, paid))
    type Sums = BTreeMap<String, (rust_decimal::Decimal, rust_decimal::Decimal)>;
    let mut by_status: BTreeMap<&'static str, (u64, Sums)> = BTreeMap::new();
    for c in &cases {
        let entry = by_status.entry(c.status.as_str()).or_default();
        entry.0 += 1;
        let currency = c.currency.clone().unwrap_or_else(|| "-".into());
        let sums = entry.1.entry(currency).or_default();
        sums.0 += c.order_total.unwrap_or_default();
        sums.1 += c.paid_amount.unwrap_or_default();
    }
    println!(
        "{} orders and {} settlement lines in {} cases, as of {}",
        orders.len(),
        lines.len(),
        cases.len(),
        as_of.to_rfc3339()
    );
    println!(
        "{:<22} {:>9}  {:<8} {:>20} {:>20}",
        "status", "cases", "currency", "order totals", "paid"
    );
    for status in CaseStatus::ALL {
        let Some((count, sums)) = by_status.get(status.as_str()) else {
            continue;
        };
        for (i, (currency, (total, paid))) in sums.iter().enumerate() {
            let (name, n) = if i == 0 {
                (status.as_str(), count.to_string())
            } else {
                ("", String::new())
            };
            let (total, paid) = (total.normalize(), paid.normalize());
            println!("{name:<22} {n:>9}  {currency:<8} {total:>20} {paid:>20}");
        }
    }
    Ok(ExitCode::SUCCESS)
}
