//! Colombian withholdings on settled money (ReteFuente, ReteIVA, ReteICA) and the 4x1000 tax
//! (GMF), told apart so each can be checked against the PSP's withholding certificate. It reads
//! what a line's file says of its taxes and never computes a rate (rates change by decree; see
//! shared/domain.md, section 6).
//!
//! Sources: Mercado Pago's glossaries say `TAXES_AMOUNT` holds "IVA, ICA y Fuente" withholdings
//! for Colombia and `TAX_DETAIL` names them with the values `fuente`, `iva`, `ica` and
//! `Tax 4x1000 (GMF)` (mercadopago/devsite-docs, `guides/additional-content/reports/
//! released-money/glossary.en.md`, account-money glossaries, MCO blocks). The exact text of a
//! `TAX_DETAIL` naming several taxes is not documented: one name gives the whole amount to that
//! tax; `name=amount` pairs (Cuadra's own form for formats that break taxes out) give each its
//! amount; anything else is kept whole as "not split", never guessed.

use rust_decimal::Decimal;

/// One kind of tax taken from settled money.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Withholding {
    /// Retención en la fuente (income tax withheld; PayU calls it "renta").
    Fuente,
    /// Retención de IVA.
    Iva,
    /// Retención de ICA (municipal industry and commerce tax).
    Ica,
    /// Gravamen a los movimientos financieros, the 4x1000.
    Gmf,
    /// Taxes the file does not break out.
    NotSplit,
}

impl Withholding {
    pub const ALL: [Withholding; 5] = [
        Withholding::Fuente,
        Withholding::Iva,
        Withholding::Ica,
        Withholding::Gmf,
        Withholding::NotSplit,
    ];

    /// A name as files write it (`fuente`, `IVA`, `Tax 4x1000 (GMF)`, `ica Bogotá`,
    /// `ICA withholding`), or None when it names none of them.
    pub fn named(text: &str) -> Option<Withholding> {
        let t: String = text
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        if t.contains("gmf") || t.contains("4x1000") {
            Some(Withholding::Gmf)
        } else if t.contains("fuente") || t.contains("renta") || t.starts_with("sales") {
            Some(Withholding::Fuente)
        } else if t.contains("ica") {
            Some(Withholding::Ica)
        } else if t.contains("iva") || t.contains("vat") {
            Some(Withholding::Iva)
        } else {
            None
        }
    }
}

/// A line's taxes (`tax`, as stored: negative when withheld) split by kind as its `detail`
/// names them.
pub fn split(detail: Option<&str>, tax: Decimal) -> Vec<(Withholding, Decimal)> {
    let detail = detail.map(str::trim).filter(|d| !d.is_empty());
    if tax.is_zero() && detail.is_none_or(|d| !d.contains('=')) {
        return Vec::new();
    }
    let Some(detail) = detail else {
        return vec![(Withholding::NotSplit, tax)];
    };
    // A Spanish re-save writes decimal commas: then `|` or `;` separate the taxes.
    let separators: &[char] = if detail.contains(['|', ';']) {
        &['|', ';']
    } else {
        &[',']
    };
    let parts: Vec<&str> = detail
        .split(separators)
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    if parts.iter().all(|p| p.contains('=')) {
        let mut out = Vec::new();
        let mut rest = tax;
        for p in parts {
            let (name, amount) = p.split_once('=').unwrap_or((p, ""));
            let amount = read_amount(amount);
            match (Withholding::named(name), amount) {
                (Some(kind), Some(a)) => {
                    out.push((kind, a));
                    rest -= a;
                }
                _ => return vec![(Withholding::NotSplit, tax)],
            }
        }
        if !rest.is_zero() {
            out.push((Withholding::NotSplit, rest));
        }
        return out;
    }
    match parts.as_slice() {
        [one] => match Withholding::named(one) {
            Some(kind) => vec![(kind, tax)],
            None => vec![(Withholding::NotSplit, tax)],
        },
        _ => vec![(Withholding::NotSplit, tax)],
    }
}

/// An amount in a tax breakdown: `-2247.50` or, from a Spanish re-save, `-2247,5`.
fn read_amount(text: &str) -> Option<Decimal> {
    let t = text.trim();
    let mark = if t.contains(',') && !t.contains('.') {
        crate::money::DecimalMark::Comma
    } else {
        crate::money::DecimalMark::Dot
    };
    crate::money::parse_amount(t, mark).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn each_withholding_is_told_apart_and_nothing_is_guessed() {
        use Withholding::*;
        assert_eq!(
            split(Some("fuente"), d("-3750")),
            vec![(Fuente, d("-3750"))]
        );
        assert_eq!(
            split(Some("Tax 4x1000 (GMF)"), d("-400")),
            vec![(Gmf, d("-400"))]
        );
        assert_eq!(split(Some("iva"), d("-596.14")), vec![(Iva, d("-596.14"))]);
        assert_eq!(
            split(Some("fuente|ica"), d("-2276.85")),
            vec![(NotSplit, d("-2276.85"))],
            "two names and one amount: the share of each is not written, so not guessed"
        );
        assert_eq!(
            split(
                Some("fuente=-2247,5|iva=-596,14|ica Bogotá=-29,35"),
                d("-2872.99")
            ),
            vec![
                (Fuente, d("-2247.5")),
                (Iva, d("-596.14")),
                (Ica, d("-29.35"))
            ]
        );
        assert_eq!(
            split(Some("fuente=-100"), d("-150")),
            vec![(Fuente, d("-100")), (NotSplit, d("-50"))],
            "what the breakdown does not cover stays, not split"
        );
        assert_eq!(split(None, d("-10")), vec![(NotSplit, d("-10"))]);
        assert_eq!(split(None, Decimal::ZERO), vec![]);
        assert_eq!(split(Some("otro"), d("-5")), vec![(NotSplit, d("-5"))]);
        assert_eq!(Withholding::named("Withholding VAT"), Some(Iva));
        assert_eq!(Withholding::named("ICA withholding"), Some(Ica));
        assert_eq!(Withholding::named("Sales withholding"), Some(Fuente));
    }
}
