//! Re-imports and overlaps (shared/domain.md §8.1 and §8.9): the same bytes change nothing, an
//! overlapping later file adds only its new rows, two legitimately identical payments stay two,
//! a changed row with a known identity is kept as a conflict, a dry run writes nothing, and the
//! original bytes come back exactly.

use super::{col, fixture, now, options, summary, TestWs};
use cuadra_core::ingest::{custom::ProfileSpec, ImportOptions, Outcome};
use cuadra_core::model::FileKind;
use cuadra_core::words::Lang;

#[test]
fn same_bytes_under_another_name_are_already_imported() {
    let mut t = TestWs::new();
    let bytes = fixture("dlocal_crossborder_co.csv");
    let first = t.import("liquidacion_mayo.csv", &bytes);
    assert_eq!(first.outcome, Outcome::Imported);
    let before = t.table_counts();
    let again = t.import("copia de liquidacion_mayo (1).csv", &bytes);
    assert_eq!(
        again.outcome,
        Outcome::AlreadyImported,
        "a file's identity is its SHA-256, not its name"
    );
    assert_eq!(
        again.file_id, first.file_id,
        "the answer points at the file already there"
    );
    assert_eq!(
        again.first_imported_as.as_deref(),
        Some("liquidacion_mayo.csv")
    );
    assert_eq!(
        (
            again.new,
            again.known,
            again.updated,
            again.conflicting,
            again.rejected
        ),
        (0, 0, 0, 0, 0),
        "an already-imported file counts no rows"
    );
    assert_eq!(t.table_counts(), before, "a re-import must change no table");
}

#[test]
fn same_report_with_another_delimiter_is_all_known() {
    let mut t = TestWs::new();
    t.import_fixture("dlocal_crossborder_co.csv");
    let lines_before = t.settlement_lines();
    let r = t.import_fixture("dlocal_crossborder_co_semicolon.csv");
    assert_eq!(
        r.outcome,
        Outcome::Imported,
        "other bytes: a new file as evidence"
    );
    assert_eq!(
        (r.new, r.known, r.conflicting),
        (0, 9, 0),
        "but every line is already known"
    );
    assert_eq!(
        t.settlement_lines(),
        lines_before,
        "no line was added or changed"
    );
}

#[test]
fn overlapping_later_dlocal_file_adds_only_new_rows() {
    let mut t = TestWs::new();
    t.import_fixture("dlocal_crossborder_co.csv");
    let r = t.import_fixture("dlocal_crossborder_co_regenerated.csv");
    assert_eq!(r.outcome, Outcome::Imported);
    assert_eq!(
        (r.rows, r.known, r.new, r.conflicting),
        (6, 4, 2, 0),
        "four rows were in the first file, two are new: {:#?}",
        r.problems
    );
    let lines = t.settlement_lines();
    assert_eq!(lines.len(), 11, "9 + 2 lines, no duplicates");
    for id in [
        "T-912-ey10001",
        "T-912-ey10002",
        "T-912-ey10003",
        "T-912-ey10004",
    ] {
        assert_eq!(
            lines
                .iter()
                .filter(|l| col(l, "psp_txn_id") == Some(id))
                .count(),
            1,
            "{id} is in both files and must be stored once"
        );
    }
    insta::assert_yaml_snapshot!("dlocal_regenerated_report", summary(&r));
}

/// A user profile without a transaction id: lines are identified by content + occurrence.
fn caja_profile(t: &mut TestWs) {
    let spec = ProfileSpec {
        name: "caja-efecty".into(),
        kind: FileKind::Settlement,
        source: Some("efecty-caja".into()),
        mappings: vec![
            ("reference".into(), "Referencia".into()),
            ("amount".into(), "Monto".into()),
            ("status".into(), "Estado".into()),
            ("date".into(), "Fecha".into()),
        ],
        decimal_mark: Some(cuadra_core::money::DecimalMark::Comma),
        date_format: None,
        // A person saving the mapping states that the desk writes day first.
        date_order: Some(cuadra_core::time::DateOrder::Dmy),
        zone: Some("America/Bogota".into()),
        row_types: vec![],
        default_currency: Some("COP".into()),
        header_row: None,
    };
    t.ws.create_profile(&spec, &fixture("caja_efecty_sin_orden.csv"), now())
        .unwrap();
}

