//! The engine's spec: one test per status, the precedence, the traps of the issue, and the
//! properties (every order and line in exactly one case; input order does not matter).

#![allow(clippy::unwrap_used)]

use super::keys::one_edit_apart;
use super::*;
use crate::model::{OrderStatus, PaymentStatus, RowType, SettlementLine, ShopOrder};
use crate::time::Moment;
use chrono::DateTime;
use proptest::prelude::*;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

fn at(text: &str) -> Moment {
    Moment::Instant(DateTime::parse_from_rfc3339(text).unwrap())
}

fn utc(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text)
        .unwrap()
        .with_timezone(&Utc)
}

fn cop(n: i64) -> Decimal {
    Decimal::from(n)
}

/// A Shopify order `#<name>` of COP `total`, created 2026-05-01 10:00 Bogotá, shown as paid.
fn order(id: i64, name: &str, total: i64) -> OrderIn {
    OrderIn {
        id,
        order: ShopOrder {
            platform: "shopify".into(),
            order_name: Some(format!("#{name}")),
            shop_order_id: Some(format!("55500{id}")),
            financial_status: OrderStatus::Paid,
            raw_status: None,
            currency: Some("COP".into()),
            total: Some(cop(total)),
            subtotal: None,
            shipping: None,
            taxes: None,
            discount: None,
            refunded: None,
            outstanding: None,
            created_at: Some(at("2026-05-01T10:00:00-05:00")),
            paid_at: Some(at("2026-05-02T09:00:00-05:00")),
            cancelled_at: None,
            expires_at: None,
            payment_method: Some("dLocal".into()),
            payment_reference: None,
            payment_id: None,
            email: None,
            customer_name: None,
            items: Vec::new(),
        },
    }
}

fn pending(mut o: OrderIn) -> OrderIn {
    o.order.financial_status = OrderStatus::Pending;
    o.order.paid_at = None;
    o
}

/// A paid dLocal Efecty payment quoting `merchant_ref`, of COP `amount`, approved at `approved`.
fn payment(id: i64, merchant_ref: &str, amount: i64, approved: &str) -> LineIn {
    LineIn {
        id,
        line: SettlementLine {
            psp: "dlocal".into(),
            batch_ref: Some("642926".into()),
            row_type: RowType::Payment,
            raw_row_type: None,
            status: PaymentStatus::Paid,
            raw_status: None,
            merchant_ref: Some(merchant_ref.into()),
            psp_txn_id: Some(format!("T-648-{id}")),
            psp_order_id: None,
            payment_method: Some("EY".into()),
            payment_type: Some("TICKET".into()),
            local_amount: Some(cop(amount)),
            local_currency: Some("COP".into()),
            gross_amount: Some(Decimal::new(3750, 2)),
            fee_amount: Some(Decimal::new(-112, 2)),
            tax_amount: None,
            net_amount: Some(Decimal::new(3638, 2)),
            settlement_currency: Some("USD".into()),
            fx_rate: None,
            created_at: Some(at(approved)),
            approved_at: Some(at(approved)),
            settled_at: Some(at("2026-05-09T12:00:00-05:00")),
            expires_at: None,
            payer_email: None,
            payer_document: None,
            description: None,
            tax_detail: None,
        },
    }
}

fn reversal(id: i64, merchant_ref: &str, row_type: RowType, amount: i64) -> LineIn {
    let mut l = payment(id, merchant_ref, -amount, "2026-05-06T10:00:00-05:00");
    l.line.row_type = row_type;
    l.line.psp_txn_id = Some(format!("R-648-{id}"));
    l
}

fn fee(id: i64) -> LineIn {
    let mut l = payment(id, "", 0, "2026-05-09T12:00:00-05:00");
    l.line.row_type = RowType::Fee;
    l.line.merchant_ref = None;
    l.line.psp_txn_id = None;
    l.line.local_amount = None;
    l.line.local_currency = None;
    l.line.gross_amount = None;
    l.line.fee_amount = None;
    l.line.net_amount = Some(Decimal::new(-25, 1));
    l
}

/// As of 2026-05-05 12:00 Bogotá: after the 72 h voucher of an order created 2026-05-01.
const AS_OF: &str = "2026-05-05T12:00:00-05:00";

fn run(orders: &[OrderIn], lines: &[LineIn]) -> Vec<ReconCase> {
    reconcile(orders, lines, &ReconSettings::default(), utc(AS_OF))
}

fn case_of_order(cases: &[ReconCase], order_id: i64) -> &ReconCase {
    cases.iter().find(|c| c.order_id == Some(order_id)).unwrap()
}

fn case_of_line(cases: &[ReconCase], line_id: i64) -> &ReconCase {
    cases
        .iter()
        .find(|c| c.line_ids.contains(&line_id))
        .unwrap()
}

fn status_of_order(orders: &[OrderIn], lines: &[LineIn], order_id: i64) -> CaseStatus {
    case_of_order(&run(orders, lines), order_id).status
}

