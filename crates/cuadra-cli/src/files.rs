//! `cuadra-cli files`: the imported files, their problems, and their originals byte for byte.

use clap::{Args, Subcommand};
use cuadra_core::store::Workspace;
use cuadra_core::words::{Lang, Msg};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args)]
pub struct FilesArgs {
    #[command(subcommand)]
    command: Option<FilesCommand>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
enum FilesCommand {
    /// Show one imported file and the problems kept with it.
    Show { id: i64 },
    /// Write the original bytes of an imported file to OUT (checked against its SHA-256).
    Export { id: i64, out: PathBuf },
}

pub fn run(ws: &Workspace, args: FilesArgs) -> Result<ExitCode, String> {
    match args.command {
        None => {
            let files = ws.list_files().map_err(|e| e.to_string())?;
            if args.json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&files).map_err(|e| e.to_string())?
                );
                return Ok(ExitCode::SUCCESS);
            }
            if files.is_empty() {
                println!("No files imported yet.");
            }
            for f in files {
                println!(
                    "{:>5}  {}  {:<24} {:>9} rows ({} new, {} known, {} updated, {} conflicting, {} rejected)  {}  by {}  sha256 {}",
                    f.id,
                    f.imported_at,
                    f.format,
                    f.rows_total,
                    f.rows_new,
                    f.rows_known,
                    f.rows_updated,
                    f.rows_conflicting,
                    f.rows_rejected,
                    f.name,
                    f.imported_by,
                    &f.sha256[..12.min(f.sha256.len())]
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(FilesCommand::Show { id }) => {
            let file = ws.file(id).map_err(|e| e.to_string())?;
            let problems = ws.file_problems(id).map_err(|e| e.to_string())?;
            if args.json {
                let mut v = serde_json::json!({ "file": file, "problems": problems });
                english_problems(&mut v["problems"]);
                println!(
                    "{}",
                    serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?
                );
                return Ok(ExitCode::SUCCESS);
            }
            println!(
                "{}",
                serde_json::to_string_pretty(&file).map_err(|e| e.to_string())?
            );
            for p in problems {
                println!(
                    "  row {} {}: {}: {}",
                    p.row.map(|r| r.to_string()).unwrap_or_else(|| "-".into()),
                    p.column.as_deref().unwrap_or_default(),
                    p.severity,
                    p.text(Lang::En)
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(FilesCommand::Export { id, out }) => {
            let bytes = ws.original_bytes(id).map_err(|e| e.to_string())?;
            std::fs::write(&out, &bytes)
                .map_err(|e| format!("cannot write {}: {e}", out.display()))?;
            println!(
                "wrote {} bytes to {} (SHA-256 verified)",
                bytes.len(),
                out.display()
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Problems as the CLI's JSON gives them: `message` is the English sentence, and `msg` the
/// structured message (catalog key and arguments) for rendering it in another language.
pub fn english_problems(problems: &mut serde_json::Value) {
    let Some(list) = problems.as_array_mut() else {
        return;
    };
    for p in list {
        let Some(fields) = p.as_object_mut() else {
            continue;
        };
        let Some(structured) = fields.remove("message") else {
            continue;
        };
        let text = match serde_json::from_value::<Msg>(structured.clone()) {
            Ok(m) => m.render(Lang::En),
            Err(_) => structured.as_str().unwrap_or_default().to_string(),
        };
        fields.insert("message".into(), text.into());
        fields.insert("msg".into(), structured);
    }
}
