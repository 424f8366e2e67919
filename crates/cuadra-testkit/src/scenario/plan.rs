//! A scenario as plain facts, before any file layout: orders (their cart, their shop status,
//! their `Payment ID`, the status they must get) and settlement lines (their kind, the reference
//! they quote, amount and time), plus the planner's building blocks (time, ids, carts) and the
//! numbering of orders. The planted situations themselves are in `plants.rs`.
//!
//! Nothing planted may be decided by accident: every order that has no payment of its own (and
//! could therefore be offered a near-miss payment) gets a total no other such order has, and
//! every payment without an order gets an amount no such order has, so the only suggestions
//! possible are the planted ones. Order numbers are given in creation order with the gaps a
//! filtered export has (card orders are not in it), and a swapped-digit reference never names
//! an exported order.
//!
//! Times are Bogotá wall-clock seconds since 1970-01-01, like [`crate::order`]'s. Timeline:
//! orders from day 0 (2026-05-01), settled money up to day 14 (two weekly dLocal batches and
//! dLocal's older report, or Mercado Pago settlement reports of settlement days 0-11 and 9-17
//! and the release report of days 0-17), as-of at day 21, 20:30.

use std::collections::HashSet;

use crate::catalog::PRODUCTS;
use crate::order::{unique_id, FinancialStatus, Item, OrderFacts};
use crate::rng::{stream_key, Rng};

use super::{ScenarioPsp, ScenarioSpec};

pub(super) const MIN: i64 = 60;
pub(super) const HOUR: i64 = 3600;
pub(super) const DAY: i64 = 86_400;
pub(super) const MICRO: i64 = 1_000_000;

const SALT_SCENARIO: u64 = 0x5343_454E; // "SCEN"
const SALT_PAY: u64 = 0x5343_0001;
pub(super) const SALT_REFUND: u64 = 0x5343_0002;
const SALT_CHARGEBACK: u64 = 0x5343_0003;
pub(super) const SALT_ADJUSTMENT: u64 = 0x5343_0004;
const SALT_MP_ORDER: u64 = 0x5343_0005;
pub(super) const SALT_MP_WITHDRAWAL: u64 = 0x5343_0006;

/// The dLocal scenario's amount tolerance, in pesos. Every total is a multiple of 100, so two
/// different totals are never within it of each other.
pub(super) const TOLERANCE_COP: i64 = 50;

/// Buyers are drawn from this pool, as in [`crate::order`].
pub(super) const BUYER_POOL: u64 = 20_000;

/// What the Shopify export shows as the order's `Payment ID`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum PayId {
    /// Nothing: the PSP's notification never reached the shop.
    Blank,
    /// The PSP id of this planned line.
    Line(usize),
    /// The same, as an app that upper-cases ids shows it.
    LineUpper(usize),
    /// A PSP id no settlement line carries (a voucher paid, but not settled yet or lost).
    Fresh(u64),
}

/// How an order gets its number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Numbering {
    Plain,
    /// Some adjacent digits of its number, swapped, name no exported order: that is the
    /// reference its payment quotes.
    Swap,
    /// Numbered `n`, its partner `n + 1`, and `n + 2` (one edit from both) is not exported:
    /// that is the reference a payment quotes.
    TieFirst {
        partner: usize,
    },
    TieSecond,
}

pub(super) struct PlannedOrder {
    /// `number` is 0 until [`Planner::number_orders`].
    pub facts: OrderFacts,
    pub payment_id: PayId,
    /// Some(COP per USD): the order is priced in US dollars.
    pub usd_rate: Option<i64>,
    pub expected: &'static str,
    pub plant: &'static str,
    pub numbering: Numbering,
    /// The near-miss reference chosen at numbering (swap or tie).
    pub near_ref: Option<u64>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum LineKind {
    Payment,
    Refund,
    Chargeback,
    /// Mercado Pago only: a buyer's claim opened (`DISPUTE`, "the buyer initiated a complaint
    /// for this payment"): money held while it is open, not a chargeback lost.
    Dispute,
    /// dLocal only.
    ChargebackReversal,
    /// dLocal only; `text` indexes the catalog's adjustment descriptions.
    Adjustment {
        credit: bool,
        text: usize,
    },
    /// dLocal only: the closing row of batch `batch`.
    SettlementFee {
        batch: usize,
    },
    /// Mercado Pago only.
    Withdrawal,
    WithdrawalCancel,
    Payout,
    /// Mercado Pago's release report only: money held for a buyer's claim (`RECORD_TYPE`
    /// `block`, `DESCRIPTION` `dispute`), and given back when the claim is resolved
    /// (`unblock`).
    Block,
    Unblock,
    /// dLocal's older report only: a `Refund processing fee` or `Chargeback processing fee`
    /// row, charged to the merchant.
    ProcessingFee {
        refund: bool,
    },
}

impl LineKind {
    /// The line's row type as Cuadra normalizes it (the answer key's `kind`).
    pub fn answer_kind(self) -> &'static str {
        match self {
            LineKind::Payment => "payment",
            LineKind::Refund => "refund",
            LineKind::Chargeback => "chargeback",
            LineKind::Dispute | LineKind::Block | LineKind::Unblock => "hold",
            LineKind::ChargebackReversal => "chargeback_reversal",
            LineKind::Adjustment { .. } => "adjustment",
            LineKind::SettlementFee { .. } | LineKind::ProcessingFee { .. } => "fee",
            LineKind::Withdrawal | LineKind::WithdrawalCancel | LineKind::Payout => "payout",
        }
    }
}

