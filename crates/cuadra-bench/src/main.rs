//! `cuadra-bench`: Cuadra's speed and memory figures at realistic scale, printed, never asserted.
//! Each measured step runs in a child process of its own so its peak RSS is its own.
//!
//! `cuadra-bench import [--lines N] [--orders N] [--dir DIR]` generates a dLocal settlement file
//! and a Shopify export (seeded), then imports each into a fresh workspace and prints MB/s, rows/s
//! and peak RSS.
//!
//! `cuadra-bench workbook [--cases N] [--dir DIR]` (default 1,000,000 cases) fills a fresh
//! workspace with N stored cases by plain SQL inserts (generating, importing and reconciling a
//! million orders would take far longer than what is measured, and the workbook reads only the
//! `cases` table and the audit trail), then writes the full workbook in a child process and prints
//! its time and peak RSS. Issue 5's target: at most 15 s and 1 GB.
//!
//! `cuadra-bench reconcile [--orders N] [--lines N] [--dir DIR]`: see `reconcile.rs`.
//!
//! `cuadra-bench audit [--events N] [--dir DIR]`: append and verify the audit chain; see `audit.rs`.
//!
//! `cuadra-bench launch [--db PATH] [--app PATH] [--runs N]`: the desktop app from launch to an
//! interactive dashboard on a million cases, under Xvfb; see `launch.rs`.
//!
//! `cuadra-bench verify [--orders N] [--lines N] [--dir DIR]`: `verify` and the page check on
//! open at scale; see `verify.rs`.
//!
//! `cuadra-bench huge-line [--mb N] [--dir DIR]`: how fast a file that is one 50 MB line is
//! refused; see `huge_line.rs`.
//!
//! `cuadra-bench weekly [--orders N] [--dir DIR] [--cli PATH] [--baselines DIR]
//! [--skip-baselines] [--skip-cold] [--keep-setup]`: issue 17's weekly close at a year of history. It generates
//! a year (N orders, default 1,000,000, over 364 days; 52 weekly dLocal batches), sets up a
//! workspace with all but the last week (untimed), then times three release `cuadra-cli`
//! processes, wall time and peak RSS each: `import` of a 10-day orders export and the week's
//! batch, `reconcile --as-of` the week's end, `export exceptions --period` of its month. Then a
//! cold start of the whole year (import, reconcile, export the reconciliation) and the pandas
//! and DuckDB scripts of `../shared/baselines/` over the same files, with the ratios issue 17
//! targets. Needs `cargo build --release -p cuadra-cli -p cuadra-bench`; see `weekly.rs`.

// The same allocator as the shipped binaries: imports allocate on one thread and free on another.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod audit;
mod huge_line;
mod launch;
mod reconcile;
mod verify;
mod weekly;
mod workbook;

use cuadra_core::ingest::{import_path, BadRowPolicy, ImportOptions};
use cuadra_core::store::Workspace;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("import") => bench_import(&args[1..]),
        Some("child-import") => child_import(&args[1..]),
        Some("reconcile") => reconcile::bench(&args[1..]),
        Some("child-engine") => reconcile::child_engine(&args[1..]),
        Some("child-run") => reconcile::child_run(&args[1..]),
        Some("child-queries") => reconcile::child_queries(&args[1..]),
        Some("child-views") => reconcile::child_views(&args[1..]),
        Some("workbook") => workbook::bench(&args[1..]),
        Some("child-workbook") => workbook::child(&args[1..]),
        Some("audit") => audit::bench(&args[1..]),
        Some("launch") => launch::bench(&args[1..]),
        Some("child-audit-append") => audit::child_append(&args[1..]),
        Some("child-audit-verify") => audit::child_verify(&args[1..]),
        Some("verify") => verify::bench(&args[1..]),
        Some("child-verify") => verify::child_verify(&args[1..]),
        Some("child-open") => verify::child_open(&args[1..]),
        Some("huge-line") => huge_line::bench(&args[1..]),
        Some("weekly") => weekly::bench(&args[1..]),
        _ => Err("usage: cuadra-bench import|reconcile|workbook|audit|launch|verify|huge-line|weekly [options] (see the crate docs)".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

pub(crate) fn flag(args: &[String], name: &str) -> Option<String> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
}

pub(crate) fn number(args: &[String], name: &str, default: usize) -> Result<usize, String> {
    match flag(args, name) {
        None => Ok(default),
        Some(v) => v
            .replace('_', "")
            .parse()
            .map_err(|_| format!("{name} needs a number, got {v}")),
    }
}

/// Peak resident set size of this process, in KiB (Linux `VmHWM`).
pub(crate) fn peak_rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

