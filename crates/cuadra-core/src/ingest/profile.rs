//! Profiles: how one layout's columns map onto Cuadra's normalized fields. The built-in formats
//! (dLocal, Mercado Pago, PayU, Shopify, WooCommerce, VTEX) are profiles like any user-made one, so
//! detection, parsing and the generic "map it once, reuse it" flow share one mechanism. Columns are
//! always mapped by header name, never by position. This module holds no parsing of cell values.

use crate::model::{FileKind, PaymentStatus, RowType};
use crate::money::DecimalMark;
use crate::time::DateOrder;
use serde::{Deserialize, Serialize};

/// A normalized field a column can be mapped to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    // Settlement lines.
    RowType,
    Status,
    MerchantRef,
    PspTxnId,
    PspOrderId,
    PaymentMethod,
    PaymentType,
    LocalAmount,
    LocalCurrency,
    GrossAmount,
    FeeAmount,
    TaxAmount,
    NetAmount,
    NetCredit,
    NetDebit,
    SettlementCurrency,
    FxRate,
    CreatedAt,
    ApprovedAt,
    SettledAt,
    ExpiresAt,
    BatchRef,
    PayerEmail,
    PayerDocument,
    Description,
    TaxDetail,
    /// What kind of record a row is, in files that mix money with balances and totals
    /// (Mercado Pago's release report `RECORD_TYPE`).
    RecordType,
    /// The merchant's reference of the payment a refund or chargeback reverses, where the
    /// format writes it in a column of its own (dLocal's older report `Transaction Invoice`).
    OriginalMerchantRef,
    /// Charges written apart from the fee column, added to the fee (Mercado Pago's release
    /// report `FINANCING_FEE_AMOUNT`, `SHIPPING_FEE_AMOUNT`).
    FinancingFee,
    ShippingFee,
    /// A statement block's concepts (PayU's financial statement: `Credit`, `Credit value`,
    /// `Debit`, `Debit value`).
    CreditConcept,
    CreditValue,
    DebitConcept,
    DebitValue,
    // Shop orders.
    OrderName,
    OrderId,
    FinancialStatus,
    Currency,
    Total,
    Subtotal,
    Shipping,
    Taxes,
    Discount,
    Refunded,
    Outstanding,
    PaidAt,
    CancelledAt,
    PaymentReference,
    PaymentId,
    Email,
    CustomerName,
    ItemName,
    ItemSku,
    ItemQuantity,
    ItemPrice,
}

impl Field {
    /// Whether the field holds money (parsed with the file's decimal mark and minor units).
    pub fn is_amount(self) -> bool {
        matches!(
            self,
            Field::LocalAmount
                | Field::GrossAmount
                | Field::FeeAmount
                | Field::FinancingFee
                | Field::ShippingFee
                | Field::TaxAmount
                | Field::NetAmount
                | Field::NetCredit
                | Field::NetDebit
                | Field::Total
                | Field::Subtotal
                | Field::Shipping
                | Field::Taxes
                | Field::Discount
                | Field::Refunded
                | Field::Outstanding
                | Field::ItemPrice
        )
    }

    /// Whether the field holds a date or a date-time.
    pub fn is_time(self) -> bool {
        matches!(
            self,
            Field::CreatedAt
                | Field::ApprovedAt
                | Field::SettledAt
                | Field::ExpiresAt
                | Field::PaidAt
                | Field::CancelledAt
        )
    }

    /// Fields that belong to an order as a whole (on Shopify only on its first row).
    pub fn is_order_level(self) -> bool {
        !matches!(
            self,
            Field::ItemName | Field::ItemSku | Field::ItemQuantity | Field::ItemPrice
        ) && !matches!(self, Field::OrderName | Field::OrderId)
    }
}

/// How a file's lines get their identity when the format carries no PSP transaction id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdentityRule {
    /// The PSP's own transaction id, falling back to the fingerprint on rows without one.
    PspTxnId,
    /// As `PspTxnId`, but refund and chargeback rows repeat the id of the payment they reverse
    /// (Mercado Pago writes every partial refund with the payment's SOURCE_ID): those are told
    /// apart by their amount and time, then by occurrence.
    PspTxnIdReversalsByAmount,
    /// A fingerprint of the row's content plus its occurrence number in the file.
    Fingerprint,
}

/// What to do with a row-type value the profile does not know.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "action", content = "row_type")]
pub enum UnknownRowType {
    Reject,
    Classify(RowType),
}

/// What a row of a file that mixes records is (see [`Field::RecordType`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// Money that moved: a settlement line typed by its row-type column.
    Money,
    /// Money held back or released for a claim: a line of type `hold` whatever its row type.
    Hold,
    /// The balance the file starts from (it is in the file's total, it is not a line).
    OpeningBalance,
    /// A sum of the rows of one record kind, named in the row-type column.
    Subtotal,
    /// The file's total: opening balance plus every movement.
    Total,
    /// A balance shown for information (before and after a withdrawal): not a line, not a total.
    Balance,
}

/// How a file writes what it charges (fees, taxes).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChargeSign {
    /// Negative, as Cuadra keeps them (dLocal cross-border, Mercado Pago).
    #[default]
    Negative,
    /// As positive amounts to subtract (dLocal's older report: `Fee`, `IOF`).
    Positive,
}

/// The direction of a row type whose amounts a file writes without a sign.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Money taken from the merchant (a debit note, a processing fee): stored negative.
    Debit,
    /// Money given to the merchant (a credit note): stored positive.
    Credit,
}