/// The merchant reference a line quotes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) enum Ref {
    /// The order's number, `3012`.
    Order(usize),
    /// The order's name with its `#`, `#3012`.
    HashOrder(usize),
    /// The order's near-miss reference (see [`Numbering`]).
    NearMiss(usize),
    /// The order's number with a leading zero, `03012`.
    ZeroPadded(usize),
    Text(String),
    Blank,
}

/// Which file lists a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Listing {
    /// Its PSP's usual file: a dLocal cross-border batch (by its time), or the Mercado Pago
    /// reports (by settlement date; the release report too, for a line both record).
    Usual,
    /// dLocal: the older `;` report (`Type;"Creation date";...`) instead of a batch.
    OlderReport,
    /// dLocal: counted in its batch's summary (`NUMBER_OF_ITEMS` and the totals) but missing
    /// from the batch's rows: in no file at all.
    MissingFromBatch,
}

pub(super) struct PlannedLine {
    pub kind: LineKind,
    pub reference: Ref,
    /// The PSP's id (its numeric part for dLocal, all of `Reference` in its older report; a
    /// reversal or hold at Mercado Pago carries its payment's `SOURCE_ID`).
    pub id: u64,
    /// Mercado Pago's merchant order id (`ORDER_ID`), 0 when none.
    pub psp_order: u64,
    /// What the buyer paid (negative for money going back), whole COP.
    pub cop: i64,
    /// dLocal charges: the amount in micro-USD.
    pub usd_micro: i64,
    pub created: i64,
    pub at: i64,
    pub buyer: u64,
    /// The order whose case the line belongs in (its expected status is that order's).
    pub case_of: Option<usize>,
    /// The expected status when `case_of` is None.
    pub expected: &'static str,
    pub plant: &'static str,
    /// dLocal: the row is listed again in the next batch (a re-sent row).
    pub resent: bool,
    /// dLocal: the STATUS word (or, in the older report, the `Status`) written instead of the
    /// row kind's usual one.
    pub status: Option<&'static str>,
    /// Which file lists the line.
    pub listing: Listing,
    /// A refund, chargeback, reversal or hold: the payment line it reverses.
    pub reverses: Option<usize>,
}

pub(super) struct Plan {
    pub psp: ScenarioPsp,
    pub seed: u64,
    pub start: i64,
    pub as_of: i64,
    pub orders: Vec<PlannedOrder>,
    pub lines: Vec<PlannedLine>,
    /// dLocal: the two batches' `TRANSFER_ID`s.
    pub transfer_ids: [u64; 2],
    pub settings: Vec<(String, String)>,
}

/// A cart: line items and the amounts Shopify derives from them (whole pesos).
#[derive(Clone, Copy)]
pub(super) struct Cart {
    pub(super) items: [Item; 3],
    pub(super) n_items: usize,
    pub(super) subtotal: i64,
    pub(super) shipping: i64,
    pub(super) shipping_method: &'static str,
    pub(super) discount: i64,
    pub(super) discount_code: &'static str,
    pub(super) total: i64,
}

pub(super) struct Planner {
    pub(super) plan: Plan,
    pub(super) rng: Rng,
    pub(super) validity: i64,
    pub(super) grace: i64,
    /// Money up to here is in the settlement files.
    pub(super) settled_until: i64,
    /// Orders created by the end of this day can still be paid late (or reversed) in time for
    /// the files.
    pub(super) late_days: i64,
    pub(super) first_number: u64,
    /// Totals of orders without a payment and amounts of payments without an order.
    pub(super) loose_totals: HashSet<i64>,
    pub(super) counter: u64,
}

