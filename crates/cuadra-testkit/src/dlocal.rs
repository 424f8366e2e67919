//! Owns the dLocal "Settlement - Cross-border Payins" generator: Colombian Efecty (`EY`,
//! `TICKET`) payments settled in USD, with refunds, chargebacks, adjustments and the closing
//! `SETTLEMENT_FEE` row, laid out exactly like dLocal's file (summary block padded to the
//! transaction block's 25 columns, amounts with up to 6 decimals and trailing zeros trimmed).
//!
//! Rows come from the orders of [`crate::order`]: the payment for order `n` has
//! `TRANSACTION_ID = <order_prefix>n`, `LOCAL_AMOUNT` = that order's Shopify `Total`, and its
//! `DLOCAL_TRANSACTION_ID` is the order's Shopify `Payment ID`. Rows are sorted by
//! `APPROVED_DATE` (a small heap holds the payments confirmed later than the next checkout,
//! so memory stays constant). The summary comes first, so [`write_dlocal_settlement`] runs the
//! generator twice from the same seed: once to total, once to write.
//!
//! Dates are written in UTC, as the one public production parser of these files reads them
//! (wikimedia-fundraising-SmashPig, `Core/UtcDate.php` used by `PaymentProviders/dlocal/Audit/
//! SettlementFileParser.php`); the plan's Bogotá wall-clock times are shifted by five hours.
//! Assumptions (UNVERIFIED in public sources, fine for fixtures): `NUMBER_OF_ITEMS` counts every
//! transaction row including `SETTLEMENT_FEE`; totals round half away from zero; refunds,
//! chargebacks and their reversals carry no status (no public sample shows one), chargebacks
//! ids `C-648-...`; refunds keep the fee (FEE_AMOUNT 0).

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::io::{self, Write};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::catalog::{ADJUSTMENT_CREDITS, ADJUSTMENT_DEBITS};
use crate::csvw::CsvOut;
use crate::order::{
    buyer_document, unique_id, OrderClock, DEFAULT_FIRST_ORDER_NUMBER, SALT_DLOCAL,
    SALT_ID_ADJUSTMENT, SALT_ID_CHARGEBACK, SALT_ID_PAYMENT, SALT_ID_REFUND,
};
use crate::rng::{stream_key, Rng};
use crate::{days_since_epoch, GenSummary, SpreadSpec};

/// Line 1 of the file, before padding.
pub const DLOCAL_SUMMARY_HEADER: &str =
    "ROW_TYPE,SETTLEMENT_CURRENCY,NUMBER_OF_ITEMS,GROSS_TOTAL_AMOUNT,FEE_TOTAL_AMOUNT,NET_TOTAL_AMOUNT,TRANSFER_DATE,TRANSFER_ID";

/// Line 3 of the file: the transaction block's header (25 columns).
pub const DLOCAL_TRANSACTION_HEADER: &str = "ROW_TYPE,MID,LOGIN,COUNTRY,CREATION_DATE,APPROVED_DATE,TRANSACTION_ID,DLOCAL_TRANSACTION_ID,LOCAL_AMOUNT,LOCAL_CURRENCY,FX_RATE,GROSS_AMOUNT,FEE_AMOUNT,NET_AMOUNT,PAYMENT_TYPE,PAYMENT_METHOD_CODE,CARD_BIN,CARD_TYPE,INSTALLMENTS,STATUS,STATUS_CODE,STATUS_DETAILS,USER_DOCUMENT,USER_EMAIL,DESCRIPTION";

/// Bogotá is UTC-05:00 all year (no daylight saving since 1993): wall-clock seconds + 5 h.
const BOGOTA_TO_UTC: i64 = 5 * 3600;

/// Columns of the transaction block; the summary lines are padded to this width.
pub const DLOCAL_COLUMNS: usize = 25;
const SUMMARY_COLUMNS: usize = 8;