/// One layout's mapping. Built-in ones are made by [`builtin_profiles`]; user ones are saved in
/// the workspace as JSON of this struct (fields added later default, so older saved profiles
/// still load).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// Stable name, shown as the detected format (`dlocal-crossborder`, `shopify`, a user's name).
    pub name: String,
    pub kind: FileKind,
    /// The PSP or shop platform the rows belong to (`dlocal`, `shopify`, ...).
    pub source: String,
    /// Scope of line identities: two profiles with one scope describe the same ledger.
    pub identity_scope: String,
    pub identity: IdentityRule,
    /// Each field with the header names that carry it, compared after [`normalize_header`].
    pub columns: Vec<(Field, Vec<String>)>,
    /// Fields whose columns must all be present for the profile to apply.
    pub required: Vec<Field>,
    /// The decimal mark; None = `;`-separated files use a comma, others a dot.
    pub decimal_mark: Option<DecimalMark>,
    pub date_order: DateOrder,
    /// Whether `date_order` was stated (by a person saving the profile) rather than left at its
    /// default: when it is not, dates like `3/4/2026` are read only if a date of the same column
    /// settles the order (`28/4/2026` is day first), and the file is refused otherwise.
    #[serde(default)]
    pub date_order_stated: bool,
    /// An explicit chrono format for dates (user profiles), else dates are recognised.
    pub date_format: Option<String>,
    /// The zone of date-times without an offset; None = the workspace zone.
    pub zone: Option<String>,
    /// Amounts are integers in minor units (VTEX cents): divide by 10^n.
    pub minor_units: Option<u32>,
    /// Raw row-type values (normalized like headers) to row types.
    pub row_types: Vec<(String, RowType)>,
    /// The row type of lines when the file has no row-type column.
    pub default_row_type: RowType,
    pub unknown_row_type: UnknownRowType,
    /// The currency of local amounts when the file has no currency column.
    pub default_local_currency: Option<String>,
    /// The settlement currency when the file has no column for it.
    pub default_settlement_currency: Option<String>,
    /// Whether the file starts with a dLocal-style summary block above the transaction header.
    pub summary_block: bool,
    /// Whether one order spans several rows (one row per line item).
    pub rows_per_item: bool,
    /// This layout's own status words (normalized like headers), read before the shared
    /// vocabulary: a word means what its PSP documents, not what another PSP means by it.
    #[serde(default)]
    pub statuses: Vec<(String, PaymentStatus)>,
    /// Raw record-type values (normalized) to what the row is; a value not listed is a problem.
    #[serde(default)]
    pub record_kinds: Vec<(String, RecordKind)>,
    /// How the file writes fees and taxes.
    #[serde(default)]
    pub charge_sign: ChargeSign,
    /// The tax column is a part of the fee column, broken out (dLocal's older report: "The IOF
    /// is included in Dlocal's fee, but broken out by request"): the fee keeps only the rest.
    #[serde(default)]
    pub tax_in_fee: bool,
    /// Row types (normalized raw values) whose amounts carry no sign: their direction.
    #[serde(default)]
    pub row_directions: Vec<(String, Direction)>,
    /// The identity scope of another report of the same PSP that records the same money
    /// (Mercado Pago's release report repeats its settlement report): a line of this layout
    /// that repeats a line of that one is kept as evidence but never counted twice.
    #[serde(default)]
    pub same_money_as: Option<String>,
    /// The file lists what buyers paid, not what the PSP settled (PayU's sales reports): said
    /// in the import report, so no one books it as a settlement.
    #[serde(default)]
    pub not_a_settlement: bool,
    /// Where the layout's facts come from (documentation or production code), for the README
    /// and the import report; empty for user profiles.
    #[serde(default)]
    pub source_of_layout: String,
    /// Each movement is a block: a summary row, then rows of concepts (PayU's financial
    /// statement, see `ingest::statement`).
    #[serde(default)]
    pub statement_blocks: bool,
    /// The layout writes rows with fewer cells than its header, the missing ones blank (only
    /// where a real file of the format does, cited beside the profile). Everywhere else a row
    /// of another width than its header is an error.
    #[serde(default)]
    pub short_rows: bool,
    /// Amount columns every file of this layout has, though detection does not need them: a
    /// file recognised as this layout without one of them is refused, naming the column (a
    /// renamed `LOCAL_AMOUNT` would otherwise import every amount as blank).
    #[serde(default)]
    pub money_columns: Vec<Field>,
}

impl Profile {
    /// The header names that map to `field`.
    pub fn aliases(&self, field: Field) -> &[String] {
        self.columns
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, a)| a.as_slice())
            .unwrap_or(&[])
    }
}

/// A header cell as profiles compare it: its whole text normalized, and the code a trailing
/// parenthesis names, if any. Mercado Pago's own glossaries name columns `Reference code
/// (EXTERNAL_REFERENCE)` and `Código de referencia (EXTERNAL_REFERENCE)`
/// (mercadopago/devsite-docs, `guides/additional-content/reports/released-money/glossary.en.md`
/// and the account-money glossaries), and reports translated with `report_translation` write
/// such labels: a column is found by its code in any language and any case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeaderName {
    pub full: String,
    pub code: Option<String>,
}

impl HeaderName {
    pub fn new(text: &str) -> HeaderName {
        let t = text.trim().trim_start_matches('\u{feff}').trim();
        let code = t
            .strip_suffix(')')
            .and_then(|inner| inner.rfind('(').map(|open| &inner[open + 1..]))
            .map(normalize_header)
            .filter(|c| !c.is_empty());
        HeaderName {
            full: normalize_header(t),
            code,
        }
    }

    /// Whether this column is the normalized name `alias`.
    pub fn is(&self, alias: &str) -> bool {
        self.full == alias || self.code.as_deref() == Some(alias)
    }
}