#[test]
fn matched_explains_with_the_numbers() {
    let cases = run(
        &[order(1, "1001", 150_000)],
        &[payment(10, "1001", 150_000, "2026-05-03T14:10:00-05:00")],
    );
    assert_eq!(cases.len(), 1, "the order and its payment make one case");
    let c = &cases[0];
    assert_eq!(c.status, CaseStatus::Matched);
    assert_eq!(c.rule, "exact_key");
    assert_eq!(c.key, "order:shopify:1001");
    assert_eq!(c.line_ids, vec![10]);
    assert_eq!(c.matched_keys, vec!["1001".to_string()]);
    assert_eq!(c.difference, Some(Decimal::ZERO));
    assert_eq!(c.net_settled, Some(Decimal::new(3638, 2)));
    assert_eq!(c.fee_total, Some(Decimal::new(-112, 2)));
    assert_eq!(c.settlement_currency.as_deref(), Some("USD"));
    assert_eq!(
        c.voucher_expires_at.map(|m| m.to_storage()).as_deref(),
        Some("2026-05-04T10:00:00-05:00"),
        "created 2026-05-01 10:00 plus 72 hours"
    );
    assert_eq!(
        c.explanation.to_string(),
        "Paid COP 150,000 at 2026-05-03 14:10 (Bogotá) for order #1001 of COP 150,000, \
         before its voucher expired at 2026-05-04 10:00."
    );
    assert_eq!(
        c.explanation.render(crate::words::Lang::Es),
        "Pago de COP 150.000 el 2026-05-03 14:10 (Bogotá) por el pedido #1001 de COP 150.000, \
         antes de que venciera su cupón de pago (2026-05-04 10:00)."
    );
    assert_eq!(
        c.explanation.render(crate::words::Lang::Zh),
        "2026-05-03 14:10（哥伦比亚时间），订单 #1001（订单金额 COP 150,000）支付了 COP 150,000，\
         在付款码过期（2026-05-04 10:00）之前。"
    );
}

/// A payment whose status word Cuadra does not know, as the file wrote it.
fn unknown_status(mut l: LineIn, word: &str) -> LineIn {
    l.line.status = PaymentStatus::Unknown;
    l.line.raw_status = Some(word.into());
    l
}

/// A Mercado Pago-style hold: `amount` held (negative) or released (positive) for a claim.
fn hold(id: i64, merchant_ref: &str, amount: i64) -> LineIn {
    let mut l = payment(id, merchant_ref, amount, "2026-05-06T10:00:00-05:00");
    l.line.row_type = RowType::Hold;
    l.line.psp_txn_id = Some(format!("H-{id}"));
    l.line.gross_amount = Some(cop(amount));
    l.line.fee_amount = None;
    l.line.net_amount = Some(cop(amount));
    l
}

#[test]
fn a_status_word_cuadra_does_not_know_moves_no_money_and_asks_a_person() {
    // The reproduction: a dLocal PAYMENT row with STATUS `WAITING_DETAILS`.
    let orders = [order(1, "1001", 150_000)];
    let lines = [unknown_status(
        payment(10, "1001", 150_000, "2026-05-03T14:10:00-05:00"),
        "WAITING_DETAILS",
    )];
    let cases = run(&orders, &lines);
    let c = case_of_order(&cases, 1);
    assert_eq!(
        c.status,
        CaseStatus::PspStatusUnknown,
        "an unknown status is not a payment"
    );
    assert_eq!(c.rule, "unknown_psp_status");
    assert_eq!(c.line_ids, vec![10], "the line stays with its order");
    assert_eq!(c.paid_amount, None, "nothing counts as paid");
    assert_eq!(
        c.explanation.to_string(),
        "Order #1001 of COP 150,000: the PSP reports payment T-648-10 with the status \
         'WAITING_DETAILS', a status Cuadra does not know, so no money is counted for it: ask \
         the PSP what it means, then resolve the case."
    );

    // A file without a status column is read as paid at import: that line still matches.
    let mut known = payment(10, "1001", 150_000, "2026-05-03T14:10:00-05:00");
    known.line.raw_status = None;
    assert_eq!(status_of_order(&orders, &[known], 1), CaseStatus::Matched);

    // With no order, the line is a case of its own that says the same.
    let lone = [unknown_status(
        payment(11, "9999", 62_000, "2026-05-03T14:10:00-05:00"),
        "Waiting Details",
    )];
    let cases = run(&[], &lone);
    assert_eq!(cases[0].status, CaseStatus::UnmatchedSettlement);
    assert_eq!(cases[0].rule, "unknown_psp_status");
    assert_eq!(cases[0].paid_amount, None);
    assert!(
        cases[0]
            .explanation
            .to_string()
            .contains("carries the status 'Waiting Details', which Cuadra does not know"),
        "{}",
        cases[0].explanation.to_string()
    );
}

