//! The CLI as scripts and the other tools use it: a real binary, a real SQLite file on disk.

mod attach;
mod audit;
mod backup;
mod bank;
mod crash;
mod export;
mod formats;
mod guard;
mod import;
mod payouts;
mod period;
mod reconcile;
mod retention;
mod review;
mod strict;
mod verify;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The built `cuadra-cli` binary.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_cuadra-cli"))
}

/// Runs `cuadra-cli --db DB ARGS...` to completion.
pub fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(bin())
        .arg("--db")
        .arg(db)
        .args(args)
        .env("CUADRA_ACTOR", "test-actor")
        .output()
        .expect("cuadra-cli runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// The path of a hand-written fixture of `cuadra-core/tests/fixtures`, as an argument.
pub fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../cuadra-core/tests/fixtures")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

/// Writes a generated dLocal settlement file of `lines` rows.
pub fn dlocal_file(dir: &Path, name: &str, seed: u64, lines: usize) -> PathBuf {
    let path = dir.join(name);
    let file = std::fs::File::create(&path).expect("create");
    let spec = cuadra_testkit::DlocalSpec {
        seed,
        lines,
        ..Default::default()
    };
    cuadra_testkit::write_dlocal_settlement(&spec, std::io::BufWriter::new(file))
        .expect("generate");
    path
}

/// A workspace `w.db` in `dir` with the hand-written Shopify export and dLocal batch imported and
/// reconciled as of the end of May 2026 (Bogotá): order #1002 is matched, in period 2026-05,
/// and the trail holds events 1 to 3.
pub fn reconciled_fixtures(dir: &Path) -> PathBuf {
    let db = dir.join("w.db");
    let out = run(
        &db,
        &[
            "import",
            &fixture("shopify_orders_co.csv"),
            &fixture("dlocal_crossborder_co.csv"),
        ],
    );
    assert!(out.status.success(), "{}", stdout(&out));
    let out = run(&db, &["reconcile", "--as-of", "2026-05-31T23:59:59-05:00"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    db
}

/// Counts rows of a table straight from the SQLite file.
pub fn count(db: &Path, table: &str) -> i64 {
    let conn = rusqlite::Connection::open(db).expect("open db");
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .expect("count")
}

/// Starts an empty workspace at `db` the way a person can: by saving a setting (only a command
/// that writes may create a workspace; a read on a missing path is an error).
pub fn new_workspace(db: &Path) {
    let out = run(db, &["settings", "zone", "America/Bogota"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