/// What to generate.
#[derive(Clone, Debug)]
pub struct DlocalSpec {
    pub seed: u64,
    /// Transaction rows (the last one is the `SETTLEMENT_FEE` row).
    pub lines: usize,
    pub transfer_id: String,
    /// Day of the first checkout (orders start at 07:00 that day).
    pub start: NaiveDate,
    /// Prepended to the order number in `TRANSACTION_ID`: `""` gives `1001` for Shopify's `#1001`.
    pub order_prefix: String,
}

impl Default for DlocalSpec {
    fn default() -> Self {
        DlocalSpec {
            seed: 1,
            lines: 1000,
            transfer_id: "642926".to_string(),
            start: crate::default_start(),
            order_prefix: String::new(),
        }
    }
}

const MID: &[u8] = b"648";
const MICRO: i64 = 1_000_000;
const FX_MIN: i64 = 3_900 * MICRO;
const FX_MAX: i64 = 4_200 * MICRO;
/// One adjustment row per this many rows, on average.
const ADJUSTMENT_ONE_IN: u64 = 2_000;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum EventKind {
    Payment,
    Refund,
    Chargeback,
}

/// A PSP event waiting for its time; ordered by (time, seq) so the heap pops in time order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Event {
    time: i64,
    seq: u64,
    kind: EventKind,
    order: u64,
    created: i64,
    pesos: i64,
    buyer: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Payment,
    Refund,
    Chargeback,
    ChargebackReversal,
    /// `text` indexes [`ADJUSTMENT_CREDITS`] or [`ADJUSTMENT_DEBITS`].
    Adjustment {
        credit: bool,
        text: usize,
    },
    SettlementFee,
}

/// One transaction row, amounts in micro-units (6 decimals) except `local` (whole pesos).
/// Times are Bogotá wall-clock seconds since 1970-01-01; `id` is the numeric part of
/// `DLOCAL_TRANSACTION_ID` (base 36 after `T-648-`, `R-648-`, `C-648-`; decimal for adjustments).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Row {
    pub kind: Kind,
    pub created: i64,
    pub approved: i64,
    pub order: u64,
    pub id: u64,
    pub local: i64,
    pub fx: i64,
    pub gross: i64,
    pub fee: i64,
    pub net: i64,
    pub buyer: u64,
    /// A STATUS word to write instead of the kind's own (scenarios plant unknown ones).
    pub status: Option<&'static str>,
}

/// The row source: deterministic for a spec, constant memory.
struct Generator {
    seed: u64,
    lines: usize,
    emitted: usize,
    clock: OrderClock,
    /// Creation time of the last order taken from the clock: every event at or before it is final.
    horizon: i64,
    heap: BinaryHeap<Reverse<Event>>,
    seq: u64,
    rng: Rng,
    fx: i64,
    fx_day: i64,
    adjustments: u64,
    last_time: i64,
    /// Orders the clock may still give (`None`: endless, as [`write_dlocal_settlement`] reads it).
    orders_left: Option<usize>,
}

impl Generator {
    fn new(spec: &DlocalSpec) -> Self {
        let start_days = days_since_epoch(spec.start);
        let clock = OrderClock::new(spec.seed, DEFAULT_FIRST_ORDER_NUMBER, start_days);
        Generator::with_clock(spec.seed, spec.lines, start_days, clock, None)
    }

    /// The rows of a [`SpreadSpec`]'s orders, without a row budget: the rows end when every
    /// event of its orders has been written.
    fn spread(spec: &SpreadSpec) -> Self {
        let start_days = days_since_epoch(spec.start);
        Generator::with_clock(
            spec.seed,
            usize::MAX,
            start_days,
            spec.clock(),
            Some(spec.orders),
        )
    }

