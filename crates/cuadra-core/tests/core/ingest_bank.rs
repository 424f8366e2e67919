//! Bank statements (issue 18, import only): camt.053 and MT940 read as worked out by hand from
//! the fixtures (`tests/fixtures/bank/`, sources in `tests/fixtures/SOURCES.md`), detected by
//! content, stored once (the same statement twice, or overlapping statements, add nothing),
//! refused whole when an entry cannot be read or a statement does not add up, with every
//! problem named by file, line and field; gaps between statements of one account reported; the
//! original bytes kept exactly.

use super::{fixture, TestWs};
use cuadra_core::ingest::bank::{parse_statements, sniff, BankFormat, ParsedStatement};
use cuadra_core::ingest::{Outcome, Problem, Severity};
use cuadra_core::words::Lang;
use rust_decimal::Decimal;
use std::str::FromStr;

const CAMT_0504: &str = "bank/camt053_cop_2026-05-04.xml";
const CAMT_0504_05: &str = "bank/camt053_cop_2026-05-04_05.xml";
const MT940_0504_05: &str = "bank/mt940_usd_hk_2026-05-04_05.sta";
const MT940_0508: &str = "bank/mt940_usd_hk_2026-05-08.sta";

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn date(s: &str) -> chrono::NaiveDate {
    chrono::NaiveDate::from_str(s).unwrap()
}

fn parse(name: &str, format: BankFormat) -> (Vec<ParsedStatement>, Vec<Problem>) {
    parse_statements(name, format, &fixture(name))
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap()
}

/// The only error of a refused import, with the file-level closing problem left out.
fn the_error(problems: &[Problem]) -> &Problem {
    let errors: Vec<&Problem> = problems
        .iter()
        .filter(|p| p.severity == Severity::Error && p.code != "statement_refused")
        .collect();
    assert_eq!(
        errors.len(),
        1,
        "exactly one problem expected: {problems:#?}"
    );
    errors[0]
}

#[test]
fn camt053_cop_statement_reads_as_worked_out_by_hand() {
    let (statements, problems) = parse(CAMT_0504, BankFormat::Camt053);
    assert_eq!(
        statements.len(),
        1,
        "one Stmt in the message: {problems:#?}"
    );
    let s = &statements[0];
    assert_eq!(s.statement_ref, "STMT-20260504-001");
    assert_eq!(s.sequence.as_deref(), Some("124"), "ElctrncSeqNb");
    assert_eq!(
        s.account, "00123456789",
        "a Colombian account has no IBAN: Othr/Id"
    );
    assert_eq!(s.currency, "COP");
    assert_eq!(
        (s.from_date, s.to_date),
        (date("2026-05-04"), date("2026-05-04")),
        "FrToDt as written, no zone applied"
    );
    assert_eq!(s.opening_balance, dec("15000000.00"));
    assert_eq!(s.closing_balance, dec("22068820.60"));
    assert_eq!(
        s.entries.len(),
        5,
        "five booked entries; the PDNG one is left out"
    );
    // Credits 4,182,350.00 + 2,950,000.00; debits 16,729.40 + 11,800.00 + 35,000.00.
    assert_eq!(s.credits(), dec("7132350.00"));
    assert_eq!(s.debits(), dec("63529.40"));
    assert_eq!(
        s.opening_balance + s.credits() - s.debits(),
        s.closing_balance,
        "the fixture balances"
    );

    let payout = &s.entries[0];
    assert_eq!(payout.row, 42, "the line of its <Ntry>");
    assert_eq!(payout.amount, dec("4182350.00"));
    assert!(payout.credit && !payout.reversal);
    assert_eq!(payout.booking_date, date("2026-05-04"));
    assert_eq!(payout.value_date, Some(date("2026-05-04")));
    assert_eq!(
        payout.bank_ref.as_deref(),
        Some("2026050400017"),
        "AcctSvcrRef"
    );
    assert_eq!(
        payout.customer_ref.as_deref(),
        Some("DLO-642926"),
        "EndToEndId"
    );
    assert_eq!(payout.tx_code.as_deref(), Some("PMNT/RCDT/XBCT"));
    assert_eq!(
        payout.remittance.as_deref(),
        Some("DLOCAL PAYOUT TRANSFER 642926"),
        "Ustrd names the transfer id"
    );
    assert_eq!(
        payout.counterparty.as_deref(),
        Some("DLOCAL COLOMBIA SAS"),
        "the debtor of a credit"
    );

    let gmf = &s.entries[1];
    assert_eq!(
        gmf.amount,
        dec("-16729.40"),
        "a debit is negative: 4x1000 of 4,182,350"
    );
    assert!(!gmf.credit);
    assert_eq!(
        gmf.remittance.as_deref(),
        Some("GRAVAMEN MOVIMIENTOS FINANCIEROS 4X1000"),
        "AddtlNtryInf when there is no Ustrd"
    );

    let fee = &s.entries[4];
    assert_eq!(fee.row, 102);
    assert_eq!(
        fee.bank_ref, None,
        "no AcctSvcrRef: known by its fingerprint"
    );
    assert_eq!(fee.amount, dec("-35000.00"));

    let pending = problems
        .iter()
        .find(|p| p.code == "entry_not_booked")
        .expect("a warning for the PDNG entry");
    assert_eq!(pending.severity, Severity::Warning);
    assert_eq!(
        (pending.row, pending.column.as_deref()),
        (Some(93), Some("Ntry 5/Sts"))
    );
}

