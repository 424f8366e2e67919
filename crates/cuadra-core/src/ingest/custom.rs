//! User-made profiles for layouts Cuadra does not know (ePayco, Kushki, Wompi, an ERP): the user
//! names which column carries which field once, with the file's decimal mark, date format and
//! zone; the mapping is saved in the workspace with the header's signature and applies by itself
//! the next time the same header appears. Modelled on hledger's CSV rules files.

use super::profile::{header_signature, normalize_header, Field, IdentityRule, Profile};
use super::source::{is_blank, Source};
use super::words as w;
use crate::model::{FileKind, RowType};
use crate::money::DecimalMark;
use crate::msg;
use crate::store::Workspace;
use crate::time::{parse_zone, DateOrder};
use crate::words::{Entry, Lang, Msg};
use chrono::{DateTime, SecondsFormat, Utc};
use csv::StringRecord;
use rusqlite::params;
use serde::{Deserialize, Serialize};

/// What the user says about their layout.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ProfileSpec {
    pub name: String,
    pub kind: FileKind,
    /// The PSP or shop the rows come from (default: the profile's name).
    pub source: Option<String>,
    /// `field=COLUMN` pairs: a field name (see [`field_from_name`]) and a header as written.
    pub mappings: Vec<(String, String)>,
    pub decimal_mark: Option<DecimalMark>,
    pub date_format: Option<String>,
    pub date_order: Option<DateOrder>,
    pub zone: Option<String>,
    /// Raw row-type values to types, e.g. `Pago=payment`.
    pub row_types: Vec<(String, String)>,
    pub default_currency: Option<String>,
    /// 1-based row of the header in the sample (default: the first non-blank row).
    pub header_row: Option<u64>,
}