    fn with_clock(
        seed: u64,
        lines: usize,
        start_days: i64,
        clock: OrderClock,
        orders_left: Option<usize>,
    ) -> Self {
        let mut rng = Rng::new(stream_key(seed, SALT_DLOCAL, 0));
        let fx = rng.range(3_950 * MICRO as u64, 4_150 * MICRO as u64) as i64;
        Generator {
            seed,
            lines,
            emitted: 0,
            clock,
            horizon: i64::MIN,
            heap: BinaryHeap::with_capacity(16 * 1024),
            seq: 0,
            rng,
            fx,
            fx_day: start_days,
            adjustments: 0,
            last_time: start_days * 86_400,
            orders_left,
        }
    }

    fn push(
        &mut self,
        time: i64,
        kind: EventKind,
        order: u64,
        created: i64,
        pesos: i64,
        buyer: u64,
    ) {
        self.seq += 1;
        self.heap.push(Reverse(Event {
            time,
            seq: self.seq,
            kind,
            order,
            created,
            pesos,
            buyer,
        }));
    }

    /// Takes the next checkout from the clock and schedules what the PSP will see of it.
    fn advance(&mut self) {
        if let Some(left) = &mut self.orders_left {
            if *left == 0 {
                // No order comes after the last one: every scheduled event is final.
                self.horizon = i64::MAX;
                return;
            }
            *left -= 1;
        }
        let f = self.clock.next_order();
        self.horizon = f.created;
        if !f.psp_paid {
            return;
        }
        self.push(
            f.paid_at,
            EventKind::Payment,
            f.number,
            f.created,
            f.total,
            f.buyer,
        );
        if f.refund > 0 {
            let requested = f.refund_at - self.rng.range(60, 3600) as i64;
            self.push(
                f.refund_at,
                EventKind::Refund,
                f.number,
                requested,
                f.refund,
                f.buyer,
            );
        }
        if f.chargeback {
            self.push(
                f.chargeback_at,
                EventKind::Chargeback,
                f.number,
                f.chargeback_at,
                f.total,
                f.buyer,
            );
        }
    }

    /// Today's rate with a little intraday jitter; the daily rate random-walks within 3900-4200.
    fn fx_at(&mut self, time: i64) -> i64 {
        let day = time.div_euclid(86_400);
        while self.fx_day < day {
            self.fx_day += 1;
            let step = self.rng.below(40 * MICRO as u64 + 1) as i64 - 20 * MICRO;
            self.fx = reflect(self.fx + step, FX_MIN + 5 * MICRO, FX_MAX - 5 * MICRO);
        }
        reflect(
            self.fx + self.rng.below(2 * MICRO as u64 + 1) as i64 - MICRO,
            FX_MIN,
            FX_MAX,
        )
    }

    fn next_row(&mut self) -> Option<Row> {
        if self.emitted >= self.lines {
            return None;
        }
        self.emitted += 1;
        if self.emitted == self.lines {
            let fee = -(self.rng.range(20, 80) as i64) * MICRO;
            let t = self.last_time;
            return Some(Row {
                kind: Kind::SettlementFee,
                created: t,
                approved: t,
                order: 0,
                id: 0,
                local: 0,
                fx: 0,
                gross: 0,
                fee,
                net: fee,
                buyer: 0,
                status: None,
            });
        }
        let time = loop {
            match self.heap.peek() {
                Some(Reverse(e)) if e.time <= self.horizon => break e.time,
                None if self.horizon == i64::MAX => return None,
                _ => self.advance(),
            }
        };
        self.last_time = time;
        if self.rng.below(ADJUSTMENT_ONE_IN) == 0 {
            self.adjustments += 1;
            let credit = self.rng.chance(200);
            let text = if credit {
                self.rng.below(ADJUSTMENT_CREDITS.len() as u64)
            } else {
                self.rng.below(ADJUSTMENT_DEBITS.len() as u64)
            } as usize;
            let cents = self.rng.range(50, 2_000) as i64;
            let gross = if credit { cents } else { -cents } * 10_000;
            return Some(Row {
                kind: Kind::Adjustment { credit, text },
                created: time,
                approved: time,
                order: 0,
                id: 800_000_000 + unique_id(self.seed, SALT_ID_ADJUSTMENT, self.adjustments, 27),
                local: 0,
                fx: 0,
                gross,
                fee: 0,
                net: gross,
                buyer: 0,
                status: None,
            });
        }
        let Reverse(e) = self.heap.pop()?;
        let fx = self.fx_at(time);
        let (kind, salt, local) = match e.kind {
            EventKind::Payment => (Kind::Payment, SALT_ID_PAYMENT, e.pesos),
            EventKind::Refund => (Kind::Refund, SALT_ID_REFUND, -e.pesos),
            EventKind::Chargeback => (Kind::Chargeback, SALT_ID_CHARGEBACK, -e.pesos),
        };
        // |local| <= 3e6, so local * 1e12 <= 3e18 fits in an i64.
        let gross = div_round(local * MICRO * MICRO, fx);
        let fee = match kind {
            // ~3.5% plus 0.10 USD per payment.
            Kind::Payment => -(div_round(gross * 35, 1000) + MICRO / 10),
            // A fixed chargeback fee.
            Kind::Chargeback => -5 * MICRO,
            _ => 0,
        };
        Some(Row {
            kind,
            created: e.created,
            approved: time,
            order: e.order,
            id: unique_id(self.seed, salt, e.order, 40),
            local,
            fx,
            gross,
            fee,
            net: gross + fee,
            buyer: e.buyer,
            status: None,
        })
    }
}

