//! The engine's inputs held compactly. A million orders and a million lines as structs of
//! `String`s cost gigabytes and most of a run's time in page faults; here every text sits in
//! one arena and a row holds 8-byte spans into it, and the values that repeat on every row
//! (PSP, platform, currencies, payment method, batch) are stored once. Amounts stay exact
//! decimals and times keep the offset they came with: nothing is rounded or converted.
//!
//! [`OrderIn`] and [`LineIn`] (a model struct with its store id) remain the way to hand the
//! engine a few rows by value; [`Inputs::from_parts`] packs them.

use super::case::{LineIn, OrderIn};
use super::keys::FastMap;
use crate::model::{OrderStatus, PaymentStatus, RowType, SettlementLine, ShopOrder};
use crate::time::Moment;
use rust_decimal::Decimal;

/// A text in the arena of [`Inputs`], or none. `Text::NONE` is a missing value; an empty
/// string is kept as an empty span (some files write one).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Text {
    start: u32,
    len: u32,
}

impl Text {
    pub const NONE: Text = Text {
        start: u32::MAX,
        len: 0,
    };

    pub fn is_some(self) -> bool {
        self.start != u32::MAX
    }
}

/// An order as the engine reads it (the current snapshot of `shop_orders.id`).
#[derive(Clone, Debug)]
pub struct Order {
    pub id: i64,
    pub platform: Text,
    pub order_name: Text,
    pub shop_order_id: Text,
    pub payment_reference: Text,
    pub payment_id: Text,
    pub financial_status: OrderStatus,
    pub currency: Text,
    pub total: Option<Decimal>,
    pub created_at: Option<Moment>,
    pub paid_at: Option<Moment>,
    pub expires_at: Option<Moment>,
    pub payment_method: Text,
    /// The customer's name, else e-mail (shown and searched, never matched on).
    pub customer: Text,
}

/// A settlement line as the engine reads it (`settlement_lines.id`).
#[derive(Clone, Debug)]
pub struct Line {
    pub id: i64,
    pub psp: Text,
    pub batch_ref: Text,
    pub row_type: RowType,
    pub status: PaymentStatus,
    /// The status word as the file wrote it (quoted when Cuadra does not know it).
    pub raw_status: Text,
    pub merchant_ref: Text,
    pub psp_txn_id: Text,
    pub psp_order_id: Text,
    pub payment_method: Text,
    pub local_amount: Option<Decimal>,
    pub local_currency: Text,
    pub gross_amount: Option<Decimal>,
    pub fee_amount: Option<Decimal>,
    pub tax_amount: Option<Decimal>,
    pub net_amount: Option<Decimal>,
    pub settlement_currency: Text,
    pub created_at: Option<Moment>,
    pub approved_at: Option<Moment>,
    pub settled_at: Option<Moment>,
    pub expires_at: Option<Moment>,
    pub payer_email: Text,
}

/// Orders and lines with their texts in one arena.
#[derive(Default)]
pub struct Inputs {
    text: String,
    pub orders: Vec<Order>,
    pub lines: Vec<Line>,
    /// Lines that repeat the money of another line (another report of the same money, see
    /// `line_echoes`): `(line repeated, line repeating it)`, sorted. They are not among
    /// `lines` (nothing counts them); they join the case of the line they repeat.
    pub echoes: Vec<(i64, i64)>,
    interned: FastMap<Box<str>, Text>,
}

impl Inputs {
    /// Room for `orders` more orders and `lines` more lines with about `text_bytes` more text.
    pub fn reserve(&mut self, orders: usize, lines: usize, text_bytes: usize) {
        self.text.reserve(text_bytes);
        self.orders.reserve(orders);
        self.lines.reserve(lines);
    }

    /// Packs orders and lines given by value.
    pub fn from_parts(orders: &[OrderIn], lines: &[LineIn]) -> Inputs {
        let mut inputs = Inputs::default();
        for o in orders {
            inputs.push_order(o.id, &o.order);
        }
        for l in lines {
            inputs.push_line(l.id, &l.line);
        }
        inputs
    }

