//! Properties of importing (shared/style.md, Tests): the stored lines do not depend on the order
//! of a file's rows, and importing content already imported changes nothing, for any content.

use super::{fixture, Row, TestWs};
use cuadra_core::ingest::Outcome;
use proptest::prelude::*;

/// Lines as a multiset that does not depend on where they sat in the file.
fn line_set(t: &TestWs) -> Vec<Row> {
    let mut rows: Vec<Row> = t
        .settlement_lines()
        .into_iter()
        .map(|mut r| {
            r.remove("row_no");
            r
        })
        .collect();
    rows.sort_by_key(|r| serde_json::to_string(r).unwrap());
    rows
}

/// The dLocal fixture's summary + header lines and its transaction rows.
fn dlocal_parts() -> (String, Vec<String>) {
    let text = String::from_utf8(fixture("dlocal_crossborder_co.csv")).unwrap();
    let lines: Vec<String> = text.lines().map(str::to_string).collect();
    (lines[..3].join("\n") + "\n", lines[3..].to_vec())
}

/// A PayU "Reporte de ventas" row; `id` None leaves Orden blank-free but repeats are allowed.
fn payu_row() -> impl Strategy<Value = String> {
    (
        2_150_000_000u64..2_150_000_050,
        prop_oneof![Just("PED-"), Just("000"), Just("")],
        0u32..60,
        1u64..6_000,
        prop_oneof![Just("Aprobada"), Just("Pendiente"), Just("Expirada"), Just("Rechazada")],
        // Past the 12th: each date settles the column's order (day first), as it must for a
        // file without a profile that states it.
        13u32..29,
        0u32..24,
    )
        .prop_map(|(orden, prefix, reference, thousands, estado, day, hour)| {
            format!(
                "{orden},{prefix}{reference},comprador{reference}@example.co,\"$ {}.{:03}\",COP,EFECTY,{estado},{day:02}/04/2026 {hour:02}:15",
                thousands / 1000 + 1,
                thousands % 1000
            )
        })
}

/// A cash-desk file mapped by a fingerprint profile: no id, identical rows are legitimate.
fn caja_row() -> impl Strategy<Value = String> {
    (
        1u32..4,
        prop_oneof![Just("20.000"), Just("50.000"), Just("75.500")],
        6u32..8,
    )
        .prop_map(|(r, amount, day)| format!("PED-50{r:02};{amount};Aprobada;{day:02}/05/2026"))
}

fn caja_workspace() -> TestWs {
    let mut t = TestWs::new();
    let spec = cuadra_core::ingest::custom::ProfileSpec {
        name: "caja-efecty".into(),
        kind: cuadra_core::model::FileKind::Settlement,
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
        zone: None,
        row_types: vec![],
        default_currency: Some("COP".into()),
        header_row: None,
    };
    t.ws.create_profile(&spec, &fixture("caja_efecty_sin_orden.csv"), super::now())
        .unwrap();
    t
}