fn reflect(v: i64, lo: i64, hi: i64) -> i64 {
    if v < lo {
        (2 * lo - v).min(hi)
    } else if v > hi {
        (2 * hi - v).max(lo)
    } else {
        v
    }
}

/// `n / d` rounded half away from zero (`d > 0`).
pub(crate) fn div_round(n: i64, d: i64) -> i64 {
    if n >= 0 {
        (n + d / 2) / d
    } else {
        -((-n + d / 2) / d)
    }
}

/// Totals of one pass over the rows.
#[derive(Default)]
struct Totals {
    rows: usize,
    gross: i64,
    fee: i64,
    net: i64,
    last_time: Option<i64>,
}

impl Totals {
    fn add(&mut self, row: &Row) {
        self.rows += 1;
        self.gross += row.gross;
        self.fee += row.fee;
        self.net += row.net;
        if row.kind != Kind::SettlementFee {
            self.last_time = Some(row.approved);
        }
    }
}

/// Micro-units to cents, half away from zero: how the summary rounds.
fn to_cents(micro: i64) -> i64 {
    div_round(micro, 10_000)
}

/// Writes a whole settlement file to `out` and returns what it wrote. The summary's
/// `NUMBER_OF_ITEMS` is `spec.lines`; the returned totals are the summary's (2 decimals).
pub fn write_dlocal_settlement<W: Write>(spec: &DlocalSpec, out: W) -> io::Result<GenSummary> {
    let mut totals = Totals::default();
    let mut first = Generator::new(spec);
    while let Some(row) = first.next_row() {
        totals.add(&row);
    }

    let mut w = CsvOut::new(out);
    let start_days = days_since_epoch(spec.start);
    let transfer_day = totals
        .last_time
        .map_or(start_days, |t| t.div_euclid(86_400) + 1);
    let (gross, fee, net) = write_preamble(&mut w, &totals, transfer_day, &spec.transfer_id)?;

    let mut g = Generator::new(spec);
    let login = login(spec.seed);
    let mut txn = String::with_capacity(spec.order_prefix.len() + 20);
    let mut written = 0usize;
    while let Some(row) = g.next_row() {
        txn.clear();
        if matches!(row.kind, Kind::Payment | Kind::Refund | Kind::Chargeback) {
            txn.push_str(&spec.order_prefix);
            push_decimal(&mut txn, row.order);
        }
        write_row(&mut w, &row, &txn, &spec.transfer_id, spec.seed, &login);
        let fields = w.end_row()?;
        debug_assert_eq!(fields, DLOCAL_COLUMNS);
        written += 1;
    }
    debug_assert_eq!(written, totals.rows);
    let bytes = w.finish()?;
    Ok(GenSummary {
        rows: written,
        bytes,
        gross_total: Decimal::new(gross, 2),
        fee_total: Decimal::new(fee, 2),
        net_total: Decimal::new(net, 2),
    })
}

