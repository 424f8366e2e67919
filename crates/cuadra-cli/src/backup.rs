//! `cuadra-cli backup OUT`: a consistent copy of the workspace (even while the app writes to
//! it), read back and checked: its pages and its audit chain.

use clap::Args;
use cuadra_core::store::Workspace;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct BackupArgs {
    /// Where to write the copy (must not exist).
    out: PathBuf,
    #[arg(long)]
    json: bool,
}

pub fn run(ws: &Workspace, args: BackupArgs) -> Result<ExitCode, String> {
    let report = ws.backup_to(&args.out).map_err(|e| e.to_string())?;
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
        );
    } else {
        println!(
            "backed up to {} ({:.1} MB)",
            report.path.display(),
            report.bytes as f64 / 1e6
        );
        println!("copy's pages: {}", report.integrity);
        println!("copy's audit chain:");
        crate::audit::print_verification(&report.verification);
    }
    if report.ok() {
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "the copy was written but does not check out (see above): the workspace itself is likely damaged the same way; keep the copy as evidence and restore from an older backup that verifies"
        );
        Ok(ExitCode::from(1))
    }
}