fn bench_import(args: &[String]) -> Result<(), String> {
    let lines = number(args, "--lines", 1_000_000)?;
    let orders = number(args, "--orders", 1_000_000)?;
    let dir = bench_dir(args)?;
    let (dlocal, shopify) = generated_pair(&dir, lines, orders)?;
    println!("\nimport into a fresh workspace (one child process per file; SQLite file on disk)");
    println!(
        "{:<34} {:>10} {:>11} {:>8} {:>9} {:>12} {:>10}",
        "file", "MB", "rows", "secs", "MB/s", "rows/s", "peak RSS"
    );
    for file in [&dlocal, &shopify] {
        let db = dir.join("bench.db");
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
        let exe = std::env::current_exe().map_err(|e| e.to_string())?;
        let out = Command::new(exe)
            .arg("child-import")
            .arg(&db)
            .arg(file)
            .output()
            .map_err(|e| e.to_string())?;
        if !out.status.success() {
            return Err(format!(
                "child import failed: {}",
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        let v: serde_json::Value =
            serde_json::from_slice(&out.stdout).map_err(|e| e.to_string())?;
        let mb = v["bytes"].as_f64().unwrap_or(0.0) / 1e6;
        let secs = v["secs"].as_f64().unwrap_or(f64::NAN);
        let rows = v["rows"].as_f64().unwrap_or(0.0);
        println!(
            "{:<34} {:>10.1} {:>11} {:>8.2} {:>9.1} {:>12.0} {:>7.0} MB",
            file.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            mb,
            rows,
            secs,
            mb / secs,
            rows / secs,
            v["peak_rss_kib"].as_f64().unwrap_or(0.0) / 1024.0
        );
        if let Some(report) = v.get("report") {
            println!(
                "    new {} known {} updated {} rejected {}",
                report["new"], report["known"], report["updated"], report["rejected"]
            );
        }
    }
    Ok(())
}

/// `--dir`, else a folder in the system's temporary directory; created.
pub(crate) fn bench_dir(args: &[String]) -> Result<PathBuf, String> {
    let dir = flag(args, "--dir")
        .map_or_else(|| std::env::temp_dir().join("cuadra-bench"), PathBuf::from);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    Ok(dir)
}

/// A seeded dLocal settlement of `lines` lines and a Shopify export of `orders` orders in `dir`,
/// generated once and reused.
pub(crate) fn generated_pair(
    dir: &Path,
    lines: usize,
    orders: usize,
) -> Result<(PathBuf, PathBuf), String> {
    let dlocal = dir.join(format!("dlocal-{lines}.csv"));
    let shopify = dir.join(format!("shopify-{orders}.csv"));
    generate_if_missing(&dlocal, |out| {
        let spec = cuadra_testkit::DlocalSpec {
            lines,
            ..Default::default()
        };
        cuadra_testkit::write_dlocal_settlement(&spec, out).map(drop)
    })?;
    generate_if_missing(&shopify, |out| {
        let spec = cuadra_testkit::ShopifySpec {
            orders,
            ..Default::default()
        };
        cuadra_testkit::write_shopify_orders(&spec, out).map(drop)
    })?;
    Ok((dlocal, shopify))
}

/// Runs this binary with `args` in a child process (so its peak RSS is its own) and reads the
/// one JSON value it prints.
pub(crate) fn child(args: &[&std::ffi::OsStr]) -> Result<serde_json::Value, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out = Command::new(exe)
        .args(args)
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(format!(
            "child {:?} failed: {}",
            args,
            String::from_utf8_lossy(&out.stderr)
        ));
    }
    serde_json::from_slice(&out.stdout).map_err(|e| e.to_string())
}

/// Writes a generated file once; later runs reuse it (generation is not what is measured).
pub(crate) fn generate_if_missing(
    path: &Path,
    write: impl FnOnce(std::io::BufWriter<std::fs::File>) -> std::io::Result<()>,
) -> Result<(), String> {
    if path.exists() {
        return Ok(());
    }
    let t = Instant::now();
    let f = std::fs::File::create(path).map_err(|e| e.to_string())?;
    write(std::io::BufWriter::new(f)).map_err(|e| e.to_string())?;
    println!(
        "generated {} in {:.1} s",
        path.display(),
        t.elapsed().as_secs_f64()
    );
    Ok(())
}

fn child_import(args: &[String]) -> Result<(), String> {
    let (Some(db), Some(file)) = (args.first(), args.get(1)) else {
        return Err("child-import DB FILE".into());
    };
    let mut ws = Workspace::open(Path::new(db)).map_err(|e| e.to_string())?;
    let opts = ImportOptions {
        profile: None,
        dry_run: false,
        bad_rows: BadRowPolicy::RejectFile,
        actor: "bench".into(),
        now: chrono::Utc::now(),
    };
    let bytes = std::fs::metadata(file).map_err(|e| e.to_string())?.len();
    let t = Instant::now();
    let report = import_path(&mut ws, Path::new(file), &opts).map_err(|e| e.to_string())?;
    let secs = t.elapsed().as_secs_f64();
    if !report.succeeded() {
        return Err(format!("import failed: {:?}", report.problems.first()));
    }
    let v = serde_json::json!({
        "bytes": bytes,
        "secs": secs,
        "rows": report.rows,
        "peak_rss_kib": peak_rss_kib(),
        "report": { "new": report.new, "known": report.known, "updated": report.updated, "rejected": report.rejected },
    });
    println!("{v}");
    // Closed as the CLI closes it: the next step's open skips the page check.
    ws.close().map_err(|e| e.to_string())
}
