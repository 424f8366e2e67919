//! `cuadra-cli export KIND --out FILE`: reports for the books. Today: the reconciliation as CSV.

use clap::{Args, ValueEnum};
use cuadra_core::reconcile::{reconcile, write_reconciliation_csv};
use cuadra_core::store::Workspace;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
enum Kind {
    /// One row per case (UTF-8 CSV with BOM).
    Reconciliation,
}

#[derive(Args)]
pub struct ExportArgs {
    #[arg(value_enum)]
    kind: Kind,
    /// The file to write.
    #[arg(long)]
    out: PathBuf,
    /// The moment vouchers and grace periods are judged at (RFC 3339; default: now).
    #[arg(long)]
    as_of: Option<String>,
}

pub fn run(ws: &Workspace, args: ExportArgs) -> Result<ExitCode, String> {
    let as_of = crate::reconcile::parse_as_of(args.as_of.as_deref())?;
    let Kind::Reconciliation = args.kind;
    let settings = ws.recon_settings().map_err(|e| e.to_string())?;
    let (orders, lines) = ws.recon_inputs().map_err(|e| e.to_string())?;
    let cases = reconcile(&orders, &lines, &settings, as_of);
    // Written beside the target and renamed: a failed export never leaves half a file.
    let partial = args.out.with_extension("partial");
    let file = std::fs::File::create(&partial)
        .map_err(|e| format!("cannot write {}: {e}", partial.display()))?;
    write_reconciliation_csv(
        std::io::BufWriter::new(file),
        &cases,
        &orders,
        &lines,
        settings.zone,
    )
    .map_err(|e| format!("cannot write {}: {e}", partial.display()))?;
    std::fs::rename(&partial, &args.out)
        .map_err(|e| format!("cannot write {}: {e}", args.out.display()))?;
    println!("wrote {} cases to {}", cases.len(), args.out.display());
    Ok(ExitCode::SUCCESS)
}