/// The header row as profiles compare it.
pub fn header_names<'a>(cells: impl IntoIterator<Item = &'a str>) -> Vec<HeaderName> {
    cells.into_iter().map(HeaderName::new).collect()
}

/// Header text compared across tools and languages: accents stripped, upper case, every run of
/// non-alphanumeric characters one `_` (so `Paid at`, `PAID_AT` and ` paid-at ` agree).
pub fn normalize_header(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_sep = false;
    for ch in text.trim_start_matches('\u{feff}').chars() {
        let base = fold_accent(ch);
        if base.is_alphanumeric() {
            if pending_sep && !out.is_empty() {
                out.push('_');
            }
            pending_sep = false;
            out.extend(base.to_uppercase());
        } else {
            pending_sep = true;
        }
    }
    out
}

fn fold_accent(ch: char) -> char {
    match ch {
        'á' | 'à' | 'â' | 'ä' | 'ã' => 'a',
        'Á' | 'À' | 'Â' | 'Ä' | 'Ã' => 'A',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'É' | 'È' | 'Ê' | 'Ë' => 'E',
        'í' | 'ì' | 'î' | 'ï' => 'i',
        'Í' | 'Ì' | 'Î' | 'Ï' => 'I',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
        'Ó' | 'Ò' | 'Ô' | 'Ö' | 'Õ' => 'O',
        'ú' | 'ù' | 'û' | 'ü' => 'u',
        'Ú' | 'Ù' | 'Û' | 'Ü' => 'U',
        'ñ' => 'n',
        'Ñ' => 'N',
        'ç' => 'c',
        'Ç' => 'C',
        other => other,
    }
}

/// A stable signature of a header row: its normalized names joined, used to re-apply a saved
/// user profile automatically when the same layout comes back.
pub fn header_signature(header: &[String]) -> String {
    let names: Vec<String> = header
        .iter()
        .map(|h| normalize_header(h))
        .filter(|h| !h.is_empty())
        .collect();
    names.join("|")
}

fn cols(list: &[(Field, &[&str])]) -> Vec<(Field, Vec<String>)> {
    list.iter()
        .map(|(f, names)| (*f, names.iter().map(|n| normalize_header(n)).collect()))
        .collect()
}

fn types(list: &[(&str, RowType)]) -> Vec<(String, RowType)> {
    list.iter()
        .map(|(k, t)| (normalize_header(k), *t))
        .collect()
}

impl Profile {
    /// A profile that maps nothing yet, with every option at its plain default (a file of
    /// `kind` from `source`, its line identities scoped by `scope`).
    pub fn new(name: &str, kind: FileKind, source: &str, scope: &str) -> Profile {
        Profile {
            kind,
            ..settlement(name, source, scope)
        }
    }
}

fn settlement(name: &str, source: &str, scope: &str) -> Profile {
    Profile {
        name: name.into(),
        kind: FileKind::Settlement,
        source: source.into(),
        identity_scope: scope.into(),
        identity: IdentityRule::PspTxnId,
        columns: Vec::new(),
        required: Vec::new(),
        decimal_mark: None,
        date_order: DateOrder::Dmy,
        date_order_stated: false,
        date_format: None,
        zone: None,
        minor_units: None,
        row_types: Vec::new(),
        default_row_type: RowType::Payment,
        unknown_row_type: UnknownRowType::Reject,
        default_local_currency: None,
        default_settlement_currency: None,
        summary_block: false,
        rows_per_item: false,
        statuses: Vec::new(),
        record_kinds: Vec::new(),
        charge_sign: ChargeSign::Negative,
        tax_in_fee: false,
        row_directions: Vec::new(),
        same_money_as: None,
        not_a_settlement: false,
        source_of_layout: String::new(),
        statement_blocks: false,
        short_rows: false,
        money_columns: Vec::new(),
    }
}

fn orders(name: &str, source: &str) -> Profile {
    Profile {
        kind: FileKind::Orders,
        identity: IdentityRule::Fingerprint,
        ..settlement(name, source, source)
    }
}

fn statuses(list: &[(&str, PaymentStatus)]) -> Vec<(String, PaymentStatus)> {
    list.iter()
        .map(|(k, t)| (normalize_header(k), *t))
        .collect()
}

/// Where the built-in layouts' facts come from (cited in the README's formats table too).
const SMASHPIG: &str =
    "wikimedia/wikimedia-fundraising-SmashPig @426ebe08, PaymentProviders/dlocal/Audit/";
const MP_DOCS: &str = "mercadopago/devsite-docs, guides/additional-content/reports/";
const PAYU_DOCS: &str = "developers-payu-latam/developers-payu-latam.github.io @42c09c28, latam/es/payu-module-documentation/reports/";