#[test]
fn a_hold_for_a_claim_is_not_a_chargeback() {
    let orders = [order(1, "1001", 150_000)];
    let paid = payment(10, "1001", 150_000, "2026-05-03T14:10:00-05:00");
    // Held and released: the money is back, the order is matched.
    let cases = run(
        &orders,
        &[
            paid.clone(),
            hold(11, "1001", -150_000),
            hold(12, "1001", 150_000),
        ],
    );
    let c = case_of_order(&cases, 1);
    assert_eq!(c.status, CaseStatus::Matched, "{}", c.explanation);
    assert_eq!(c.line_ids, vec![10, 11, 12]);
    assert_eq!(
        c.net_settled,
        Some(Decimal::new(3638, 2)),
        "held money is neither charged nor settled"
    );
    // Held and not released: the claim is open.
    let cases = run(&orders, &[paid, hold(11, "1001", -150_000)]);
    let c = case_of_order(&cases, 1);
    assert_eq!(c.status, CaseStatus::Disputed);
    assert_eq!(c.rule, "hold_open");
    assert_eq!(
        c.explanation.to_string(),
        "Order #1001 of COP 150,000 was paid COP 150,000 at 2026-05-03 14:10 (Bogotá), and the \
         PSP holds COP 150,000 of it for a buyer's claim (H-11) that is still open: follow the \
         claim; the money is lost only if it ends in a refund or a chargeback."
    );
    // A hold that quotes no order is a case to look into, not a charge.
    let cases = run(&[], &[hold(11, "9999", -150_000)]);
    assert_eq!(cases[0].status, CaseStatus::UnmatchedSettlement);
    assert_eq!(cases[0].rule, "hold_no_order");
}

#[test]
fn paid_shop_pending() {
    let cases = run(
        &[pending(order(1, "1001", 150_000))],
        &[payment(10, "1001", 150_000, "2026-05-03T14:10:00-05:00")],
    );
    assert_eq!(cases[0].status, CaseStatus::PaidShopPending);
    assert!(
        cases[0]
            .explanation
            .to_string()
            .contains("still shows it pending"),
        "{}",
        cases[0].explanation.to_string()
    );
}

#[test]
fn underpaid_overpaid_and_inclusive_tolerance() {
    let o = [order(1, "1001", 150_000)];
    let under = [payment(10, "1001", 140_000, "2026-05-03T14:10:00-05:00")];
    let over = [payment(10, "1001", 150_100, "2026-05-03T14:10:00-05:00")];
    let cases = run(&o, &under);
    assert_eq!(cases[0].status, CaseStatus::Underpaid);
    assert_eq!(cases[0].difference, Some(cop(-10_000)));
    assert!(
        cases[0]
            .explanation
            .to_string()
            .contains("COP 10,000 short"),
        "{}",
        cases[0].explanation.to_string()
    );
    assert_eq!(status_of_order(&o, &over, 1), CaseStatus::Overpaid);

    let settings = ReconSettings {
        tolerance: cop(100),
        ..ReconSettings::default()
    };
    let cases = reconcile(&o, &over, &settings, utc(AS_OF));
    assert_eq!(
        cases[0].status,
        CaseStatus::Matched,
        "a difference equal to the tolerance is within it"
    );
    assert!(cases[0]
        .explanation
        .to_string()
        .contains("within the tolerance of COP 100"));
}

#[test]
fn decimal_scale_does_not_matter() {
    let mut l = payment(10, "1001", 0, "2026-05-03T14:10:00-05:00");
    l.line.local_amount = Some(Decimal::new(15_000_000, 2)); // 150000.00
    assert_eq!(
        status_of_order(&[order(1, "1001", 150_000)], &[l], 1),
        CaseStatus::Matched,
        "62000.00 and 62000 are the same amount"
    );
}

#[test]
fn duplicate_payment_but_not_a_resent_row() {
    let o = [order(1, "1001", 150_000)];
    let a = payment(10, "1001", 150_000, "2026-05-02T14:10:00-05:00");
    let b = payment(11, "1001", 150_000, "2026-05-03T09:00:00-05:00");
    let cases = run(&o, &[a.clone(), b.clone()]);
    assert_eq!(cases.len(), 1);
    assert_eq!(cases[0].status, CaseStatus::DuplicatePayment);
    assert_eq!(cases[0].paid_amount, Some(cop(300_000)));
    assert!(
        cases[0].explanation.to_string().contains("paid 2 times"),
        "{}",
        cases[0].explanation.to_string()
    );

    let mut resent = b;
    resent.line.psp_txn_id = a.line.psp_txn_id.clone();
    let cases = run(&o, &[a, resent]);
    assert_eq!(
        cases[0].status,
        CaseStatus::Matched,
        "the same PSP transaction twice (an overlapping report) is one payment"
    );
    assert_eq!(
        cases[0].line_ids,
        vec![10, 11],
        "both rows still sit in the case"
    );
}

#[test]
fn paid_after_expiry() {
    let cases = run(
        &[order(1, "1001", 150_000)],
        &[payment(10, "1001", 150_000, "2026-05-04T10:00:01-05:00")],
    );
    assert_eq!(cases[0].status, CaseStatus::PaidAfterExpiry);
    assert!(cases[0]
        .explanation
        .to_string()
        .contains("after its voucher expired at 2026-05-04 10:00"));
    let on_the_dot = run(
        &[order(1, "1001", 150_000)],
        &[payment(10, "1001", 150_000, "2026-05-04T10:00:00-05:00")],
    );
    assert_eq!(
        on_the_dot[0].status,
        CaseStatus::Matched,
        "paid at expiry is on time"
    );
}

