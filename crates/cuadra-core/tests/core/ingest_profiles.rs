//! User-made profiles: a layout Cuadra does not know (ePayco's confirmation export) is mapped
//! once, saved with its header's signature, and then recognised by itself on the next import.

use super::{col, find, fixture, now, summary, TestWs};
use cuadra_core::ingest::{custom::ProfileSpec, Outcome};
use cuadra_core::model::FileKind;

fn epayco_spec(name: &str) -> ProfileSpec {
    ProfileSpec {
        name: name.into(),
        kind: FileKind::Settlement,
        source: Some("epayco".into()),
        mappings: vec![
            ("psp_txn_id".into(), "x_ref_payco".into()),
            ("reference".into(), "x_id_invoice".into()),
            ("amount".into(), "x_amount".into()),
            ("currency".into(), "x_currency_code".into()),
            ("date".into(), "x_transaction_date".into()),
            ("status".into(), "x_cod_transaction_state".into()),
        ],
        decimal_mark: None,
        date_format: Some("%Y-%m-%d %H:%M:%S".into()),
        date_order: None,
        zone: Some("America/Bogota".into()),
        row_types: vec![],
        default_currency: None,
        header_row: None,
    }
}

#[test]
fn an_unknown_layout_is_mapped_once_then_detected_by_its_header() {
    let mut t = TestWs::new();
    let bytes = fixture("epayco_transacciones.csv");
    let before = t.import("epayco_mayo.csv", &bytes);
    assert_eq!(
        before.outcome,
        Outcome::Rejected,
        "without a profile the layout is unknown"
    );
    assert_eq!(before.problems[0].code, "unknown_layout");

    t.ws.create_profile(&epayco_spec("epayco-confirmaciones"), &bytes, now())
        .unwrap();
    let r = t.import("epayco_mayo.csv", &bytes);
    assert_eq!(r.outcome, Outcome::Imported, "{:#?}", r.problems);
    assert_eq!(
        r.format.as_deref(),
        Some("epayco-confirmaciones"),
        "found by header signature, not named"
    );
    assert_eq!((r.rows, r.new), (6, 6));

    let lines = t.settlement_lines();
    let status = |id: &str| {
        col(find(&lines, "psp_txn_id", id), "status")
            .unwrap()
            .to_string()
    };
    // ePayco's x_cod_transaction_state (shared/domain.md §2): 1 approved, 2/4 rejected or
    // failed, 3 pending, 6 reversed. ePayco's 4 is a failure even though PayU's 4 is approved.
    assert_eq!(status("93001001"), "paid");
    assert_eq!(status("93001002"), "pending");
    assert_eq!(status("93001004"), "rejected");
    assert_eq!(status("93001005"), "refunded", "6 is a reversal");
    assert_eq!(
        status("93001006"),
        "rejected",
        "ePayco 4 is failed, not PayU's approved"
    );
    let first = find(&lines, "psp_txn_id", "93001001");
    assert_eq!(col(first, "psp"), Some("epayco"));
    assert_eq!(col(first, "local_amount"), Some("150000"));
    assert_eq!(col(first, "local_currency"), Some("COP"));
    assert_eq!(col(first, "created_at"), Some("2026-05-04T19:42:10-05:00"));
    assert_eq!(
        col(find(&lines, "psp_txn_id", "93001003"), "merchant_ref"),
        Some("0004003")
    );
    insta::assert_yaml_snapshot!("epayco_user_profile", (summary(&r), lines));
}

#[test]
fn a_profile_applies_only_to_its_own_header() {
    let mut t = TestWs::new();
    t.ws.create_profile(
        &epayco_spec("epayco-confirmaciones"),
        &fixture("epayco_transacciones.csv"),
        now(),
    )
    .unwrap();
    // Same mapped columns plus one more: another layout, which the saved mapping must not take.
    let other = "x_ref_payco;x_id_invoice;x_amount;x_currency_code;x_transaction_date;x_cod_transaction_state;x_franchise\n\
                 93001001;PED-4001;150000;COP;2026-05-04 19:42:10;1;EF\n";
    let r = t.import("epayco_otro.csv", other.as_bytes());
    assert_eq!(r.outcome, Outcome::Rejected);
    assert_eq!(r.problems[0].code, "unknown_layout", "{:#?}", r.problems);
    let forced = cuadra_core::ingest::ImportOptions {
        profile: Some("epayco-confirmaciones".into()),
        ..super::options()
    };
    let r = t.import_with("epayco_otro.csv", other.as_bytes(), &forced);
    assert_eq!(
        r.outcome,
        Outcome::Imported,
        "named explicitly, the profile applies: {:#?}",
        r.problems
    );
}

#[test]
fn profile_mistakes_are_explained() {
    let mut t = TestWs::new();
    let bytes = fixture("epayco_transacciones.csv");
    let mut spec = epayco_spec("mal");
    spec.mappings.push(("amount".into(), "x_valor".into()));
    let e =
        t.ws.create_profile(&spec, &bytes, now())
            .unwrap_err()
            .to_string();
    assert!(
        e.contains("x_valor") && e.contains("x_ref_payco"),
        "names the missing column and the header: {e}"
    );
    let e =
        t.ws.create_profile(&epayco_spec("shopify"), &bytes, now())
            .unwrap_err()
            .to_string();
    assert!(
        e.contains("already exists"),
        "a built-in name cannot be taken: {e}"
    );
    let mut spec = epayco_spec("zona");
    spec.zone = Some("Bogota".into());
    let e =
        t.ws.create_profile(&spec, &bytes, now())
            .unwrap_err()
            .to_string();
    assert!(e.contains("America/Bogota"), "{e}");
    assert_eq!(
        t.ws.saved_profiles().unwrap().len(),
        0,
        "no bad profile was saved"
    );
}