impl Plan {
    pub fn build(spec: ScenarioSpec) -> Plan {
        let mut p = Planner::new(spec);
        p.plant_all(spec.orders, 3 + spec.orders / 400, spec.known_gaps);
        p.number_orders();
        p.plan
    }
}

impl Planner {
    fn new(spec: ScenarioSpec) -> Planner {
        let mut rng = Rng::new(stream_key(spec.seed, SALT_SCENARIO, spec.psp as u64));
        let start = crate::days_since_epoch(crate::default_start()) * DAY;
        // The dLocal workspace accepts 50 pesos of difference (a clerk rounding at the counter)
        // and keeps the default validity of 72 hours. Mercado Pago vouchers last 3 to 5 days by
        // default: that workspace says 5, as a per-PSP override (its Shopify orders name the
        // PSP as their payment method, `Mercado Pago`).
        let (validity, settings) = match spec.psp {
            ScenarioPsp::Dlocal => (
                72 * HOUR,
                vec![("tolerance".to_string(), TOLERANCE_COP.to_string())],
            ),
            ScenarioPsp::MercadoPagoExcel => (
                120 * HOUR,
                vec![("validity_hours.mercadopago".to_string(), "120".to_string())],
            ),
        };
        let transfer = 640_000 + rng.below(50_000);
        let transfer_ids = [transfer, transfer + 1 + rng.below(40)];
        let first_number = 2001 + rng.below(3000);
        Planner {
            plan: Plan {
                psp: spec.psp,
                seed: spec.seed,
                start,
                // 20:30 in Bogotá is already the next day in UTC.
                as_of: start + 21 * DAY + 20 * HOUR + 30 * MIN,
                orders: Vec::new(),
                lines: Vec::new(),
                transfer_ids,
                settings,
            },
            rng,
            validity,
            grace: 7 * DAY,
            settled_until: start + 14 * DAY,
            late_days: 14 - validity / DAY - 3,
            first_number,
            loose_totals: HashSet::new(),
            counter: 0,
        }
    }

    // ---- time and money helpers -------------------------------------------------------

    pub(super) fn between(&mut self, lo: i64, hi: i64) -> i64 {
        debug_assert!(lo <= hi, "{lo} > {hi}");
        lo + self.rng.below((hi - lo + 1) as u64) as i64
    }

    /// A moment on a day from `first_day` to `last_day`, between the two hours.
    pub(super) fn some_day(
        &mut self,
        first_day: i64,
        last_day: i64,
        from_hour: i64,
        to_hour: i64,
    ) -> i64 {
        let d = self.between(first_day, last_day);
        self.plan.start + d * DAY + self.between(from_hour * HOUR, to_hour * HOUR)
    }

    /// Moved into Efecty's (extended) agent hours, 07:00-22:00.
    pub(super) fn agent_hours(&mut self, t: i64) -> i64 {
        let tod = t.rem_euclid(DAY);
        if tod < 7 * HOUR {
            t - tod + 7 * HOUR + self.between(0, HOUR - 1)
        } else if tod >= 22 * HOUR {
            t - tod + DAY + 7 * HOUR + self.between(0, HOUR - 1)
        } else {
            t
        }
    }

    /// When the buyer pays a voucher created at `created`, in time and early enough for the
    /// settlement files.
    pub(super) fn on_time(&mut self, created: i64) -> i64 {
        let latest = (created + self.validity - 10 * MIN).min(self.settled_until - 2 * HOUR);
        for _ in 0..64 {
            let delay = match self.rng.below(100) {
                0..=54 => self.between(10 * MIN, 6 * HOUR),
                55..=89 => self.between(6 * HOUR, 48 * HOUR),
                _ => self.between(48 * HOUR, 70 * HOUR),
            };
            let t = self.agent_hours(created + delay);
            if t <= latest {
                return t;
            }
        }
        let t = self.agent_hours(created + 10 * MIN);
        assert!(t <= latest, "no on-time moment for a voucher of {created}");
        t
    }

    /// A payment hours after the voucher of `created` expired, still in the files.
    pub(super) fn late_payment(&mut self, created: i64) -> i64 {
        let late = created + self.validity + self.between(HOUR, 20 * HOUR);
        let at = self.agent_hours(late);
        assert!(
            at < self.settled_until - HOUR,
            "a voucher of {created} is too recent to be paid late in the files"
        );
        at
    }

