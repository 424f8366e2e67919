//! Owns the Shopify orders export generator: Shopify's real header (78 columns), one row per
//! line item, order-level fields only on an order's first row, COP money as `150000.00`,
//! IVA 19% included in prices (`Tax 1 Name` = `IVA 19%`), `Created at` like
//! `2026-05-01 10:00:00 -0500`, Colombian buyers and addresses (accents, commas, quotes and
//! newlines in names, departments and notes), and Efecty as the payment method.
//!
//! Orders come from [`crate::order`], so they agree with a dLocal file of the same seed.

use std::fmt::Write as _;
use std::io::{self, Write};

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::catalog::{ADDRESS2, FIRST_NAMES, NOTES, PLACES, PRODUCTS, STREET_KINDS, SURNAMES};
use crate::csvw::CsvOut;
use crate::order::{
    buyer_document, buyer_rng, unique_id, FinancialStatus, OrderClock, OrderFacts,
    DEFAULT_FIRST_ORDER_NUMBER, SALT_ID_CHECKOUT, SALT_ID_PAYMENT, SALT_ID_SHOPIFY, SALT_SHOP,
};
use crate::rng::{stream_key, Rng};
use crate::{days_since_epoch, GenSummary, SpreadSpec};

/// Shopify's orders export header.
pub const SHOPIFY_HEADER: &str = "Name,Email,Financial Status,Paid at,Fulfillment Status,Fulfilled at,Accepts Marketing,Currency,Subtotal,Shipping,Taxes,Total,Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem compare at price,Lineitem sku,Lineitem requires shipping,Lineitem taxable,Lineitem fulfillment status,Billing Name,Billing Street,Billing Address1,Billing Address2,Billing Company,Billing City,Billing Zip,Billing Province,Billing Country,Billing Phone,Shipping Name,Shipping Street,Shipping Address1,Shipping Address2,Shipping Company,Shipping City,Shipping Zip,Shipping Province,Shipping Country,Shipping Phone,Notes,Note Attributes,Cancelled at,Payment Method,Payment Reference,Refunded Amount,Vendor,Outstanding Balance,Employee,Location,Device ID,Id,Tags,Risk Level,Source,Lineitem discount,Tax 1 Name,Tax 1 Value,Tax 2 Name,Tax 2 Value,Tax 3 Name,Tax 3 Value,Tax 4 Name,Tax 4 Value,Tax 5 Name,Tax 5 Value,Phone,Receipt Number,Duties,Billing Province Name,Shipping Province Name,Payment ID,Payment Terms Name,Next Payment Due At";

/// Columns in [`SHOPIFY_HEADER`].
pub const SHOPIFY_COLUMNS: usize = 78;

/// The columns a continuation row (second and later line items of an order) fills.
pub const SHOPIFY_LINE_ITEM_COLUMNS: [&str; 11] = [
    "Name",
    "Lineitem quantity",
    "Lineitem name",
    "Lineitem price",
    "Lineitem compare at price",
    "Lineitem sku",
    "Lineitem requires shipping",
    "Lineitem taxable",
    "Lineitem fulfillment status",
    "Vendor",
    "Lineitem discount",
];

/// What to generate.
#[derive(Clone, Debug)]
pub struct ShopifySpec {
    pub seed: u64,
    pub orders: usize,
    /// Day of the first order (orders start at 07:00 that day).
    pub start: NaiveDate,
    /// `Name` of the first order is `#<first_order_number>`.
    pub first_order_number: u64,
}

impl Default for ShopifySpec {
    fn default() -> Self {
        ShopifySpec {
            seed: 1,
            orders: 1000,
            start: crate::default_start(),
            first_order_number: DEFAULT_FIRST_ORDER_NUMBER,
        }
    }
}

const VENDOR: &str = "Tienda Cuadra";
/// Bogotá's offset, as Shopify writes it after every timestamp.
const OFFSET: &[u8] = b" -0500";
const HOUR: i64 = 3600;

/// Reusable text buffers for composite fields: no allocation per order after warm-up.
#[derive(Default)]
pub(crate) struct Scratch {
    billing_name: String,
    shipping_name: String,
    street: String,
    address1: String,
    company: String,
    note_attributes: String,
}

