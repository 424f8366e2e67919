//! The reconciliation scenarios as files: they build for any seed and size, the same spec gives
//! the same bytes, every status is planted several times, and each file looks like what its
//! tool writes (Shopify's one row per line item, dLocal's two header blocks, the Spanish-Excel
//! re-save of Mercado Pago's report: `;`, Windows-1252, decimal comma, GMT-04 dates). Whether
//! Cuadra agrees with the answer key is tested in cuadra-core (`tests/core/answer_key.rs`).

use std::collections::{BTreeMap, BTreeSet};

use cuadra_testkit::scenario::KNOWN_GAPS;
use cuadra_testkit::{
    Scenario, ScenarioPsp, ScenarioSpec, DLOCAL_COLUMNS, MERCADOPAGO_COLUMNS, SHOPIFY_COLUMNS,
    SHOPIFY_HEADER, STATUSES,
};

const PSPS: [ScenarioPsp; 2] = [ScenarioPsp::Dlocal, ScenarioPsp::MercadoPagoExcel];

fn records(bytes: &[u8], delimiter: u8) -> Vec<csv::ByteRecord> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(bytes)
        .byte_records()
        .collect::<Result<_, _>>()
        .expect("valid CSV")
}

fn text(field: &[u8]) -> String {
    String::from_utf8_lossy(field).into_owned()
}

#[test]
fn builds_for_any_seed_and_size_with_every_status_several_times() {
    for psp in PSPS {
        for seed in 0..12 {
            for orders in [0, 150, 900] {
                let s = Scenario::build(ScenarioSpec::new(psp, seed, orders));
                let counts = s.counts();
                for status in psp.plantable() {
                    let (o, l) = counts[status];
                    assert!(
                        o + l >= 3,
                        "{psp:?} seed {seed} size {orders}: {status} planted {o}+{l} times"
                    );
                }
                let mut refs = BTreeSet::new();
                for a in &s.answers {
                    assert!(
                        refs.insert((a.kind, a.reference.clone())),
                        "{} {} is answered twice",
                        a.kind,
                        a.reference
                    );
                    assert!(STATUSES.contains(&a.expected));
                }
                let n_orders = s.answers.iter().filter(|a| a.kind == "order").count();
                assert!(n_orders >= orders, "{n_orders} < {orders}");
                assert!(s.multi_line_orders * 5 >= n_orders, "about 40% multi-line");
            }
        }
    }
}

#[test]
fn same_spec_same_bytes_other_seed_other_bytes() {
    for psp in PSPS {
        let a = Scenario::build(ScenarioSpec::new(psp, 5, 200));
        let b = Scenario::build(ScenarioSpec::new(psp, 5, 200));
        let c = Scenario::build(ScenarioSpec::new(psp, 6, 200));
        for (x, y) in a.files.iter().zip(&b.files) {
            assert_eq!(x.name, y.name);
            assert!(x.bytes == y.bytes, "{} differs between two builds", x.name);
        }
        assert_eq!(a.answer_key_csv(), b.answer_key_csv());
        assert_ne!(a.answer_key_csv(), c.answer_key_csv());
        assert_eq!(a.as_of, b.as_of);
    }
}

#[test]
fn shopify_export_is_one_row_per_line_item() {
    let s = Scenario::build(ScenarioSpec::new(ScenarioPsp::Dlocal, 3, 300));
    let shopify = &s.files[0];
    let rows = records(&shopify.bytes, b',');
    let header: Vec<String> = rows[0].iter().map(text).collect();
    assert_eq!(header, SHOPIFY_HEADER.split(',').collect::<Vec<_>>());
    let total_col = SHOPIFY_HEADER
        .split(',')
        .position(|h| h == "Total")
        .unwrap_or(0);
    let mut items: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    for r in &rows[1..] {
        assert_eq!(r.len(), SHOPIFY_COLUMNS, "every row has Shopify's columns");
        let entry = items.entry(text(&r[0])).or_default();
        entry.0 += 1;
        if !r[total_col].is_empty() {
            entry.1 += 1;
        }
    }
    let key: BTreeSet<String> = s
        .answers
        .iter()
        .filter(|a| a.kind == "order")
        .map(|a| a.reference.clone())
        .collect();
    assert_eq!(
        items.keys().cloned().collect::<BTreeSet<_>>(),
        key,
        "the export holds exactly the answered orders"
    );
    assert!(
        items.values().all(|(_, firsts)| *firsts == 1),
        "order-level fields sit on the first row only"
    );
    let multi = items.values().filter(|(rows, _)| *rows > 1).count();
    assert_eq!(multi, s.multi_line_orders);
}