#[test]
fn explicit_and_per_psp_expiry() {
    let mut l = payment(10, "1001", 150_000, "2026-05-05T09:00:00-05:00");
    l.line.expires_at = Some(Moment::Date(
        chrono::NaiveDate::from_ymd_opt(2026, 5, 5).unwrap(),
    ));
    assert_eq!(
        status_of_order(&[order(1, "1001", 150_000)], &[l], 1),
        CaseStatus::Matched,
        "a date-only expiry in the file lasts through that day"
    );
    let settings = ReconSettings {
        validity_hours_by_psp: BTreeMap::from([("DLocal".to_string(), 168)]),
        ..ReconSettings::default()
    };
    let cases = reconcile(
        &[order(1, "1001", 150_000)],
        &[payment(10, "1001", 150_000, "2026-05-06T09:00:00-05:00")],
        &settings,
        utc(AS_OF),
    );
    assert_eq!(
        cases[0].status,
        CaseStatus::Matched,
        "dLocal vouchers last 7 days here"
    );
}

#[test]
fn per_psp_validity_applies_to_an_order_known_only_by_its_payment_method() {
    // Shopify writes the method for people; the override is keyed by the PSP as lines carry
    // it. Found by the answer-key scenario (Mercado Pago, vouchers of 120 hours).
    let settings = ReconSettings {
        validity_hours_by_psp: BTreeMap::from([
            ("mercadopago".to_string(), 120),
            ("dlocal".to_string(), 48),
        ]),
        ..ReconSettings::default()
    };
    let with_method = |method: &str| {
        let mut o = pending(order(1, "1001", 150_000)); // created 2026-05-01 10:00 Bogotá
        o.order.payment_method = Some(method.into());
        o
    };
    let status = |method: &str, as_of: &str| {
        reconcile(&[with_method(method)], &[], &settings, utc(as_of))[0].status
    };
    assert_eq!(
        status("Mercado Pago", "2026-05-05T10:00:00-05:00"),
        CaseStatus::AwaitingPayment,
        "96 hours in, a Mercado Pago voucher of 120 hours is still valid"
    );
    assert_eq!(
        status("Mercado Pago", "2026-05-06T10:00:01-05:00"),
        CaseStatus::ExpiredUnpaid,
        "and expired one second after 120 hours"
    );
    assert_eq!(
        status("dLocal - Efecty", "2026-05-03T10:00:01-05:00"),
        CaseStatus::ExpiredUnpaid,
        "'dLocal - Efecty' names dLocal: its 48 hours apply"
    );
    assert_eq!(
        status("Efecty", "2026-05-03T10:00:01-05:00"),
        CaseStatus::AwaitingPayment,
        "a method naming no PSP keeps the default 72 hours"
    );
    // The same voucher once its payment line arrives: same validity, so paid at 95 hours is
    // on time.
    let mut line = payment(10, "1001", 150_000, "2026-05-05T09:00:00-05:00");
    line.line.psp = "mercadopago".into();
    let mut paid = with_method("Mercado Pago");
    paid.order.financial_status = OrderStatus::Paid;
    paid.order.paid_at = Some(at("2026-05-05T09:05:00-05:00"));
    let cases = reconcile(&[paid], &[line], &settings, utc(AS_OF));
    assert_eq!(cases[0].status, CaseStatus::Matched);
}

#[test]
fn currency_mismatch() {
    let mut l = payment(10, "1001", 150_000, "2026-05-03T14:10:00-05:00");
    l.line.local_currency = Some("USD".into());
    let cases = run(&[order(1, "1001", 150_000)], &[l]);
    assert_eq!(cases[0].status, CaseStatus::CurrencyMismatch);
    assert_eq!(
        cases[0].difference, None,
        "amounts in two currencies are not subtracted"
    );
}

#[test]
fn refunds_and_chargebacks() {
    let o = [order(1, "1001", 150_000)];
    let p = payment(10, "1001", 150_000, "2026-05-03T14:10:00-05:00");
    let cases = run(
        &o,
        &[p.clone(), reversal(11, "1001", RowType::Refund, 150_000)],
    );
    assert_eq!(cases[0].status, CaseStatus::Refunded);
    assert_eq!(
        cases[0].line_ids,
        vec![10, 11],
        "the case holds the payment and its refund"
    );

    let cases = run(
        &o,
        &[p.clone(), reversal(11, "1001", RowType::Refund, 50_000)],
    );
    assert_eq!(cases[0].status, CaseStatus::PartiallyRefunded);
    assert!(
        cases[0]
            .explanation
            .to_string()
            .contains("leaving COP 100,000"),
        "{}",
        cases[0].explanation.to_string()
    );

    let cb = reversal(12, "1001", RowType::Chargeback, 150_000);
    let cases = run(&o, &[p.clone(), cb.clone()]);
    assert_eq!(cases[0].status, CaseStatus::ChargedBack);

    let back = reversal(13, "1001", RowType::ChargebackReversal, 150_000);
    let cases = run(&o, &[p, cb, back]);
    assert_eq!(
        cases[0].status,
        CaseStatus::Matched,
        "a chargeback reversal restores the payment"
    );
}