/// Writes the settlement of a [`SpreadSpec`]'s orders as consecutive batches, one file per
/// entry of `transfer_ids`: batch `k` (from 0) holds the rows approved on days
/// `k * batch_days + 1 ..= (k + 1) * batch_days` of the span (Bogotá days; day 1 is
/// `spec.start`), then its own `SETTLEMENT_FEE` row; its `TRANSFER_ID` is `transfer_ids[k]` and
/// its `TRANSFER_DATE` the day after its last day. `open(k)` gives batch `k`'s writer; batches
/// are written in order, each once. Rows approved after the last batch are not written (paid
/// too late for the span). Payments, refunds and chargebacks pair with
/// [`crate::write_shopify_orders_spread`] of the same spec, as in [`write_dlocal_settlement`].
pub fn write_dlocal_batches<W: Write>(
    spec: &SpreadSpec,
    batch_days: u32,
    transfer_ids: &[String],
    mut open: impl FnMut(usize) -> io::Result<W>,
) -> io::Result<Vec<GenSummary>> {
    let n = transfer_ids.len();
    let start_days = days_since_epoch(spec.start);
    let batch_days = i64::from(batch_days.max(1));
    let batch_of = |t: i64| (t.div_euclid(86_400) - start_days).max(0) / batch_days;
    let in_batch = |row: &Row| usize::try_from(batch_of(row.approved)).unwrap_or(usize::MAX);

    // First pass: each batch's totals (the summary comes before the rows), fee row included.
    let mut totals: Vec<Totals> = (0..n).map(|_| Totals::default()).collect();
    let mut g = Generator::spread(spec);
    while let Some(row) = g.next_row() {
        match totals.get_mut(in_batch(&row)) {
            Some(t) => t.add(&row),
            None => break,
        }
    }
    let fees: Vec<Row> = (0..n)
        .map(|k| {
            let mut r = Rng::new(stream_key(spec.seed, SALT_DLOCAL, 1_000 + k as u64));
            let fee = -(r.range(20, 80) as i64) * MICRO;
            let t = totals[k]
                .last_time
                .unwrap_or((start_days + k as i64 * batch_days) * 86_400);
            Row {
                kind: Kind::SettlementFee,
                created: t,
                approved: t,
                order: 0,
                id: 0,
                local: 0,
                fx: 0,
                gross: 0,
                fee,
                net: fee,
                buyer: 0,
                status: None,
            }
        })
        .collect();
    for (t, fee) in totals.iter_mut().zip(&fees) {
        t.add(fee);
    }

    // Second pass: the same rows, written batch by batch.
    let mut g = Generator::spread(spec);
    let login = login(spec.seed);
    let mut next = g.next_row();
    let mut txn = String::with_capacity(20);
    let mut out = Vec::with_capacity(n);
    for (k, transfer_id) in transfer_ids.iter().enumerate() {
        let mut w = CsvOut::new(open(k)?);
        let transfer_day = start_days + (k as i64 + 1) * batch_days;
        let (gross, fee, net) = write_preamble(&mut w, &totals[k], transfer_day, transfer_id)?;
        let mut written = 0usize;
        while let Some(row) = next.filter(|r| in_batch(r) == k) {
            txn.clear();
            if matches!(row.kind, Kind::Payment | Kind::Refund | Kind::Chargeback) {
                push_decimal(&mut txn, row.order);
            }
            write_row(&mut w, &row, &txn, transfer_id, spec.seed, &login);
            w.end_row()?;
            written += 1;
            next = g.next_row();
        }
        write_row(&mut w, &fees[k], "", transfer_id, spec.seed, &login);
        w.end_row()?;
        written += 1;
        debug_assert_eq!(written, totals[k].rows);
        let bytes = w.finish()?;
        out.push(GenSummary {
            rows: written,
            bytes,
            gross_total: Decimal::new(gross, 2),
            fee_total: Decimal::new(fee, 2),
            net_total: Decimal::new(net, 2),
        });
    }
    Ok(out)
}