#[test]
fn dlocal_batches_have_both_header_blocks() {
    let s = Scenario::build(ScenarioSpec::new(ScenarioPsp::Dlocal, 4, 300));
    assert_eq!(s.files.len(), 3, "the Shopify export and two batches");
    assert_eq!(
        s.settings,
        vec![("tolerance".to_string(), "50".to_string())]
    );
    for f in &s.files[1..] {
        let rows = records(&f.bytes, b',');
        assert_eq!(&rows[0][0], b"ROW_TYPE");
        assert_eq!(&rows[1][0], b"HEADER");
        assert_eq!(&rows[2][7], b"DLOCAL_TRANSACTION_ID");
        let count: usize = text(&rows[1][2]).parse().expect("NUMBER_OF_ITEMS");
        assert_eq!(count, rows.len() - 3);
        assert!(rows.iter().all(|r| r.len() == DLOCAL_COLUMNS));
        assert_eq!(
            &rows[rows.len() - 1][0],
            b"SETTLEMENT_FEE",
            "the fee closes the batch"
        );
        for r in &rows[3..] {
            if &r[0] == b"PAYMENT" {
                assert_eq!(&r[9], b"COP");
                assert_eq!(&r[15], b"EY", "Efecty at dLocal");
            }
        }
    }
}

#[test]
fn mercadopago_reports_look_like_a_spanish_excel_resave() {
    let s = Scenario::build(ScenarioSpec::new(ScenarioPsp::MercadoPagoExcel, 4, 300));
    assert_eq!(
        s.settings,
        vec![("validity_hours.mercadopago".to_string(), "120".to_string())]
    );
    let reports = &s.files[1..];
    assert_eq!(reports.len(), 2);
    let mut seen_rows: Vec<BTreeSet<Vec<u8>>> = Vec::new();
    for f in reports {
        let bytes = &f.bytes;
        assert!(!bytes.starts_with(b"\xef\xbb\xbf"), "no BOM");
        assert!(
            std::str::from_utf8(bytes).is_err(),
            "accents are single Windows-1252 bytes, not UTF-8"
        );
        assert!(
            bytes.iter().any(|&b| b >= 0xA0),
            "the buyers' cities (Bogotá, Medellín) carry accents"
        );
        let lines: Vec<&[u8]> = bytes.split(|b| *b == b'\n').collect();
        assert!(
            lines[..lines.len() - 1].iter().all(|l| l.ends_with(b"\r")),
            "CRLF after every row"
        );
        let rows = records(bytes, b';');
        let header: Vec<String> = rows[0].iter().map(text).collect();
        assert_eq!(header, MERCADOPAGO_COLUMNS);
        let col = |name: &str| header.iter().position(|h| h == name).unwrap_or(0);
        let (amount, date, fee) = (
            col("TRANSACTION_AMOUNT"),
            col("TRANSACTION_DATE"),
            col("FEE_AMOUNT"),
        );
        let mut grouped = false;
        for r in &rows[1..] {
            assert_eq!(r.len(), MERCADOPAGO_COLUMNS.len());
            let a = text(&r[amount]);
            assert!(a.ends_with(",00"), "formatted #.##0,00: {a}");
            assert_eq!(a.matches(',').count(), 1, "one decimal comma: {a}");
            grouped |= a.contains('.');
            assert!(text(&r[date]).ends_with(".000-04:00"), "GMT-04 dates");
            assert!(!text(&r[fee]).contains('.'), "General format: no grouping");
        }
        assert!(grouped, "amounts over 999 carry a thousands dot");
        seen_rows.push(rows[1..].iter().map(|r| r.as_slice().to_vec()).collect());
    }
    assert!(
        seen_rows[0].intersection(&seen_rows[1]).count() > 0,
        "the two reports overlap, byte for byte"
    );
}

#[test]
fn known_gaps_are_planted_only_on_request() {
    let plain = Scenario::build(ScenarioSpec::new(ScenarioPsp::MercadoPagoExcel, 1, 100));
    let gaps = Scenario::build(ScenarioSpec {
        known_gaps: true,
        ..ScenarioSpec::new(ScenarioPsp::MercadoPagoExcel, 1, 100)
    });
    for (plant, _) in KNOWN_GAPS {
        assert!(!plain.answers.iter().any(|a| a.plant == plant));
        assert!(gaps.answers.iter().any(|a| a.plant == plant));
    }
}

#[test]
fn written_folder_holds_the_files_and_the_answer_key() {
    let dir = tempfile::tempdir().expect("tempdir");
    let s = Scenario::build(ScenarioSpec::new(ScenarioPsp::Dlocal, 2, 80));
    let w = s.write_to(&dir.path().join("scenario")).expect("write");
    assert_eq!(w.data_files.len(), s.files.len());
    for (path, file) in w.data_files.iter().zip(&s.files) {
        assert_eq!(std::fs::read(path).expect("read"), file.bytes);
    }
    let key = std::fs::read_to_string(&w.answer_key).expect("read key");
    assert!(key.starts_with("kind,ref,expected_status,plant\n"));
    assert_eq!(key.lines().count(), s.answers.len() + 1);
}
