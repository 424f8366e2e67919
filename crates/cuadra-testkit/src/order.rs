//! Owns the facts of one shop order that both generators must agree on: number, creation
//! time, buyer, line items and amounts, shop status, and what happened at the PSP (paid at
//! Efecty? when? refunded? charged back?). Facts are derived from `(seed, order number)` alone,
//! so the Shopify export and the dLocal settlement generated with the same seed and start
//! describe the same orders and reconcile against each other.
//!
//! Also owns the identifier schemes shared by both files (dLocal ids, Shopify ids, buyer
//! email and document), each a bijection of a counter so identifiers never collide.

use crate::catalog::PRODUCTS;
use crate::rng::{permute_bits, stream_key, Rng};

/// Shopify's default first order number, and the first `TRANSACTION_ID` of a dLocal file.
pub const DEFAULT_FIRST_ORDER_NUMBER: u64 = 1001;

/// Efecty's amount limits in whole pesos (the strictest PSP's minimum and maximum).
pub const EFECTY_MIN_COP: i64 = 20_000;
pub const EFECTY_MAX_COP: i64 = 3_000_000;

const SALT_ORDER: u64 = 0x004F_5244_4552; // "ORDER"
const SALT_BUYER: u64 = 0x0042_5559_4552; // "BUYER"
pub(crate) const SALT_SHOP: u64 = 0x5348_4F50; // "SHOP"
pub(crate) const SALT_DLOCAL: u64 = 0x444C_4F43_414C; // "DLOCAL"
pub(crate) const SALT_ID_PAYMENT: u64 = 0x54; // "T"
pub(crate) const SALT_ID_REFUND: u64 = 0x52; // "R"
pub(crate) const SALT_ID_CHARGEBACK: u64 = 0x43; // "C"
pub(crate) const SALT_ID_ADJUSTMENT: u64 = 0x41; // "A"
pub(crate) const SALT_ID_SHOPIFY: u64 = 0x49_44; // "ID"
pub(crate) const SALT_ID_CHECKOUT: u64 = 0x434B; // "CK"

/// How many distinct buyers exist; orders draw from this pool so some buyers repeat.
const BUYER_POOL: u64 = 20_000;

const HOUR: i64 = 3600;
const DAY: i64 = 86_400;

/// Shopify's `Financial Status` for an order paid (or not) in cash at Efecty.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FinancialStatus {
    Paid,
    Pending,
    Expired,
    Voided,
    Refunded,
    PartiallyRefunded,
}

impl FinancialStatus {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            FinancialStatus::Paid => "paid",
            FinancialStatus::Pending => "pending",
            FinancialStatus::Expired => "expired",
            FinancialStatus::Voided => "voided",
            FinancialStatus::Refunded => "refunded",
            FinancialStatus::PartiallyRefunded => "partially_refunded",
        }
    }

    /// The shop recorded the payment (Paid at is set).
    pub(crate) fn shop_paid(self) -> bool {
        matches!(
            self,
            FinancialStatus::Paid | FinancialStatus::Refunded | FinancialStatus::PartiallyRefunded
        )
    }
}

/// One line item: index into [`PRODUCTS`] and quantity.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Item {
    pub product: usize,
    pub qty: i64,
}

/// Everything both generators need to know about one order. Times are wall-clock seconds
/// since 1970-01-01 in Bogotá time (UTC-05:00).
#[derive(Clone, Copy, Debug)]
pub(crate) struct OrderFacts {
    pub number: u64,
    pub created: i64,
    pub buyer: u64,
    pub items: [Item; 3],
    pub n_items: usize,
    pub subtotal: i64,
    pub shipping: i64,
    pub shipping_method: &'static str,
    pub discount: i64,
    pub discount_code: &'static str,
    /// Subtotal + shipping - discount, whole pesos, within Efecty's limits.
    pub total: i64,
    pub status: FinancialStatus,
    /// The buyer paid at Efecty and dLocal settled it (also true for some `pending` orders
    /// whose notification never arrived, and a few `expired` ones paid after expiry).
    pub psp_paid: bool,
    /// When dLocal approved the payment (meaningful when `psp_paid`).
    pub paid_at: i64,
    /// Refunded pesos (0 = none) and when dLocal processed the refund.
    pub refund: i64,
    pub refund_at: i64,
    /// A chargeback reached dLocal at `chargeback_at` (the shop still says `paid`).
    pub chargeback: bool,
    pub chargeback_at: i64,
}