/// The formats Cuadra knows without being told, most specific first.
pub fn builtin_profiles() -> Vec<Profile> {
    use crate::model::RowType as Rt;
    use Field::*;
    use PaymentStatus as Ps;
    // dLocal "Settlement - Cross-border Payins": the layout, row types, signs (fees negative)
    // and zone as SmashPig's production parser reads them (SettlementFileParser.php,
    // BaseParser.php; dates through Core/UtcDate.php, which reads them as UTC).
    let dlocal = Profile {
        columns: cols(&[
            (RowType, &["ROW_TYPE"]),
            (CreatedAt, &["CREATION_DATE"]),
            (ApprovedAt, &["APPROVED_DATE"]),
            (MerchantRef, &["TRANSACTION_ID"]),
            (PspTxnId, &["DLOCAL_TRANSACTION_ID"]),
            (LocalAmount, &["LOCAL_AMOUNT"]),
            (LocalCurrency, &["LOCAL_CURRENCY"]),
            (FxRate, &["FX_RATE"]),
            (GrossAmount, &["GROSS_AMOUNT"]),
            (FeeAmount, &["FEE_AMOUNT"]),
            (NetAmount, &["NET_AMOUNT"]),
            (PaymentType, &["PAYMENT_TYPE"]),
            (PaymentMethod, &["PAYMENT_METHOD_CODE"]),
            (Status, &["STATUS"]),
            (PayerDocument, &["USER_DOCUMENT"]),
            (PayerEmail, &["USER_EMAIL"]),
            (Description, &["DESCRIPTION"]),
        ]),
        required: vec![RowType, PspTxnId, MerchantRef, NetAmount],
        // Every transaction row SmashPig's parser reads carries these (and its test file has
        // them); the summary block has its own.
        money_columns: vec![LocalAmount, GrossAmount, FeeAmount],
        decimal_mark: Some(DecimalMark::Dot),
        date_order: DateOrder::Ymd,
        zone: Some("UTC".into()),
        row_types: types(&[
            ("PAYMENT", Rt::Payment),
            ("CAPTURE", Rt::Payment),
            ("REFUND", Rt::Refund),
            ("CHARGEBACK", Rt::Chargeback),
            ("CHARGEBACK_REVERSAL", Rt::ChargebackReversal),
            ("ADJUSTMENT", Rt::Adjustment),
            ("SETTLEMENT_FEE", Rt::Fee),
        ]),
        default_settlement_currency: Some("USD".into()),
        summary_block: true,
        source_of_layout: format!("{SMASHPIG}SettlementFileParser.php"),
        ..settlement("dlocal-crossborder", "dlocal", "dlocal")
    };
    // dLocal's older `;` report, as SmashPig reads it (ReportFileParser.php, DlocalAudit.php's
    // column list, and its tests' expectations): `Net Amount (local)` is what the buyer paid,
    // `Amount (USD)` the settled gross "including fee", `Fee` positive in USD with the `IOF`
    // "included in Dlocal's fee, but broken out" (net = Amount - Fee: 1.50 - 0.03 = 1.47 in
    // AuditTest.php); refunds and chargebacks name the order they reverse in `Transaction
    // Invoice`; Cancelled, In process, Reimbursed and Waiting Details moved no money.
    let dlocal_legacy = Profile {
        columns: cols(&[
            (RowType, &["Type"]),
            (CreatedAt, &["Creation date"]),
            (SettledAt, &["Settlement date"]),
            (PspTxnId, &["Reference"]),
            (MerchantRef, &["Invoice"]),
            (OriginalMerchantRef, &["Transaction Invoice"]),
            (PspOrderId, &["Transaction Reference"]),
            (PaymentMethod, &["Payment Method"]),
            (PaymentType, &["Payment Method Type"]),
            (LocalAmount, &["Net Amount (local)"]),
            (GrossAmount, &["Amount (USD)"]),
            (LocalCurrency, &["currency"]),
            (Status, &["Status"]),
            (PayerEmail, &["User Mail"]),
            (FeeAmount, &["Fee"]),
            (TaxAmount, &["IOF"]),
        ]),
        required: vec![RowType, PspTxnId, LocalAmount, Status],
        // In DlocalAudit.php's column list and both SmashPig test files of this report.
        money_columns: vec![GrossAmount, FeeAmount],
        decimal_mark: Some(DecimalMark::Dot),
        date_order: DateOrder::Ymd,
        zone: Some("UTC".into()),
        row_types: types(&[
            ("Payment", Rt::Payment),
            ("Refund", Rt::Refund),
            ("Chargeback", Rt::Chargeback),
            ("Chargebacks", Rt::Chargeback),
            ("Chargeback Reversal", Rt::ChargebackReversal),
            ("Credit Note", Rt::Adjustment),
            ("Debit Note", Rt::Adjustment),
            ("Refund processing fee", Rt::Fee),
            ("Chargeback processing fee", Rt::Fee),
        ]),
        row_directions: vec![
            (normalize_header("Credit Note"), Direction::Credit),
            (normalize_header("Debit Note"), Direction::Debit),
            (normalize_header("Refund processing fee"), Direction::Debit),
            (
                normalize_header("Chargeback processing fee"),
                Direction::Debit,
            ),
        ],
        statuses: statuses(&[
            ("Cleared", Ps::Paid),
            ("Completed", Ps::Paid),
            ("Settled", Ps::Paid),
            ("Cancelled", Ps::Cancelled),
            ("In process", Ps::Pending),
            ("Reimbursed", Ps::Cancelled),
            ("Waiting Details", Ps::Pending),
        ]),
        charge_sign: ChargeSign::Positive,
        tax_in_fee: true,
        default_settlement_currency: Some("USD".into()),
        source_of_layout: format!("{SMASHPIG}ReportFileParser.php"),
        ..settlement("dlocal-legacy", "dlocal", "dlocal")
    };
    // Mercado Pago's settlement report ("All transactions", account money): columns and their
    // Spanish labels from the glossary (account-money/glossary; MCO block); TRANSACTION_AMOUNT is
    // the gross ("Monto bruto de la operación"), FEE_AMOUNT negative and "includes VAT",
    // SETTLEMENT_NET_AMOUNT = TRANSACTION_AMOUNT + FEE_AMOUNT (account-money/api.en.md sample);
    // dates carry an offset, GMT-04 by default (account-money/generate.en.md,
    // `display_timezone`). TRANSACTION_TYPE values from the glossary and how-to-use.en.md.
    let mp_settlement = Profile {
        columns: cols(&[
            (
                MerchantRef,
                &[
                    "EXTERNAL_REFERENCE",
                    "Número de referencia",
                    "Código de referencia",
                ],
            ),
            (PspTxnId, &["SOURCE_ID", "ID de operación en Mercado Pago"]),
            (PaymentMethod, &["PAYMENT_METHOD", "Medio de pago"]),
            (
                PaymentType,
                &["PAYMENT_METHOD_TYPE", "Tipo de medio de pago"],
            ),
            (RowType, &["TRANSACTION_TYPE", "Tipo de operación"]),
            (LocalAmount, &["TRANSACTION_AMOUNT", "Valor de la compra"]),
            (GrossAmount, &["TRANSACTION_AMOUNT", "Valor de la compra"]),
            (LocalCurrency, &["TRANSACTION_CURRENCY", "Moneda"]),
            (CreatedAt, &["TRANSACTION_DATE", "Fecha de origen"]),
            (FeeAmount, &["FEE_AMOUNT", "Comisiones + IVA"]),
            (
                NetAmount,
                &[
                    "SETTLEMENT_NET_AMOUNT",
                    "Monto neto de la operación que impactó en tu dinero",
                ],
            ),
            (
                SettlementCurrency,
                &["SETTLEMENT_CURRENCY", "Moneda de la liquidación"],
            ),
            (SettledAt, &["SETTLEMENT_DATE", "Fecha de aprobación"]),
            (
                TaxAmount,
                &["TAXES_AMOUNT", "Impuestos cobrados por retenciones IIBB"],
            ),
            (TaxDetail, &["TAX_DETAIL", "Detalle de impuestos"]),
            (PspOrderId, &["ORDER_ID", "ID de la orden"]),
        ]),
        required: vec![MerchantRef, PspTxnId, RowType, LocalAmount],
        zone: Some("Etc/GMT+4".into()),
        row_types: types(&[
            ("SETTLEMENT", Rt::Payment),
            ("REFUND", Rt::Refund),
            ("CHARGEBACK", Rt::Chargeback),
            // "Complaint (DISPUTE): the buyer initiated a complaint for this payment": a claim
            // opened, money held, not a chargeback lost.
            ("DISPUTE", Rt::Hold),
            ("DISPUTE_SHIPPING", Rt::Hold),
            ("WITHDRAWAL", Rt::Payout),
            ("WITHDRAWAL_CANCEL", Rt::Payout),
            ("PAYOUT", Rt::Payout),
            ("CASHBACK", Rt::Adjustment),
            ("SETTLEMENT_SHIPPING", Rt::Fee),
            ("REFUND_SHIPPING", Rt::Fee),
            ("CHARGEBACK_SHIPPING", Rt::Fee),
            // The release report's withholding rows (released-money glossary: "In Colombia
            // they are VAT, ICA and Source withholdings").
            ("TAX_WITHDHOLDING", Rt::Tax),
            ("TAX_WITHDHOLDING_CANCEL", Rt::Tax),
        ]),
        unknown_row_type: UnknownRowType::Classify(Rt::Adjustment),
        default_local_currency: Some("COP".into()),
        default_settlement_currency: Some("COP".into()),
        identity: IdentityRule::PspTxnIdReversalsByAmount,
        source_of_layout: format!("{MP_DOCS}account-money/"),
        ..settlement("mercadopago-settlement", "mercadopago", "mercadopago")
    };
    // Mercado Pago's release report ("Liberaciones"): RECORD_TYPE tells money (`release`, and
    // the holds `block`, `unblock`, `fullblock`) from the file's own balances and totals
    // (`initial_available_balance`, `subtotal`, `total`, `available_balance`); DESCRIPTION
    // types the money; NET_CREDIT_AMOUNT - NET_DEBIT_AMOUNT = GROSS_AMOUNT + fees, with
    // MP_FEE_AMOUNT negative (released-money/glossary.en.md, how-to-use.en.md, the api.en.md
    // sample). It records the same money as the settlement report: never counted twice.
    let mp_release = Profile {
        columns: cols(&[
            (SettledAt, &["DATE", "Fecha de liquidación"]),
            (PspTxnId, &["SOURCE_ID", "ID de operación en Mercado Pago"]),
            (MerchantRef, &["EXTERNAL_REFERENCE", "Código de referencia"]),
            (RecordType, &["RECORD_TYPE", "Tipo de registro"]),
            (RowType, &["DESCRIPTION"]),
            (NetCredit, &["NET_CREDIT_AMOUNT"]),
            (NetDebit, &["NET_DEBIT_AMOUNT"]),
            (LocalAmount, &["GROSS_AMOUNT"]),
            (GrossAmount, &["GROSS_AMOUNT"]),
            (FeeAmount, &["MP_FEE_AMOUNT"]),
            (FinancingFee, &["FINANCING_FEE_AMOUNT"]),
            (ShippingFee, &["SHIPPING_FEE_AMOUNT"]),
            (TaxAmount, &["TAXES_AMOUNT"]),
            (PaymentMethod, &["PAYMENT_METHOD", "PAYMENT METHOD"]),
            (TaxDetail, &["TAX_DETAIL"]),
            (PspOrderId, &["ORDER_ID"]),
            (ApprovedAt, &["TRANSACTION_APPROVAL_DATE"]),
        ]),
        required: vec![PspTxnId, RowType, NetCredit, NetDebit],
        zone: Some("Etc/GMT+4".into()),
        record_kinds: vec![
            (normalize_header("release"), RecordKind::Money),
            (normalize_header("block"), RecordKind::Hold),
            (normalize_header("unblock"), RecordKind::Hold),
            (normalize_header("fullblock"), RecordKind::Hold),
            (
                normalize_header("initial_available_balance"),
                RecordKind::OpeningBalance,
            ),
            (normalize_header("subtotal"), RecordKind::Subtotal),
            (normalize_header("total"), RecordKind::Total),
            (normalize_header("available_balance"), RecordKind::Balance),
        ],
        row_types: types(&[
            ("payment", Rt::Payment),
            ("refund", Rt::Refund),
            ("chargeback", Rt::Chargeback),
            ("chargeback_cancel", Rt::ChargebackReversal),
            // "resolution of a mediation in favor of the buyer that ends up subtracting from
            // the money available from the seller", and its cancellation.
            ("mediation", Rt::Chargeback),
            ("mediation_cancel", Rt::ChargebackReversal),
            ("dispute", Rt::Hold),
            ("shipping_return", Rt::Hold),
            ("restriction", Rt::Hold),
            ("withdrawal", Rt::Payout),
            ("withdrawal_cancel", Rt::Payout),
            ("payout", Rt::Payout),
            ("tax_withdholding", Rt::Tax),
            ("tax_withdholding_cancel", Rt::Tax),
            ("tax_withholding_payer", Rt::Tax),
            ("tax_withholding_collector", Rt::Tax),
            ("tax_withholding_payout", Rt::Tax),
            ("tax_withholding_shipping", Rt::Tax),
            ("shipping", Rt::Fee),
            ("shipping_cancel", Rt::Fee),
            ("fee_release_in_advance", Rt::Fee),
            ("credit_payment", Rt::Adjustment),
            ("asset_management_gain", Rt::Adjustment),
            ("asset_management_loss", Rt::Adjustment),
        ]),
        unknown_row_type: UnknownRowType::Classify(Rt::Adjustment),
        default_local_currency: Some("COP".into()),
        default_settlement_currency: Some("COP".into()),
        identity: IdentityRule::PspTxnIdReversalsByAmount,
        same_money_as: Some("mercadopago".into()),
        source_of_layout: format!("{MP_DOCS}released-money/"),
        ..settlement("mercadopago-release", "mercadopago", "mercadopago-release")
    };
    // PayU's order and transaction states, in the Spanish of its administrative module and as
    // its API codes (admin-module reports page; getting-started/response-codes-and-variables).
    let payu_states = statuses(&[
        ("Iniciada", Ps::Pending),
        ("En progreso", Ps::Pending),
        ("Capturada", Ps::Paid),
        ("Cancelada", Ps::Cancelled),
        ("Declinada", Ps::Rejected),
        ("Reembolsada", Ps::Refunded),
        ("Aprobada", Ps::Paid),
        ("Error", Ps::Rejected),
        ("Pendiente", Ps::Pending),
        ("Expirada", Ps::Expired),
        ("NEW", Ps::Pending),
        ("IN_PROGRESS", Ps::Pending),
        ("AUTHORIZED", Ps::Authorized),
        ("CAPTURED", Ps::Paid),
        ("CANCELLED", Ps::Cancelled),
        ("DECLINED", Ps::Rejected),
        ("REFUNDED", Ps::Refunded),
        ("CHARGEBACK", Ps::ChargedBack),
        ("APPROVED", Ps::Paid),
        ("ERROR", Ps::Rejected),
        ("EXPIRED", Ps::Expired),
        ("PENDING", Ps::Pending),
        ("SUBMITTED", Ps::Pending),
    ]);
    let payu_types = types(&[
        ("AUTHORIZATION_AND_CAPTURE", Rt::Payment),
        ("AUTHORIZATION", Rt::Payment),
        ("CAPTURE", Rt::Payment),
        ("REFUND", Rt::Refund),
        ("PARTIAL_REFUND", Rt::Refund),
    ]);
    // PayU's sales report ("Reporte de ventas", payu-module-documentation/reports/
    // sales-report): Orden, Referencia, Comprador, Monto, Método de pago, Estado. It proves the
    // buyer paid; it holds no fee and no net, so it is not what PayU settled.
    let payu = Profile {
        columns: cols(&[
            (PspTxnId, &["Orden"]),
            (MerchantRef, &["Referencia"]),
            (PayerEmail, &["Comprador"]),
            (LocalAmount, &["Monto"]),
            (LocalCurrency, &["Moneda"]),
            (PaymentMethod, &["Método de pago"]),
            (Status, &["Estado"]),
            (CreatedAt, &["Fecha de creación", "Fecha"]),
            (ApprovedAt, &["Fecha de aprobación", "Fecha de pago"]),
            (PspOrderId, &["Transacción"]),
        ]),
        required: vec![PspTxnId, MerchantRef, LocalAmount, Status],
        // A Spanish report writes people's numbers (`$ 150.000`, `$ 45.500,50`) whatever the
        // delimiter; a dot before three digits is grouping, never 150 pesos.
        decimal_mark: Some(DecimalMark::Comma),
        statuses: payu_states.clone(),
        default_local_currency: Some("COP".into()),
        default_settlement_currency: Some("COP".into()),
        not_a_settlement: true,
        source_of_layout: format!("{PAYU_DOCS}sales-report.html"),
        ..settlement("payu-ventas", "payu", "payu")
    };
    // The sales report's "Reporte" download: PayU's own sample
    // (latam/assets/SampleReports/1632771735723_orders_546703.csv): `;`, English headers, one
    // row per order with the state of its last transaction. `OrderId` is the PayU order the
    // buyer pays at Efecty ("número de pago"); `TransactionId` identifies the row.
    let payu_orders = Profile {
        columns: cols(&[
            (PspTxnId, &["TransactionId"]),
            (PspOrderId, &["OrderId"]),
            (MerchantRef, &["Reference"]),
            (CreatedAt, &["Creation date"]),
            (PayerEmail, &["Buyer email"]),
            (LocalAmount, &["Original value"]),
            (LocalCurrency, &["Original currency"]),
            (PaymentMethod, &["Payment method"]),
            (RowType, &["Transaction type"]),
            (Status, &["Transaction state"]),
            (Description, &["Description"]),
        ]),
        required: vec![PspTxnId, PspOrderId, MerchantRef, LocalAmount, Status],
        decimal_mark: Some(DecimalMark::Dot),
        date_order: DateOrder::Ymd,
        statuses: payu_states.clone(),
        row_types: payu_types.clone(),
        default_settlement_currency: Some("COP".into()),
        not_a_settlement: true,
        source_of_layout: format!("{PAYU_DOCS}sales-report.html"),
        ..settlement("payu-orders", "payu", "payu-orders")
    };
    // The sales report's "Versión del antiguo Módulo Administrativo" download: PayU's sample
    // (latam/assets/SampleReports/546703_27-09-2021-14-52-58.486_transactions.csv), `;`,
    // Spanish headers, one row per transaction.
    // PayU's financial statement ("Balance financiero"), its settlement side: PayU's sample
    // (latam/assets/SampleReports/1632847567058_statement_report_546703.csv), `;`, a block per
    // movement (see `ingest::statement`). Its operation groups, in the sample's words.
    let payu_statement = Profile {
        columns: cols(&[
            (RowType, &["Operation group"]),
            (Description, &["Description"]),
            (CreatedAt, &["Creation date"]),
            (MerchantRef, &["Reference"]),
            (PspTxnId, &["MovementId"]),
            (PspOrderId, &["OrderId"]),
            (PaymentType, &["Document support type"]),
            (PaymentMethod, &["Payment method"]),
            (CreditConcept, &["Credit"]),
            (CreditValue, &["Credit value"]),
            (DebitConcept, &["Debit"]),
            (DebitValue, &["Debit value"]),
        ]),
        required: vec![RowType, PspTxnId, CreditValue, DebitValue],
        // PayU's own sample writes some summary rows one cell short of its 17-column header
        // (the trailing `Debit value` left out, not written blank), as
        // `tests/fixtures/payu_statement_co.csv` keeps on its `Unfrozen` row: a short row is
        // this format's way, read with its missing cells blank.
        short_rows: true,
        decimal_mark: Some(DecimalMark::Dot),
        date_order: DateOrder::Ymd,
        row_types: types(&[
            ("Sale", Rt::Payment),
            ("Reversion", Rt::Refund),
            ("Chargeback", Rt::Chargeback),
            ("Frozen", Rt::Hold),
            ("Unfrozen", Rt::Hold),
            ("Bank transfer", Rt::Payout),
        ]),
        default_local_currency: Some("COP".into()),
        default_settlement_currency: Some("COP".into()),
        statement_blocks: true,
        source_of_layout: format!("{PAYU_DOCS}financial-statement.html"),
        ..settlement("payu-statement", "payu", "payu-statement")
    };
    let payu_transactions = Profile {
        columns: cols(&[
            (PspTxnId, &["Id"]),
            (PspOrderId, &["Id Orden"]),
            (MerchantRef, &["Referencia"]),
            (CreatedAt, &["Fecha de creación"]),
            (RowType, &["Tipo de transacción"]),
            (Status, &["Estado"]),
            (PaymentMethod, &["Medio de pago"]),
            (LocalCurrency, &["Moneda transacción"]),
            (LocalAmount, &["Valor transacción"]),
            (PayerEmail, &["Email del comprador"]),
            (PayerDocument, &["Documento del comprador"]),
            (Description, &["Descripción"]),
        ]),
        required: vec![PspTxnId, PspOrderId, MerchantRef, LocalAmount, RowType],
        decimal_mark: Some(DecimalMark::Dot),
        date_order: DateOrder::Ymd,
        statuses: payu_states,
        row_types: payu_types,
        default_settlement_currency: Some("COP".into()),
        not_a_settlement: true,
        source_of_layout: format!("{PAYU_DOCS}sales-report.html"),
        ..settlement("payu-transactions", "payu", "payu-transactions")
    };
    let shopify = Profile {
        columns: cols(&[
            (OrderName, &["Name"]),
            (Email, &["Email"]),
            (FinancialStatus, &["Financial Status"]),
            (PaidAt, &["Paid at"]),
            (Currency, &["Currency"]),
            (Subtotal, &["Subtotal"]),
            (Shipping, &["Shipping"]),
            (Taxes, &["Taxes"]),
            (Total, &["Total"]),
            (Discount, &["Discount Amount"]),
            (CreatedAt, &["Created at"]),
            (ItemQuantity, &["Lineitem quantity"]),
            (ItemName, &["Lineitem name"]),
            (ItemPrice, &["Lineitem price"]),
            (ItemSku, &["Lineitem sku"]),
            (CustomerName, &["Billing Name"]),
            (CancelledAt, &["Cancelled at"]),
            (PaymentMethod, &["Payment Method"]),
            (
                PaymentReference,
                &["Payment Reference", "Payment References"],
            ),
            (Refunded, &["Refunded Amount"]),
            (Outstanding, &["Outstanding Balance"]),
            (OrderId, &["Id"]),
            (PaymentId, &["Payment ID"]),
        ]),
        required: vec![OrderName, FinancialStatus, Total, ItemName],
        rows_per_item: true,
        ..orders("shopify", "shopify")
    };
    let woo = Profile {
        columns: cols(&[
            (
                OrderName,
                &[
                    "Order Number",
                    "Order number",
                    "Número de pedido",
                    "Numero de pedido",
                    "Pedido",
                ],
            ),
            (OrderId, &["Order ID", "order_id", "ID del pedido", "ID"]),
            (
                FinancialStatus,
                &["Order Status", "Status", "Estado del pedido", "Estado"],
            ),
            (
                CreatedAt,
                &[
                    "Order Date",
                    "Date",
                    "date_created",
                    "Fecha del pedido",
                    "Fecha",
                ],
            ),
            (PaidAt, &["Paid Date", "date_paid", "Fecha de pago"]),
            (
                Total,
                &[
                    "Order Total",
                    "Order Total Amount",
                    "order_total",
                    "Total del pedido",
                    "Total",
                ],
            ),
            (
                Subtotal,
                &["Order Subtotal", "Order Subtotal Amount", "Subtotal"],
            ),
            (Shipping, &["Order Shipping", "Shipping Total", "Envío"]),
            (
                Taxes,
                &["Order Total Tax", "Order Tax", "Tax Total", "Impuestos"],
            ),
            (
                Discount,
                &[
                    "Cart Discount",
                    "Discount Total",
                    "Order Discount",
                    "Descuento",
                ],
            ),
            (
                Refunded,
                &["Order Refund", "Refund Total", "Total Refunded"],
            ),
            (Currency, &["Order Currency", "Currency", "Moneda"]),
            (
                PaymentMethod,
                &[
                    "Payment Method Title",
                    "Payment Method",
                    "Método de pago",
                    "Metodo de pago",
                ],
            ),
            (
                PaymentId,
                &[
                    "Transaction ID",
                    "_transaction_id",
                    "transaction_id",
                    "ID de transacción",
                ],
            ),
            (
                Email,
                &[
                    "Billing Email",
                    "Billing Email Address",
                    "Customer Email",
                    "Correo electrónico de facturación",
                ],
            ),
            (
                CustomerName,
                &[
                    "Billing Full Name",
                    "Customer Name",
                    "Billing First Name",
                    "Nombre de facturación",
                ],
            ),
            (
                ItemName,
                &[
                    "Item Name",
                    "Product Name",
                    "Producto",
                    "Nombre del artículo",
                ],
            ),
            (ItemSku, &["SKU", "Item SKU"]),
            (
                ItemQuantity,
                &["Quantity", "Item Quantity", "Qty", "Cantidad"],
            ),
            (
                ItemPrice,
                &["Item Cost", "Item Price", "Item Total", "Precio"],
            ),
        ]),
        required: vec![FinancialStatus, Total],
        rows_per_item: true,
        ..orders("woocommerce", "woocommerce")
    };
    let vtex = Profile {
        columns: cols(&[
            (OrderId, &["orderId", "Order"]),
            (OrderName, &["sequence", "Sequence"]),
            (CreatedAt, &["creationDate", "Creation Date"]),
            (Total, &["totalValue", "Total Value"]),
            (FinancialStatus, &["status", "Status"]),
            (PaymentMethod, &["paymentNames", "Payment System Name"]),
            (CustomerName, &["clientName", "Client Name"]),
            (Currency, &["currencyCode", "Currency Code"]),
            (PaidAt, &["authorizedDate", "Authorized Date"]),
            (PaymentId, &["transactionId", "Transaction Id", "TID"]),
            (Email, &["clientEmail", "Email"]),
        ]),
        required: vec![OrderId, Total, FinancialStatus, CreatedAt],
        minor_units: Some(2),
        zone: Some("UTC".into()),
        ..orders("vtex", "vtex")
    };
    vec![
        dlocal,
        dlocal_legacy,
        mp_settlement,
        mp_release,
        payu,
        payu_orders,
        payu_transactions,
        payu_statement,
        shopify,
        woo,
        vtex,
    ]
}