#[test]
fn mt940_usd_statements_of_a_hong_kong_bank_read_as_worked_out_by_hand() {
    let (statements, problems) = parse(MT940_0504_05, BankFormat::Mt940);
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(
        statements.len(),
        2,
        "two messages, each in its {{1:}}{{2:}}{{4: envelope"
    );
    let a = &statements[0];
    assert_eq!(a.statement_ref, "STMT260504USD");
    assert_eq!(a.sequence.as_deref(), Some("00123/001"));
    assert_eq!(a.account, "808123456838");
    assert_eq!(a.currency, "USD");
    assert_eq!(
        (a.from_date, a.to_date),
        (date("2026-05-04"), date("2026-05-04")),
        ":60F: and :62F: dates"
    );
    assert_eq!(a.opening_balance, dec("125000.00"));
    // 125,000.00 + 35,250.00 - 25.00 + 18,400.50
    assert_eq!(a.closing_balance, dec("178625.50"));
    assert_eq!(a.entries.len(), 3);

    let payout = &a.entries[0];
    assert_eq!(payout.row, 6, "the line of its :61:");
    assert_eq!(
        payout.value_date,
        Some(date("2026-05-05")),
        "value date 260505"
    );
    assert_eq!(
        payout.booking_date,
        date("2026-05-04"),
        "entry date 0504, in the value date's year"
    );
    assert_eq!(payout.amount, dec("35250.00"), "decimal comma");
    assert!(payout.credit);
    assert_eq!(payout.tx_code.as_deref(), Some("NTRF"));
    assert_eq!(payout.customer_ref.as_deref(), Some("DLO642926"));
    assert_eq!(
        payout.bank_ref.as_deref(),
        Some("HK260504000123"),
        "the reference after //"
    );
    assert_eq!(
        payout.remittance.as_deref(),
        Some("/ORDP//NAME/DLOCAL LIMITED/REMI/PAYOUT TRANSFER 642926 | DLOCAL PAYOUT"),
        ":86: text, then the :61: supplementary details"
    );
    assert_eq!(payout.counterparty.as_deref(), Some("DLOCAL LIMITED"));

    let charge = &a.entries[1];
    assert_eq!((charge.amount, charge.credit), (dec("-25.00"), false));
    assert_eq!(charge.customer_ref, None, "NONREF is no reference");
    assert_eq!(charge.tx_code.as_deref(), Some("NCHG"));

    assert_eq!(
        a.entries[2].amount,
        dec("18400.50"),
        "after the funds code D"
    );

    let b = &statements[1];
    assert_eq!(
        (
            b.statement_ref.as_str(),
            b.opening_balance,
            b.closing_balance
        ),
        ("STMT260505USD", dec("178625.50"), dec("177025.50"))
    );
    let reversal = &b.entries[1];
    assert_eq!(reversal.row, 23);
    assert!(
        reversal.reversal && !reversal.credit,
        "RC: a credit reversed takes money out"
    );
    assert_eq!(reversal.amount, dec("-100.00"));
    assert_eq!(
        b.entries[0].counterparty.as_deref(),
        Some("SHENZHEN SUPPLY CO LTD")
    );
    assert_eq!(b.debits(), dec("1600.00"));
}