/// Writes a settlement file of given rows, each with its `TRANSACTION_ID` text, in the order
/// given (a scenario's rows; the `SETTLEMENT_FEE` row, if any, should come last).
/// `transfer_day` is the `TRANSFER_DATE` in days since 1970-01-01. The summary also counts
/// the `unlisted` rows (items and totals), which are not written: a batch with rows missing.
pub(crate) fn write_dlocal_rows<W: Write>(
    out: W,
    seed: u64,
    transfer_id: &str,
    transfer_day: i64,
    rows: &[(Row, String)],
    unlisted: &[Row],
) -> io::Result<GenSummary> {
    let mut totals = Totals::default();
    for row in rows.iter().map(|(row, _)| row).chain(unlisted) {
        totals.add(row);
    }
    let mut w = CsvOut::new(out);
    let (gross, fee, net) = write_preamble(&mut w, &totals, transfer_day, transfer_id)?;
    let login = login(seed);
    for (row, merchant_ref) in rows {
        write_row(&mut w, row, merchant_ref, transfer_id, seed, &login);
        let fields = w.end_row()?;
        debug_assert_eq!(fields, DLOCAL_COLUMNS);
    }
    let bytes = w.finish()?;
    Ok(GenSummary {
        rows: rows.len(),
        bytes,
        gross_total: Decimal::new(gross, 2),
        fee_total: Decimal::new(fee, 2),
        net_total: Decimal::new(net, 2),
    })
}

/// The summary block (padded to the transaction block's width) and the transaction header;
/// returns the summary's gross, fee and net totals in cents.
fn write_preamble<W: Write>(
    w: &mut CsvOut<W>,
    totals: &Totals,
    transfer_day: i64,
    transfer_id: &str,
) -> io::Result<(i64, i64, i64)> {
    let pad = DLOCAL_COLUMNS - SUMMARY_COLUMNS;
    for h in DLOCAL_SUMMARY_HEADER.split(',') {
        w.text(h);
    }
    w.empty(pad);
    w.end_row()?;
    let (gross, fee, net) = (
        to_cents(totals.gross),
        to_cents(totals.fee),
        to_cents(totals.net),
    );
    w.text("HEADER");
    w.text("USD");
    w.uint(totals.rows as u64);
    w.fixed(gross, 2);
    w.fixed(fee, 2);
    w.fixed(net, 2);
    w.start();
    w.put_date(transfer_day);
    w.text(transfer_id);
    w.empty(pad);
    w.end_row()?;
    for h in DLOCAL_TRANSACTION_HEADER.split(',') {
        w.text(h);
    }
    w.end_row()?;
    Ok((gross, fee, net))
}