#[test]
fn two_identical_payments_without_an_id_stay_two_and_overlaps_do_not_duplicate_them() {
    let mut t = TestWs::new();
    caja_profile(&mut t);
    let first = t.import_fixture("caja_efecty_sin_orden.csv");
    assert_eq!(
        first.format.as_deref(),
        Some("caja-efecty"),
        "the saved profile is found by its header"
    );
    assert_eq!(
        (first.rows, first.new, first.known),
        (4, 4, 0),
        "two payments of 20.000 for PED-5002 the same day are two payments, not a repeat: {:#?}",
        first.problems
    );
    let later = t.import_fixture("caja_efecty_sin_orden_later.csv");
    assert_eq!(
        (later.rows, later.new, later.known),
        (4, 1, 3),
        "the later file repeats both PED-5002 payments and PED-5003; only PED-5004 is new"
    );
    let lines = t.settlement_lines();
    let ped5002: Vec<_> = lines
        .iter()
        .filter(|l| col(l, "merchant_ref") == Some("PED-5002"))
        .collect();
    assert_eq!(ped5002.len(), 2, "still exactly two PED-5002 payments");
    assert!(
        ped5002
            .iter()
            .all(|l| col(l, "local_amount") == Some("20000")),
        "20.000 is twenty thousand pesos"
    );
    assert_eq!(lines.len(), 5);
}

#[test]
fn same_identity_other_content_is_a_conflict_and_the_first_version_stays() {
    let mut t = TestWs::new();
    t.import_fixture("dlocal_crossborder_co.csv");
    let before = t.settlement_lines();
    let text = String::from_utf8(fixture("dlocal_crossborder_co.csv")).unwrap();
    // The same dLocal payment, re-sent with another local amount.
    let changed = text.replace(
        "PED-001004,T-912-ey10004,62000,COP",
        "PED-001004,T-912-ey10004,64000,COP",
    );
    assert_ne!(changed, text);
    let r = t.import("dlocal_reenviado.csv", changed.as_bytes());
    assert_eq!(r.outcome, Outcome::Imported);
    assert_eq!((r.known, r.conflicting, r.new), (8, 1, 0));
    let p = r
        .problems
        .iter()
        .find(|p| p.code == "conflicting_row")
        .unwrap();
    assert_eq!(p.row, Some(7), "the conflict names the row of the new file");
    assert!(
        p.text(Lang::En).contains("dlocal_crossborder_co.csv row 7"),
        "and where the first version came from: {p}"
    );
    assert_eq!(
        t.settlement_lines(),
        before,
        "the first version of the line is untouched"
    );
    let (n, amount): (i64, String) = t
        .ws
        .conn()
        .query_row(
            "SELECT COUNT(*), json_extract(MAX(line_json), '$.local_amount') FROM line_conflicts",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (n, amount.as_str()),
        (1, "64000"),
        "the other version is kept in line_conflicts"
    );

    // The same re-sent file saved again by Excel (CRLF): its conflict is already flagged.
    let resaved = t.import(
        "dlocal_reenviado_excel.csv",
        changed.replace('\n', "\r\n").as_bytes(),
    );
    assert_eq!(
        (resaved.known, resaved.conflicting, resaved.new),
        (9, 0, 0),
        "a version already kept as a conflict is known, not a second conflict"
    );
    assert!(
        resaved
            .problems
            .iter()
            .any(|p| p.code == "known_conflict" && p.row == Some(7)),
        "{:#?}",
        resaved.problems
    );
    assert_eq!(
        t.table_counts()["line_conflicts"],
        1,
        "no conflict is recorded twice"
    );
}

#[test]
fn a_dry_run_writes_nothing() {
    let mut t = TestWs::new();
    t.import_fixture("shopify_orders_co.csv");
    let before = t.table_counts();
    let opts = ImportOptions {
        dry_run: true,
        ..options()
    };
    let r = t.import_with(
        "shopify_orders_co_later.csv",
        &fixture("shopify_orders_co_later.csv"),
        &opts,
    );
    assert_eq!(r.outcome, Outcome::DryRun);
    assert_eq!(
        (r.new, r.known, r.updated),
        (1, 2, 1),
        "a dry run counts what an import would do"
    );
    assert_eq!(r.file_id, None);
    assert_eq!(t.table_counts(), before, "and writes nothing");
    let real = t.import_fixture("shopify_orders_co_later.csv");
    assert_eq!(
        real.outcome,
        Outcome::Imported,
        "the file was not taken as already imported"
    );
}