#[test]
fn reversal_sentences_add_up_without_a_payment_line_and_with_two() {
    // Found by the answer-key scenario: "has no payment line in the imported files but, and
    // ..." and "was paid COP 289,000 ..., COP 289,000 of it was refunded, leaving COP 289,000".
    let o = [order(1, "1001", 150_000)];
    let refund_only = run(&o, &[reversal(11, "1001", RowType::Refund, 150_000)]);
    assert_eq!(refund_only[0].status, CaseStatus::Refunded);
    assert_eq!(
        refund_only[0].explanation.to_string(),
        "Order #1001 of COP 150,000 has no payment line in the imported files, and COP 150,000 \
         was refunded, the whole amount."
    );

    let twice = [
        payment(10, "1001", 150_000, "2026-05-02T14:10:00-05:00"),
        payment(12, "1001", 150_000, "2026-05-03T09:00:00-05:00"),
    ];
    let mut refund = reversal(13, "1001", RowType::Refund, 150_000);
    refund.line.psp_txn_id = Some("R-648-13".into());
    let cases = run(&o, &[twice[0].clone(), twice[1].clone(), refund]);
    assert_eq!(
        cases[0].status,
        CaseStatus::PartiallyRefunded,
        "reversals come first: half of what was paid went back"
    );
    let text = &cases[0].explanation.to_string();
    assert!(
        text.contains("was paid 2 times, COP 300,000 in total")
            && text.contains("COP 150,000 of it was refunded, leaving COP 150,000"),
        "{text}"
    );

    let cb = reversal(14, "1001", RowType::Chargeback, 150_000);
    let cases = run(&o, &[twice[0].clone(), cb]);
    assert!(
        cases[0]
            .explanation
            .to_string()
            .contains("and chargeback R-648-14 took back COP 150,000 after a payer's dispute"),
        "{}",
        cases[0].explanation.to_string()
    );
}

#[test]
fn awaiting_payment_and_expired_unpaid() {
    let o = [pending(order(1, "1001", 150_000))];
    let early = reconcile(
        &o,
        &[],
        &ReconSettings::default(),
        utc("2026-05-02T12:00:00-05:00"),
    );
    assert_eq!(early[0].status, CaseStatus::AwaitingPayment);
    assert!(early[0]
        .explanation
        .to_string()
        .contains("valid until 2026-05-04 10:00"));
    let late = run(&o, &[]);
    assert_eq!(late[0].status, CaseStatus::ExpiredUnpaid);
    assert!(late[0].explanation.to_string().contains("close the order"));
}

#[test]
fn awaiting_and_missing_settlement() {
    let o = [order(1, "1001", 150_000)]; // shop paid 2026-05-02 09:00
    let inside = reconcile(
        &o,
        &[],
        &ReconSettings::default(),
        utc("2026-05-09T09:00:00-05:00"),
    );
    assert_eq!(
        inside[0].status,
        CaseStatus::AwaitingSettlement,
        "exactly 7 days after is still inside the grace"
    );
    let after = reconcile(
        &o,
        &[],
        &ReconSettings::default(),
        utc("2026-05-09T09:00:01-05:00"),
    );
    assert_eq!(after[0].status, CaseStatus::MissingSettlement);
}

#[test]
fn swapped_digits_are_suggested() {
    let o = [pending(order(1, "10023", 150_000))];
    let l = [payment(10, "10032", 150_000, "2026-05-02T11:00:00-05:00")];
    let cases = run(&o, &l);
    assert_eq!(
        cases.len(),
        1,
        "the suggested line sits in the order's case"
    );
    assert_eq!(cases[0].status, CaseStatus::Suggested);
    assert_eq!(cases[0].rule, "one_edit_reference");
    assert_eq!(cases[0].line_ids, vec![10]);
    assert_eq!(
        cases[0].matched_keys,
        vec!["10023".to_string(), "10032".to_string()]
    );
    assert!(cases[0]
        .explanation
        .to_string()
        .contains("'10032', one edit away from '10023'"));

    let other_amount = [payment(10, "10032", 149_000, "2026-05-02T11:00:00-05:00")];
    assert_eq!(
        status_of_order(&o, &other_amount, 1),
        CaseStatus::ExpiredUnpaid,
        "a different amount is not a likely payment"
    );
    let too_late = [payment(10, "10032", 150_000, "2026-05-04T11:00:00-05:00")];
    assert_eq!(
        status_of_order(&o, &too_late, 1),
        CaseStatus::ExpiredUnpaid,
        "a payment after the voucher window is not suggested"
    );
    let short = [pending(order(1, "123", 150_000))];
    let near = [payment(10, "132", 150_000, "2026-05-02T11:00:00-05:00")];
    assert_eq!(
        case_of_order(&run(&short, &near), 1).status,
        CaseStatus::ExpiredUnpaid,
        "keys shorter than 4 characters are too easily one edit apart"
    );
}

#[test]
fn a_tied_suggestion_is_not_made() {
    let o = [
        pending(order(1, "10023", 150_000)),
        pending(order(2, "10033", 150_000)),
    ];
    let l = [payment(10, "10032", 150_000, "2026-05-02T11:00:00-05:00")];
    let cases = run(&o, &l);
    assert_eq!(case_of_order(&cases, 1).status, CaseStatus::ExpiredUnpaid);
    assert_eq!(case_of_order(&cases, 2).status, CaseStatus::ExpiredUnpaid);
    let lc = case_of_line(&cases, 10);
    assert_eq!(lc.status, CaseStatus::UnmatchedSettlement);
    assert_eq!(lc.rule, "suggestion_not_unique");
    assert!(
        lc.explanation
            .to_string()
            .contains("order #10023 and order #10033"),
        "{}",
        lc.explanation.to_string()
    );
}

