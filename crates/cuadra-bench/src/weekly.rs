//! `cuadra-bench weekly [--orders N] [--dir DIR] [--cli PATH] [--baselines DIR]
//! [--skip-baselines] [--skip-cold] [--keep-setup]`: issue 17's weekly close at a year of history, measured as a
//! team would live it, with the release `cuadra-cli` in child processes (each one's wall time,
//! start to end, and peak RSS from `/usr/bin/time -f %M`, i.e. the child's `ru_maxrss`).
//!
//! The year (generated once into `DIR/weekly-N/`, seed 17, reused by later runs): N orders
//! (default 1,000,000) created evenly over the 364 days from Monday 2025-12-01 to Sunday
//! 2026-11-29 (Bogotá time), and their dLocal settlement as 52 weekly batches (Monday to Sunday
//! by approval day, `TRANSFER_ID` 643001 to 643052, each with its own settlement fee row):
//! - `orders-year.csv`: every order of the year (Shopify export), for the cold start and the
//!   baselines;
//! - `orders-days-001-357.csv`: the orders created on days 1 to 357 (the setup);
//! - `orders-days-355-364.csv`: the orders created on the last 10 days, as a shop exports them
//!   every week (overlapping the week before by three days);
//! - `dlocal-week-01.csv` ... `dlocal-week-52.csv`.
//!
//! Setup (untimed, printed as setup): a fresh workspace, `import` of the days 1-357 export and
//! batches 1-51, `reconcile --as-of` the end of day 357 (2026-11-22T23:59:59-05:00). Then the
//! weekly close, three timed processes: `import` of the last-10-days export and batch 52;
//! `reconcile --as-of` the end of day 364; `export exceptions --format csv --period 2026-11`.
//! `--keep-setup` also copies the set-up workspace to `weekly-setup.db` (`cuadra-cli backup`,
//! untimed), to profile the week's steps again on a copy of it.
//! Cold start (unless `--skip-cold`): every file of the year into an empty workspace, reconcile,
//! `export reconciliation --format csv`. Baselines (unless `--skip-baselines`): the pandas and
//! DuckDB scripts of `../shared/baselines/` (or `--baselines DIR`) over the year's orders file
//! and the 52 batches, then the ratios issue 17 sets targets on.

use crate::{bench_dir, flag, generate_if_missing, number};
use chrono::NaiveDate;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const SEED: u64 = 17;
const DAYS: u32 = 364;
const WEEKS: usize = 52;
/// The last day the setup imports and reconciles: the day before the last week.
const SETUP_LAST_DAY: u32 = 357;
/// The week's orders export covers its own 7 days and the 3 before (a 10-day export).
const WEEK_EXPORT_FIRST_DAY: u32 = 355;

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 12, 1).expect("valid constant date")
}

/// Day `d` (1-based) of the year.
fn day(d: u32) -> NaiveDate {
    start() + chrono::Days::new(u64::from(d) - 1)
}

/// The last second of day `d` in Bogotá (UTC-05:00 all year), as `--as-of` takes it.
fn end_of_day(d: u32) -> String {
    format!("{}T23:59:59-05:00", day(d).format("%Y-%m-%d"))
}

/// The generated year's files.
struct Year {
    orders_year: PathBuf,
    orders_setup: PathBuf,
    orders_week: PathBuf,
    batches: Vec<PathBuf>,
}