/// The merchant's dLocal login shown on every row, fixed by the seed.
fn login(seed: u64) -> [u8; 10] {
    let mut login = [0u8; 10];
    let mut lr = Rng::new(stream_key(seed, SALT_DLOCAL, 1));
    for b in &mut login {
        *b = *lr.pick(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    }
    login
}

fn write_row<W: Write>(
    w: &mut CsvOut<W>,
    row: &Row,
    merchant_ref: &str,
    transfer_id: &str,
    seed: u64,
    login: &[u8],
) {
    match row.kind {
        Kind::SettlementFee => {
            w.text("SETTLEMENT_FEE");
            w.start();
            w.put(MID);
            w.empty(5);
            w.text(transfer_id);
            w.uint(0);
            w.empty(1);
            w.uint(0);
            w.fixed(row.gross, 6);
            w.fixed(row.fee, 6);
            w.fixed(row.net, 6);
            w.empty(11);
        }
        Kind::Adjustment { credit, text } => {
            w.text("ADJUSTMENT");
            w.start();
            w.put(MID);
            w.start();
            w.put(login);
            w.empty(1);
            w.start();
            w.put_datetime(row.created + BOGOTA_TO_UTC);
            w.start();
            w.put_datetime(row.approved + BOGOTA_TO_UTC);
            w.text(merchant_ref);
            w.uint(row.id);
            w.uint(0);
            w.empty(1);
            w.uint(0);
            w.fixed(row.gross, 6);
            w.fixed(row.fee, 6);
            w.fixed(row.net, 6);
            w.text(if credit { "CREDIT NOTE" } else { "DEBIT NOTE" });
            w.empty(9);
            w.text(if credit {
                ADJUSTMENT_CREDITS[text]
            } else {
                ADJUSTMENT_DEBITS[text]
            });
        }
        Kind::Payment | Kind::Refund | Kind::Chargeback | Kind::ChargebackReversal => {
            let (name, id_prefix, status, code, details, description): (_, &[u8], _, &[u8], _, _) =
                match row.kind {
                    Kind::Payment => (
                        "PAYMENT",
                        b"T-648-",
                        "PAID",
                        b"200",
                        "The payment was paid.",
                        "Compra en línea",
                    ),
                    Kind::Refund => ("REFUND", b"R-648-", "", b"", "", "Devolución"),
                    Kind::ChargebackReversal => (
                        "CHARGEBACK_REVERSAL",
                        b"C-648-",
                        "",
                        b"",
                        "",
                        "Reversión de contracargo",
                    ),
                    _ => ("CHARGEBACK", b"C-648-", "", b"", "", "Contracargo"),
                };
            let (status, code, details) = match row.status {
                Some(word) => (word, &b""[..], ""),
                None => (status, code, details),
            };
            w.text(name);
            w.start();
            w.put(MID);
            w.start();
            w.put(login);
            w.text("Colombia");
            w.start();
            w.put_datetime(row.created + BOGOTA_TO_UTC);
            w.start();
            w.put_datetime(row.approved + BOGOTA_TO_UTC);
            w.text(merchant_ref);
            w.start();
            w.put(id_prefix);
            w.put_base36(row.id);
            w.fixed(row.local, 0);
            w.text("COP");
            w.fixed(row.fx, 6);
            w.fixed(row.gross, 6);
            w.fixed(row.fee, 6);
            w.fixed(row.net, 6);
            w.text("TICKET");
            w.text("EY");
            w.empty(2);
            w.uint(0);
            w.text(status);
            w.start();
            w.put(code);
            w.text(details);
            let (doc, width) = buyer_document(seed, row.buyer);
            w.start();
            w.put_u64_padded(doc, width);
            w.start();
            w.put(b"buyer");
            w.put_u64(row.buyer);
            w.put(b"@example.com");
            w.text(description);
        }
    }
}

fn push_decimal(s: &mut String, mut v: u64) {
    let mut tmp = [0u8; 20];
    let mut i = tmp.len();
    loop {
        i -= 1;
        tmp[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    for &b in &tmp[i..] {
        s.push(char::from(b));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_sorted_and_amounts_consistent() {
        let spec = DlocalSpec {
            lines: 20_000,
            ..DlocalSpec::default()
        };
        let mut g = Generator::new(&spec);
        let mut last = i64::MIN;
        let mut refunds = 0;
        let mut n = 0;
        while let Some(r) = g.next_row() {
            n += 1;
            if r.kind != Kind::SettlementFee {
                assert!(r.approved >= last);
                last = r.approved;
            }
            assert_eq!(r.net, r.gross + r.fee);
            if r.kind == Kind::Payment {
                assert!((20_000..=3_000_000).contains(&r.local));
                assert!((FX_MIN..=FX_MAX).contains(&r.fx));
                assert!(r.fee < 0);
            }
            if r.kind == Kind::Refund {
                refunds += 1;
            }
        }
        assert_eq!(n, 20_000);
        assert!((100..=300).contains(&refunds), "{refunds} refunds");
    }
}