    /// A moment after `t` (a refund or chargeback processed later), still in the files.
    pub(super) fn later(&mut self, t: i64, lo: i64, hi: i64) -> i64 {
        let later = (t + self.between(lo, hi)).min(self.settled_until - HOUR);
        assert!(later > t, "no room after {t} for a later event");
        later
    }

    pub(super) fn next_counter(&mut self) -> u64 {
        self.counter += 1;
        self.counter
    }

    /// A new PSP payment id: dLocal's base-36 part, or an 11-digit Mercado Pago `SOURCE_ID`.
    pub(super) fn payment_id(&mut self) -> u64 {
        let n = self.next_counter();
        match self.plan.psp {
            ScenarioPsp::Dlocal => unique_id(self.plan.seed, SALT_PAY, n, 40),
            ScenarioPsp::MercadoPagoExcel => {
                88_000_000_000 + unique_id(self.plan.seed, SALT_PAY, n, 30)
            }
        }
    }

    pub(super) fn cart(&mut self, min_items: usize, loose: bool) -> Cart {
        for _ in 0..200 {
            let cart = self.draw_cart(min_items);
            if !loose || self.loose_totals.insert(cart.total) {
                return cart;
            }
        }
        // Two hundred draws all taken: make this one unique with a small manual discount.
        let mut cart = self.draw_cart(min_items);
        while !self.loose_totals.insert(cart.total) {
            cart.discount += 100;
            cart.total -= 100;
        }
        cart
    }

    /// An amount no order without a payment has (for a payment without an order).
    pub(super) fn loose_amount(&mut self) -> i64 {
        self.cart(1, true).total
    }

    /// A cart like [`crate::order`]'s: 1-3 distinct products, shipping, sometimes a discount.
    pub(super) fn draw_cart(&mut self, min_items: usize) -> Cart {
        let r = &mut self.rng;
        let n_items = match r.below(10) {
            0..=5 => 1,
            6..=8 => 2,
            _ => 3,
        }
        .max(min_items);
        let mut items = [Item::default(); 3];
        let n = PRODUCTS.len() as u64;
        let first = r.below(n);
        let step = 1 + r.below(n - 1);
        for (k, item) in items.iter_mut().enumerate().take(n_items) {
            item.product = ((first + k as u64 * step) % n) as usize;
            item.qty = if r.chance(850) { 1 } else { 2 };
        }
        let subtotal_of = |items: &[Item]| -> i64 {
            items
                .iter()
                .map(|i| PRODUCTS[i.product].price * i.qty)
                .sum()
        };
        let mut subtotal = subtotal_of(&items[..n_items]);
        if subtotal > 2_900_000 {
            for item in &mut items {
                item.qty = 1;
            }
            subtotal = subtotal_of(&items[..n_items]);
        }
        let mut n_items = n_items;
        while subtotal > 2_900_000 && n_items > min_items.max(1) {
            n_items -= 1;
            subtotal = subtotal_of(&items[..n_items]);
        }
        if subtotal > 2_900_000 {
            // Over Efecty's limit even at the fewest items asked for: another cart.
            return self.draw_cart(min_items);
        }
        let (shipping_method, shipping) = match r.below(100) {
            0..=4 => ("Recoger en tienda", 0),
            _ if subtotal >= 200_000 => ("Envío estándar", 0),
            5..=79 => ("Envío estándar", 9_900),
            _ => ("Envío express", 14_900),
        };
        let (discount_code, discount) = match r.below(100) {
            0..=11 => ("BIENVENIDA10", subtotal / 10 / 100 * 100),
            12..=15 if subtotal >= 50_000 => ("EFECTY5000", 5_000),
            _ => ("", 0),
        };
        Cart {
            items,
            n_items,
            subtotal,
            shipping,
            shipping_method,
            discount,
            discount_code,
            total: subtotal + shipping - discount,
        }
    }

    // ---- building blocks ----------------------------------------------------------------

    /// A new pending order with no payment id; `loose` gives it a total of its own.
    pub(super) fn order(
        &mut self,
        created: i64,
        min_items: usize,
        loose: bool,
        plant: &'static str,
    ) -> usize {
        let cart = self.cart(min_items, loose);
        self.order_with_cart(created, cart, plant)
    }