#[test]
fn bank_statements_are_detected_by_content_like_any_file() {
    assert_eq!(sniff(&fixture(CAMT_0504)), Some(BankFormat::Camt053));
    assert_eq!(sniff(&fixture(MT940_0508)), Some(BankFormat::Mt940));
    assert_eq!(
        sniff(&fixture("dlocal_crossborder_co.csv")),
        None,
        "a CSV is not a statement"
    );
    let mut t = TestWs::new();
    let camt = t.import("extracto.xml", &fixture(CAMT_0504));
    assert_eq!(camt.outcome, Outcome::Imported, "{:#?}", camt.problems);
    assert_eq!(camt.format.as_deref(), Some("camt.053"));
    assert_eq!((camt.rows, camt.new, camt.known), (5, 5, 0));
    let mt = t.import("MT940.txt", &fixture(MT940_0504_05));
    assert_eq!(mt.outcome, Outcome::Imported, "{:#?}", mt.problems);
    assert_eq!(mt.format.as_deref(), Some("mt940"));
    assert_eq!((mt.rows, mt.new), (5, 5));
    let kinds: Vec<String> = {
        let mut stmt =
            t.ws.conn()
                .prepare("SELECT kind FROM imported_files ORDER BY id")
                .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(kinds, ["bank_statement", "bank_statement"]);
    let listed = t.ws.bank_statements().unwrap();
    assert_eq!(listed.len(), 3);
    let cop = listed.iter().find(|s| s.currency == "COP").unwrap();
    assert_eq!(
        (
            cop.opening_balance.as_str(),
            cop.credits_total.as_str(),
            cop.debits_total.as_str(),
            cop.closing_balance.as_str(),
            cop.entries,
            cop.balanced
        ),
        (
            "15000000.00",
            "7132350.00",
            "63529.40",
            "22068820.60",
            5,
            true
        ),
        "amounts are stored as exact decimal text"
    );
    let entries = t.ws.bank_entries(cop.id).unwrap();
    assert_eq!(entries[0].bank_ref.as_deref(), Some("2026050400017"));
    assert_eq!(
        (entries[0].amount.as_str(), entries[0].direction.as_str()),
        ("4182350.00", "credit")
    );
    assert_eq!(
        entries[4].identity,
        "fp:00123456789:COP:2026-05-04:-35000:COMISION RECEPCION GIRO EXTERIOR#1"
    );
}

#[test]
fn a_statement_imported_twice_adds_nothing() {
    let mut t = TestWs::new();
    let bytes = fixture(MT940_0504_05);
    assert_eq!(t.import("a.sta", &bytes).outcome, Outcome::Imported);
    let before = t.table_counts();
    let again = t.import("a (1).sta", &bytes);
    assert_eq!(
        again.outcome,
        Outcome::AlreadyImported,
        "same bytes: same file"
    );
    assert_eq!(t.table_counts(), before, "a re-import must change no table");

    // The same statements downloaded again with other line ends: other bytes, same entries.
    let lf = text(bytes).replace("\r\n", "\n");
    let report = t.import("a-lf.sta", lf.as_bytes());
    assert_eq!(report.outcome, Outcome::Imported);
    assert_eq!(
        (report.new, report.known, report.conflicting),
        (0, 5, 0),
        "every entry is known by its bank reference"
    );
    let after = t.table_counts();
    for table in ["bank_entries", "bank_statements"] {
        assert_eq!(
            after[table], before[table],
            "{table}: the same statements add nothing"
        );
    }
    assert_eq!(
        after["imported_files"],
        before["imported_files"] + 1,
        "the new download is kept as evidence"
    );
}

#[test]
fn overlapping_statements_add_only_the_new_entries() {
    let mut t = TestWs::new();
    assert_eq!(t.import_fixture(CAMT_0504).new, 5);
    let report = t.import_fixture(CAMT_0504_05);
    assert_eq!(report.outcome, Outcome::Imported, "{:#?}", report.problems);
    assert_eq!(
        (report.rows, report.new, report.known),
        (7, 2, 5),
        "4 May's five entries are known (four by AcctSvcrRef, the fee by fingerprint); 5 May's two are new"
    );
    assert_eq!(
        super::count(&t, "SELECT count(*) FROM bank_statements"),
        2,
        "4 May's statement is stored once"
    );
    assert_eq!(super::count(&t, "SELECT count(*) FROM bank_entries"), 7);
    assert!(
        t.ws.bank_statement_gaps().unwrap().is_empty(),
        "4 and 5 May follow each other and the balance carries over"
    );
}

#[test]
fn a_changed_entry_under_a_known_bank_reference_is_a_conflict_not_a_second_entry() {
    let mut t = TestWs::new();
    t.import_fixture(CAMT_0504);
    let changed = text(fixture(CAMT_0504_05)).replacen(
        "DLOCAL PAYOUT TRANSFER 642926",
        "DLOCAL PAYOUT TRANSFER 642927",
        1,
    );
    let report = t.import("changed.xml", changed.as_bytes());
    assert_eq!(report.outcome, Outcome::Imported);
    assert_eq!((report.new, report.known, report.conflicting), (2, 4, 1));
    let conflict = report
        .problems
        .iter()
        .find(|p| p.code == "entry_conflict")
        .unwrap();
    assert_eq!(
        (conflict.row, conflict.severity),
        (Some(42), Severity::Warning)
    );
    assert!(
        conflict.text(Lang::En).contains("2026050400017"),
        "{}",
        conflict.text(Lang::En)
    );
}

#[test]
fn a_bad_mt940_amount_imports_nothing_and_names_line_and_field() {
    let mut t = TestWs::new();
    let before = t.table_counts();
    let bad = text(fixture(MT940_0504_05)).replacen("C35250,00NTRF", "C35250.00NTRF", 1);
    let report = t.import("bad.sta", bad.as_bytes());
    assert_eq!(report.outcome, Outcome::Rejected);
    let p = the_error(&report.problems);
    assert_eq!(
        (p.file.as_str(), p.row, p.column.as_deref()),
        ("bad.sta", Some(6), Some(":61: amount"))
    );
    assert!(
        p.text(Lang::En).contains("'35250.00'"),
        "{}",
        p.text(Lang::En)
    );
    assert!(report
        .problems
        .iter()
        .any(|p| p.code == "statement_refused"));
    assert_eq!(t.table_counts(), before, "a refused file writes nothing");
}

#[test]
fn a_bad_camt_amount_imports_nothing_and_names_line_and_element() {
    let mut t = TestWs::new();
    let before = t.table_counts();
    let bad = text(fixture(CAMT_0504)).replacen(">4182350.00<", ">4.182.350,00<", 1);
    let report = t.import("bad.xml", bad.as_bytes());
    assert_eq!(report.outcome, Outcome::Rejected);
    let p = the_error(&report.problems);
    assert_eq!((p.row, p.column.as_deref()), (Some(43), Some("Ntry 1/Amt")));
    assert!(p.text(Lang::Es).contains("4.182.350,00"));
    assert_eq!(t.table_counts(), before);
}

#[test]
fn an_unbalanced_statement_is_refused_naming_the_statement_and_both_figures() {
    let mut t = TestWs::new();
    let before = t.table_counts();
    let bad = text(fixture(MT940_0504_05)).replacen(
        ":62F:C260504USD178625,50",
        ":62F:C260504USD178652,50",
        1,
    );
    let report = t.import("unbalanced.sta", bad.as_bytes());
    assert_eq!(report.outcome, Outcome::Rejected);
    let p = the_error(&report.problems);
    assert_eq!(p.code, "statement_unbalanced");
    assert_eq!(
        (p.row, p.column.as_deref()),
        (Some(2), Some(":62F:")),
        "the statement starts at its :20:"
    );
    let en = p.text(Lang::En);
    for part in ["STMT260504USD", "808123456838", "178,625.50", "178,652.50"] {
        assert!(en.contains(part), "the message names {part}: {en}");
    }
    assert!(!p.text(Lang::Zh).is_empty() && p.text(Lang::Zh) != en);
    assert_eq!(t.table_counts(), before);
}

#[test]
fn a_truncated_camt_file_imports_nothing() {
    let mut t = TestWs::new();
    let before = t.table_counts();
    let bytes = fixture(CAMT_0504);
    let cut = &bytes[..bytes.len() / 2];
    let report = t.import("cut.xml", cut);
    assert_eq!(report.outcome, Outcome::Rejected, "{:#?}", report.problems);
    let p = the_error(&report.problems);
    assert!(
        matches!(p.code.as_str(), "statement_cut_off" | "statement_broken"),
        "{p:#?}"
    );
    assert!(
        p.row.is_some() && p.column.is_some(),
        "the line and the element left open: {p:#?}"
    );
    assert_eq!(t.table_counts(), before);
}

#[test]
fn a_gap_between_statements_of_an_account_is_reported() {
    let mut t = TestWs::new();
    t.import_fixture(MT940_0504_05);
    t.import_fixture(MT940_0508);
    let gaps = t.ws.bank_statement_gaps().unwrap();
    assert_eq!(gaps.len(), 1, "{gaps:#?}");
    let g = &gaps[0];
    assert_eq!(
        (g.account.as_str(), g.currency.as_str()),
        ("808123456838", "USD")
    );
    assert_eq!(
        (
            g.before_statement_ref.as_str(),
            g.after_statement_ref.as_str()
        ),
        ("STMT260505USD", "STMT260508USD")
    );
    assert_eq!(
        (
            g.missing_from.as_deref(),
            g.missing_to.as_deref(),
            g.missing_days
        ),
        (Some("2026-05-06"), Some("2026-05-07"), 2)
    );
    assert_eq!(
        (g.previous_closing.as_str(), g.next_opening.as_str()),
        ("177025.50", "177125.50")
    );
    assert!(
        !g.balance_carries_over,
        "100.00 moved in the missing days: a statement with entries is missing"
    );
}

#[test]
fn a_statement_file_comes_back_byte_for_byte() {
    let mut t = TestWs::new();
    for name in [CAMT_0504, MT940_0504_05] {
        let bytes = fixture(name);
        let id = t.import(name, &bytes).file_id.unwrap();
        assert_eq!(
            t.ws.original_bytes(id).unwrap(),
            bytes,
            "{name}: evidence equals the file"
        );
    }
}

#[test]
fn bank_tables_refuse_edits_and_a_reopened_workspace_still_takes_statements() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.db");
    drop(cuadra_core::store::Workspace::open(&path).unwrap());
    let mut ws = cuadra_core::store::Workspace::open(&path).unwrap();
    let report = cuadra_core::ingest::import_bytes(
        &mut ws,
        "a.sta",
        "a.sta",
        &fixture(MT940_0508),
        &super::options(),
    )
    .unwrap();
    assert_eq!(report.outcome, Outcome::Imported, "{:#?}", report.problems);
    let conn = ws.conn();
    assert!(
        conn.execute("UPDATE bank_entries SET amount = '0'", [])
            .is_err(),
        "entries are evidence"
    );
    assert!(
        conn.execute("DELETE FROM bank_statements", []).is_err(),
        "statements are evidence"
    );
    assert!(conn.execute(
        "INSERT INTO imported_files(sha256, name, size, kind, format, imported_at, imported_by, rows_total, rows_new, rows_known, rows_conflicting, rows_updated, rows_rejected, compression)
         VALUES ('x', 'x', 0, 'other', 'x', 'x', 'x', 0, 0, 0, 0, 0, 0, 'zstd')", []).is_err(),
        "the widened CHECK still refuses unknown kinds");
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
}

#[test]
fn mt940_messages_joined_on_one_line_read_the_same() {
    let name = "joined.sta";
    let original = text(fixture(MT940_0504_05));
    let joined = original.replacen("-}\r\n{1:", "-}{1:", 1);
    assert_ne!(joined, original);
    let (from_joined, problems) = parse_statements(name, BankFormat::Mt940, joined.as_bytes());
    assert!(problems.is_empty(), "{problems:#?}");
    let (from_original, _) = parse(MT940_0504_05, BankFormat::Mt940);
    let amounts = |s: &[ParsedStatement]| -> Vec<Vec<Decimal>> {
        s.iter()
            .map(|s| s.entries.iter().map(|e| e.amount).collect())
            .collect()
    };
    assert_eq!(
        amounts(&from_joined),
        amounts(&from_original),
        "`-}}{{1:` ends one message and starts the next"
    );
}

/// The camt.053 fixture as a later version writes it (`camt.053.001.08`: `Sts/Cd`, the
/// debtor's name under `Pty`) with every element under a namespace prefix.
fn camt_v08_prefixed() -> String {
    let v08 = text(fixture(CAMT_0504))
        .replace("camt.053.001.02\"", "camt.053.001.08\"")
        .replace("xmlns=\"urn", "xmlns:ns2=\"urn")
        .replace("<Sts>BOOK</Sts>", "<Sts><Cd>BOOK</Cd></Sts>")
        .replace("<Sts>PDNG</Sts>", "<Sts><Cd>PDNG</Cd></Sts>")
        .replace(
            "<Dbtr><Nm>DLOCAL COLOMBIA SAS</Nm></Dbtr>",
            "<Dbtr><Pty><Nm>DLOCAL COLOMBIA SAS</Nm></Pty></Dbtr>",
        );
    let mut out = String::new();
    let mut chars = v08.chars().peekable();
    while let Some(c) = chars.next() {
        out.push(c);
        if c == '<' {
            match chars.peek() {
                Some('/') => {
                    out.push('/');
                    chars.next();
                    out.push_str("ns2:");
                }
                Some(n) if n.is_ascii_alphabetic() => out.push_str("ns2:"),
                _ => {}
            }
        }
    }
    out
}

#[test]
fn a_later_camt053_version_with_namespace_prefixes_reads_the_same() {
    let prefixed = camt_v08_prefixed();
    assert!(prefixed.contains("<ns2:Ntry>") && prefixed.contains("<ns2:Sts><ns2:Cd>BOOK"));
    assert_eq!(sniff(prefixed.as_bytes()), Some(BankFormat::Camt053));
    let (statements, problems) =
        parse_statements("v08.xml", BankFormat::Camt053, prefixed.as_bytes());
    assert_eq!(problems.len(), 1, "only the PDNG warning: {problems:#?}");
    let (original, _) = parse(CAMT_0504, BankFormat::Camt053);
    assert_eq!(
        statements, original,
        "elements are matched by local name, whatever the version's nesting"
    );
}

#[test]
fn an_mt940_entry_date_across_a_new_year_takes_the_next_year() {
    let statement = ":20:STMT251231USD\r\n:25:808123456838\r\n:28C:00001/001\r\n:60F:C251231USD100,00\r\n:61:2512310102C50,NTRFDLO1//HK1\r\n:62F:C251231USD150,00\r\n-}\r\n";
    let (statements, problems) =
        parse_statements("ny.sta", BankFormat::Mt940, statement.as_bytes());
    assert!(problems.is_empty(), "{problems:#?}");
    let e = &statements[0].entries[0];
    assert_eq!(e.value_date, Some(date("2025-12-31")));
    assert_eq!(
        e.booking_date,
        date("2026-01-02"),
        "booked 2 January for a value date of 31 December"
    );
    assert_eq!(e.amount, dec("50"), "`50,` is a whole amount");
}

#[test]
fn a_dry_run_of_a_statement_counts_and_writes_nothing() {
    let mut t = TestWs::new();
    let before = t.table_counts();
    let mut opts = super::options();
    opts.dry_run = true;
    let report = t.import_with("dry.xml", &fixture(CAMT_0504), &opts);
    assert_eq!(report.outcome, Outcome::DryRun);
    assert_eq!((report.rows, report.new), (5, 5));
    assert_eq!(t.table_counts(), before, "a dry run is rolled back");
}