/// A buyer's identity as this order shows it.
struct Buyer {
    place: usize,
    address2: Option<&'static str>,
    phone: u64,
    accepts_marketing: bool,
}

fn derive_buyer(seed: u64, id: u64, s: &mut Scratch) -> Buyer {
    let mut r = buyer_rng(seed, id);
    let first = *r.pick(&FIRST_NAMES);
    let last1 = *r.pick(&SURNAMES);
    let last2 = *r.pick(&SURNAMES);
    s.billing_name.clear();
    // Some buyers type "Surname, Name": a comma inside a field.
    if r.chance(40) {
        let _ = write!(s.billing_name, "{last1} {last2}, {first}");
    } else {
        let _ = write!(s.billing_name, "{first} {last1} {last2}");
    }
    let place = r.below(PLACES.len() as u64) as usize;
    s.address1.clear();
    let kind = *r.pick(&STREET_KINDS);
    let _ = write!(
        s.address1,
        "{kind} {} # {}-{}",
        r.range(1, 180),
        r.range(1, 120),
        r.range(1, 99)
    );
    let address2 = if r.chance(300) {
        Some(*r.pick(&ADDRESS2))
    } else {
        None
    };
    s.street.clear();
    s.street.push_str(&s.address1);
    if let Some(a2) = address2 {
        s.street.push_str(", ");
        s.street.push_str(a2);
    }
    s.company.clear();
    if r.chance(80) {
        let _ = write!(s.company, "Distribuciones {last1}, S.A.S.");
    }
    let phone = 3_000_000_000 + r.below(260_000_000);
    let accepts_marketing = r.chance(350);
    Buyer {
        place,
        address2,
        phone,
        accepts_marketing,
    }
}

/// What the export shows of an order beyond its [`OrderFacts`]: the generator uses
/// [`ShopView::GENERATED`]; a scenario varies it per order.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ShopView<'a> {
    /// `Payment ID`: None = the order's generated dLocal id; Some("") = blank.
    pub payment_id: Option<&'a str>,
    /// `Payment Method`: None = drawn (`Efecty` or `dLocal - Efecty`).
    pub payment_method: Option<&'a str>,
    /// Some(COP per USD) for an order priced in US dollars (every money field in USD cents).
    pub usd_rate: Option<i64>,
    /// When the export was taken: an order is not shown fulfilled later than this.
    pub exported_at: i64,
}

impl ShopView<'_> {
    pub(crate) const GENERATED: ShopView<'static> = ShopView {
        payment_id: None,
        payment_method: None,
        usd_rate: None,
        exported_at: i64::MAX,
    };

    /// A money field given in whole pesos (converted to USD cents for a USD order).
    fn pesos<W: Write>(&self, w: &mut CsvOut<W>, pesos: i64) {
        match self.usd_rate {
            None => w.pesos(pesos),
            Some(rate) => w.cents(crate::dlocal::div_round(pesos * 100, rate)),
        }
    }

    /// A money field given in peso cents.
    fn cents<W: Write>(&self, w: &mut CsvOut<W>, cents: i64) {
        match self.usd_rate {
            None => w.cents(cents),
            Some(rate) => w.cents(crate::dlocal::div_round(cents, rate)),
        }
    }
}

/// The header row of the export.
pub(crate) fn write_header<W: Write>(w: &mut CsvOut<W>) -> io::Result<()> {
    for h in SHOPIFY_HEADER.split(',') {
        w.text(h);
    }
    w.end_row()?;
    Ok(())
}

/// The city of a buyer's address, as their orders show it.
pub(crate) fn buyer_city(seed: u64, buyer: u64) -> &'static str {
    PLACES[derive_buyer(seed, buyer, &mut Scratch::default()).place].city
}

