//! `cuadra-cli import` and `files`: the JSON contract, exit codes, idempotency, evidence export.

use super::*;

#[test]
fn import_json_reports_every_file_with_the_contract_keys() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let file = dlocal_file(dir.path(), "settlement.csv", 7, 200);
    let out = run(&db, &["import", "--json", file.to_str().expect("utf8")]);
    assert!(
        out.status.success(),
        "a good file imports: {}",
        stdout(&out)
    );
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("stdout is one JSON document");
    let arr = v.as_array().expect("a JSON array");
    assert_eq!(arr.len(), 1, "one object per file");
    let r = &arr[0];
    for key in [
        "file",
        "format",
        "new",
        "known",
        "conflicting",
        "rejected",
        "problems",
    ] {
        assert!(r.get(key).is_some(), "key {key} is part of the contract");
    }
    assert_eq!(r["format"], "dlocal-crossborder");
    assert_eq!(r["new"], 200, "every generated line is new");
    assert_eq!(r["rejected"], 0);
    assert!(r["problems"].is_array());

    // The same bytes under another name: nothing changes, exit 0.
    let copy = dir.path().join("renamed.csv");
    std::fs::copy(&file, &copy).expect("copy");
    let before = count(&db, "settlement_lines");
    let out = run(&db, &["import", "--json", copy.to_str().expect("utf8")]);
    assert!(
        out.status.success(),
        "an already imported file is not a failure"
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v[0]["outcome"], "already_imported");
    assert_eq!(v[0]["new"], 0);
    assert!(
        v[0]["first_imported_at"].is_string(),
        "says when it was first imported"
    );
    assert_eq!(
        count(&db, "settlement_lines"),
        before,
        "a re-import must add no rows"
    );
    assert_eq!(count(&db, "imported_files"), 1, "nor a second file record");
}

#[test]
fn a_bad_file_exits_non_zero_with_a_clear_message_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let good = dlocal_file(dir.path(), "good.csv", 1, 50);
    let bad = dir.path().join("mystery.csv");
    std::fs::write(&bad, "foo,bar,baz\n1,2,3\n").expect("write");
    let out = run(
        &db,
        &[
            "import",
            good.to_str().expect("utf8"),
            bad.to_str().expect("utf8"),
        ],
    );
    assert_eq!(out.status.code(), Some(1), "one file failed: exit 1");
    let text = stdout(&out);
    assert!(
        text.contains("mystery.csv"),
        "the message names the file: {text}"
    );
    assert!(
        text.contains("profile create"),
        "and tells what to do: {text}"
    );
    assert_eq!(count(&db, "imported_files"), 1, "only the good file is in");
}

#[test]
fn json_problems_carry_the_english_sentence_and_the_structured_message() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let bad = dir.path().join("mystery.csv");
    std::fs::write(&bad, "foo,bar,baz\n1,2,3\n").expect("write");
    let out = run(&db, &["import", "--json", bad.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let p = &v[0]["problems"][0];
    assert_eq!(p["code"], "unknown_layout");
    let message = p["message"].as_str().expect("the message is a sentence");
    assert!(
        message.contains("first row: foo | bar | baz") && message.contains("profile create"),
        "{message}"
    );
    assert_eq!(p["msg"]["k"], "ingest.unknown_layout", "{p}");
}

#[test]
fn dry_run_reports_counts_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let file = dlocal_file(dir.path(), "s.csv", 3, 100);
    let out = run(
        &db,
        &[
            "import",
            "--dry-run",
            "--json",
            file.to_str().expect("utf8"),
        ],
    );
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v[0]["outcome"], "dry_run");
    assert_eq!(v[0]["new"], 100, "a dry run still counts what would be new");
    assert_eq!(count(&db, "settlement_lines"), 0, "and writes nothing");
    assert_eq!(count(&db, "imported_files"), 0);
}