/// Why a profile cannot be made. [`ProfileError::msg`] says it in any language; `Display` is
/// English.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    /// The name given and the field names Cuadra knows.
    #[error("{}", self.msg().render(Lang::En))]
    UnknownField(String, String),
    #[error("{}", self.msg().render(Lang::En))]
    MissingColumn {
        field: String,
        column: String,
        header: String,
    },
    #[error("{}", self.msg().render(Lang::En))]
    Sample(Msg),
    #[error("{}", self.msg().render(Lang::En))]
    UnknownRowType(String),
    #[error("{}", self.msg().render(Lang::En))]
    Zone(String),
    /// A column the kind of profile cannot do without: one of the `PROFILE_NEEDS_*` sentences.
    #[error("{}", self.msg().render(Lang::En))]
    Incomplete(&'static Entry),
    #[error("{}", self.msg().render(Lang::En))]
    Exists(String),
    #[error("{}", self.msg().render(Lang::En))]
    Sql(#[from] rusqlite::Error),
}

impl ProfileError {
    /// The error as a message, to be rendered in the reader's language.
    pub fn msg(&self) -> Msg {
        match self {
            ProfileError::UnknownField(name, fields) => {
                msg!(w::PROFILE_UNKNOWN_FIELD, name, fields)
            }
            ProfileError::MissingColumn {
                field,
                column,
                header,
            } => msg!(w::PROFILE_MISSING_COLUMN, column, header, field),
            ProfileError::Sample(why) => msg!(w::PROFILE_SAMPLE_UNREADABLE, why.clone()),
            ProfileError::UnknownRowType(t) => msg!(w::PROFILE_UNKNOWN_ROW_TYPE, t),
            ProfileError::Zone(z) => msg!(w::PROFILE_BAD_ZONE, z),
            ProfileError::Incomplete(need) => msg!(*need),
            ProfileError::Exists(name) => msg!(w::PROFILE_EXISTS, name),
            ProfileError::Sql(e) => msg!(w::DATABASE_ERROR, e.to_string()),
        }
    }
}

/// Field names accepted in mappings: the normalized field names plus short aliases.
pub fn field_from_name(name: &str, kind: FileKind) -> Option<Field> {
    let key = name.trim().to_lowercase().replace(['-', ' '], "_");
    let alias = match (key.as_str(), kind) {
        ("reference" | "ref", FileKind::Settlement) => Some(Field::MerchantRef),
        ("reference" | "ref", FileKind::Orders) => Some(Field::PaymentReference),
        ("id", FileKind::Settlement) => Some(Field::PspTxnId),
        ("id", FileKind::Orders) => Some(Field::OrderId),
        ("amount", FileKind::Settlement) => Some(Field::LocalAmount),
        ("amount", FileKind::Orders) => Some(Field::Total),
        ("currency", FileKind::Settlement) => Some(Field::LocalCurrency),
        ("date", _) => Some(Field::CreatedAt),
        ("status", FileKind::Orders) => Some(Field::FinancialStatus),
        ("fee", _) => Some(Field::FeeAmount),
        ("net", _) => Some(Field::NetAmount),
        _ => None,
    };
    alias.or_else(|| serde_json::from_value(serde_json::Value::String(key)).ok())
}

fn all_field_names() -> String {
    let all = [
        "row_type",
        "status",
        "merchant_ref",
        "psp_txn_id",
        "psp_order_id",
        "payment_method",
        "payment_type",
        "local_amount",
        "local_currency",
        "gross_amount",
        "fee_amount",
        "tax_amount",
        "net_amount",
        "net_credit",
        "net_debit",
        "settlement_currency",
        "fx_rate",
        "created_at",
        "approved_at",
        "settled_at",
        "expires_at",
        "batch_ref",
        "payer_email",
        "payer_document",
        "description",
        "tax_detail",
        "original_merchant_ref",
        "financing_fee",
        "shipping_fee",
        "order_name",
        "order_id",
        "financial_status",
        "currency",
        "total",
        "subtotal",
        "shipping",
        "taxes",
        "discount",
        "refunded",
        "outstanding",
        "paid_at",
        "cancelled_at",
        "payment_reference",
        "payment_id",
        "email",
        "customer_name",
        "item_name",
        "item_sku",
        "item_quantity",
        "item_price",
    ];
    all.join(", ")
}

/// The header row of a sample file, as written.
pub fn sample_header(sample: &[u8], header_row: Option<u64>) -> Result<Vec<String>, ProfileError> {
    let source = Source::open("sample", sample).map_err(|e| ProfileError::Sample(e.message))?;
    let mut parts = source.parts();
    let Some(reader) = parts.first_mut() else {
        return Err(ProfileError::Sample(msg!(w::SAMPLE_NO_DATA)));
    };
    let mut rec = StringRecord::new();
    loop {
        match reader.read(&mut rec) {
            Ok(Some(row)) => {
                let wanted = match header_row {
                    Some(h) => row == h,
                    None => !is_blank(&rec),
                };
                if wanted {
                    return Ok(rec.iter().map(|c| c.trim().to_string()).collect());
                }
            }
            Ok(None) => return Err(ProfileError::Sample(msg!(w::SAMPLE_NO_HEADER))),
            Err(e) => return Err(ProfileError::Sample(e.message)),
        }
    }
}

/// Builds a profile from the user's spec and the sample's header, checking every mapping.
pub fn build_profile(spec: &ProfileSpec, header: &[String]) -> Result<Profile, ProfileError> {
    let names = super::profile::header_names(header.iter().map(String::as_str));
    let mut columns: Vec<(Field, Vec<String>)> = Vec::new();
    for (field_name, column) in &spec.mappings {
        let field = field_from_name(field_name, spec.kind)
            .ok_or_else(|| ProfileError::UnknownField(field_name.clone(), all_field_names()))?;
        let key = normalize_header(column);
        if !names.iter().any(|h| h.is(&key)) {
            return Err(ProfileError::MissingColumn {
                field: field_name.clone(),
                column: column.clone(),
                header: header.join(" | "),
            });
        }
        columns.retain(|(f, _)| *f != field);
        columns.push((field, vec![key]));
    }
    let has = |f: Field| columns.iter().any(|(c, _)| *c == f);
    let required: Vec<Field> = match spec.kind {
        FileKind::Settlement => {
            if !(has(Field::MerchantRef) || has(Field::PspTxnId)) {
                return Err(ProfileError::Incomplete(w::PROFILE_NEEDS_REFERENCE));
            }
            if !(has(Field::LocalAmount) || has(Field::NetAmount)) {
                return Err(ProfileError::Incomplete(w::PROFILE_NEEDS_AMOUNT));
            }
            columns.iter().map(|(f, _)| *f).collect()
        }
        FileKind::Orders => {
            if !(has(Field::OrderName) || has(Field::OrderId)) {
                return Err(ProfileError::Incomplete(w::PROFILE_NEEDS_ORDER));
            }
            if !has(Field::Total) {
                return Err(ProfileError::Incomplete(w::PROFILE_NEEDS_TOTAL));
            }
            columns.iter().map(|(f, _)| *f).collect()
        }
    };
    let mut row_types = Vec::new();
    for (raw, t) in &spec.row_types {
        let rt = RowType::parse(t.trim()).ok_or_else(|| ProfileError::UnknownRowType(t.clone()))?;
        row_types.push((normalize_header(raw), rt));
    }
    if let Some(z) = &spec.zone {
        parse_zone(z).map_err(|_| ProfileError::Zone(z.clone()))?;
    }
    let source = spec.source.clone().unwrap_or_else(|| spec.name.clone());
    Ok(Profile {
        identity: if has(Field::PspTxnId) {
            IdentityRule::PspTxnId
        } else {
            IdentityRule::Fingerprint
        },
        columns,
        required,
        decimal_mark: spec.decimal_mark,
        date_order: spec.date_order.unwrap_or(DateOrder::Dmy),
        date_order_stated: spec.date_order.is_some(),
        date_format: spec.date_format.clone(),
        zone: spec.zone.clone(),
        row_types,
        default_local_currency: spec.default_currency.clone(),
        default_settlement_currency: spec.default_currency.clone(),
        rows_per_item: spec.kind == FileKind::Orders,
        ..Profile::new(&spec.name, spec.kind, &source, &source)
    })
}

/// A saved profile as listed to the user.
#[derive(Clone, Debug, Serialize)]
pub struct SavedProfile {
    pub name: String,
    pub created_at: String,
    pub profile: Profile,
}

impl Workspace {
    /// Saves a profile built from `spec` and the header of `sample`.
    pub fn create_profile(
        &mut self,
        spec: &ProfileSpec,
        sample: &[u8],
        now: DateTime<Utc>,
    ) -> Result<Profile, ProfileError> {
        let header = sample_header(sample, spec.header_row)?;
        let profile = build_profile(spec, &header)?;
        let builtin = super::profile::builtin_profiles()
            .iter()
            .any(|p| p.name == spec.name);
        let saved: bool = self.conn().query_row(
            "SELECT EXISTS(SELECT 1 FROM profiles WHERE name = ?1)",
            [&spec.name],
            |r| r.get(0),
        )?;
        if builtin || saved {
            return Err(ProfileError::Exists(spec.name.clone()));
        }
        let definition = serde_json::to_string(&profile).unwrap_or_default();
        self.conn().execute(
            "INSERT INTO profiles(name, header_signature, definition, created_at) VALUES (?1, ?2, ?3, ?4)",
            params![
                spec.name,
                header_signature(&header),
                definition,
                now.to_rfc3339_opts(SecondsFormat::Secs, true)
            ],
        )?;
        Ok(profile)
    }

    /// Saved (user-made) profiles.
    pub fn saved_profiles(&self) -> Result<Vec<SavedProfile>, rusqlite::Error> {
        let mut stmt = self
            .conn()
            .prepare("SELECT name, created_at, definition FROM profiles ORDER BY name")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (name, created_at, definition) = row?;
            if let Ok(profile) = serde_json::from_str(&definition) {
                out.push(SavedProfile {
                    name,
                    created_at,
                    profile,
                });
            }
        }
        Ok(out)
    }
}