/// Writes a whole Shopify orders export to `out` and returns what it wrote.
pub fn write_shopify_orders<W: Write>(spec: &ShopifySpec, out: W) -> io::Result<GenSummary> {
    let mut w = CsvOut::new(out);
    write_header(&mut w)?;
    let mut clock = OrderClock::new(
        spec.seed,
        spec.first_order_number,
        days_since_epoch(spec.start),
    );
    let mut scratch = Scratch::default();
    let (mut rows, mut gross, mut net) = (0usize, 0i64, 0i64);
    for _ in 0..spec.orders {
        let f = clock.next_order();
        rows += write_order(&mut w, spec.seed, &f, &ShopView::GENERATED, &mut scratch)?;
        gross += f.total;
        if f.status.shop_paid() {
            net += f.total - f.refund;
        }
    }
    let bytes = w.finish()?;
    Ok(GenSummary {
        rows,
        bytes,
        gross_total: Decimal::from(gross),
        fee_total: Decimal::ZERO,
        net_total: Decimal::from(net),
    })
}

/// Writes a Shopify orders export of the orders of a [`SpreadSpec`] created on the days `days`
/// of its span (day 1 is `spec.start`; Bogotá days), as a shop exports a date range: several
/// ranges of one spec may overlap, and each order is written the same in all of them. Order
/// numbers start at [`DEFAULT_FIRST_ORDER_NUMBER`].
pub fn write_shopify_orders_spread<W: Write>(
    spec: &SpreadSpec,
    days: std::ops::RangeInclusive<u32>,
    out: W,
) -> io::Result<GenSummary> {
    let mut w = CsvOut::new(out);
    write_header(&mut w)?;
    let start_days = days_since_epoch(spec.start);
    let (first, last) = (i64::from(*days.start()), i64::from(*days.end()));
    let mut clock = spec.clock();
    let mut scratch = Scratch::default();
    let (mut rows, mut gross, mut net) = (0usize, 0i64, 0i64);
    for _ in 0..spec.orders {
        let f = clock.next_order();
        let day = f.created.div_euclid(86_400) - start_days + 1;
        if day < first {
            continue;
        }
        if day > last {
            break;
        }
        rows += write_order(&mut w, spec.seed, &f, &ShopView::GENERATED, &mut scratch)?;
        gross += f.total;
        if f.status.shop_paid() {
            net += f.total - f.refund;
        }
    }
    let bytes = w.finish()?;
    Ok(GenSummary {
        rows,
        bytes,
        gross_total: Decimal::from(gross),
        fee_total: Decimal::ZERO,
        net_total: Decimal::from(net),
    })
}

fn timestamp<W: Write>(w: &mut CsvOut<W>, t: i64) {
    w.start();
    w.put_datetime(t);
    w.put(OFFSET);
}