    /// The text a span names.
    #[inline]
    pub fn s(&self, t: Text) -> Option<&str> {
        if t.is_some() {
            self.text
                .get(t.start as usize..t.start as usize + t.len as usize)
        } else {
            None
        }
    }

    /// The text a span names, or `""`.
    #[inline]
    pub fn str(&self, t: Text) -> &str {
        self.s(t).unwrap_or("")
    }

    /// Copies a text into the arena.
    pub fn put(&mut self, text: Option<&str>) -> Text {
        let Some(text) = text else {
            return Text::NONE;
        };
        let start = self.text.len();
        // Spans are 32-bit, and `u32::MAX` marks a missing text.
        assert!(
            start + text.len() < u32::MAX as usize,
            "engine inputs hold less than 4 GiB of text"
        );
        self.text.push_str(text);
        Text {
            start: start as u32,
            len: text.len() as u32,
        }
    }

    /// A text that repeats on many rows (a PSP, a currency): stored once.
    pub fn intern(&mut self, text: Option<&str>) -> Text {
        let Some(text) = text else {
            return Text::NONE;
        };
        if let Some(&t) = self.interned.get(text) {
            return t;
        }
        let t = self.put(Some(text));
        self.interned.insert(text.into(), t);
        t
    }

    /// [`Inputs::intern`] for a column whose rows mostly repeat the row before: `last` is what
    /// this column gave last, compared first (a loader reads millions of these).
    pub fn intern_after(&mut self, text: Option<&str>, last: &mut Text) -> Text {
        if text.is_some() && self.s(*last) == text {
            return *last;
        }
        let t = self.intern(text);
        *last = t;
        t
    }

    pub fn push_order(&mut self, id: i64, o: &ShopOrder) {
        let order = Order {
            id,
            platform: self.intern(Some(&o.platform)),
            order_name: self.put(o.order_name.as_deref()),
            shop_order_id: self.put(o.shop_order_id.as_deref()),
            payment_reference: self.put(o.payment_reference.as_deref()),
            payment_id: self.put(o.payment_id.as_deref()),
            financial_status: o.financial_status,
            currency: self.intern(o.currency.as_deref()),
            total: o.total,
            created_at: o.created_at,
            paid_at: o.paid_at,
            expires_at: o.expires_at,
            payment_method: self.intern(o.payment_method.as_deref()),
            customer: self.put(o.customer_name.as_deref().or(o.email.as_deref())),
        };
        self.orders.push(order);
    }

    pub fn push_line(&mut self, id: i64, l: &SettlementLine) {
        let line = Line {
            id,
            psp: self.intern(Some(&l.psp)),
            batch_ref: self.intern(l.batch_ref.as_deref()),
            row_type: l.row_type,
            status: l.status,
            raw_status: self.intern(l.raw_status.as_deref()),
            merchant_ref: self.put(l.merchant_ref.as_deref()),
            psp_txn_id: self.put(l.psp_txn_id.as_deref()),
            psp_order_id: self.put(l.psp_order_id.as_deref()),
            payment_method: self.intern(l.payment_method.as_deref()),
            local_amount: l.local_amount,
            local_currency: self.intern(l.local_currency.as_deref()),
            gross_amount: l.gross_amount,
            fee_amount: l.fee_amount,
            tax_amount: l.tax_amount,
            net_amount: l.net_amount,
            settlement_currency: self.intern(l.settlement_currency.as_deref()),
            created_at: l.created_at,
            approved_at: l.approved_at,
            settled_at: l.settled_at,
            expires_at: l.expires_at,
            payer_email: self.put(l.payer_email.as_deref()),
        };
        self.lines.push(line);
    }