#[test]
fn files_lists_imports_and_exports_an_original_byte_for_byte() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let file = dlocal_file(dir.path(), "s.csv", 5, 30);
    assert!(run(&db, &["import", file.to_str().expect("utf8")])
        .status
        .success());
    let out = run(&db, &["files", "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(v[0]["name"], "s.csv");
    assert_eq!(v[0]["imported_by"], "test-actor", "the actor is recorded");
    let id = v[0]["id"].as_i64().expect("id");
    let back = dir.path().join("back.csv");
    let out = run(
        &db,
        &[
            "files",
            "export",
            &id.to_string(),
            back.to_str().expect("utf8"),
        ],
    );
    assert!(out.status.success(), "{}", stdout(&out));
    assert_eq!(
        std::fs::read(&back).expect("read back"),
        std::fs::read(&file).expect("read original"),
        "the kept original must be byte for byte the imported file"
    );
}

#[test]
fn a_user_profile_maps_an_unknown_layout_once_and_then_applies_by_itself() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let csv = "x_ref_payco;x_id_invoice;x_amount;x_currency_code;x_transaction_date;x_cod_transaction_state\n\
               98765;0001001;150.000;COP;15/05/2026 14:30;1\n\
               98766;0001002;89.900;COP;15/05/2026 15:10;3\n";
    let sample = dir.path().join("epayco.csv");
    std::fs::write(&sample, csv).expect("write");
    let out = run(&db, &["import", sample.to_str().expect("utf8")]);
    assert_eq!(out.status.code(), Some(1), "unknown until mapped");
    let out = run(
        &db,
        &[
            "profile",
            "create",
            "epayco",
            "--from",
            sample.to_str().expect("utf8"),
            "--kind",
            "settlement",
            "--source",
            "epayco",
            "--map",
            "psp_txn_id=x_ref_payco",
            "--map",
            "reference=x_id_invoice",
            "--map",
            "amount=x_amount",
            "--map",
            "currency=x_currency_code",
            "--map",
            "date=x_transaction_date",
            "--map",
            "status=x_cod_transaction_state",
            "--decimal",
            "comma",
            "--date-format",
            "%d/%m/%Y %H:%M",
        ],
    );
    assert!(
        out.status.success(),
        "{}{}",
        stdout(&out),
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run(&db, &["import", "--json", sample.to_str().expect("utf8")]);
    assert!(out.status.success(), "{}", stdout(&out));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(
        v[0]["format"], "epayco",
        "the saved profile is found by the header"
    );
    assert_eq!(v[0]["new"], 2);
    let conn = rusqlite::Connection::open(&db).expect("open");
    let (amount, merchant_ref, status, created): (String, String, String, String) = conn
        .query_row(
            "SELECT local_amount, merchant_ref, status, created_at FROM settlement_lines WHERE psp_txn_id = '98766'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .expect("line");
    assert_eq!(
        amount, "89900",
        "89.900 with a decimal comma is 89,900 pesos"
    );
    assert_eq!(merchant_ref, "0001002", "leading zeros are kept");
    assert_eq!(status, "pending", "ePayco state 3 is pending");
    assert_eq!(
        created, "2026-05-15T15:10:00-05:00",
        "offset-less times are Bogotá's"
    );
}

#[test]
fn a_large_file_streamed_from_disk_imports_exactly_like_the_same_bytes_in_memory() {
    use cuadra_core::ingest::{import_bytes, import_path, BadRowPolicy, ImportOptions};
    let dir = tempfile::tempdir().expect("tempdir");
    // Past the 64 MiB streaming threshold, so import_path reads it in chunks.
    let file = dlocal_file(dir.path(), "large.csv", 21, 300_000);
    let size = std::fs::metadata(&file).expect("meta").len();
    assert!(
        size > 64 << 20,
        "the file must be large enough to stream ({size} bytes)"
    );
    let opts = ImportOptions {
        profile: None,
        dry_run: false,
        bad_rows: BadRowPolicy::RejectFile,
        actor: "test".into(),
        now: chrono::DateTime::from_timestamp(1_780_000_000, 0).expect("time"),
    };
    let streamed_db = dir.path().join("streamed.db");
    let mut ws = cuadra_core::store::Workspace::open(&streamed_db).expect("open");
    let streamed = import_path(&mut ws, &file, &opts).expect("import");
    let memory_db = dir.path().join("memory.db");
    let mut ws2 = cuadra_core::store::Workspace::open(&memory_db).expect("open");
    let bytes = std::fs::read(&file).expect("read");
    let in_memory =
        import_bytes(&mut ws2, "large.csv", "large.csv", &bytes, &opts).expect("import");
    assert_eq!(
        streamed.new,
        300_000,
        "every line imported: {:?}",
        streamed.problems.first()
    );
    assert_eq!(
        (streamed.rows, streamed.new, streamed.problems.len()),
        (in_memory.rows, in_memory.new, in_memory.problems.len()),
        "streaming must not change what is read"
    );
    let dump = |db: &std::path::Path| -> Vec<(String, String, i64)> {
        let conn = rusqlite::Connection::open(db).expect("open");
        let mut stmt = conn
            .prepare(
                "SELECT identity, content_hash, row_no FROM settlement_lines ORDER BY identity",
            )
            .expect("prepare");
        let rows = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .expect("query");
        rows.map(|r| r.expect("row")).collect()
    };
    assert!(
        dump(&streamed_db) == dump(&memory_db),
        "same lines, same content, same row numbers"
    );
    assert_eq!(
        ws.original_bytes(1).expect("original"),
        bytes,
        "the streamed file's kept original is byte for byte the file"
    );
}

#[test]
fn a_reader_that_stops_early_is_not_a_crash() {
    use std::io::Read;
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("w.db");
    let file = dlocal_file(dir.path(), "s.csv", 9, 3000);
    assert!(run(&db, &["import", file.to_str().expect("utf8")])
        .status
        .success());
    let mut child = std::process::Command::new(bin())
        .arg("--db")
        .arg(&db)
        .args([
            "reconcile",
            "--json",
            "--as-of",
            "2026-06-30T00:00:00-05:00",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut first = [0u8; 16];
    let mut stdout = child.stdout.take().expect("stdout");
    stdout.read_exact(&mut first).expect("some output");
    drop(stdout); // like `| head -c 16`
    let out = child.wait_with_output().expect("wait");
    assert!(
        out.status.success(),
        "a closed pipe ends the output quietly: {:?}",
        out.status
    );
    assert!(
        !String::from_utf8_lossy(&out.stderr).contains("panicked"),
        "no panic message: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