/// Writes every line-item row of one order; returns how many.
pub(crate) fn write_order<W: Write>(
    w: &mut CsvOut<W>,
    seed: u64,
    f: &OrderFacts,
    view: &ShopView,
    s: &mut Scratch,
) -> io::Result<usize> {
    let mut r = Rng::new(stream_key(seed, SALT_SHOP, f.number));
    let buyer = derive_buyer(seed, f.buyer, s);
    let place = &PLACES[buyer.place];
    let shop_paid = f.status.shop_paid();
    let fulfilled = shop_paid && r.chance(700);
    let fulfilled_at = f.paid_at + r.range(4 * HOUR as u64, 72 * HOUR as u64) as i64;
    let fulfilled = fulfilled && fulfilled_at <= view.exported_at;
    let cancelled_at = f.created + r.range(HOUR as u64, 24 * HOUR as u64) as i64;
    s.shipping_name.clear();
    if r.chance(100) {
        let _ = write!(
            s.shipping_name,
            "{} {}",
            r.pick(&FIRST_NAMES),
            r.pick(&SURNAMES)
        );
    } else {
        s.shipping_name.push_str(&s.billing_name);
    }
    let note = if r.chance(150) {
        Some(*r.pick(&NOTES))
    } else {
        None
    };
    s.note_attributes.clear();
    if r.chance(300) {
        let (doc, width) = buyer_document(seed, f.buyer);
        let _ = write!(s.note_attributes, "cedula: {doc:0width$}");
    }
    let drawn_method = if r.chance(250) {
        "dLocal - Efecty"
    } else {
        "Efecty"
    };
    let payment_method = view.payment_method.unwrap_or(drawn_method);
    let tags = match r.below(10) {
        0..=5 => "",
        6..=8 => "efecty",
        _ => "efecty, mayorista",
    };
    let with_phone = r.chance(800);
    // IVA is included in Colombian prices: the tax is the 19/119 share of what was charged.
    let taxable = f.subtotal - f.discount;
    let tax_cents = (taxable * 100 * 19 + 119 / 2) / 119;
    let outstanding = if matches!(
        f.status,
        FinancialStatus::Pending | FinancialStatus::Expired
    ) {
        f.total
    } else {
        0
    };

    for (k, item) in f.items().iter().enumerate() {
        let product = &PRODUCTS[item.product];
        let first = k == 0;
        // Name
        w.start();
        w.put(b"#");
        w.put_u64(f.number);
        if first {
            w.start();
            w.put(b"buyer");
            w.put_u64(f.buyer);
            w.put(b"@example.com");
            w.text(f.status.as_str());
            if shop_paid {
                timestamp(w, f.paid_at);
            } else {
                w.empty(1);
            }
            w.text(if fulfilled {
                "fulfilled"
            } else {
                "unfulfilled"
            });
            if fulfilled {
                timestamp(w, fulfilled_at);
            } else {
                w.empty(1);
            }
            w.text(if buyer.accepts_marketing { "yes" } else { "no" });
            w.text(if view.usd_rate.is_some() {
                "USD"
            } else {
                "COP"
            });
            view.pesos(w, f.subtotal);
            view.pesos(w, f.shipping);
            view.cents(w, tax_cents);
            view.pesos(w, f.total);
            w.text(f.discount_code);
            view.pesos(w, f.discount);
            w.text(f.shipping_method);
            timestamp(w, f.created);
        } else {
            w.empty(15);
        }
        // Line item.
        w.uint(item.qty as u64);
        w.text(product.name);
        view.pesos(w, product.price);
        if product.compare_at > 0 {
            view.pesos(w, product.compare_at);
        } else {
            w.empty(1);
        }
        w.text(product.sku);
        w.text("true");
        w.text("true");
        w.text(if fulfilled { "fulfilled" } else { "pending" });
        if first {
            // Billing then shipping address blocks.
            for (name, company) in [
                (&s.billing_name, &s.company),
                (&s.shipping_name, &s.company),
            ] {
                w.text(name);
                w.text(&s.street);
                w.text(&s.address1);
                w.text(buyer.address2.unwrap_or(""));
                w.text(company);
                w.text(place.city);
                w.text(place.zip);
                w.text(place.province);
                w.text("CO");
                w.start();
                w.put(b"+57");
                w.put_u64(buyer.phone);
            }
            w.text(note.unwrap_or(""));
            w.text(&s.note_attributes);
            if f.status == FinancialStatus::Voided {
                timestamp(w, cancelled_at);
            } else {
                w.empty(1);
            }
            w.text(payment_method);
            w.start();
            w.put(b"c");
            w.put_u64(20_000_000_000 + unique_id(seed, SALT_ID_CHECKOUT, f.number, 34));
            w.put(b".1");
            view.pesos(w, f.refund);
        } else {
            w.empty(26);
        }
        w.text(VENDOR);
        if first {
            view.pesos(w, outstanding);
            w.empty(3);
            w.uint(5_000_000_000_000 + unique_id(seed, SALT_ID_SHOPIFY, f.number, 40));
            w.text(tags);
            w.text("Low");
            w.text("web");
        } else {
            w.empty(8);
        }
        view.pesos(w, 0);
        if first {
            w.text("IVA 19%");
            view.cents(w, tax_cents);
            w.empty(8);
            if with_phone {
                w.start();
                w.put(b"+57");
                w.put_u64(buyer.phone);
            } else {
                w.empty(1);
            }
            w.empty(2);
            w.text(place.province_name);
            w.text(place.province_name);
            // The voucher is created at checkout, so every generated order has its dLocal
            // payment id; a scenario may show another id, or none.
            match view.payment_id {
                None => {
                    w.start();
                    w.put(b"T-648-");
                    w.put_base36(unique_id(seed, SALT_ID_PAYMENT, f.number, 40));
                }
                Some(id) => w.text(id),
            }
            w.empty(2);
        } else {
            w.empty(18);
        }
        let fields = w.end_row()?;
        debug_assert_eq!(fields, SHOPIFY_COLUMNS);
    }
    Ok(f.n_items)
}
