//! `cuadra-cli export KIND --out FILE`: reports for the books. Today: the reconciliation as CSV.

use clap::{Args, ValueEnum};
use cuadra_core::cases::CaseFilter;
use cuadra_core::reconcile::write_reconciliation_csv;
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
    /// Reconcile again first, judging vouchers and grace periods at this moment (RFC 3339).
    /// Without it the stored cases are exported (reconciled now if the workspace never was).
    #[arg(long)]
    as_of: Option<String>,
}

pub fn run(ws: &mut Workspace, actor: &str, args: ExportArgs) -> Result<ExitCode, String> {
    let Kind::Reconciliation = args.kind;
    if args.as_of.is_some() || ws.last_run().map_err(|e| e.to_string())?.is_none() {
        let as_of = crate::reconcile::parse_as_of(args.as_of.as_deref())?;
        ws.run_reconciliation(as_of, actor, chrono::Utc::now())
            .map_err(|e| e.to_string())?;
    }
    // Written beside the target and renamed: a failed export never leaves half a file.
    let partial = args.out.with_extension("partial");
    let file = std::fs::File::create(&partial)
        .map_err(|e| format!("cannot write {}: {e}", partial.display()))?;
    let n = write_reconciliation_csv(std::io::BufWriter::new(file), ws, &CaseFilter::default())
        .map_err(|e| format!("cannot write {}: {e}", partial.display()))?;
    std::fs::rename(&partial, &args.out)
        .map_err(|e| format!("cannot write {}: {e}", args.out.display()))?;
    println!("wrote {n} cases to {}", args.out.display());
    Ok(ExitCode::SUCCESS)
}
