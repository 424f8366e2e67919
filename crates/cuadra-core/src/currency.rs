//! Currencies as Cuadra keeps them: how many decimal places money in each is kept to. The one
//! table of scales: the desktop app formats with the same numbers (ui/src/ipc/generated.ts).

/// Currencies whose money is not kept to 2 decimal places, with their scale. COP is kept in
/// whole pesos, as Colombian PSPs and shops settle it in practice (ISO 4217 says 2).
pub const CURRENCY_SCALES: &[(&str, u32)] = &[
    ("COP", 0),
    ("CLP", 0),
    ("PYG", 0),
    ("JPY", 0),
    ("KRW", 0),
    ("VND", 0),
    ("ISK", 0),
    ("UGX", 0),
    ("XAF", 0),
    ("XOF", 0),
    ("XPF", 0),
    ("BIF", 0),
    ("DJF", 0),
    ("GNF", 0),
    ("KMF", 0),
    ("RWF", 0),
    ("VUV", 0),
    ("UYI", 0),
    ("BHD", 3),
    ("IQD", 3),
    ("JOD", 3),
    ("KWD", 3),
    ("LYD", 3),
    ("OMR", 3),
    ("TND", 3),
    ("CLF", 4),
    ("UYW", 4),
];

/// The scale of a currency not in [`CURRENCY_SCALES`] (and of unknown codes).
pub const DEFAULT_SCALE: u32 = 2;

/// Decimal places money in `code` is kept to (see [`CURRENCY_SCALES`]). Unknown codes get 2.
pub fn currency_scale(code: &str) -> u32 {
    let code = code.trim();
    CURRENCY_SCALES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code))
        .map_or(DEFAULT_SCALE, |&(_, scale)| scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn currency_scales() {
        assert_eq!(currency_scale("COP"), 0, "COP is settled in whole pesos");
        assert_eq!(currency_scale("usd"), 2);
        assert_eq!(currency_scale(" cop "), 0);
        assert_eq!(currency_scale("CLP"), 0);
        assert_eq!(currency_scale("KWD"), 3);
        assert_eq!(currency_scale("CLF"), 4);
        assert_eq!(currency_scale("XYZ"), 2, "unknown currencies default to 2");
    }
}
