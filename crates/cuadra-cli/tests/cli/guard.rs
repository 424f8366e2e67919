//! Issue 14's guards through the command line: a mistyped path creates nothing, only a name
//! that can sign an act signs one, a bulk act is all or nothing and can be run again, and the
//! errors a person meets say what happened and what to do.

use super::audit::{run_with, stderr};
use super::period::reconciled;
use super::*;

#[test]
fn a_read_only_command_on_a_mistyped_path_creates_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let typo = dir.path().join("typo").join("cuadra.db");
    for args in [
        &["audit", "verify"][..],
        &["files"],
        &["reconcile"],
        &["case", "list"],
        &["period", "list"],
        &["settings"],
        &["profile", "list"],
    ] {
        let out = run(&typo, args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stdout(&out));
        let err = stderr(&out);
        assert!(
            err.contains(&format!(
                "there is no workspace at {}: check the path; to start a new workspace there, \
                 import a file into it",
                typo.display()
            )),
            "{args:?}: {err}"
        );
        assert!(
            !typo.parent().expect("folder").exists(),
            "{args:?}: neither the file nor its folder is created"
        );
    }
    // A folder given as the workspace.
    let out = run(dir.path(), &["audit", "verify"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("is a folder, not a workspace file"),
        "{}",
        stderr(&out)
    );
    // An import starts a workspace, as the message says.
    let file = dlocal_file(dir.path(), "s.csv", 5, 3);
    let out = run(&typo, &["import", file.to_str().expect("utf8")]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(run(&typo, &["audit", "verify"]).status.success());
}

#[test]
fn only_a_name_on_one_visible_line_signs_an_act() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, period) = reconciled(dir.path());
    let key: String = rusqlite::Connection::open(&db)
        .expect("open")
        .query_row(
            "SELECT case_key FROM cases WHERE state = 'open' ORDER BY case_key LIMIT 1",
            [],
            |r| r.get(0),
        )
        .expect("an open case");
    let events = || count(&db, "audit_events");
    let before = events();
    let resolve = |actor: &str| {
        run(
            &db,
            &[
                "--actor",
                actor,
                "case",
                "resolve",
                &key,
                "--reason",
                "written_off",
            ],
        )
    };
    // A line break would write a second, forged line in `audit log`.
    let out = resolve("ana\nroot");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("holds a line break or another invisible character"),
        "{}",
        stderr(&out)
    );
    let out = resolve("");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("no one is named as the person acting"),
        "{}",
        stderr(&out)
    );
    let out = resolve("   ");
    assert_eq!(out.status.code(), Some(2), "blank is no one");
    let out = resolve(&"a".repeat(65));
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("longer than 64 characters"));
    assert_eq!(events(), before, "nothing was recorded");
    // Nor can a closed month be reopened by nobody, or the name be stored as a setting.
    let closed = run(&db, &["period", "close", &period]);
    assert!(closed.status.success(), "{}", stderr(&closed));
    let out = run(
        &db,
        &[
            "--actor",
            "",
            "period",
            "reopen",
            &period,
            "--reason",
            "late refund",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let out = run(&db, &["settings", "actor", "ana\u{2028}root"]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    // A plain name with an accent signs.
    let out = run(
        &db,
        &[
            "--actor",
            "Ana Gómez",
            "period",
            "reopen",
            &period,
            "--reason",
            "late refund",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let log = stdout(&run(&db, &["audit", "log"]));
    assert!(log.contains("Ana Gómez"), "{log}");
    assert!(
        !log.lines().any(|l| l.trim_start().starts_with("root")),
        "{log}"
    );
}

/// Every open case of the workspace, by key.
fn open_keys(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).expect("open");
    let mut stmt = conn
        .prepare("SELECT case_key FROM cases WHERE state = 'open' ORDER BY case_key")
        .expect("prepare");
    stmt.query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("keys")
}

#[test]
fn a_bulk_resolve_killed_halfway_records_nothing_and_running_it_again_finishes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, _) = reconciled(dir.path());
    let keys = open_keys(&db);
    assert!(keys.len() >= 4, "{keys:?}");
    let mut args = vec!["case", "resolve", "--reason", "written_off"];
    args.extend(keys.iter().map(String::as_str));
    let decisions = || count(&db, "case_decisions");
    let events = count(&db, "audit_events");

    // Killed after half of the cases were written: none of them is kept.
    let out = run_with(&db, &[("CUADRA_CRASH_AT", "bulk_resolve_halfway")], &args);
    assert!(!out.status.success(), "the process died: {}", stdout(&out));
    assert_eq!(decisions(), 0, "nothing of the bulk act is kept");
    assert_eq!(count(&db, "audit_events"), events);
    assert_eq!(open_keys(&db), keys);
    assert!(run(&db, &["audit", "verify"]).status.success());

    // One of them resolved by hand meanwhile; the same command again resolves the rest and
    // names the one it left alone.
    let out = run(
        &db,
        &["case", "resolve", &keys[0], "--reason", "written_off"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = run(&db, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains(&format!(
            "resolved {} case(s) (written_off)",
            keys.len() - 1
        )),
        "{text}"
    );
    assert!(
        text.contains(&format!("skipped 1 case(s) already resolved: {}", keys[0])),
        "{text}"
    );
    assert!(open_keys(&db).is_empty());
    assert_eq!(decisions() as usize, keys.len());
    // And once more: nothing to do, said so, exit 0.
    let out = run(&db, &args);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!(
            "resolved 0 case(s) (written_off)\nskipped {} case(s) already resolved",
            keys.len()
        )),
        "{}",
        stdout(&out)
    );
    assert_eq!(decisions() as usize, keys.len(), "nothing recorded again");
}

#[test]
fn a_workspace_another_program_holds_says_to_wait_and_try_again() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (db, _) = reconciled(dir.path());
    let holder = rusqlite::Connection::open(&db).expect("open");
    holder
        .execute_batch("BEGIN IMMEDIATE; INSERT INTO settings(key, value) VALUES ('x', 'y');")
        .expect("hold the write lock");
    let file = dlocal_file(dir.path(), "t.csv", 6, 3);
    let out = run(&db, &["import", file.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    let err = stderr(&out);
    assert!(
        err.contains("is in use by another program (another Cuadra window or cuadra-cli)")
            && err.contains("try again"),
        "{err}"
    );
    assert!(
        !err.contains("database is locked"),
        "SQLite's words alone: {err}"
    );
    holder.execute_batch("ROLLBACK").expect("release");
}

#[test]
fn bytes_that_are_not_text_are_placed_by_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    // A UTF-8 export (with its byte-order mark) whose third line holds a Latin-1 'í': byte
    // 3 (the mark) + 11 ("Name,Total\n") + 9 ("#1,10000\n") + 8 ("#2 Bogot") = 31.
    let file = dir.path().join("pedidos.csv");
    std::fs::write(
        &file,
        b"\xEF\xBB\xBFName,Total\n#1,10000\n#2 Bogot\xED,20000\n".as_slice(),
    )
    .expect("write");
    let out = run(&db, &["import", file.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).contains(
            "The file says it is UTF-8 but line 3 (byte offset 31) holds bytes that are not \
             valid UTF-8: save it again as 'CSV UTF-8'"
        ),
        "{}",
        stdout(&out)
    );
}

/// Issue 14, failure 10: a disk that fills up during an import ("database or disk is full"
/// without saying the file was not imported). The disk is made full for the import's process
/// alone: a file size limit (`ulimit -f`) a few pages above the workspace's size, with the
/// signal that limit sends ignored, so every write past it fails as a full disk does.
#[test]
fn an_import_that_fills_the_disk_writes_nothing_and_says_so() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    new_workspace(&db);
    let big = dlocal_file(dir.path(), "big.csv", 7, 20_000);
    let before_events = count(&db, "audit_events");
    let limit_kb = std::fs::metadata(&db).expect("stat").len() / 1024 + 64;
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(format!(
            r#"ulimit -f {limit_kb}; trap "" XFSZ; exec "$0" "$@""#
        ))
        .arg(bin())
        .arg("--db")
        .arg(&db)
        .arg("import")
        .arg(&big)
        .env("CUADRA_ACTOR", "test-actor")
        .output()
        .expect("bash runs");
    let (text, err) = (stdout(&out), stderr(&out));
    assert_eq!(out.status.code(), Some(2), "{text}{err}");
    assert!(
        text.contains("NOT IMPORTED, nothing of it was written")
            || err.contains("NOT IMPORTED, nothing of it was written"),
        "{text}{err}"
    );
    assert!(
        err.contains("could not be written to disk") || err.contains("is full"),
        "{err}"
    );
    assert!(err.contains("try again"), "{err}");

    // Nothing of the file is in the workspace, which is sound; with room, the same file imports.
    assert_eq!(count(&db, "imported_files"), 0);
    assert_eq!(count(&db, "settlement_lines"), 0);
    assert_eq!(count(&db, "audit_events"), before_events);
    let out = run(&db, &["verify", "--quick"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let out = run(&db, &["import", big.to_str().expect("utf8")]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert_eq!(count(&db, "settlement_lines"), 20_000);
}