#[test]
fn unmatched_settlement_and_settlement_charge() {
    let cases = run(
        &[],
        &[
            payment(10, "9999", 150_000, "2026-05-02T11:00:00-05:00"),
            fee(11),
        ],
    );
    let p = case_of_line(&cases, 10);
    assert_eq!(p.status, CaseStatus::UnmatchedSettlement);
    assert_eq!(p.rule, "no_order");
    assert_eq!(p.key, "line:dlocal:10");
    let f = case_of_line(&cases, 11);
    assert_eq!(f.status, CaseStatus::SettlementCharge);
    assert_eq!(f.fee_total, Some(Decimal::new(-25, 1)));
    assert_eq!(
        f.explanation.to_string(),
        "Fee line (id 11) of USD -2.50 belongs to batch 642926, not to an order."
    );
}

#[test]
fn precedence_when_several_apply() {
    // Two payments, one in USD: duplicate beats currency mismatch.
    let o = [pending(order(1, "1001", 150_000))];
    let mut usd = payment(11, "1001", 140_000, "2026-05-05T09:00:00-05:00");
    usd.line.local_currency = Some("USD".into());
    let first = payment(10, "1001", 150_000, "2026-05-02T09:00:00-05:00");
    assert_eq!(
        status_of_order(&o, &[first, usd.clone()], 1),
        CaseStatus::DuplicatePayment
    );
    // Currency mismatch beats the amount and the expiry.
    assert_eq!(status_of_order(&o, &[usd], 1), CaseStatus::CurrencyMismatch);
    // Underpaid beats paid after expiry and the shop's pending status.
    let late_short = payment(10, "1001", 100_000, "2026-05-05T09:00:00-05:00");
    assert_eq!(status_of_order(&o, &[late_short], 1), CaseStatus::Underpaid);
    // Paid after expiry beats the shop's pending status.
    let late = payment(10, "1001", 150_000, "2026-05-05T09:00:00-05:00");
    assert_eq!(status_of_order(&o, &[late], 1), CaseStatus::PaidAfterExpiry);
}

#[test]
fn a_payment_at_21_30_minus_4_is_20_30_in_bogota_before_a_20_45_expiry() {
    let mut o = order(1, "1001", 150_000);
    o.order.expires_at = Some(at("2026-03-10T20:45:00-05:00"));
    let cases = run(
        &[o],
        &[payment(10, "1001", 150_000, "2026-03-10T21:30:00-04:00")],
    );
    assert_eq!(
        cases[0].status,
        CaseStatus::Matched,
        "21:30 at -04:00 is 20:30 in Bogotá, before the 20:45 expiry"
    );
    assert!(
        cases[0]
            .explanation
            .to_string()
            .contains("at 2026-03-10 20:30 (Bogotá)"),
        "shown in the workspace zone: {}",
        cases[0].explanation
    );
}

#[test]
fn shopify_hash_name_matches_a_bare_dlocal_reference() {
    let mut l = payment(10, " 1001 ", 150_000, "2026-05-03T14:10:00-05:00");
    l.line.psp_txn_id = Some("T-648-ABC".into());
    let cases = run(&[order(1, "1001", 150_000)], &[l]);
    assert_eq!(cases.len(), 1);
    assert_eq!(
        cases[0].status,
        CaseStatus::Matched,
        "#1001 and 1001 are one key"
    );
    assert_eq!(normalize_key(" #AbC-01 ").as_deref(), Some("abc-01"));
}

#[test]
fn leading_zeros_are_significant() {
    let o = [pending(order(1, "0123", 150_000))];
    let l = [payment(10, "123", 150_000, "2026-05-02T11:00:00-05:00")];
    let cases = run(&o, &l);
    assert_eq!(cases.len(), 2, "0123 and 123 are different keys");
    assert_eq!(case_of_order(&cases, 1).status, CaseStatus::ExpiredUnpaid);
    assert_eq!(
        case_of_line(&cases, 10).status,
        CaseStatus::UnmatchedSettlement
    );
}

#[test]
fn a_key_shared_by_two_orders_is_flagged_not_guessed() {
    let mut vtex = order(2, "v1001", 150_000);
    vtex.order.platform = "vtex".into();
    vtex.order.payment_reference = Some("1001".into());
    let o = [order(1, "1001", 150_000), vtex];
    let l = [payment(10, "1001", 150_000, "2026-05-03T14:10:00-05:00")];
    let cases = run(&o, &l);
    assert_eq!(cases.len(), 3);
    let lc = case_of_line(&cases, 10);
    assert_eq!(lc.status, CaseStatus::UnmatchedSettlement);
    assert_eq!(lc.rule, "ambiguous_key");
    assert!(
        lc.explanation
            .to_string()
            .contains("order #1001, order #v1001"),
        "names both orders: {}",
        lc.explanation
    );
    assert_eq!(lc.order_id, None);
    let oc = case_of_order(&cases, 1);
    assert!(oc.line_ids.is_empty());
    assert!(
        oc.explanation.to_string().contains("T-648-10"),
        "{}",
        oc.explanation.to_string()
    );
}