#[test]
fn original_bytes_come_back_byte_for_byte() {
    let mut t = TestWs::new();
    for name in [
        "dlocal_crossborder_co.csv",
        "mercadopago_settlement_co_excel_es.csv",
        "payu_ventas_co_unicode.txt",
        "mercadopago_release_co_bom.csv",
        "shopify_orders_co.csv",
    ] {
        let bytes = fixture(name);
        let r = t.import(name, &bytes);
        let id = r
            .file_id
            .unwrap_or_else(|| panic!("{name} imported: {:#?}", r.problems));
        assert_eq!(
            t.ws.original_bytes(id).unwrap(),
            bytes,
            "{name}: the evidence is the exact file"
        );
    }
    let book = super::xlsx::from_csv(&fixture("shopify_orders_co.csv"), b',', "Orders");
    let id = t.import("orders.xlsx", &book).file_id.unwrap();
    assert_eq!(t.ws.original_bytes(id).unwrap(), book, "a workbook too");
    let files = t.ws.list_files().unwrap();
    assert_eq!(files.len(), 6);
    assert!(
        files
            .iter()
            .all(|f| f.imported_at == "2026-05-10T15:00:00Z"),
        "the pinned clock is recorded"
    );
}

/// Mercado Pago's release report records the money of its settlement report again: whichever
/// comes first, each repeated line is paired with the line it repeats, once; a workspace made
/// before the pairing existed gets it when it is opened.
#[test]
fn the_same_money_in_two_reports_is_paired_once_in_any_order_and_on_upgrade() {
    let pairs = |t: &TestWs| -> i64 {
        t.ws.conn()
            .query_row("SELECT COUNT(*) FROM line_echoes", [], |r| r.get(0))
            .unwrap()
    };
    // 5 payments, the claim held (DISPUTE = block of the same net) and the withdrawal: 7.
    let mut release_first = TestWs::new();
    release_first.import_fixture("mercadopago_release_same_money.csv");
    assert_eq!(pairs(&release_first), 0, "nothing to pair yet");
    release_first.import_fixture("mercadopago_settlement_same_money.csv");
    assert_eq!(pairs(&release_first), 7);
    let mut settlement_first = TestWs::new();
    settlement_first.import_fixture("mercadopago_settlement_same_money.csv");
    settlement_first.import_fixture("mercadopago_release_same_money.csv");
    assert_eq!(pairs(&settlement_first), 7);
    let repeated: i64 = settlement_first
        .ws
        .conn()
        .query_row(
            "SELECT COUNT(*) FROM line_echoes e JOIN settlement_lines l ON l.id = e.line_id
             WHERE l.identity LIKE 'mercadopago-release|%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(repeated, 7, "the release report's lines are the repeats");
    // A re-import of either file pairs nothing more.
    settlement_first.import(
        "again.csv",
        &[
            fixture("mercadopago_release_same_money.csv"),
            b"\n".to_vec(),
        ]
        .concat(),
    );
    assert_eq!(pairs(&settlement_first), 7);

    // An older workspace: no pairing table (nor any later table), schema 8.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    {
        let mut ws = cuadra_core::store::Workspace::open(&path).unwrap();
        for name in [
            "mercadopago_settlement_same_money.csv",
            "mercadopago_release_same_money.csv",
        ] {
            cuadra_core::ingest::import_bytes(&mut ws, name, name, &fixture(name), &options())
                .unwrap();
        }
        ws.conn()
            .execute_batch(
                "DROP TABLE bank_entries;
                 DROP TABLE bank_statements;
                 DROP TABLE recon_keys;
                 DROP INDEX cases_time_edge;
                 DROP INDEX settlement_lines_batch;
                 ALTER TABLE cases DROP COLUMN time_edge;
                 ALTER TABLE recon_runs DROP COLUMN mode;
                 ALTER TABLE recon_runs DROP COLUMN upto_line;
                 ALTER TABLE recon_runs DROP COLUMN upto_snapshot;
                 ALTER TABLE recon_runs DROP COLUMN upto_order;
                 ALTER TABLE recon_runs DROP COLUMN upto_batch;
                 ALTER TABLE recon_runs DROP COLUMN upto_conflict;
                 ALTER TABLE recon_runs DROP COLUMN purged;
                 DROP TABLE case_attachments;
                 DROP TABLE attachment_blobs;
                 DROP TABLE line_echoes;
                 ALTER TABLE settlement_batches DROP COLUMN file_rows;
                 ALTER TABLE settlement_batches DROP COLUMN file_rows_net;
                 PRAGMA user_version = 8;",
            )
            .unwrap();
    }
    let ws = cuadra_core::store::Workspace::open(&path).unwrap();
    let n: i64 = ws
        .conn()
        .query_row("SELECT COUNT(*) FROM line_echoes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 7, "opening the older workspace pairs its lines once");
}