    pub(super) fn order_with_cart(
        &mut self,
        created: i64,
        cart: Cart,
        plant: &'static str,
    ) -> usize {
        let buyer = 1 + self.rng.below(BUYER_POOL);
        self.plan.orders.push(PlannedOrder {
            facts: OrderFacts {
                number: 0,
                created,
                buyer,
                items: cart.items,
                n_items: cart.n_items,
                subtotal: cart.subtotal,
                shipping: cart.shipping,
                shipping_method: cart.shipping_method,
                discount: cart.discount,
                discount_code: cart.discount_code,
                total: cart.total,
                status: FinancialStatus::Pending,
                psp_paid: false,
                paid_at: 0,
                refund: 0,
                refund_at: 0,
                chargeback: false,
                chargeback_at: 0,
            },
            payment_id: PayId::Blank,
            usd_rate: None,
            expected: "",
            plant,
            numbering: Numbering::Plain,
            near_ref: None,
        });
        self.plan.orders.len() - 1
    }

    pub(super) fn cart_of(&self, o: usize) -> Cart {
        let f = &self.plan.orders[o].facts;
        Cart {
            items: f.items,
            n_items: f.n_items,
            subtotal: f.subtotal,
            shipping: f.shipping,
            shipping_method: f.shipping_method,
            discount: f.discount,
            discount_code: f.discount_code,
            total: f.total,
        }
    }

    pub(super) fn total(&self, o: usize) -> i64 {
        self.plan.orders[o].facts.total
    }

    /// The shop recorded the payment at `paid_at`, with `status`.
    pub(super) fn shop_paid(&mut self, o: usize, paid_at: i64, status: FinancialStatus) {
        let f = &mut self.plan.orders[o].facts;
        f.status = status;
        f.paid_at = paid_at;
        f.psp_paid = true;
    }

    pub(super) fn shop_status(&mut self, o: usize, status: FinancialStatus) {
        self.plan.orders[o].facts.status = status;
    }

    pub(super) fn expect(&mut self, o: usize, expected: &'static str) {
        self.plan.orders[o].expected = expected;
    }

    /// A paid payment of `cop` for order `o` at `at`, quoting `reference`; it belongs in `o`'s
    /// case.
    pub(super) fn payment(&mut self, o: usize, at: i64, cop: i64, reference: Ref) -> usize {
        let (created, buyer, plant) = {
            let order = &self.plan.orders[o];
            (order.facts.created, order.facts.buyer, order.plant)
        };
        self.line(PlannedLine {
            kind: LineKind::Payment,
            reference,
            id: 0,
            psp_order: 0,
            cop,
            usd_micro: 0,
            created,
            at,
            buyer,
            case_of: Some(o),
            expected: "",
            plant,
            resent: false,
            status: None,
            listing: Listing::Usual,
            reverses: None,
        })
    }

    /// Gives a payment line its ids and stores it.
    pub(super) fn line(&mut self, mut line: PlannedLine) -> usize {
        if line.id == 0 {
            line.id = self.payment_id();
        }
        if self.plan.psp == ScenarioPsp::MercadoPagoExcel && line.kind == LineKind::Payment {
            let n = self.next_counter();
            line.psp_order = 19_000_000_000 + unique_id(self.plan.seed, SALT_MP_ORDER, n, 30);
        }
        self.plan.lines.push(line);
        self.plan.lines.len() - 1
    }

    /// Money going back (or coming back) on payment line `of`, at `at`: same order, same
    /// reference; a new id at dLocal, the payment's `SOURCE_ID` at Mercado Pago.
    pub(super) fn reversal(
        &mut self,
        kind: LineKind,
        of: usize,
        cop: i64,
        at: i64,
        plant: &'static str,
    ) {
        let payment = &self.plan.lines[of];
        let (reference, case_of, buyer, payment_id, psp_order) = (
            payment.reference.clone(),
            payment.case_of,
            payment.buyer,
            payment.id,
            payment.psp_order,
        );
        let id = match self.plan.psp {
            ScenarioPsp::MercadoPagoExcel => payment_id,
            ScenarioPsp::Dlocal => {
                let n = self.next_counter();
                let salt = if kind == LineKind::Refund {
                    SALT_REFUND
                } else {
                    SALT_CHARGEBACK
                };
                unique_id(self.plan.seed, salt, n, 40)
            }
        };
        let requested = at - self.between(MIN, HOUR);
        self.plan.lines.push(PlannedLine {
            kind,
            reference,
            id,
            psp_order,
            cop,
            usd_micro: 0,
            created: requested,
            at,
            buyer,
            case_of,
            expected: "",
            plant,
            resent: false,
            status: None,
            listing: Listing::Usual,
            reverses: Some(of),
        });
    }