#[test]
fn a_line_whose_two_keys_name_two_orders_is_flagged_in_plain_words() {
    // The reference names one order, the PSP id the shop stored names another (a recycled
    // voucher id): no key is shared, and the sentence must not say so.
    let mut other = order(2, "1002", 150_000);
    other.order.payment_id = Some("T-648-10".into());
    let o = [pending(order(1, "1001", 150_000)), other];
    let cases = run(
        &o,
        &[payment(10, "1001", 150_000, "2026-05-03T14:10:00-05:00")],
    );
    assert_eq!(case_of_line(&cases, 10).rule, "ambiguous_key");
    for id in [1, 2] {
        let text = &case_of_order(&cases, id).explanation.to_string();
        assert!(
            text.ends_with(
                "Settlement line T-648-10 quotes keys that name this order and other orders \
                 too, so it was left in its own case."
            ),
            "{text}"
        );
    }
}

#[test]
fn two_orders_with_one_case_key_get_distinct_keys() {
    let cases = run(&[order(1, "1001", 1), order(2, "1001", 1)], &[]);
    let keys: Vec<&str> = cases.iter().map(|c| c.key.as_str()).collect();
    assert_eq!(keys, vec!["order:shopify:1001:1", "order:shopify:1001:2"]);
}

#[test]
fn statuses_spell_as_the_export_contract() {
    for s in CaseStatus::ALL {
        assert_eq!(CaseStatus::parse(s.as_str()), Some(s));
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            format!("\"{}\"", s.as_str()),
            "serde and as_str agree"
        );
    }
    assert_eq!(CaseStatus::PaidShopPending.as_str(), "paid_shop_pending");
}

#[test]
fn one_edit_apart_is_damerau_distance_one() {
    assert!(one_edit_apart("10023", "10032"), "adjacent swap");
    assert!(one_edit_apart("10023", "10024"), "substitution");
    assert!(one_edit_apart("10023", "1023"), "deletion");
    assert!(one_edit_apart("1023", "10023"), "insertion");
    assert!(
        !one_edit_apart("10023", "10023"),
        "equal is an exact match, not an edit"
    );
    assert!(!one_edit_apart("10023", "32001"));
    assert!(!one_edit_apart("12345", "13254"), "two swaps are two edits");
    assert!(one_edit_apart("pedidoñ1", "pedidoñ2"));
}

// Properties over small random worlds with many shared and near keys.

fn arb_order() -> impl Strategy<Value = ShopOrder> {
    (
        prop::sample::select(vec!["1001", "1002", "1010", "0123", "123", "#1001"]),
        prop::option::of(prop::sample::select(vec!["P-1", "p-1", "1002", "X9"])),
        prop::sample::select(vec![100_000i64, 150_000]),
        prop::sample::select(vec![OrderStatus::Paid, OrderStatus::Pending]),
        prop::sample::select(vec!["shopify", "vtex"]),
        0i64..200,
    )
        .prop_map(|(name, reference, total, status, platform, hours)| {
            let mut o = order(0, name, total).order;
            o.order_name = Some(name.to_string());
            o.shop_order_id = None;
            o.payment_reference = reference.map(str::to_string);
            o.financial_status = status;
            o.platform = platform.to_string();
            o.created_at = Some(at("2026-05-01T10:00:00-05:00").pipe_hours(hours));
            o
        })
}

fn arb_line() -> impl Strategy<Value = SettlementLine> {
    (
        prop::sample::select(vec![
            "1001", "1002", "1010", "0123", "123", "1100", "P-1", "zz",
        ]),
        prop::sample::select(vec![
            RowType::Payment,
            RowType::Payment,
            RowType::Refund,
            RowType::Chargeback,
            RowType::ChargebackReversal,
            RowType::Fee,
        ]),
        prop::sample::select(vec![PaymentStatus::Paid, PaymentStatus::Pending]),
        prop::sample::select(vec![100_000i64, 150_000, 140_000]),
        0i64..200,
        prop::option::of(0u8..4),
    )
        .prop_map(|(reference, row_type, status, amount, hours, txn)| {
            let mut l = payment(0, reference, amount, "2026-05-01T10:00:00-05:00").line;
            l.row_type = row_type;
            l.status = status;
            l.psp_txn_id = txn.map(|t| format!("T-{t}"));
            l.approved_at = Some(at("2026-05-01T10:00:00-05:00").pipe_hours(hours));
            l
        })
}

trait PipeHours {
    fn pipe_hours(self, hours: i64) -> Moment;
}

impl PipeHours for Moment {
    fn pipe_hours(self, hours: i64) -> Moment {
        match self {
            Moment::Instant(dt) => Moment::Instant(dt + chrono::TimeDelta::hours(hours)),
            d => d,
        }
    }
}