/// How well `profile` explains a header row: None when a required column is missing, else the
/// number of its columns present (more is a better fit).
pub fn header_fit(profile: &Profile, header: &[HeaderName]) -> Option<usize> {
    let present = |field: Field| {
        profile
            .aliases(field)
            .iter()
            .any(|a| header.iter().any(|h| h.is(a)))
    };
    if !profile.required.iter().all(|f| present(*f)) {
        return None;
    }
    Some(profile.columns.iter().filter(|(f, _)| present(*f)).count())
}

/// For each field of `profile`, the index of the first header column carrying it.
pub fn column_map(profile: &Profile, header: &[HeaderName]) -> Vec<(Field, usize)> {
    let mut map = Vec::new();
    for (field, aliases) in &profile.columns {
        // Alias order is preference order: `Order Total` before a bare `Total`.
        let found = aliases
            .iter()
            .find_map(|a| header.iter().position(|h| h.is(a)));
        if let Some(idx) = found {
            map.push((*field, idx));
        }
    }
    map
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_compare_across_case_accents_and_separators() {
        assert_eq!(normalize_header(" Paid at "), "PAID_AT");
        assert_eq!(normalize_header("PAYMENT METHOD"), "PAYMENT_METHOD");
        assert_eq!(normalize_header("Método de pago"), "METODO_DE_PAGO");
        assert_eq!(normalize_header("\u{feff}ROW_TYPE"), "ROW_TYPE");
        assert_eq!(
            normalize_header("\"Net Amount (local)\""),
            "NET_AMOUNT_LOCAL"
        );
    }

    #[test]
    fn every_builtin_profile_has_unique_name_and_maps_its_required_fields() {
        let profiles = builtin_profiles();
        let mut names: Vec<_> = profiles.iter().map(|p| p.name.clone()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), profiles.len(), "profile names must be unique");
        for p in &profiles {
            for f in &p.required {
                assert!(
                    !p.aliases(*f).is_empty(),
                    "{}: required {f:?} has no column",
                    p.name
                );
            }
        }
    }
}