const CAJA_HEADER: &str = "Referencia;Monto;Estado;Fecha\n";

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn shuffled_dlocal_rows_store_the_same_lines(rows in Just(dlocal_parts().1).prop_shuffle()) {
        let (head, original) = dlocal_parts();
        let mut reference = TestWs::new();
        reference.import("original.csv", (head.clone() + &original.join("\n") + "\n").as_bytes());
        let mut shuffled = TestWs::new();
        let r = shuffled.import("barajado.csv", (head + &rows.join("\n") + "\n").as_bytes());
        prop_assert_eq!(r.outcome, Outcome::Imported);
        prop_assert_eq!(line_set(&shuffled), line_set(&reference), "row order must not change what is stored");
    }

    #[test]
    fn shuffled_identical_rows_without_ids_store_the_same_lines(
        rows in proptest::collection::vec(caja_row(), 1..12).prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle()))
    ) {
        let (original, shuffled_rows) = rows;
        let mut a = caja_workspace();
        let ra = a.import("a.csv", (CAJA_HEADER.to_string() + &original.join("\n") + "\n").as_bytes());
        let mut b = caja_workspace();
        let rb = b.import("b.csv", (CAJA_HEADER.to_string() + &shuffled_rows.join("\n") + "\n").as_bytes());
        prop_assert_eq!(ra.new as usize, original.len(), "every row is a payment, repeats included");
        prop_assert_eq!(rb.new, ra.new);
        prop_assert_eq!(line_set(&a), line_set(&b));
    }

    #[test]
    fn reimporting_any_payu_file_changes_nothing(rows in proptest::collection::vec(payu_row(), 1..25)) {
        let header = "Orden,Referencia,Comprador,Monto,Moneda,Método de pago,Estado,Fecha de creación\n";
        let bytes = header.to_string() + &rows.join("\n") + "\n";
        let mut t = TestWs::new();
        let first = t.import("ventas.csv", bytes.as_bytes());
        prop_assert_eq!(first.outcome, Outcome::Imported, "{:#?}", first.problems);
        let counts = t.table_counts();
        let lines = t.settlement_lines();
        let again = t.import("ventas (2).csv", bytes.as_bytes());
        prop_assert_eq!(again.outcome, Outcome::AlreadyImported);
        prop_assert_eq!(t.table_counts(), counts.clone(), "same bytes: no table changes");
        // The same content in other bytes (Windows line ends): a new file, but no new line.
        let crlf = bytes.replace('\n', "\r\n");
        let resaved = t.import("ventas_excel.csv", crlf.as_bytes());
        prop_assert_eq!(resaved.outcome, Outcome::Imported);
        prop_assert_eq!((resaved.new, resaved.conflicting), (0, 0), "{:#?}", resaved.problems);
        prop_assert_eq!(resaved.known, first.rows, "every row, a conflicting one included, is known");
        let after = t.table_counts();
        prop_assert_eq!(after["settlement_lines"], counts["settlement_lines"], "no line was added");
        prop_assert_eq!(after["line_conflicts"], counts["line_conflicts"], "no conflict was flagged twice");
        prop_assert_eq!(t.settlement_lines(), lines);
    }
}

/// The Shopify fixture's header and its records (whole CSV records: Notes hold line breaks).
fn shopify_records() -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let bytes = fixture("shopify_orders_co.csv");
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes.as_slice());
    let mut records = reader.records().map(|r| r.unwrap());
    let header = records.next().unwrap();
    (header, records.collect())
}

fn write_records(header: &csv::StringRecord, rows: &[csv::StringRecord]) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(header).unwrap();
    for r in rows {
        writer.write_record(r).unwrap();
    }
    writer.into_inner().unwrap()
}

/// Orders as a set: each order's own fields and its items, wherever its rows sat.
fn order_set(t: &TestWs) -> Vec<String> {
    let mut out: Vec<String> = t
        .order_snapshots()
        .into_iter()
        .map(|mut r| {
            r.remove("row_no");
            let mut items: Vec<String> = match r.remove("items") {
                Some(serde_json::Value::Array(items)) => items
                    .into_iter()
                    .map(|mut i| {
                        if let Some(o) = i.as_object_mut() {
                            o.remove("row_no");
                            o.remove("seq");
                        }
                        i.to_string()
                    })
                    .collect(),
                _ => Vec::new(),
            };
            items.sort();
            format!("{}|{}", serde_json::to_string(&r).unwrap(), items.join(","))
        })
        .collect();
    out.sort();
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Re-sorting an order export in Excel scatters an order's line-item rows: the orders read
    /// must be the same (the importer regroups them), never split or double-counted.
    #[test]
    fn shuffled_shopify_rows_store_the_same_orders(order in Just(shopify_records().1).prop_shuffle()) {
        let (header, rows) = shopify_records();
        let mut reference = TestWs::new();
        prop_assert_eq!(reference.import("pedidos.csv", &write_records(&header, &rows)).outcome, Outcome::Imported);
        let mut shuffled = TestWs::new();
        let r = shuffled.import("barajado.csv", &write_records(&header, &order));
        prop_assert_eq!(r.outcome, Outcome::Imported, "{:?}", r.problems);
        prop_assert_eq!(order_set(&shuffled), order_set(&reference), "row order must not change the orders");
    }
}
