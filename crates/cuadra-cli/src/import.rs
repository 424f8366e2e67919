//! `cuadra-cli import`: one report per file, as text or as one JSON array.

use clap::Args;
use cuadra_core::ingest::{
    import_path, BadRowPolicy, ImportOptions, ImportReport, Outcome, ZoneFrom,
};
use cuadra_core::store::Workspace;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct ImportArgs {
    /// Use this profile instead of detecting the layout (built-in or saved).
    #[arg(long)]
    profile: Option<String>,
    /// Read and check everything, report, and write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Import the readable rows of a file with bad rows (default: reject the whole file).
    #[arg(long)]
    skip_bad_rows: bool,
    /// Print one JSON array with an object per file.
    #[arg(long)]
    json: bool,
    /// The files to import.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

pub fn run(
    ws: &mut Workspace,
    actor: &str,
    now: chrono::DateTime<chrono::Utc>,
    args: ImportArgs,
) -> Result<ExitCode, String> {
    let opts = ImportOptions {
        profile: args.profile.clone(),
        dry_run: args.dry_run,
        bad_rows: if args.skip_bad_rows {
            BadRowPolicy::SkipRows
        } else {
            BadRowPolicy::RejectFile
        },
        actor: actor.to_string(),
        now,
    };
    let mut reports = Vec::new();
    for (i, file) in args.files.iter().enumerate() {
        let report = import_path(ws, file, &opts).map_err(|e| {
            let later = args.files.len() - i - 1;
            format!(
                "{}: NOT IMPORTED, nothing of it was written{}: {}",
                file.display(),
                if later > 0 {
                    format!(" (nor the {later} file(s) after it; those before it are imported)")
                } else {
                    String::new()
                },
                e.msg().render_inline(cuadra_core::words::Lang::En)
            )
        })?;
        if !args.json {
            print_report(&report);
        }
        reports.push(report);
    }
    if args.json {
        let mut v = serde_json::to_value(&reports).map_err(|e| e.to_string())?;
        if let Some(list) = v.as_array_mut() {
            for r in list {
                crate::files::english_problems(&mut r["problems"]);
            }
        }
        let json = serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?;
        println!("{json}");
    }
    let failed = reports.iter().filter(|r| !r.succeeded()).count();
    if failed > 0 {
        eprintln!(
            "{failed} of {} file(s) were not imported: see the problems above",
            reports.len()
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn print_report(r: &ImportReport) {
    let format = r.format.as_deref().unwrap_or("unknown format");
    match r.outcome {
        Outcome::AlreadyImported => println!(
            "{}: already imported on {} as {} (file {}): nothing changed",
            r.file,
            r.first_imported_at.as_deref().unwrap_or("?"),
            r.first_imported_as.as_deref().unwrap_or("?"),
            r.file_id.unwrap_or_default()
        ),
        Outcome::Imported | Outcome::DryRun => {
            println!(
            "{}{}: {format}: {} rows: {} new, {} known, {} updated, {} conflicting, {} rejected",
            r.file,
            if r.outcome == Outcome::DryRun { " (dry run, nothing written)" } else { "" },
            r.rows,
            r.new,
            r.known,
            r.updated,
            r.conflicting,
            r.rejected
        )
        }
        Outcome::Rejected => println!(
            "{}: NOT IMPORTED ({format}): {} rows, {} rejected",
            r.file, r.rows, r.rejected
        ),
    }
    if r.totals > 0 {
        println!(
            "  {} row(s) state the file's own balances and totals: tied out, not lines",
            r.totals
        );
    }
    if let (Some(zone), Some(from)) = (&r.zone, r.zone_from) {
        let why = match from {
            ZoneFrom::PspSetting => "set for this PSP (setting zone.<psp>)",
            ZoneFrom::Format => "the zone this format documents",
            ZoneFrom::Workspace => "the workspace zone (setting zone)",
        };
        println!(
            "  times without an offset read in {}: {why}",
            zone_name(zone)
        );
    }
    for p in &r.problems {
        println!("  {p}");
    }
}

/// A zone as people say it: `Etc/GMT+4` (POSIX signs are inverted) is GMT-04.
fn zone_name(zone: &str) -> String {
    match zone.strip_prefix("Etc/GMT") {
        Some(rest) if !rest.is_empty() => {
            let (sign, hours) = rest.split_at(1);
            let flipped = if sign == "+" { "-" } else { "+" };
            format!("GMT{flipped}{:0>2} ({zone})", hours)
        }
        _ => zone.to_string(),
    }
}
