//! The reconciliation scenarios as files: they build for any seed and size, the same spec gives
//! the same bytes, every status is planted several times, and each file looks like what its
//! tool writes (Shopify's one row per line item, dLocal's two header blocks and its older `;`
//! report, the Spanish-Excel re-save of Mercado Pago's settlement report: `;`, Windows-1252,
//! decimal comma, GMT-04 dates; its release report as the API writes it, tying out to its own
//! total). Whether Cuadra agrees with the answer key is tested in cuadra-core
//! (`tests/core/answer_key.rs`).

use std::collections::{BTreeMap, BTreeSet};

use cuadra_testkit::scenario::KNOWN_GAPS;
use cuadra_testkit::{
    Scenario, ScenarioFile, ScenarioPsp, ScenarioSpec, DLOCAL_COLUMNS, DLOCAL_LEGACY_HEADER,
    MERCADOPAGO_COLUMNS, MERCADOPAGO_RELEASE_HEADER, SHOPIFY_COLUMNS, SHOPIFY_HEADER, STATUSES,
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

/// The scenario's files whose names start with `prefix`.
fn files<'s>(s: &'s Scenario, prefix: &str) -> Vec<&'s ScenarioFile> {
    s.files
        .iter()
        .filter(|f| f.name.starts_with(prefix))
        .collect()
}

/// An amount as cents: `1.250.000,00` (Spanish Excel) or `-3137.51` (a machine).
fn cents(amount: &str, decimal: char) -> i64 {
    let (whole, frac) = amount.split_once(decimal).unwrap_or((amount, ""));
    let whole: String = whole.chars().filter(|c| c.is_ascii_digit()).collect();
    let frac = format!("{frac:0<2}");
    let v: i64 = format!("{whole}{}", &frac[..2]).parse().expect("an amount");
    if amount.starts_with('-') {
        -v
    } else {
        v
    }
}

/// The statuses planted once per scenario: a dLocal batch whose summary counts a row it does
/// not list (there are only two batches).
const PLANTED_ONCE: [&str; 1] = ["batch_mismatch"];

