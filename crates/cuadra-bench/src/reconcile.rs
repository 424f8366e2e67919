//! `cuadra-bench reconcile [--orders N] [--lines N] [--dir DIR]`: the whole pipeline from raw
//! files (import the Shopify export and the dLocal batch, reconcile and store the cases), then
//! the steps alone on the filled workspace (load + match in memory; a rerun that finds nothing
//! changed), each in a child process with its own peak RSS; and, in the same run, the plain
//! pandas merge script (`scripts/pandas_merge.py`) a finance team writes instead.

use crate::{bench_dir, child, generated_pair, number, peak_rss_kib};
use cuadra_core::reconcile::{reconcile_each, Manual};
use cuadra_core::store::Workspace;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

fn mb(v: &serde_json::Value) -> f64 {
    v["peak_rss_kib"].as_f64().unwrap_or(0.0) / 1024.0
}

pub fn bench(args: &[String]) -> Result<(), String> {
    let orders = number(args, "--orders", 1_000_000)?;
    let lines = number(args, "--lines", 1_000_000)?;
    let dir = bench_dir(args)?;
    let (dlocal, shopify) = generated_pair(&dir, lines, orders)?;
    let db = dir.join("bench-reconcile.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }

    println!("\nwhole pipeline from raw files ({orders} orders, {lines} settlement lines; one child process per step)");
    println!("{:<44} {:>8} {:>10}", "step", "secs", "peak RSS");
    let mut total = 0.0;
    for (name, file) in [
        ("import Shopify export", &shopify),
        ("import dLocal settlement", &dlocal),
    ] {
        let v = child(&["child-import".as_ref(), db.as_os_str(), file.as_os_str()])?;
        let secs = v["secs"].as_f64().unwrap_or(f64::NAN);
        total += secs;
        println!("{name:<44} {secs:>8.2} {:>7.0} MB", mb(&v));
    }
    let v = child(&["child-run".as_ref(), db.as_os_str()])?;
    let secs = v["secs"].as_f64().unwrap_or(f64::NAN);
    total += secs;
    println!(
        "{:<44} {secs:>8.2} {:>7.0} MB",
        format!("reconcile + store {} cases (first run)", v["cases"]),
        mb(&v)
    );
    println!("{:<44} {total:>8.2}", "Cuadra, whole pipeline");

    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/pandas_merge.py");
    let t = Instant::now();
    let out = Command::new("python3")
        .arg(&script)
        .arg(&shopify)
        .arg(&dlocal)
        .output();
    match out {
        Ok(o) if o.status.success() => {
            let wall = t.elapsed().as_secs_f64();
            println!(
                "{:<44} {wall:>8.2}            (python3 wall time incl. start; script: {})",
                "pandas exact-key merge + amount compare",
                String::from_utf8_lossy(&o.stdout).trim()
            );
        }
        Ok(o) => println!(
            "pandas merge not measured: {} (pip install pandas)",
            String::from_utf8_lossy(&o.stderr)
                .lines()
                .last()
                .unwrap_or("failed")
        ),
        Err(e) => println!("pandas merge not measured: python3: {e}"),
    }

    println!("\nsteps alone on the filled workspace");
    let v = child(&["child-engine".as_ref(), db.as_os_str()])?;
    println!(
        "{:<44} {:>8.2} {:>7.0} MB   (load {:.2} s + match {:.2} s)",
        "load + match in memory (no writes)",
        v["load_secs"].as_f64().unwrap_or(0.0) + v["match_secs"].as_f64().unwrap_or(0.0),
        mb(&v),
        v["load_secs"].as_f64().unwrap_or(0.0),
        v["match_secs"].as_f64().unwrap_or(0.0)
    );
    let v = child(&["child-views".as_ref(), db.as_os_str()])?;
    println!(
        "{:<44} {:>8.2} {:>7.0} MB   (part of the first run above)",
        "rebuild the dashboard's rollups + search index",
        v["secs"].as_f64().unwrap_or(f64::NAN),
        mb(&v)
    );
    let v = child(&["child-queries".as_ref(), db.as_os_str()])?;
    println!(
        "\nwhat the desktop app asks of the filled workspace (one process, warm after the first)"
    );
    if let Some(steps) = v["steps"].as_array() {
        for step in steps {
            println!(
                "{:<44} {:>8.3}",
                step["name"].as_str().unwrap_or(""),
                step["secs"].as_f64().unwrap_or(f64::NAN)
            );
        }
    }
    let v = child(&["child-run".as_ref(), db.as_os_str()])?;
    println!(
        "{:<44} {:>8.2} {:>7.0} MB   ({} cases written)",
        "rerun, nothing changed",
        v["secs"].as_f64().unwrap_or(f64::NAN),
        mb(&v),
        v["written"]
    );
    Ok(())
}

fn as_of() -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::parse_from_rfc3339("2026-06-30T23:59:59-05:00")
        .map(|t| t.with_timezone(&chrono::Utc))
        .unwrap_or_else(|_| chrono::Utc::now())
}