impl Year {
    fn generate(dir: &Path, orders: usize) -> Result<Year, String> {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        let spec = cuadra_testkit::SpreadSpec {
            seed: SEED,
            orders,
            start: start(),
            days: DAYS,
        };
        let shopify = |name: &str, days: std::ops::RangeInclusive<u32>| {
            let path = dir.join(name);
            generate_if_missing(&path, |out| {
                cuadra_testkit::write_shopify_orders_spread(&spec, days, out).map(drop)
            })
            .map(|()| path)
        };
        let orders_year = shopify("orders-year.csv", 1..=DAYS)?;
        let orders_setup = shopify(
            &format!("orders-days-001-{SETUP_LAST_DAY}.csv"),
            1..=SETUP_LAST_DAY,
        )?;
        let orders_week = shopify(
            &format!("orders-days-{WEEK_EXPORT_FIRST_DAY}-{DAYS}.csv"),
            WEEK_EXPORT_FIRST_DAY..=DAYS,
        )?;
        let batches: Vec<PathBuf> = (1..=WEEKS)
            .map(|w| dir.join(format!("dlocal-week-{w:02}.csv")))
            .collect();
        // Written all at once (one pass over the year); a marker says they are complete.
        let done = dir.join("dlocal-weeks.done");
        if !done.exists() {
            let t = Instant::now();
            let ids: Vec<String> = (1..=WEEKS).map(|w| (643_000 + w).to_string()).collect();
            cuadra_testkit::write_dlocal_batches(&spec, 7, &ids, |k| {
                std::fs::File::create(&batches[k]).map(std::io::BufWriter::new)
            })
            .map_err(|e| e.to_string())?;
            std::fs::write(&done, b"").map_err(|e| e.to_string())?;
            println!(
                "generated {WEEKS} weekly dLocal batches in {} in {:.1} s",
                dir.display(),
                t.elapsed().as_secs_f64()
            );
        }
        Ok(Year {
            orders_year,
            orders_setup,
            orders_week,
            batches,
        })
    }
}

/// One child process, start to end.
struct Measured {
    secs: f64,
    rss_kib: Option<u64>,
    stdout: String,
}

impl Measured {
    fn rss(&self) -> String {
        match self.rss_kib {
            Some(k) => format!("{:.0} MB", k as f64 / 1024.0),
            None => "?".into(),
        }
    }
}

/// Runs `program args` to its end; wall time from spawn to exit, peak RSS by GNU time (its
/// `%M` is the child's `ru_maxrss` from `wait4`) when `/usr/bin/time` exists.
fn measure(program: &Path, args: &[OsString], rss_file: &Path) -> Result<Measured, String> {
    let time = Path::new("/usr/bin/time");
    let mut cmd = if time.exists() {
        let mut c = Command::new(time);
        c.arg("-f").arg("%M").arg("-o").arg(rss_file).arg(program);
        c
    } else {
        Command::new(program)
    };
    cmd.args(args);
    let t = Instant::now();
    let out = cmd
        .output()
        .map_err(|e| format!("{}: {e}", program.display()))?;
    let secs = t.elapsed().as_secs_f64();
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let tail: Vec<&str> = err.lines().rev().take(8).collect();
        return Err(format!(
            "{} {:?} failed ({}): {}",
            program.display(),
            args,
            out.status,
            tail.into_iter().rev().collect::<Vec<_>>().join("\n")
        ));
    }
    let rss_kib = std::fs::read_to_string(rss_file)
        .ok()
        .and_then(|s| s.lines().last().and_then(|l| l.trim().parse().ok()));
    let _ = std::fs::remove_file(rss_file);
    Ok(Measured {
        secs,
        rss_kib,
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
    })
}

/// Runs cuadra-cli on workspace `db` and prints the step.
struct Cli {
    exe: PathBuf,
    rss_file: PathBuf,
}

impl Cli {
    fn run(&self, db: &Path, label: &str, args: &[&std::ffi::OsStr]) -> Result<Measured, String> {
        let mut all: Vec<OsString> = vec!["--db".into(), db.into()];
        all.extend(args.iter().map(|a| a.to_os_string()));
        let m = measure(&self.exe, &all, &self.rss_file)?;
        println!("{label:<60} {:>8.2} {:>10}", m.secs, m.rss());
        // The per-file zone notes of an import say the same thing every time.
        let lines = m.stdout.lines().filter(|l| {
            !l.trim().is_empty() && !l.trim_start().starts_with("times without an offset")
        });
        for line in lines.take(12) {
            println!("      | {line}");
        }
        Ok(m)
    }
}