fn world() -> impl Strategy<Value = (Vec<OrderIn>, Vec<LineIn>, u64)> {
    (
        prop::collection::vec(arb_order(), 0..12),
        prop::collection::vec(arb_line(), 0..16),
        any::<u64>(),
    )
        .prop_map(|(orders, lines, seed)| {
            let orders = orders
                .into_iter()
                .enumerate()
                .map(|(i, order)| OrderIn {
                    id: i as i64 + 1,
                    order,
                })
                .collect();
            let lines = lines
                .into_iter()
                .enumerate()
                .map(|(i, line)| LineIn {
                    id: i as i64 + 100,
                    line,
                })
                .collect();
            (orders, lines, seed)
        })
}

fn shuffle<T>(items: &mut [T], mut seed: u64) {
    for i in (1..items.len()).rev() {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        items.swap(i, (seed % (i as u64 + 1)) as usize);
    }
}

proptest! {
    #[test]
    fn every_order_and_line_sits_in_exactly_one_case((orders, lines, _) in world()) {
        let cases = reconcile(&orders, &lines, &ReconSettings::default(), utc(AS_OF));
        for o in &orders {
            let n = cases.iter().filter(|c| c.order_id == Some(o.id)).count();
            prop_assert_eq!(n, 1, "order {} must be in exactly one case", o.id);
        }
        for l in &lines {
            let n = cases.iter().filter(|c| c.line_ids.contains(&l.id)).count();
            prop_assert_eq!(n, 1, "line {} must be in exactly one case", l.id);
        }
        let mut keys: Vec<&str> = cases.iter().map(|c| c.key.as_str()).collect();
        let sorted = keys.clone();
        keys.sort_unstable();
        prop_assert_eq!(&keys, &sorted, "cases come sorted by key");
        keys.dedup();
        prop_assert_eq!(keys.len(), cases.len(), "case keys are unique");
        for c in &cases {
            prop_assert!(!c.explanation.to_string().is_empty(), "every case explains itself");
            prop_assert_eq!(c.order_id.is_some(), c.status.is_order_case());
        }
    }

    #[test]
    fn shuffled_inputs_give_identical_cases((orders, lines, seed) in world()) {
        let settings = ReconSettings::default();
        let before = reconcile(&orders, &lines, &settings, utc(AS_OF));
        let (mut o2, mut l2) = (orders.clone(), lines.clone());
        shuffle(&mut o2, seed | 1);
        shuffle(&mut l2, seed.rotate_left(17) | 1);
        let after = reconcile(&o2, &l2, &settings, utc(AS_OF));
        prop_assert_eq!(before, after, "the input order must not change any case");
    }

    #[test]
    fn keys_that_share_a_hash_never_match_each_other((orders, lines, _seed) in world()) {
        // Two bits of hash: nearly every pair of keys collides, in the order index (its exact
        // map) and in the suggestion search. Each hit is checked against the key itself, so the
        // cases must be those of full-width hashes, on any number of threads.
        let settings = ReconSettings::default();
        let full = reconcile(&orders, &lines, &settings, utc(AS_OF));
        // Two bits: every key in a handful of hashes, all in one shard; then a bit above 32
        // too, so that several threads build shards that are each full of shared hashes.
        for (mask, threads) in [(0b11u64, 1), (0b11, 3), ((1u64 << 32) | 0b1, 2), ((1u64 << 32) | 0b1, 5)] {
            let narrow = super::keys::with_hash_mask(mask, || {
                super::par::with_threads(threads, || {
                    reconcile(&orders, &lines, &settings, utc(AS_OF))
                })
            });
            prop_assert_eq!(
                &full,
                &narrow,
                "a shared hash must not link or suggest anything (mask {:#x}, {} threads)",
                mask,
                threads
            );
        }
    }

    #[test]
    fn building_ahead_for_a_busy_sink_hands_over_the_same_cases((orders, lines, _seed) in world()) {
        // What a stored run uses: rows mapped on the building threads, the next block built
        // while the sink takes the last. Forced threads run that path on small inputs.
        let settings = ReconSettings::default();
        let inputs = Inputs::from_parts(&orders, &lines);
        let plain = reconcile(&orders, &lines, &settings, utc(AS_OF));
        for n in [1, 2, 3] {
            let mut mapped = Vec::new();
            let done: Result<(), ()> = super::par::with_threads(n, || {
                super::reconcile_map_each(
                    &inputs,
                    &settings,
                    utc(AS_OF),
                    &Manual::default(),
                    |c| (c.key.clone(), c),
                    |(key, c)| {
                        assert_eq!(key, c.key);
                        mapped.push(c);
                        Ok(())
                    },
                )
            });
            prop_assert!(done.is_ok());
            prop_assert_eq!(&plain, &mapped, "{} threads", n);
        }
    }

    #[test]
    fn any_number_of_threads_gives_identical_cases((orders, lines, _seed) in world()) {
        // Large inputs are indexed, linked, searched and built on every core; forcing the
        // thread count on small ones runs those paths (shards, pieces, blocks) here.
        let settings = ReconSettings::default();
        let one = super::par::with_threads(1, || reconcile(&orders, &lines, &settings, utc(AS_OF)));
        for n in [2, 3, 5] {
            let many =
                super::par::with_threads(n, || reconcile(&orders, &lines, &settings, utc(AS_OF)));
            prop_assert_eq!(&one, &many, "{} threads must decide as one does", n);
        }
    }
}