impl OrderFacts {
    pub(crate) fn items(&self) -> &[Item] {
        &self.items[..self.n_items]
    }
}

/// Walks orders in number order, deriving each one's facts; creation times increase.
pub(crate) struct OrderClock {
    seed: u64,
    next_number: u64,
    time: i64,
    /// Paced clocks ([`OrderClock::paced`]): the first number, the first slot's start in
    /// milliseconds, and the slot width in milliseconds.
    paced: Option<(u64, i64, i64)>,
}

impl OrderClock {
    /// Orders numbered from `first_number`, the first created shortly after 07:00 on the day
    /// `start_days` (days since 1970-01-01).
    pub(crate) fn new(seed: u64, first_number: u64, start_days: i64) -> Self {
        OrderClock {
            seed,
            next_number: first_number,
            time: start_days * DAY + 7 * HOUR,
            paced: None,
        }
    }

    /// Like [`OrderClock::new`], but order `k` (counted from 0) is created at a random moment
    /// of its own slot of `slot_ms` milliseconds, slots laid end to end from 07:00 on the day
    /// `start_days`: any count of orders spread evenly over any span, creation times still
    /// increasing. Every other fact of an order is the same as [`OrderClock::new`] gives it.
    pub(crate) fn paced(seed: u64, first_number: u64, start_days: i64, slot_ms: i64) -> Self {
        let start = start_days * DAY + 7 * HOUR;
        OrderClock {
            seed,
            next_number: first_number,
            time: start,
            paced: Some((first_number, start * 1000, slot_ms.max(1))),
        }
    }

