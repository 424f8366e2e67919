//! `cuadra-bench audit [--events N] [--dir DIR]` (default 1,000,000 events): appends N audit
//! events to a fresh workspace file in transactions of 10,000 (a large reconcile run's worth),
//! then verifies the whole chain, each step in a child process with its own peak RSS. Issue 4's
//! target: verify at least 500,000 events/s.

use crate::{child, flag, number, peak_rss_kib};
use chrono::{TimeDelta, TimeZone, Utc};
use cuadra_core::audit::{self, NewEvent};
use cuadra_core::store::Workspace;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Events per transaction.
const BATCH: usize = 10_000;

pub fn bench(args: &[String]) -> Result<(), String> {
    let events = number(args, "--events", 1_000_000)?;
    let dir = flag(args, "--dir")
        .map_or_else(|| std::env::temp_dir().join("cuadra-bench"), PathBuf::from);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    let db = dir.join("bench-audit.db");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let n = events.to_string();
    println!(
        "\naudit trail: {events} events into a fresh workspace file ({BATCH} per transaction), then verify (one child process per step)"
    );
    println!(
        "{:<28} {:>8} {:>12} {:>10}",
        "step", "secs", "events/s", "peak RSS"
    );
    for (name, step) in [
        ("append", "child-audit-append"),
        ("verify", "child-audit-verify"),
    ] {
        let v = child(&[step.as_ref(), db.as_os_str(), n.as_ref()])?;
        let secs = v["secs"].as_f64().unwrap_or(f64::NAN);
        println!(
            "{name:<28} {secs:>8.2} {:>12.0} {:>7.0} MB",
            v["events"].as_f64().unwrap_or(0.0) / secs,
            v["peak_rss_kib"].as_f64().unwrap_or(0.0) / 1024.0
        );
        if let Some(why) = v.get("broken").and_then(|b| b.as_str()) {
            return Err(format!("the chain did not verify: {why}"));
        }
    }
    let size = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
    println!("workspace file: {:.0} MB", size as f64 / 1e6);
    Ok(())
}

/// Appends `n` realistic review events (a resolve with a reason, a note every other event).
pub fn child_append(args: &[String]) -> Result<(), String> {
    let (Some(db), Some(n)) = (args.first(), args.get(1)) else {
        return Err("child-audit-append DB N".into());
    };
    let n: usize = n
        .parse()
        .map_err(|_| format!("N must be a number, got {n}"))?;
    let mut ws = Workspace::open(Path::new(db)).map_err(|e| e.to_string())?;
    let start = Utc
        .with_ymd_and_hms(2026, 11, 2, 13, 0, 0)
        .single()
        .ok_or("start time")?;
    let t = Instant::now();
    let mut done = 0;
    while done < n {
        let tx = ws.conn_mut().transaction().map_err(|e| e.to_string())?;
        for i in done..(done + BATCH).min(n) {
            let event = NewEvent {
                at: start + TimeDelta::milliseconds(i as i64 * 250),
                actor: if i % 3 == 0 {
                    "ana.gomez"
                } else {
                    "luis.perez"
                }
                .into(),
                action: "resolve".into(),
                subject: format!("case:order:shopify:#{}", 100_000 + i),
                before: Some(r#"{"state":"open","status":"short_paid"}"#.into()),
                after: Some(r#"{"state":"resolved","status":"short_paid"}"#.into()),
                reason: Some("written_off".into()),
                note: (i % 2 == 0)
                    .then(|| "difference under the tolerance agreed with the shop".into()),
            };
            audit::append(&tx, &event).map_err(|e| e.to_string())?;
        }
        tx.commit().map_err(|e| e.to_string())?;
        done = (done + BATCH).min(n);
    }
    let secs = t.elapsed().as_secs_f64();
    let v = serde_json::json!({"events": n, "secs": secs, "peak_rss_kib": peak_rss_kib()});
    println!("{v}");
    Ok(())
}

/// Verifies the whole chain of the workspace `child_append` filled.
pub fn child_verify(args: &[String]) -> Result<(), String> {
    let Some(db) = args.first() else {
        return Err("child-audit-verify DB".into());
    };
    let ws = Workspace::open(Path::new(db)).map_err(|e| e.to_string())?;
    let t = Instant::now();
    let v = ws.verify_audit().map_err(|e| e.to_string())?;
    let secs = t.elapsed().as_secs_f64();
    let out = serde_json::json!({
        "events": v.events,
        "secs": secs,
        "peak_rss_kib": peak_rss_kib(),
        "broken": v.first_broken.map(|(seq, why)| format!(
            "event {seq}: {}",
            why.render_inline(cuadra_core::words::Lang::En)
        )),
    });
    println!("{out}");
    Ok(())
}