    /// Appends `other`'s orders and lines (their texts move into this arena). A side that is
    /// empty here takes `other`'s vector as it is, without copying it.
    pub fn append(&mut self, mut other: Inputs) {
        assert!(
            self.text.len() + other.text.len() < u32::MAX as usize,
            "engine inputs hold less than 4 GiB of text"
        );
        let base = self.text.len() as u32;
        self.text.push_str(&other.text);
        drop(std::mem::take(&mut other.text));
        let at = |t: &mut Text| {
            if t.is_some() {
                t.start += base;
            }
        };
        for o in &mut other.orders {
            for t in [
                &mut o.platform,
                &mut o.order_name,
                &mut o.shop_order_id,
                &mut o.payment_reference,
                &mut o.payment_id,
                &mut o.currency,
                &mut o.payment_method,
                &mut o.customer,
            ] {
                at(t);
            }
        }
        for l in &mut other.lines {
            for t in [
                &mut l.psp,
                &mut l.batch_ref,
                &mut l.raw_status,
                &mut l.merchant_ref,
                &mut l.psp_txn_id,
                &mut l.psp_order_id,
                &mut l.payment_method,
                &mut l.local_currency,
                &mut l.settlement_currency,
                &mut l.payer_email,
            ] {
                at(t);
            }
        }
        if self.orders.is_empty() {
            self.orders = other.orders;
        } else {
            self.orders.append(&mut other.orders);
        }
        if self.lines.is_empty() {
            self.lines = other.lines;
        } else {
            self.lines.append(&mut other.lines);
        }
        self.echoes.append(&mut other.echoes);
        self.echoes.sort_unstable();
        for (k, mut t) in other.interned {
            at(&mut t);
            self.interned.entry(k).or_insert(t);
        }
    }

    /// The lines that repeat line `id`'s money (see [`Inputs::echoes`]).
    pub fn echoes_of(&self, id: i64) -> impl Iterator<Item = i64> + '_ {
        let start = self.echoes.partition_point(|(of, _)| *of < id);
        self.echoes[start..]
            .iter()
            .take_while(move |(of, _)| *of == id)
            .map(|(_, echo)| *echo)
    }

    /// Frees the intern table (after loading). Spare capacity is kept: it was never written,
    /// so it holds no memory, and shrinking would copy the whole arena.
    pub fn loaded(&mut self) {
        self.interned = FastMap::default();
    }

    /// The identifiers an order is known by, in a fixed order (bit `i` of a mask is slot `i`).
    pub(super) fn order_identifiers(&self, o: &Order) -> [Option<&str>; 4] {
        [
            self.s(o.order_name),
            self.s(o.shop_order_id),
            self.s(o.payment_reference),
            self.s(o.payment_id),
        ]
    }

    /// The identifiers a settlement line quotes, in a fixed order (bit `i` of a mask is slot `i`).
    pub(super) fn line_identifiers(&self, l: &Line) -> [Option<&str>; 3] {
        [
            self.s(l.merchant_ref),
            self.s(l.psp_txn_id),
            self.s(l.psp_order_id),
        ]
    }

    /// An order's normalized keys (what links lines to it), each once.
    pub fn order_keys(&self, o: &Order) -> Vec<String> {
        normalized(self.order_identifiers(o))
    }

    /// A line's normalized keys (what names its order), each once.
    pub fn line_keys(&self, l: &Line) -> Vec<String> {
        normalized(self.line_identifiers(l))
    }

    /// The key an order is known by within its platform: the shop's name for it, else its id.
    pub(super) fn order_key(&self, o: &Order) -> Option<&str> {
        self.s(o.order_name)
            .or(self.s(o.shop_order_id))
            .filter(|k| !k.is_empty())
    }
}

/// Identifiers as normalized keys, blanks dropped, each once.
fn normalized<'a>(ids: impl IntoIterator<Item = Option<&'a str>>) -> Vec<String> {
    let mut keys: Vec<String> = ids
        .into_iter()
        .flatten()
        .filter_map(super::keys::normalize_key)
        .map(|k| k.into_owned())
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}
