//! A span of orders at an even pace ([`SpreadSpec`]): Shopify exports of chosen days agree with
//! one another and with the whole span, and the dLocal batches split the settlement by approval
//! day, each row once, every payment for an order of the span.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::rc::Rc;

use chrono::{NaiveDate, NaiveDateTime};
use cuadra_testkit::{
    write_dlocal_batches, write_shopify_orders_spread, SpreadSpec, DLOCAL_TRANSACTION_HEADER,
    SHOPIFY_HEADER,
};

fn spec() -> SpreadSpec {
    SpreadSpec {
        seed: 3,
        orders: 6_000,
        start: NaiveDate::from_ymd_opt(2026, 1, 5).expect("date"),
        days: 28,
    }
}

fn records(bytes: &[u8]) -> Vec<csv::StringRecord> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes)
        .records()
        .collect::<Result<Vec<_>, _>>()
        .expect("parseable CSV")
}

fn col(header: &str, name: &str) -> usize {
    header
        .split(',')
        .position(|c| c == name)
        .unwrap_or_else(|| panic!("no column {name}"))
}

/// Order name -> creation day (1-based) of an export's orders.
fn orders(days: std::ops::RangeInclusive<u32>) -> (Vec<u8>, HashMap<String, i64>) {
    let spec = spec();
    let mut v = Vec::new();
    let s = write_shopify_orders_spread(&spec, days, &mut v).expect("write");
    assert_eq!(s.bytes, v.len() as u64);
    let (name, created) = (
        col(SHOPIFY_HEADER, "Name"),
        col(SHOPIFY_HEADER, "Created at"),
    );
    let mut out = HashMap::new();
    for r in records(&v).iter().skip(1) {
        if r[created].is_empty() {
            continue;
        }
        let t = NaiveDateTime::parse_from_str(&r[created][..19], "%Y-%m-%d %H:%M:%S")
            .expect("created at");
        let day = (t.date() - spec.start).num_days() + 1;
        out.insert(r[name].to_string(), day);
    }
    (v, out)
}

#[test]
fn exports_of_days_agree_and_cover_the_span() {
    let (whole_bytes, whole) = orders(1..=28);
    assert_eq!(
        whole.len(),
        6_000,
        "every order of the span is created in it"
    );
    assert!(whole.values().all(|d| (1..=28).contains(d)));
    // About the same number of orders every day.
    for day in 1..=28 {
        let n = whole.values().filter(|&&d| d == day).count();
        assert!((150..=260).contains(&n), "day {day}: {n} orders");
    }
    let (a_bytes, a) = orders(1..=14);
    let (b_bytes, b) = orders(15..=28);
    assert!(a.values().all(|d| (1..=14).contains(d)));
    assert!(b.values().all(|d| (15..=28).contains(d)));
    assert_eq!(a.len() + b.len(), whole.len());
    // Two halves are the whole, row for row (each with its own header).
    let header_len = SHOPIFY_HEADER.len() + 1;
    let mut joined = a_bytes.clone();
    joined.extend_from_slice(&b_bytes[header_len..]);
    assert!(
        joined == whole_bytes,
        "the two halves differ from the whole"
    );
    // An overlapping range writes its shared orders the same.
    let (c_bytes, c) = orders(10..=20);
    assert_eq!(
        c.len(),
        whole.values().filter(|&&d| (10..=20).contains(&d)).count()
    );
    let text = String::from_utf8(whole_bytes).expect("utf-8");
    let c_text = String::from_utf8(c_bytes).expect("utf-8");
    assert!(text.contains(&c_text[header_len..]));
}

/// A writer whose bytes stay readable after the generator drops it.
#[derive(Clone, Default)]
struct Sink(Rc<RefCell<Vec<u8>>>);

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn weekly_batches_split_the_settlement_by_approval_day() {
    let spec = spec();
    let (_, whole) = orders(1..=28);
    let ids: Vec<String> = (0..4).map(|k| format!("7000{k}")).collect();
    let sinks: Vec<Sink> = (0..4).map(|_| Sink::default()).collect();
    let mut opened = Vec::new();
    let sums = write_dlocal_batches(&spec, 7, &ids, |k| {
        opened.push(k);
        Ok(sinks[k].clone())
    })
    .expect("write");
    assert_eq!(opened, vec![0, 1, 2, 3]);
    let h = DLOCAL_TRANSACTION_HEADER;
    let (kind, approved, txn, id) = (
        col(h, "ROW_TYPE"),
        col(h, "APPROVED_DATE"),
        col(h, "TRANSACTION_ID"),
        col(h, "DLOCAL_TRANSACTION_ID"),
    );
    let mut seen = HashSet::new();
    let mut paid = 0;
    for (k, sink) in sinks.iter().enumerate() {
        let bytes = sink.0.borrow();
        assert_eq!(sums[k].bytes, bytes.len() as u64);
        let recs = records(&bytes);
        assert_eq!(&recs[1][7], ids[k].as_str(), "the summary's TRANSFER_ID");
        assert_eq!(recs[1][2].parse::<usize>().expect("items"), sums[k].rows);
        let rows = &recs[3..];
        assert_eq!(rows.len(), sums[k].rows);
        assert_eq!(&rows[rows.len() - 1][kind], "SETTLEMENT_FEE");
        // dLocal writes the batch's transfer id as the fee row's DLOCAL_TRANSACTION_ID.
        assert_eq!(&rows[rows.len() - 1][id], ids[k].as_str());
        for r in &rows[..rows.len() - 1] {
            // Dates are UTC; the batch's days are Bogotá days (UTC-05:00).
            let t = NaiveDateTime::parse_from_str(&r[approved], "%Y-%m-%d %H:%M:%S")
                .expect("approved date")
                - chrono::Duration::hours(5);
            let day = (t.date() - spec.start).num_days() + 1;
            assert!(
                (7 * k as i64 + 1..=7 * k as i64 + 7).contains(&day),
                "batch {k}: a row of day {day}"
            );
            assert!(seen.insert(r[id].to_string()), "{} twice", &r[id]);
            if &r[kind] == "PAYMENT" {
                paid += 1;
                let day_created = whole
                    .get(&format!("#{}", &r[txn]))
                    .unwrap_or_else(|| panic!("payment {} for no order", &r[txn]));
                assert!(*day_created <= day);
            }
        }
    }
    // About 85% of orders are paid at dLocal; the last days' payments fall after the span.
    assert!((4_800..=5_300).contains(&paid), "{paid} payments");
    // The same spec writes the same batches.
    let again: Vec<Sink> = (0..4).map(|_| Sink::default()).collect();
    write_dlocal_batches(&spec, 7, &ids, |k| Ok(again[k].clone())).expect("write");
    for (a, b) in sinks.iter().zip(&again) {
        assert!(
            *a.0.borrow() == *b.0.borrow(),
            "batches differ between runs"
        );
    }
}