fn fresh_db(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

fn mb(path: &Path) -> f64 {
    std::fs::metadata(path).map_or(0.0, |m| m.len() as f64 / 1e6)
}

pub fn bench(args: &[String]) -> Result<(), String> {
    let orders = number(args, "--orders", 1_000_000)?;
    let skip_baselines = args.iter().any(|a| a == "--skip-baselines");
    let skip_cold = args.iter().any(|a| a == "--skip-cold");
    let keep_setup = args.iter().any(|a| a == "--keep-setup");
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let cli_exe =
        flag(args, "--cli").map_or_else(|| exe.with_file_name("cuadra-cli"), PathBuf::from);
    if !cli_exe.exists() {
        return Err(format!(
            "no cuadra-cli at {} (cargo build --release -p cuadra-cli, or --cli PATH)",
            cli_exe.display()
        ));
    }
    let baselines = flag(args, "--baselines").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/baselines"),
        PathBuf::from,
    );
    let dir = bench_dir(args)?.join(format!("weekly-{orders}"));
    let year = Year::generate(&dir, orders)?;
    let cli = Cli {
        exe: cli_exe,
        rss_file: dir.join("rss.txt"),
    };
    let batch_mb: f64 = year.batches.iter().map(|b| mb(b)).sum();
    println!(
        "\nweekly close at a year of history: {orders} orders over {DAYS} days ({} to {}), {WEEKS} weekly dLocal batches ({batch_mb:.0} MB); orders of the year {:.0} MB",
        day(1),
        day(DAYS),
        mb(&year.orders_year)
    );
    println!("cuadra-cli: {}", cli.exe.display());
    println!(
        "\n{:<60} {:>8} {:>10}",
        "step (one cuadra-cli process each)", "secs", "peak RSS"
    );

    // Setup, untimed in the figures: the year up to the day before the last week.
    let db = dir.join("weekly.db");
    fresh_db(&db);
    let mut import: Vec<&std::ffi::OsStr> = vec!["import".as_ref(), year.orders_setup.as_os_str()];
    import.extend(year.batches[..WEEKS - 1].iter().map(|b| b.as_os_str()));
    let setup_import = cli.run(
        &db,
        &format!(
            "setup: import days 1-{SETUP_LAST_DAY} ({:.0} MB) + batches 1-{}",
            mb(&year.orders_setup),
            WEEKS - 1
        ),
        &import,
    )?;
    let as_of_setup = end_of_day(SETUP_LAST_DAY);
    let setup_rec = cli.run(
        &db,
        &format!("setup: reconcile --as-of {as_of_setup}"),
        &[
            "reconcile".as_ref(),
            "--as-of".as_ref(),
            as_of_setup.as_ref(),
        ],
    )?;
    println!(
        "{:<60} {:>8.2}",
        "setup (not part of the weekly close)",
        setup_import.secs + setup_rec.secs
    );
    if keep_setup {
        // A copy of the workspace as the week finds it, to profile the week's steps again.
        let copy = dir.join("weekly-setup.db");
        fresh_db(&copy);
        cli.run(
            &db,
            "setup: backup to weekly-setup.db (--keep-setup)",
            &["backup".as_ref(), copy.as_os_str()],
        )?;
    }

    // The weekly close: three processes, timed.
    println!();
    let week_batch = &year.batches[WEEKS - 1];
    let a = cli.run(
        &db,
        &format!(
            "(a) import days {WEEK_EXPORT_FIRST_DAY}-{DAYS} ({:.1} MB) + batch {WEEKS} ({:.1} MB)",
            mb(&year.orders_week),
            mb(week_batch)
        ),
        &[
            "import".as_ref(),
            year.orders_week.as_os_str(),
            week_batch.as_os_str(),
        ],
    )?;
    let as_of = end_of_day(DAYS);
    let b = cli.run(
        &db,
        &format!("(b) reconcile --as-of {as_of}"),
        &["reconcile".as_ref(), "--as-of".as_ref(), as_of.as_ref()],
    )?;
    let period = day(DAYS).format("%Y-%m").to_string();
    let exceptions = dir.join(format!("exceptions-{period}.csv"));
    let _ = std::fs::remove_file(&exceptions);
    let c = cli.run(
        &db,
        &format!("(c) export exceptions --format csv --period {period}"),
        &[
            "export".as_ref(),
            "exceptions".as_ref(),
            "--format".as_ref(),
            "csv".as_ref(),
            "--period".as_ref(),
            period.as_ref(),
            "--out".as_ref(),
            exceptions.as_os_str(),
        ],
    )?;
    let weekly = a.secs + b.secs + c.secs;
    let weekly_rss = [&a, &b, &c].iter().filter_map(|m| m.rss_kib).max();
    println!(
        "{:<60} {weekly:>8.2} {:>7.0} MB max",
        "weekly close (a + b + c)",
        weekly_rss.unwrap_or(0) as f64 / 1024.0
    );

    // Cold start: the whole year into an empty workspace.
    let mut cold = None;
    if !skip_cold {
        println!();
        let db = dir.join("cold.db");
        fresh_db(&db);
        let mut import: Vec<&std::ffi::OsStr> =
            vec!["import".as_ref(), year.orders_year.as_os_str()];
        import.extend(year.batches.iter().map(|b| b.as_os_str()));
        let i = cli.run(
            &db,
            &format!("cold: import the year ({WEEKS} batches + orders)"),
            &import,
        )?;
        let r = cli.run(
            &db,
            &format!("cold: reconcile --as-of {as_of}"),
            &["reconcile".as_ref(), "--as-of".as_ref(), as_of.as_ref()],
        )?;
        let out = dir.join("reconciliation.csv");
        let _ = std::fs::remove_file(&out);
        let e = cli.run(
            &db,
            "cold: export reconciliation --format csv",
            &[
                "export".as_ref(),
                "reconciliation".as_ref(),
                "--format".as_ref(),
                "csv".as_ref(),
                "--out".as_ref(),
                out.as_os_str(),
            ],
        )?;
        let secs = i.secs + r.secs + e.secs;
        let rss = [&i, &r, &e].iter().filter_map(|m| m.rss_kib).max();
        println!(
            "{:<60} {secs:>8.2} {:>7.0} MB max",
            "cold start (import + reconcile + export)",
            rss.unwrap_or(0) as f64 / 1024.0
        );
        cold = Some(secs);
    }

    // The baselines over the same year, in the same run.
    let mut pandas = None;
    let mut duckdb = None;
    if !skip_baselines {
        println!(
            "\nbaselines over the whole year's files (python3 wall time incl. start and imports)"
        );
        for (module, script, slot) in [
            ("pandas", "baseline_pandas.py", &mut pandas),
            ("duckdb", "baseline_duckdb.py", &mut duckdb),
        ] {
            let ok = Command::new("python3")
                .arg("-c")
                .arg(format!("import {module}"))
                .output()
                .is_ok_and(|o| o.status.success());
            if !ok {
                println!("{module} not measured: `import {module}` fails; install it with `pip install pandas duckdb`");
                continue;
            }
            let out = dir.join(format!("baseline-{module}.csv"));
            let mut py: Vec<OsString> = vec![
                baselines.join(script).into(),
                out.into(),
                year.orders_year.clone().into(),
            ];
            py.extend(year.batches.iter().map(|b| b.clone().into()));
            match measure(Path::new("python3"), &py, &cli.rss_file) {
                Ok(m) => {
                    println!("{:<60} {:>8.2} {:>10}", script, m.secs, m.rss());
                    *slot = Some(m.secs);
                }
                Err(e) => println!("{module} not measured: {e}"),
            }
        }
    }

    println!(
        "\nratios (issue 17's targets: weekly close < 1/3 of pandas and < DuckDB; cold < pandas)"
    );
    if let Some(p) = pandas {
        println!(
            "weekly close / pandas   {:>6.2}  (target < 0.33)",
            weekly / p
        );
    }
    if let Some(d) = duckdb {
        println!("weekly close / DuckDB   {:>6.2}  (target < 1)", weekly / d);
    }
    if let (Some(c), Some(p)) = (cold, pandas) {
        println!("cold start / pandas     {:>6.2}  (target < 1)", c / p);
    }
    if let (Some(c), Some(d)) = (cold, duckdb) {
        println!("cold start / DuckDB     {:>6.2}", c / d);
    }
    Ok(())
}