    pub(crate) fn next_order(&mut self) -> OrderFacts {
        let number = self.next_number;
        self.next_number += 1;
        let mut r = Rng::new(stream_key(self.seed, SALT_ORDER, number));
        // About 1.000 orders a day, spread over the whole day (or paced: see `paced`).
        match self.paced {
            None => self.time += r.below(173) as i64,
            Some((first, start_ms, slot_ms)) => {
                let k = (number - first) as i64;
                let at_ms = start_ms + k * slot_ms + r.below(slot_ms as u64) as i64;
                self.time = at_ms.div_euclid(1000);
            }
        }
        let created = self.time;
        let buyer = 1 + r.below(BUYER_POOL);

        // 60% one item, 30% two, 10% three; distinct products.
        let n_items = match r.below(10) {
            0..=5 => 1,
            6..=8 => 2,
            _ => 3,
        };
        let mut items = [Item::default(); 3];
        let n = PRODUCTS.len() as u64;
        let first = r.below(n);
        let step = 1 + r.below(n - 1);
        for (k, item) in items.iter_mut().enumerate().take(n_items) {
            item.product = ((first + k as u64 * step) % n) as usize;
            item.qty = match r.below(100) {
                0..=84 => 1,
                85..=96 => 2,
                _ => 3,
            };
        }
        let mut n_items = n_items;
        let mut subtotal = subtotal_of(&items[..n_items]);
        if subtotal > 2_900_000 {
            for item in &mut items {
                item.qty = 1;
            }
            subtotal = subtotal_of(&items[..n_items]);
            while subtotal > 2_900_000 && n_items > 1 {
                n_items -= 1;
                subtotal = subtotal_of(&items[..n_items]);
            }
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
        let total = subtotal + shipping - discount;
        debug_assert!(
            (EFECTY_MIN_COP..=EFECTY_MAX_COP).contains(&total),
            "total {total}"
        );

        let status = match r.below(1000) {
            0..=831 => FinancialStatus::Paid,
            832..=911 => FinancialStatus::Pending,
            912..=971 => FinancialStatus::Expired,
            972..=991 => FinancialStatus::Voided,
            992..=996 => FinancialStatus::Refunded,
            _ => FinancialStatus::PartiallyRefunded,
        };
        let psp_paid = match status {
            FinancialStatus::Pending => r.chance(100),
            FinancialStatus::Expired => r.chance(20),
            FinancialStatus::Voided => false,
            _ => true,
        };

        // Cash is paid at the counter minutes to three days after checkout; dLocal confirms
        // only while agents are open (07:00-22:00).
        let delay = match r.below(100) {
            0..=54 => r.range(10 * 60, 6 * HOUR as u64),
            55..=89 => r.range(6 * HOUR as u64, 48 * HOUR as u64),
            _ => r.range(48 * HOUR as u64, 72 * HOUR as u64),
        } as i64;
        let mut paid_at = created + delay;
        let tod = paid_at.rem_euclid(DAY);
        if tod < 7 * HOUR {
            paid_at = paid_at - tod + 7 * HOUR + r.below(3600) as i64;
        } else if tod >= 22 * HOUR {
            paid_at = paid_at - tod + DAY + 7 * HOUR + r.below(3600) as i64;
        }

        let refund = match status {
            FinancialStatus::Refunded => total,
            FinancialStatus::PartiallyRefunded if n_items > 1 => {
                let last = items[n_items - 1];
                PRODUCTS[last.product].price * last.qty
            }
            FinancialStatus::PartiallyRefunded => {
                (total * r.range(20, 50) as i64 / 100) / 100 * 100
            }
            _ => 0,
        };
        let refund_at = paid_at + r.range(HOUR as u64, 48 * HOUR as u64) as i64;
        let chargeback = status == FinancialStatus::Paid && r.chance(2);
        let chargeback_at = paid_at + r.range(DAY as u64, 5 * DAY as u64) as i64;

        OrderFacts {
            number,
            created,
            buyer,
            items,
            n_items,
            subtotal,
            shipping,
            shipping_method,
            discount,
            discount_code,
            total,
            status,
            psp_paid,
            paid_at,
            refund,
            refund_at,
            chargeback,
            chargeback_at,
        }
    }
}

fn subtotal_of(items: &[Item]) -> i64 {
    items
        .iter()
        .map(|i| PRODUCTS[i.product].price * i.qty)
        .sum()
}

/// A buyer's identity document as text: (digits, width). Width 10 with a value below 10^9
/// means a leading zero, which importers must keep.
pub(crate) fn buyer_document(seed: u64, buyer: u64) -> (u64, usize) {
    draw_document(&mut Rng::new(stream_key(seed, SALT_BUYER, buyer)))
}

/// The buyer's stream positioned after the document draw: the rest of the identity
/// (name, address, phone) comes from here.
pub(crate) fn buyer_rng(seed: u64, buyer: u64) -> Rng {
    let mut r = Rng::new(stream_key(seed, SALT_BUYER, buyer));
    draw_document(&mut r);
    r
}

fn draw_document(r: &mut Rng) -> (u64, usize) {
    match r.below(100) {
        0..=7 => (r.range(100_000_000, 999_999_999), 10),
        8..=59 => (r.range(1_000_000_000, 1_199_999_999), 10),
        _ => (r.range(10_000_000, 99_999_999), 8),
    }
}

/// A unique id for `(kind salt, counter)`: a 40-bit bijection keyed by the seed.
pub(crate) fn unique_id(seed: u64, salt: u64, counter: u64, bits: u32) -> u64 {
    permute_bits(counter, stream_key(seed, salt, 0), bits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facts_are_deterministic_and_in_limits() {
        let mut a = OrderClock::new(5, 1001, 20_574);
        let mut b = OrderClock::new(5, 1001, 20_574);
        let mut last = 0;
        for _ in 0..20_000 {
            let x = a.next_order();
            let y = b.next_order();
            assert_eq!(
                (x.number, x.created, x.total, x.paid_at),
                (y.number, y.created, y.total, y.paid_at)
            );
            assert!((EFECTY_MIN_COP..=EFECTY_MAX_COP).contains(&x.total));
            assert!(x.created >= last);
            assert!(x.paid_at >= x.created + 600);
            assert!(x.refund <= x.total);
            last = x.created;
        }
    }
}