    /// A line in a case of its own.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn alone(
        &mut self,
        kind: LineKind,
        reference: Ref,
        cop: i64,
        created: i64,
        at: i64,
        expected: &'static str,
        plant: &'static str,
    ) -> usize {
        let buyer = 1 + self.rng.below(BUYER_POOL);
        self.line(PlannedLine {
            kind,
            reference,
            id: 0,
            psp_order: 0,
            cop,
            usd_micro: 0,
            created,
            at,
            buyer,
            case_of: None,
            expected,
            plant,
            resent: false,
            status: None,
            listing: Listing::Usual,
            reverses: None,
        })
    }

    /// A paid, settled order: the shop heard of the payment a few minutes later.
    pub(super) fn settled_order(&mut self, o: usize, at: i64, reference: Ref) -> usize {
        let total = self.total(o);
        let l = self.payment(o, at, total, reference);
        let seen = at + self.between(0, 15 * MIN);
        self.shop_paid(o, seen, FinancialStatus::Paid);
        self.plan.orders[o].payment_id = PayId::Line(l);
        l
    }

    // ---- numbering ----------------------------------------------------------------------

    /// Numbers the orders in creation order, from the first number, skipping numbers of card
    /// orders the export leaves out, and choosing the near-miss references.
    pub(super) fn number_orders(&mut self) {
        let orders = &self.plan.orders;
        let mut by_time: Vec<usize> = (0..orders.len()).collect();
        by_time.sort_by_key(|&i| (orders[i].facts.created, i));
        let mut used: HashSet<u64> = HashSet::new();
        let mut reserved: HashSet<u64> = HashSet::new();
        let mut next = self.first_number;
        let take = |next: &mut u64, used: &HashSet<u64>, reserved: &HashSet<u64>| {
            while used.contains(next) || reserved.contains(next) {
                *next += 1;
            }
            *next += 1;
            *next - 1
        };
        for i in by_time {
            if self.plan.orders[i].facts.number != 0 {
                continue;
            }
            let n = match self.plan.orders[i].numbering {
                Numbering::Plain | Numbering::TieSecond => take(&mut next, &used, &reserved),
                Numbering::Swap => loop {
                    let n = take(&mut next, &used, &reserved);
                    if let Some(m) = swap_target(n, &used, &reserved) {
                        reserved.insert(m);
                        self.plan.orders[i].near_ref = Some(m);
                        break n;
                    }
                },
                Numbering::TieFirst { partner } => loop {
                    let n = take(&mut next, &used, &reserved);
                    let free = |m: u64| !used.contains(&m) && !reserved.contains(&m);
                    if n % 10 <= 7 && free(n + 1) && free(n + 2) {
                        used.insert(n + 1);
                        reserved.insert(n + 2);
                        self.plan.orders[partner].facts.number = n + 1;
                        self.plan.orders[i].near_ref = Some(n + 2);
                        break n;
                    }
                },
            };
            used.insert(n);
            self.plan.orders[i].facts.number = n;
            if self.rng.chance(250) {
                next += 1 + self.rng.below(3);
            }
        }
    }
}

/// A number made of `n` with two adjacent, different digits swapped (no leading zero) that is
/// not an exported order and not reserved: a past gap, or a future number to reserve.
fn swap_target(n: u64, used: &HashSet<u64>, reserved: &HashSet<u64>) -> Option<u64> {
    let digits = n.to_string().into_bytes();
    for i in 0..digits.len().saturating_sub(1) {
        if digits[i] == digits[i + 1] || (i == 0 && digits[1] == b'0') {
            continue;
        }
        let mut swapped = digits.clone();
        swapped.swap(i, i + 1);
        let m = swapped
            .iter()
            .fold(0u64, |acc, d| acc * 10 + u64::from(d - b'0'));
        if !used.contains(&m) && !reserved.contains(&m) {
            return Some(m);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    pub(super) fn swap_targets_skip_exported_numbers_and_leading_zeros() {
        let used: HashSet<u64> = [3102].into_iter().collect();
        let none = HashSet::new();
        assert_eq!(swap_target(3012, &none, &none), Some(3102));
        assert_eq!(
            swap_target(3012, &used, &none),
            Some(3021),
            "3102 is an exported order"
        );
        assert_eq!(swap_target(1111, &none, &none), None);
        assert_eq!(
            swap_target(1023, &none, &none),
            Some(1203),
            "0123 would lose its zero"
        );
    }
}
