//! `cuadra-bench verify [--orders N] [--lines N] [--dir DIR]` (default 1,000,000 each): imports
//! a generated Shopify export and dLocal settlement into a fresh workspace and reconciles it,
//! then runs `verify` (every check of `cuadra-cli verify`) and the page check a workspace gets on
//! open when its file changed outside Cuadra, each step in a child process with its own peak
//! RSS. Issue 14 asks how long the full check takes at a million rows: printed, with its ratio to
//! importing and reconciling the same data (the machine's speed drifts; the ratio does less).

use crate::{bench_dir, child, generated_pair, number, peak_rss_kib};
use cuadra_core::store::Workspace;
use std::path::Path;
use std::time::Instant;

fn mb(v: &serde_json::Value) -> f64 {
    v["peak_rss_kib"].as_f64().unwrap_or(0.0) / 1024.0
}

pub fn bench(args: &[String]) -> Result<(), String> {
    let orders = number(args, "--orders", 1_000_000)?;
    let lines = number(args, "--lines", 1_000_000)?;
    let dir = bench_dir(args)?;
    let (dlocal, shopify) = generated_pair(&dir, lines, orders)?;
    let db = dir.join("bench-verify.db");
    for suffix in ["", "-wal", "-shm", ".head"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    println!("\nverify: {orders} orders and {lines} settlement lines, imported and reconciled, then checked (one child process per step)");
    println!("{:<52} {:>8} {:>10}", "step", "secs", "peak RSS");
    let mut built = 0.0;
    for (name, file) in [
        ("import Shopify export", &shopify),
        ("import dLocal settlement", &dlocal),
    ] {
        let v = child(&["child-import".as_ref(), db.as_os_str(), file.as_os_str()])?;
        let secs = v["secs"].as_f64().unwrap_or(f64::NAN);
        built += secs;
        println!("{name:<52} {secs:>8.2} {:>7.0} MB", mb(&v));
    }
    let v = child(&["child-run".as_ref(), db.as_os_str()])?;
    let secs = v["secs"].as_f64().unwrap_or(f64::NAN);
    built += secs;
    println!(
        "{:<52} {secs:>8.2} {:>7.0} MB",
        format!("reconcile ({} cases)", v["cases"]),
        mb(&v)
    );
    let v = child(&["child-verify".as_ref(), db.as_os_str()])?;
    let secs = v["secs"].as_f64().unwrap_or(f64::NAN);
    println!(
        "{:<52} {secs:>8.2} {:>7.0} MB",
        "verify (every check)",
        mb(&v)
    );
    for c in v["checks"].as_array().into_iter().flatten() {
        println!(
            "  {:<50} {:>8.2}   {}",
            c["check"].as_str().unwrap_or(""),
            c["seconds"].as_f64().unwrap_or(f64::NAN),
            c["outcome"].as_str().unwrap_or("")
        );
    }
    if v["ok"] != true {
        return Err("the untouched workspace did not verify".into());
    }
    println!(
        "verify / (import + reconcile): {:.2}",
        secs / built.max(f64::MIN_POSITIVE)
    );
    // The page check on open: the file as Cuadra left it (skipped), then changed outside.
    let unchanged = child(&["child-open".as_ref(), db.as_os_str()])?;
    let f = std::fs::OpenOptions::new()
        .append(true)
        .open(&db)
        .map_err(|e| e.to_string())?;
    f.set_modified(std::time::SystemTime::now())
        .map_err(|e| e.to_string())?;
    drop(f);
    let changed = child(&["child-open".as_ref(), db.as_os_str()])?;
    for (name, v) in [
        ("open, file as Cuadra left it (no page check)", &unchanged),
        ("open, file changed outside Cuadra (quick_check)", &changed),
    ] {
        println!(
            "{name:<52} {:>8.2} {:>7.0} MB",
            v["secs"].as_f64().unwrap_or(f64::NAN),
            mb(v)
        );
    }
    let size = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
    println!("workspace file: {:.0} MB", size as f64 / 1e6);
    Ok(())
}

/// `verify` on the workspace, as `cuadra-cli verify` runs it.
pub fn child_verify(args: &[String]) -> Result<(), String> {
    let db = args.first().ok_or("child-verify DB")?;
    let ws = Workspace::open(Path::new(db)).map_err(|e| e.to_string())?;
    let t = Instant::now();
    let report = ws.verify(chrono::Utc::now()).map_err(|e| e.to_string())?;
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{}",
        serde_json::json!({"secs": secs, "ok": report.ok(), "checks": report.checks, "peak_rss_kib": peak_rss_kib()})
    );
    ws.close().map_err(|e| e.to_string())
}

/// Opening the workspace (and closing it, which stamps the file).
pub fn child_open(args: &[String]) -> Result<(), String> {
    let db = args.first().ok_or("child-open DB")?;
    let t = Instant::now();
    let ws = Workspace::open(Path::new(db)).map_err(|e| e.to_string())?;
    let secs = t.elapsed().as_secs_f64();
    ws.close().map_err(|e| e.to_string())?;
    println!(
        "{}",
        serde_json::json!({"secs": secs, "peak_rss_kib": peak_rss_kib()})
    );
    Ok(())
}