#[test]
fn builds_for_any_seed_and_size_with_every_status_several_times() {
    for psp in PSPS {
        for seed in 0..12 {
            for orders in [0, 150, 900] {
                let s = Scenario::build(ScenarioSpec::new(psp, seed, orders));
                let counts = s.counts();
                for status in psp.plantable() {
                    let (o, l) = counts[status];
                    let least = if PLANTED_ONCE.contains(&status) { 1 } else { 3 };
                    assert!(
                        o + l >= least,
                        "{psp:?} seed {seed} size {orders}: {status} planted {o}+{l} times"
                    );
                }
                for (status, (o, l)) in &counts {
                    assert!(
                        psp.plantable().contains(status) || o + l == 0,
                        "{psp:?}: {status} is planted but not plantable"
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
    assert_eq!(
        s.files.len(),
        4,
        "the Shopify export, two batches and the older report"
    );
    assert_eq!(
        s.settings,
        vec![("tolerance".to_string(), "50".to_string())]
    );
    let batches = files(&s, "dlocal_settlement_");
    assert_eq!(batches.len(), 2);
    let key: BTreeMap<&str, &str> = s
        .answers
        .iter()
        .filter(|a| a.kind == "batch")
        .map(|a| (a.reference.as_str(), a.expected))
        .collect();
    for (n, f) in batches.into_iter().enumerate() {
        let rows = records(&f.bytes, b',');
        assert_eq!(&rows[0][0], b"ROW_TYPE");
        assert_eq!(&rows[1][0], b"HEADER");
        assert_eq!(&rows[2][7], b"DLOCAL_TRANSACTION_ID");
        let count: usize = text(&rows[1][2]).parse().expect("NUMBER_OF_ITEMS");
        let transfer = text(&rows[1][7]);
        assert_eq!(f.name, format!("dlocal_settlement_{transfer}.csv"));
        // The first batch's summary counts a payment the batch does not list.
        let missing = usize::from(n == 0);
        assert_eq!(count, rows.len() - 3 + missing, "{}", f.name);
        let column = |name: &str| {
            cuadra_testkit::DLOCAL_TRANSACTION_HEADER
                .split(',')
                .position(|c| c == name)
                .unwrap_or(0)
        };
        let net: i64 = rows[3..]
            .iter()
            .map(|r| cents_micro(&text(&r[column("NET_AMOUNT")])))
            .sum();
        let stated = cents_micro(&text(&rows[1][5]));
        if n == 0 {
            assert!(
                stated - net > 1_000_000,
                "{}: the missing payment's net is in the summary",
                f.name
            );
            assert_eq!(key.get(transfer.as_str()), Some(&"batch_mismatch"));
        } else {
            assert!((stated - net).abs() <= 5_000, "{}: only rounding", f.name);
            // It lists a payment of the first batch again: money that may be settled twice.
            assert_eq!(
                key.get(transfer.as_str()),
                Some(&"batch_mismatch"),
                "{}",
                f.name
            );
        }
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

/// A 6-decimal amount as micro-units.
fn cents_micro(amount: &str) -> i64 {
    let (whole, frac) = amount.split_once('.').unwrap_or((amount, ""));
    let frac = format!("{frac:0<6}");
    let digits: String = whole.chars().filter(|c| c.is_ascii_digit()).collect();
    let v: i64 = format!("{digits}{frac}").parse().expect("an amount");
    if amount.starts_with('-') {
        -v
    } else {
        v
    }
}

#[test]
fn dlocal_older_report_is_semicolon_separated_with_dlocals_own_words() {
    let s = Scenario::build(ScenarioSpec::new(ScenarioPsp::Dlocal, 4, 300));
    let older = files(&s, "dlocal_report_");
    assert_eq!(older.len(), 1);
    let bytes = &older[0].bytes;
    assert!(std::str::from_utf8(bytes).is_ok() && !bytes.contains(&b'\r'));
    let first = bytes.split(|b| *b == b'\n').next().unwrap_or_default();
    assert_eq!(first, DLOCAL_LEGACY_HEADER.as_bytes());
    let rows = records(bytes, b';');
    let header: Vec<String> = rows[0].iter().map(text).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or(0);
    let orders: BTreeSet<String> = s
        .answers
        .iter()
        .filter(|a| a.kind == "order")
        .map(|a| a.reference.trim_start_matches('#').to_string())
        .collect();
    let batch_ids: BTreeSet<String> = files(&s, "dlocal_settlement_")
        .iter()
        .flat_map(|f| records(&f.bytes, b','))
        .map(|r| text(&r[7]))
        .collect();
    let mut seen: BTreeMap<(String, String), usize> = BTreeMap::new();
    for r in &rows[1..] {
        assert_eq!(r.len(), header.len());
        let (kind, status) = (text(&r[col("Type")]), text(&r[col("Status")]));
        *seen.entry((kind.clone(), status.clone())).or_default() += 1;
        let created = text(&r[col("Creation date")]);
        assert!(
            chrono::NaiveDateTime::parse_from_str(&created, "%Y-%m-%d %H:%M:%S").is_ok(),
            "{created}"
        );
        assert!(text(&r[col("Reference")])
            .bytes()
            .all(|b| b.is_ascii_digit()));
        match kind.as_str() {
            "Refund" | "Chargebacks" => {
                let order = text(&r[col("Transaction Invoice")]);
                assert!(orders.contains(&order), "{kind} names order {order}");
                let payment = text(&r[col("Transaction Reference")]);
                assert!(batch_ids.contains(&payment), "{kind} of payment {payment}");
                assert_eq!(text(&r[col("currency")]), "COP");
                assert!(text(&r[col("Amount (USD)")]).is_empty());
            }
            "Credit Note"
            | "Debit Note"
            | "Chargeback processing fee"
            | "Refund processing fee" => {
                assert_eq!(status, "Cleared");
                assert!(text(&r[col("Transaction Invoice")]).is_empty());
                assert!(cents(&text(&r[col("Amount (USD)")]), '.') > 0);
            }
            other => panic!("a Type SmashPig does not read: {other}"),
        }
    }
    for pair in [
        ("Refund", "Completed"),
        ("Refund", "Waiting Details"),
        ("Chargebacks", "Settled"),
        ("Chargebacks", "Reimbursed"),
        ("Credit Note", "Cleared"),
        ("Debit Note", "Cleared"),
        ("Chargeback processing fee", "Cleared"),
    ] {
        let key = (pair.0.to_string(), pair.1.to_string());
        assert!(seen.contains_key(&key), "{pair:?} planted: {seen:?}");
    }
}

#[test]
fn mercadopago_reports_look_like_a_spanish_excel_resave() {
    let s = Scenario::build(ScenarioSpec::new(ScenarioPsp::MercadoPagoExcel, 4, 300));
    assert_eq!(
        s.settings,
        vec![("validity_hours.mercadopago".to_string(), "120".to_string())]
    );
    assert_eq!(
        s.files.len(),
        4,
        "the export, two settlement reports, one release report"
    );
    let reports = files(&s, "settlement-report-");
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
fn mercadopago_release_report_repeats_the_settlement_money_and_ties_out() {
    let s = Scenario::build(ScenarioSpec::new(ScenarioPsp::MercadoPagoExcel, 4, 300));
    let release = files(&s, "release-report-");
    assert_eq!(release.len(), 1);
    let bytes = &release[0].bytes;
    let text_all = std::str::from_utf8(bytes).expect("UTF-8, as the API writes it");
    assert!(!text_all.starts_with('\u{feff}') && !text_all.contains('\r'));
    let rows = records(bytes, b',');
    let header: Vec<String> = rows[0].iter().map(text).collect();
    assert_eq!(header.join(","), MERCADOPAGO_RELEASE_HEADER);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap_or(0);
    let net = |r: &csv::ByteRecord| {
        cents(&text(&r[col("NET_CREDIT_AMOUNT")]), '.')
            - cents(&text(&r[col("NET_DEBIT_AMOUNT")]), '.')
    };

    // What the settlement reports hold, by (SOURCE_ID, TRANSACTION_TYPE): the nets.
    let mut settled: BTreeMap<(String, String), Vec<i64>> = BTreeMap::new();
    let mut settled_rows = BTreeSet::new();
    for f in files(&s, "settlement-report-") {
        let rows = records(&f.bytes, b';');
        let h: Vec<String> = rows[0].iter().map(text).collect();
        let c = |name: &str| h.iter().position(|x| x == name).unwrap_or(0);
        for r in &rows[1..] {
            if settled_rows.insert(r.as_slice().to_vec()) {
                settled
                    .entry((text(&r[c("SOURCE_ID")]), text(&r[c("TRANSACTION_TYPE")])))
                    .or_default()
                    .push(cents(&text(&r[c("SETTLEMENT_NET_AMOUNT")]), ','));
            }
        }
    }
    let settlement_type = |record: &str, description: &str| match (record, description) {
        ("release", "payment") => Some("SETTLEMENT"),
        ("release", "refund") => Some("REFUND"),
        ("release", "chargeback") => Some("CHARGEBACK"),
        ("release", "withdrawal") => Some("WITHDRAWAL"),
        ("release", "withdrawal_cancel") => Some("WITHDRAWAL_CANCEL"),
        ("release", "payout") => Some("PAYOUT"),
        ("block", "dispute") => Some("DISPUTE"),
        _ => None,
    };
    let mut opening = None;
    let mut balance = 0;
    let mut sums: BTreeMap<String, i64> = BTreeMap::new();
    let mut subtotals: BTreeMap<String, i64> = BTreeMap::new();
    let mut total = None;
    let mut own_holds: BTreeMap<String, i64> = BTreeMap::new();
    let mut repeated = 0;
    // A withdrawal stands between the balance before it and the balance after it.
    let mut announced: Option<String> = None;
    let mut withdrawn: Option<String> = None;
    for (i, r) in rows[1..].iter().enumerate() {
        let record = text(&r[col("RECORD_TYPE")]);
        let description = text(&r[col("DESCRIPTION")]);
        let date = text(&r[col("DATE")]);
        assert!(date.ends_with(".000-04:00"), "row {i}: {date}");
        match record.as_str() {
            "initial_available_balance" => {
                assert_eq!(i, 0, "the opening balance comes first");
                opening = Some(net(r));
                balance = net(r);
            }
            "release" | "block" | "unblock" => {
                let id = text(&r[col("SOURCE_ID")]);
                balance += net(r);
                *sums.entry(record.clone()).or_default() += net(r);
                assert_eq!(
                    cents(&text(&r[col("BALANCE_AMOUNT")]), '.'),
                    balance,
                    "row {i}: the running balance"
                );
                let is_payout = matches!(description.as_str(), "withdrawal" | "payout");
                assert_eq!(
                    announced.take(),
                    is_payout.then(|| id.clone()),
                    "row {i}: a withdrawal, and only a withdrawal, follows a balance before it"
                );
                assert!(
                    withdrawn.is_none(),
                    "row {i}: the balance after a withdrawal"
                );
                if is_payout {
                    withdrawn = Some(id.clone());
                }
                let kind = settlement_type(&record, &description)
                    .filter(|kind| settled.contains_key(&(id.clone(), kind.to_string())));
                match kind {
                    Some(kind) => {
                        let nets = settled.entry((id.clone(), kind.to_string())).or_default();
                        let at = nets.iter().position(|n| *n == net(r)).unwrap_or_else(|| {
                            panic!("row {i}: {kind} {id} settled with another net")
                        });
                        nets.remove(at);
                        repeated += 1;
                    }
                    None => {
                        // Only a claim's hold may be missing from the settlement reports.
                        assert_eq!(description, "dispute", "row {i}: {record} {id} not settled");
                        *own_holds.entry(id).or_default() += net(r);
                    }
                }
            }
            "available_balance" => {
                assert_eq!(net(r), balance, "row {i}: the balance shown");
                if let Some(id) = description.strip_prefix("pre_payout_") {
                    assert!(announced.is_none() && withdrawn.is_none(), "row {i}");
                    announced = Some(id.to_string());
                } else {
                    let id = description.strip_prefix("pos_payout_");
                    assert_eq!(id, withdrawn.take().as_deref(), "row {i}: {description}");
                }
            }
            "subtotal" => {
                subtotals.insert(description, net(r));
            }
            "total" => total = Some(net(r)),
            other => panic!("row {i}: RECORD_TYPE {other}"),
        }
    }
    assert!(opening.is_some() && announced.is_none() && withdrawn.is_none());
    assert_eq!(subtotals, sums, "each subtotal sums its record type");
    assert_eq!(
        total,
        Some(opening.unwrap_or_default() + sums.values().sum::<i64>()),
        "the total is the opening balance plus every movement"
    );
    assert!(
        settled.values().all(Vec::is_empty),
        "every settlement-report row is in the release report once"
    );
    assert_eq!(repeated, settled_rows.len());
    assert!(
        !own_holds.is_empty() && own_holds.values().all(|n| *n == 0),
        "claims only the release report shows are blocked and unblocked: {own_holds:?}"
    );
    assert_eq!(
        sums.keys().map(String::as_str).collect::<Vec<_>>(),
        ["block", "release", "unblock"],
        "releases, blocks and unblocks are all planted"
    );
}

#[test]
fn known_gaps_are_planted_only_on_request() {
    for gap in KNOWN_GAPS {
        let plain = Scenario::build(ScenarioSpec::new(gap.psp, 1, 100));
        let gaps = Scenario::build(ScenarioSpec {
            known_gaps: true,
            ..ScenarioSpec::new(gap.psp, 1, 100)
        });
        assert!(!plain.answers.iter().any(|a| a.plant == gap.plant));
        assert!(gaps.answers.iter().any(|a| a.plant == gap.plant));
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
