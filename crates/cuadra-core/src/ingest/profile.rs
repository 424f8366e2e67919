//! Profiles: how one layout's columns map onto Cuadra's normalized fields. The built-in formats
//! (dLocal, Mercado Pago, PayU, Shopify, WooCommerce, VTEX) are profiles like any user-made one, so
//! detection, parsing and the generic "map it once, reuse it" flow share one mechanism. Columns are
//! always mapped by header name, never by position. This module holds no parsing of cell values.

use crate::model::{FileKind, RowType};
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

/// One layout's mapping. Built-in ones are made by [`builtin_profiles`]; user ones are saved in
/// the workspace as JSON of this struct.
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
    }
}

fn orders(name: &str, source: &str) -> Profile {
    Profile {
        kind: FileKind::Orders,
        identity: IdentityRule::Fingerprint,
        ..settlement(name, source, source)
    }
}

/// The formats Cuadra knows without being told, most specific first.
pub fn builtin_profiles() -> Vec<Profile> {
    use crate::model::RowType as Rt;
    use Field::*;
    let dlocal_types = types(&[
        ("PAYMENT", Rt::Payment),
        ("CAPTURE", Rt::Payment),
        ("REFUND", Rt::Refund),
        ("CHARGEBACK", Rt::Chargeback),
        ("CHARGEBACK_REVERSAL", Rt::ChargebackReversal),
        ("ADJUSTMENT", Rt::Adjustment),
        ("SETTLEMENT_FEE", Rt::Fee),
        ("FEE", Rt::Fee),
    ]);
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
        decimal_mark: Some(DecimalMark::Dot),
        date_order: DateOrder::Ymd,
        row_types: dlocal_types.clone(),
        default_settlement_currency: Some("USD".into()),
        summary_block: true,
        ..settlement("dlocal-crossborder", "dlocal", "dlocal")
    };
    let dlocal_legacy = Profile {
        columns: cols(&[
            (RowType, &["Type"]),
            (CreatedAt, &["Creation date"]),
            (SettledAt, &["Settlement date"]),
            (PspTxnId, &["Reference"]),
            (MerchantRef, &["Invoice"]),
            (PaymentMethod, &["Payment Method"]),
            (PaymentType, &["Payment Method Type"]),
            (LocalAmount, &["Net Amount (local)"]),
            (NetAmount, &["Amount (USD)"]),
            (LocalCurrency, &["currency"]),
            (Status, &["Status"]),
            (PayerEmail, &["User Mail"]),
            (PspOrderId, &["Transaction Reference"]),
            (Description, &["Transaction Invoice"]),
            (FeeAmount, &["Fee"]),
            (TaxAmount, &["IOF"]),
        ]),
        required: vec![RowType, PspTxnId, LocalAmount, Status],
        decimal_mark: Some(DecimalMark::Dot),
        date_order: DateOrder::Ymd,
        row_types: types(&[
            ("Payment", Rt::Payment),
            ("Payments", Rt::Payment),
            ("Refund", Rt::Refund),
            ("Refunds", Rt::Refund),
            ("Chargeback", Rt::Chargeback),
            ("Chargebacks", Rt::Chargeback),
            ("Chargeback reversal", Rt::ChargebackReversal),
            ("Adjustment", Rt::Adjustment),
            ("Fee", Rt::Fee),
        ]),
        default_settlement_currency: Some("USD".into()),
        ..settlement("dlocal-legacy", "dlocal", "dlocal")
    };
    let mp_settlement = Profile {
        columns: cols(&[
            (
                MerchantRef,
                &[
                    "EXTERNAL_REFERENCE",
                    "Referencia externa",
                    "Código de referencia",
                    "Codigo de referencia",
                ],
            ),
            (
                PspTxnId,
                &[
                    "SOURCE_ID",
                    "ID de la operación en Mercado Pago",
                    "Número de operación",
                    "Numero de operacion",
                    "ID de operación",
                ],
            ),
            (PaymentMethod, &["PAYMENT_METHOD", "Medio de pago"]),
            (
                PaymentType,
                &["PAYMENT_METHOD_TYPE", "Tipo de medio de pago"],
            ),
            (
                RowType,
                &[
                    "TRANSACTION_TYPE",
                    "Tipo de transacción",
                    "Tipo de operación",
                ],
            ),
            (
                LocalAmount,
                &[
                    "TRANSACTION_AMOUNT",
                    "Valor de la compra",
                    "Monto de la transacción",
                    "Valor de la transacción",
                ],
            ),
            (
                LocalCurrency,
                &["TRANSACTION_CURRENCY", "Moneda de la transacción", "Moneda"],
            ),
            (
                CreatedAt,
                &[
                    "TRANSACTION_DATE",
                    "Fecha de la transacción",
                    "Fecha de compra",
                    "Fecha de origen",
                ],
            ),
            (
                FeeAmount,
                &[
                    "FEE_AMOUNT",
                    "Tarifa de Mercado Pago",
                    "Comisión por uso de plataforma",
                    "Cargo por uso de plataforma",
                ],
            ),
            (
                NetAmount,
                &[
                    "SETTLEMENT_NET_AMOUNT",
                    "Monto neto de la operación",
                    "Monto neto acreditado",
                    "Valor neto",
                ],
            ),
            (
                SettlementCurrency,
                &["SETTLEMENT_CURRENCY", "Moneda de liquidación"],
            ),
            (
                SettledAt,
                &[
                    "SETTLEMENT_DATE",
                    "Fecha de liquidación",
                    "Fecha de acreditación",
                ],
            ),
            (TaxAmount, &["TAXES_AMOUNT", "Impuestos", "Retenciones"]),
            (
                TaxDetail,
                &["TAX_DETAIL", "TAXES_DISAGGREGATED", "Detalle de impuestos"],
            ),
            (
                PspOrderId,
                &["ORDER_ID", "ID de la orden", "Número de orden"],
            ),
        ]),
        required: vec![MerchantRef, PspTxnId, RowType, LocalAmount],
        row_types: types(&[
            ("SETTLEMENT", Rt::Payment),
            ("LIQUIDACION", Rt::Payment),
            ("PAYMENT", Rt::Payment),
            ("PAGO", Rt::Payment),
            ("REFUND", Rt::Refund),
            ("DEVOLUCION", Rt::Refund),
            ("REEMBOLSO", Rt::Refund),
            ("CHARGEBACK", Rt::Chargeback),
            ("CONTRACARGO", Rt::Chargeback),
            ("DISPUTE", Rt::Chargeback),
            ("DISPUTA", Rt::Chargeback),
            ("WITHDRAWAL", Rt::Payout),
            ("RETIRO", Rt::Payout),
            ("WITHDRAWAL_CANCEL", Rt::Payout),
            ("PAYOUT", Rt::Payout),
            ("TAX_WITHDHOLDING", Rt::Tax),
            ("TAX_WITHHOLDING", Rt::Tax),
            ("TAX_WITHDHOLDING_CANCEL", Rt::Tax),
            ("FEE", Rt::Fee),
        ]),
        unknown_row_type: UnknownRowType::Classify(Rt::Adjustment),
        default_local_currency: Some("COP".into()),
        default_settlement_currency: Some("COP".into()),
        identity: IdentityRule::PspTxnIdReversalsByAmount,
        ..settlement("mercadopago-settlement", "mercadopago", "mercadopago")
    };
    let mp_release = Profile {
        columns: cols(&[
            (SettledAt, &["DATE", "Fecha"]),
            (PspTxnId, &["SOURCE_ID", "ID de operación"]),
            (MerchantRef, &["EXTERNAL_REFERENCE", "Referencia externa"]),
            (RowType, &["DESCRIPTION", "Descripción"]),
            (NetCredit, &["NET_CREDIT_AMOUNT", "Crédito neto"]),
            (NetDebit, &["NET_DEBIT_AMOUNT", "Débito neto"]),
            (LocalAmount, &["GROSS_AMOUNT", "Monto bruto"]),
            (FeeAmount, &["MP_FEE_AMOUNT", "Tarifa de Mercado Pago"]),
            (TaxAmount, &["TAXES_AMOUNT", "Impuestos"]),
            (
                PaymentMethod,
                &["PAYMENT METHOD", "PAYMENT_METHOD", "Medio de pago"],
            ),
            (TaxDetail, &["TAX_DETAIL", "TAXES_DISAGGREGATED"]),
            (PspOrderId, &["ORDER_ID"]),
        ]),
        required: vec![PspTxnId, RowType, NetCredit, NetDebit],
        row_types: types(&[
            ("payment", Rt::Payment),
            ("refund", Rt::Refund),
            ("chargeback", Rt::Chargeback),
            ("chargeback_cancel", Rt::ChargebackReversal),
            ("dispute", Rt::Chargeback),
            ("payout", Rt::Payout),
            ("withdrawal", Rt::Payout),
            ("withdrawal_cancel", Rt::Payout),
            ("tax_withdholding", Rt::Tax),
            ("tax_withholding", Rt::Tax),
            ("tax_withdholding_cancel", Rt::Tax),
            ("fee", Rt::Fee),
        ]),
        unknown_row_type: UnknownRowType::Classify(Rt::Adjustment),
        default_local_currency: Some("COP".into()),
        default_settlement_currency: Some("COP".into()),
        identity: IdentityRule::PspTxnIdReversalsByAmount,
        ..settlement("mercadopago-release", "mercadopago", "mercadopago-release")
    };
    let payu = Profile {
        columns: cols(&[
            (PspTxnId, &["Orden", "Id orden", "Número de orden", "Order"]),
            (
                MerchantRef,
                &["Referencia", "Referencia de venta", "Reference"],
            ),
            (PayerEmail, &["Comprador", "Email del comprador", "Buyer"]),
            (LocalAmount, &["Monto", "Valor", "Amount"]),
            (LocalCurrency, &["Moneda", "Currency"]),
            (
                PaymentMethod,
                &["Método de pago", "Medio de pago", "Payment method"],
            ),
            (Status, &["Estado", "State"]),
            (CreatedAt, &["Fecha de creación", "Fecha", "Creation date"]),
            (ApprovedAt, &["Fecha de aprobación", "Fecha de pago"]),
            (
                PspOrderId,
                &["Transacción", "Id transacción", "Transaction"],
            ),
        ]),
        required: vec![PspTxnId, MerchantRef, LocalAmount, Status],
        // A Spanish report writes people's numbers (`$ 150.000`, `$ 45.500,50`) whatever the
        // delimiter; a dot before three digits is grouping, never 150 pesos.
        decimal_mark: Some(DecimalMark::Comma),
        default_local_currency: Some("COP".into()),
        default_settlement_currency: Some("COP".into()),
        ..settlement("payu-ventas", "payu", "payu")
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
        shopify,
        woo,
        vtex,
    ]
}

/// How well `profile` explains a header row: None when a required column is missing, else the
/// number of its columns present (more is a better fit).
pub fn header_fit(profile: &Profile, normalized_header: &[String]) -> Option<usize> {
    let present = |field: Field| {
        profile
            .aliases(field)
            .iter()
            .any(|a| normalized_header.iter().any(|h| h == a))
    };
    if !profile.required.iter().all(|f| present(*f)) {
        return None;
    }
    Some(profile.columns.iter().filter(|(f, _)| present(*f)).count())
}

/// For each field of `profile`, the index of the first header column carrying it.
pub fn column_map(profile: &Profile, normalized_header: &[String]) -> Vec<(Field, usize)> {
    let mut map = Vec::new();
    for (field, aliases) in &profile.columns {
        // Alias order is preference order: `Order Total` before a bare `Total`.
        let found = aliases
            .iter()
            .find_map(|a| normalized_header.iter().position(|h| h == a));
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