/// Load + match only: what the engine costs without storing.
pub fn child_engine(args: &[String]) -> Result<(), String> {
    let db = args.first().ok_or("child-engine DB")?;
    let ws = Workspace::open(Path::new(db)).map_err(|e| e.to_string())?;
    let t = Instant::now();
    let settings = ws.recon_settings().map_err(|e| e.to_string())?;
    let inputs = ws.recon_inputs().map_err(|e| e.to_string())?;
    let load = t.elapsed().as_secs_f64();
    let load_rss = peak_rss_kib();
    let t = Instant::now();
    // Every case is built, explanation included, and handed over; none is kept.
    let mut cases = 0u64;
    let done: Result<(), String> =
        reconcile_each(&inputs, &settings, as_of(), &Manual::default(), |_case| {
            cases += 1;
            Ok(())
        });
    done?;
    let matched = t.elapsed().as_secs_f64();
    println!(
        "{}",
        serde_json::json!({"load_secs": load, "match_secs": matched, "cases": cases, "load_peak_rss_kib": load_rss, "peak_rss_kib": peak_rss_kib()})
    );
    Ok(())
}

/// A stored run, as the CLI and the app do it.
pub fn child_run(args: &[String]) -> Result<(), String> {
    let db = args.first().ok_or("child-run DB")?;
    let mut ws = Workspace::open(Path::new(db)).map_err(|e| e.to_string())?;
    let t = Instant::now();
    let run = ws
        .run_reconciliation(as_of(), "bench", chrono::Utc::now())
        .map_err(|e| e.to_string())?;
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{}",
        serde_json::json!({"secs": secs, "cases": run.cases, "written": run.written, "peak_rss_kib": peak_rss_kib()})
    );
    ws.close().map_err(|e| e.to_string())
}

/// What a full build of the dashboard's rollups and the search index costs on a filled
/// workspace (a first run does it; later runs keep them by delta).
pub fn child_views(args: &[String]) -> Result<(), String> {
    let db = args.first().ok_or("child-views DB")?;
    let mut ws = Workspace::open(Path::new(db)).map_err(|e| e.to_string())?;
    let t = Instant::now();
    ws.rebuild_case_views().map_err(|e| e.to_string())?;
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{}",
        serde_json::json!({"secs": secs, "peak_rss_kib": peak_rss_kib()})
    );
    Ok(())
}

/// The queries behind the app's dashboard and cases table, timed on a filled workspace.
pub fn child_queries(args: &[String]) -> Result<(), String> {
    use cuadra_core::cases::{CaseFilter, CaseSort, DashFilter, SortKey};
    let db = args.first().ok_or("child-queries DB")?;
    let t = Instant::now();
    let ws = Workspace::open(Path::new(db)).map_err(|e| e.to_string())?;
    let mut steps =
        vec![serde_json::json!({"name": "open the workspace", "secs": t.elapsed().as_secs_f64()})];
    let mut time = |name: &str, f: &mut dyn FnMut() -> Result<(), String>| -> Result<(), String> {
        let t = Instant::now();
        f()?;
        steps.push(serde_json::json!({"name": name, "secs": t.elapsed().as_secs_f64()}));
        Ok(())
    };
    let e = |e: cuadra_core::store::StoreError| e.to_string();
    let page = |filter: CaseFilter, key: SortKey, desc: bool| {
        ws.list_cases(&filter, CaseSort { key, desc }, 0, 200)
            .map(drop)
            .map_err(e)
    };
    time("first page of cases, newest first", &mut || {
        page(CaseFilter::default(), SortKey::Date, true)
    })?;
    time("filter: one status", &mut || {
        page(
            CaseFilter {
                statuses: vec!["underpaid".into()],
                ..CaseFilter::default()
            },
            SortKey::Date,
            true,
        )
    })?;
    time("sort: by amount, descending", &mut || {
        page(CaseFilter::default(), SortKey::Amount, true)
    })?;
    time("sort: by status", &mut || {
        page(CaseFilter::default(), SortKey::Status, false)
    })?;
    time("filter: open cases of one period", &mut || {
        page(
            CaseFilter {
                period: Some("2026-05".into()),
                state: Some("open".into()),
                ..CaseFilter::default()
            },
            SortKey::Date,
            true,
        )
    })?;
    time("text search: a reference", &mut || {
        page(
            CaseFilter {
                text: Some("T-648-5g".into()),
                ..CaseFilter::default()
            },
            SortKey::Date,
            true,
        )
    })?;
    time("page 4,000 (offset 800,000)", &mut || {
        ws.list_cases(&CaseFilter::default(), CaseSort::default(), 800_000, 200)
            .map(drop)
            .map_err(e)
    })?;
    time("dashboard: whole workspace", &mut || {
        ws.dashboard(&DashFilter::default()).map(drop).map_err(e)
    })?;
    println!(
        "{}",
        serde_json::json!({"steps": steps, "peak_rss_kib": peak_rss_kib()})
    );
    Ok(())
}
