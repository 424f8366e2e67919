//! Money text as accountants' tools write it, parsed into exact decimals. Never through a float.
//!
//! This module owns reading an amount out of a cell (`1.234.567,89`, `$ 150.000`, `(1.500)`,
//! `1,5E+05`, ...) and turning an XLSX float cell into a decimal by its shortest text. It never
//! does arithmetic on `f64`, never guesses a decimal mark when the text itself decides it, and
//! never returns a value that differs from what was written without saying so.

use std::fmt;

use crate::msg;
use crate::words::ingest as w;
use crate::words::{Lang, Msg};
use rust_decimal::Decimal;

/// The decimal mark a file uses. It only settles the one truly ambiguous shape: a single
/// separator followed by exactly three digits (`150.000`, `1,500`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DecimalMark {
    Dot,
    Comma,
}

impl DecimalMark {
    fn as_char(self) -> char {
        match self {
            DecimalMark::Dot => '.',
            DecimalMark::Comma => ',',
        }
    }
}

/// Why a text is not an amount. The sentences are in the import catalog
/// (`crate::words::ingest`, `AMOUNT_*`): [`AmountError::msg`] in any language, `Display` in
/// English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AmountError {
    /// Blank or whitespace only: callers usually treat this as a missing value, not a bad one.
    Empty,
    /// The text is not an amount; `reason` says what is wrong and what to do.
    Invalid { text: String, reason: Msg },
    /// A well-formed number that an exact decimal cannot hold (more than 28 digits or decimals).
    OutOfRange { text: String },
}

impl AmountError {
    /// The error as a message, to be rendered in the reader's language.
    pub fn msg(&self) -> Msg {
        match self {
            AmountError::Empty => msg!(w::AMOUNT_BLANK),
            AmountError::Invalid { text, reason } => msg!(w::AMOUNT_INVALID, text, reason.clone()),
            AmountError::OutOfRange { text } => msg!(w::AMOUNT_OUT_OF_RANGE, text),
        }
    }
}

impl fmt::Display for AmountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.msg().render(Lang::En))
    }
}

impl std::error::Error for AmountError {}

/// Longest piece of the original text quoted back in an error, so a pasted megabyte does not
/// become a megabyte error message.
const QUOTE_LIMIT: usize = 60;

fn quote(text: &str) -> String {
    if text.chars().count() <= QUOTE_LIMIT {
        text.to_string()
    } else {
        let mut short: String = text.chars().take(QUOTE_LIMIT).collect();
        short.push('…');
        short
    }
}

fn invalid(text: &str, reason: Msg) -> AmountError {
    AmountError::Invalid {
        text: quote(text),
        reason,
    }
}

/// Currency symbols and codes that may surround an amount, longest first so `US$` wins over `$`.
/// Codes are matched case-insensitively; symbols exactly.
const CURRENCY_SYMBOLS: &[&str] = &["COL$", "US$", "CO$", "R$", "S/", "$", "€", "£"];
const CURRENCY_CODES: &[&str] = &[
    "COP", "USD", "CLP", "MXN", "BRL", "PEN", "ARS", "UYU", "EUR", "GBP", "CAD", "BOB", "PYG",
    "CRC", "GTQ", "DOP", "PAB", "VES",
];

/// Characters that can only ever be thousands grouping: space, NBSP, narrow NBSP, thin space,
/// apostrophe and right single quote (Swiss style).
fn is_space_group(c: char) -> bool {
    matches!(
        c,
        ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '\u{2019}'
    )
}

fn is_minus(c: char) -> bool {
    // ASCII hyphen-minus and the Unicode minus sign some exporters write.
    c == '-' || c == '\u{2212}'
}

/// Parses an amount as people and PSP files write it. See the module docs and the tests for the
/// accepted shapes. `mark` is the file's decimal mark; it only decides `150.000`-like text.
pub fn parse_amount(text: &str, mark: DecimalMark) -> Result<Decimal, AmountError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(AmountError::Empty);
    }
    let core = strip_decorations(trimmed)?;
    let number = parse_number(trimmed, core.digits, mark)?;
    let negative = core.negative && !number.is_zero();
    Ok(if negative { -number } else { number })
}

struct Stripped<'a> {
    digits: &'a str,
    negative: bool,
}

/// Removes signs, parentheses and currency markers from both ends, leaving the bare number.
fn strip_decorations(text: &str) -> Result<Stripped<'_>, AmountError> {
    let mut rest = text;
    let mut minus = 0usize;
    let mut plus = 0usize;
    let mut open_paren = false;
    let mut close_paren = false;
    let mut code: Option<&'static str> = None;
    let mut symbol = false;

    // Leading decorations, in any order: `-$ 5`, `$ -5`, `($5)`, `COP $ 5`.
    loop {
        rest = rest.trim_start();
        if let Some(c) = rest.chars().next() {
            if is_minus(c) {
                minus += 1;
                rest = &rest[c.len_utf8()..];
                continue;
            }
            if c == '+' {
                plus += 1;
                rest = &rest[1..];
                continue;
            }
            if c == '(' {
                if open_paren {
                    return Err(invalid(text, msg!(w::AMOUNT_TWO_OPENING_PARENS)));
                }
                open_paren = true;
                rest = &rest[1..];
                continue;
            }
        }
        if let Some(len) = take_currency_prefix(rest, &mut code, &mut symbol, text)? {
            rest = &rest[len..];
            continue;
        }
        break;
    }
    // Trailing decorations: `5-`, `5)`, `150000 COP`, `5 €`.
    loop {
        rest = rest.trim_end();
        if let Some(c) = rest.chars().next_back() {
            if is_minus(c) {
                minus += 1;
                rest = &rest[..rest.len() - c.len_utf8()];
                continue;
            }
            if c == ')' {
                if close_paren {
                    return Err(invalid(text, msg!(w::AMOUNT_TWO_CLOSING_PARENS)));
                }
                close_paren = true;
                rest = &rest[..rest.len() - 1];
                continue;
            }
        }
        if let Some(len) = take_currency_suffix(rest, &mut code, &mut symbol, text)? {
            rest = &rest[..rest.len() - len];
            continue;
        }
        break;
    }

    if open_paren != close_paren {
        return Err(invalid(text, msg!(w::AMOUNT_UNBALANCED_PARENS)));
    }
    let signs = minus + plus + usize::from(open_paren);
    if minus > 1 {
        return Err(invalid(text, msg!(w::AMOUNT_TWO_MINUS)));
    }
    if signs > 1 {
        return Err(invalid(text, msg!(w::AMOUNT_SEVERAL_SIGNS)));
    }
    if rest.is_empty() {
        return Err(invalid(text, msg!(w::AMOUNT_NO_DIGITS)));
    }
    if let Some(bad) = rest.chars().find(|&c| {
        !(c.is_ascii_digit()
            || c == '.'
            || c == ','
            || c == 'e'
            || c == 'E'
            || c == '+'
            || c == '-'
            || is_space_group(c))
    }) {
        let reason = if bad.is_alphabetic() {
            let word: String = rest.chars().filter(|c| c.is_alphabetic()).collect();
            msg!(w::AMOUNT_UNKNOWN_CURRENCY, quote(&word))
        } else if is_minus(bad) {
            msg!(w::AMOUNT_MINUS_INSIDE)
        } else {
            msg!(w::AMOUNT_UNEXPECTED_CHAR, bad.to_string())
        };
        return Err(invalid(text, reason));
    }
    Ok(Stripped {
        digits: rest,
        negative: minus == 1 || open_paren,
    })
}

fn take_currency_prefix(
    rest: &str,
    code: &mut Option<&'static str>,
    symbol: &mut bool,
    text: &str,
) -> Result<Option<usize>, AmountError> {
    for s in CURRENCY_SYMBOLS {
        if rest.starts_with(s) {
            return note_symbol(symbol, text).map(|()| Some(s.len()));
        }
    }
    for c in CURRENCY_CODES {
        if rest.len() >= c.len()
            && rest.is_char_boundary(c.len())
            && rest[..c.len()].eq_ignore_ascii_case(c)
            && !rest[c.len()..].starts_with(|ch: char| ch.is_alphabetic())
        {
            return note_code(code, c, text).map(|()| Some(c.len()));
        }
    }
    Ok(None)
}

fn take_currency_suffix(
    rest: &str,
    code: &mut Option<&'static str>,
    symbol: &mut bool,
    text: &str,
) -> Result<Option<usize>, AmountError> {
    for s in CURRENCY_SYMBOLS {
        if rest.ends_with(s) {
            return note_symbol(symbol, text).map(|()| Some(s.len()));
        }
    }
    for c in CURRENCY_CODES {
        let start = rest.len().wrapping_sub(c.len());
        if rest.len() >= c.len()
            && rest.is_char_boundary(start)
            && rest[start..].eq_ignore_ascii_case(c)
            && !rest[..start].ends_with(|ch: char| ch.is_alphabetic())
        {
            return note_code(code, c, text).map(|()| Some(c.len()));
        }
    }
    Ok(None)
}

fn note_symbol(symbol: &mut bool, text: &str) -> Result<(), AmountError> {
    if *symbol {
        return Err(invalid(text, msg!(w::AMOUNT_TWO_SYMBOLS)));
    }
    *symbol = true;
    Ok(())
}

fn note_code(
    code: &mut Option<&'static str>,
    found: &'static str,
    text: &str,
) -> Result<(), AmountError> {
    match code {
        Some(previous) if *previous != found => Err(invalid(
            text,
            msg!(w::AMOUNT_TWO_CURRENCIES, *previous, found),
        )),
        Some(_) => Err(invalid(text, msg!(w::AMOUNT_CURRENCY_TWICE))),
        None => {
            *code = Some(found);
            Ok(())
        }
    }
}

/// Parses the bare number (digits, separators, optional exponent) into an unsigned decimal.
fn parse_number(text: &str, number: &str, mark: DecimalMark) -> Result<Decimal, AmountError> {
    let (mantissa, exponent) = match number.find(['e', 'E']) {
        Some(at) => (&number[..at], Some(&number[at + 1..])),
        None => (number, None),
    };
    if mantissa.contains(['+', '-']) {
        return Err(invalid(text, msg!(w::AMOUNT_SIGN_INSIDE)));
    }
    let exp = match exponent {
        None => 0i64,
        Some(e) => parse_exponent(e).ok_or_else(|| invalid(text, msg!(w::AMOUNT_BAD_EXPONENT)))?,
    };
    if exponent.is_some() && mantissa.chars().any(is_space_group) {
        return Err(invalid(text, msg!(w::AMOUNT_EXPONENT_GROUPING)));
    }
    let (int_digits, frac_digits) = split_mantissa(text, mantissa, mark)?;
    build_decimal(&int_digits, &frac_digits, exp)
        .ok_or_else(|| AmountError::OutOfRange { text: quote(text) })
}

fn parse_exponent(text: &str) -> Option<i64> {
    let digits = text.strip_prefix(['+', '-']).unwrap_or(text);
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: i64 = digits.parse().ok()?;
    Some(if text.starts_with('-') { -value } else { value })
}

/// Decides which separator is the decimal mark and checks the grouping. Returns the integer
/// and fraction digits with all separators removed.
fn split_mantissa(
    text: &str,
    mantissa: &str,
    mark: DecimalMark,
) -> Result<(String, String), AmountError> {
    let separators: Vec<(usize, char)> = mantissa
        .char_indices()
        .filter(|&(_, c)| !c.is_ascii_digit())
        .collect();
    if !mantissa.chars().any(|c| c.is_ascii_digit()) {
        return Err(invalid(text, msg!(w::AMOUNT_NO_DIGITS)));
    }
    let has_space_group = separators.iter().any(|&(_, c)| is_space_group(c));
    let dots = separators.iter().filter(|&&(_, c)| c == '.').count();
    let commas = separators.iter().filter(|&&(_, c)| c == ',').count();

    // The decimal separator (position and char), if any.
    let decimal: Option<(usize, char)> = if has_space_group {
        // Spaces and apostrophes only ever group; at most one `.` or `,` may follow as the mark.
        match (dots, commas) {
            (0, 0) => None,
            (1, 0) | (0, 1) => {
                let last = separators.last().copied();
                match last {
                    Some((at, c)) if c == '.' || c == ',' => Some((at, c)),
                    _ => return Err(invalid(text, msg!(w::AMOUNT_MARK_BEFORE_GROUPING))),
                }
            }
            _ => return Err(invalid(text, msg!(w::AMOUNT_SPACE_AND_MARK_GROUPING))),
        }
    } else {
        match (dots, commas) {
            (0, 0) => None,
            (d, c) if d > 0 && c > 0 => {
                // Both appear: the last one is the decimal mark and must appear once.
                let (at, last) = separators[separators.len() - 1];
                let count = if last == '.' { d } else { c };
                if count > 1 {
                    return Err(invalid(
                        text,
                        msg!(w::AMOUNT_INCONSISTENT_GROUPING, last.to_string()),
                    ));
                }
                Some((at, last))
            }
            (d, c) => {
                let sep = if d > 0 { '.' } else { ',' };
                if d + c > 1 {
                    None // a repeated separator can only be grouping
                } else {
                    let (at, _) = separators[0];
                    let lead = &mantissa[..at];
                    let tail = &mantissa[at + 1..];
                    let could_group = tail.len() == 3 && valid_first_group(lead);
                    if could_group && sep != mark.as_char() {
                        None
                    } else {
                        Some((at, sep))
                    }
                }
            }
        }
    };

    let (int_part, frac_part) = match decimal {
        Some((at, _)) => (&mantissa[..at], &mantissa[at + 1..]),
        None => (mantissa, ""),
    };
    if decimal.is_some() && frac_part.is_empty() {
        return Err(invalid(text, msg!(w::AMOUNT_ENDS_WITH_MARK)));
    }
    if !frac_part.bytes().all(|b| b.is_ascii_digit()) {
        return Err(invalid(text, msg!(w::AMOUNT_SEPARATOR_IN_DECIMALS)));
    }
    let int_digits = check_grouping(text, int_part, decimal.is_some())?;
    Ok((int_digits, frac_part.to_string()))
}

/// A first thousands group has 1 to 3 digits and no leading zero (`0.500` is a fraction).
fn valid_first_group(lead: &str) -> bool {
    (1..=3).contains(&lead.len())
        && lead.bytes().all(|b| b.is_ascii_digit())
        && !(lead.len() > 1 && lead.starts_with('0'))
        && lead != "0"
}

/// Validates the integer part's grouping and returns its digits.
fn check_grouping(text: &str, int_part: &str, has_decimal: bool) -> Result<String, AmountError> {
    let mut groups = int_part.split(|c: char| !c.is_ascii_digit());
    let Some(first) = groups.next() else {
        return Ok(String::new());
    };
    let rest: Vec<&str> = groups.collect();
    if rest.is_empty() {
        if first.is_empty() && !has_decimal {
            return Err(invalid(text, msg!(w::AMOUNT_NO_DIGITS)));
        }
        return Ok(first.to_string());
    }
    let grouping_chars: Vec<char> = int_part.chars().filter(|c| !c.is_ascii_digit()).collect();
    let mixed = grouping_chars.iter().any(|&c| {
        let first_kind = grouping_chars[0];
        c != first_kind && !(is_space_group(c) && is_space_group(first_kind))
    });
    if mixed {
        return Err(invalid(text, msg!(w::AMOUNT_MIXED_GROUPING)));
    }
    if !valid_first_group(first) || rest.iter().any(|g| g.len() != 3) {
        return Err(invalid(text, msg!(w::AMOUNT_NOT_THOUSANDS)));
    }
    let mut digits = String::with_capacity(int_part.len());
    digits.push_str(first);
    for g in rest {
        digits.push_str(g);
    }
    Ok(digits)
}

/// Largest scale a `Decimal` holds.
const MAX_SCALE: i64 = 28;

/// Builds `int_digits.frac_digits × 10^exp` exactly, or `None` if a `Decimal` cannot hold it.
fn build_decimal(int_digits: &str, frac_digits: &str, exp: i64) -> Option<Decimal> {
    let mut digits = String::with_capacity(int_digits.len() + frac_digits.len());
    digits.push_str(int_digits);
    digits.push_str(frac_digits);
    let scale = frac_digits.len() as i64 - exp;
    digits_to_decimal(&digits, scale)
}

/// `digits × 10^-scale` as a Decimal, keeping the written scale where it fits. Trailing zeros
/// beyond what a Decimal can hold are dropped (they do not change the value).
fn digits_to_decimal(digits: &str, scale: i64) -> Option<Decimal> {
    let mut digits = digits.trim_start_matches('0').to_string();
    let mut scale = scale;
    if digits.is_empty() {
        return Some(Decimal::new(0, scale.clamp(0, MAX_SCALE) as u32));
    }
    if scale < 0 {
        if digits.len() as i64 - scale > 29 {
            return None;
        }
        digits.extend(std::iter::repeat_n('0', (-scale) as usize));
        scale = 0;
    }
    while scale > MAX_SCALE && digits.ends_with('0') {
        digits.pop();
        scale -= 1;
    }
    if scale > MAX_SCALE || digits.len() > 29 {
        return None;
    }
    let mantissa: i128 = digits.parse().ok()?;
    Decimal::try_from_i128_with_scale(mantissa, scale as u32).ok()
}

pub use crate::currency::{currency_scale, CURRENCY_SCALES, DEFAULT_SCALE};

/// The sign and decimal digits of an f64 from its shortest round-trip text:
/// value = ±digits × 10^exp. `None` for NaN and infinities.
fn f64_digits(value: f64) -> Option<(bool, String, i64)> {
    if !value.is_finite() {
        return None;
    }
    // `{:e}` prints the shortest digits that read back as the same f64 (like ryu), as
    // `d.ddde±x`, so no float arithmetic is involved and tiny/huge values stay compact.
    let text = format!("{value:e}");
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let (mantissa, exp) = text.split_once('e')?;
    let exp: i64 = exp.parse().ok()?;
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut digits = String::with_capacity(int.len() + frac.len());
    digits.push_str(int);
    digits.push_str(frac);
    Some((negative, digits, exp - frac.len() as i64))
}

/// An XLSX numeric cell (an f64) as money: read through its shortest round-trip text, never
/// through arithmetic, then rounded to `scale` decimals half away from zero. Returns the
/// decimal (with exactly `scale` decimals) and whether rounding changed the value, so the
/// caller can record a warning. `None` for NaN, infinities and values too large for a Decimal.
pub fn decimal_from_cell_f64(value: f64, scale: u32) -> Option<(Decimal, bool)> {
    let (negative, digits, exp) = f64_digits(value)?;
    let scale = i64::from(scale.min(MAX_SCALE as u32));
    let (digits, changed) = round_digits(&digits, exp, scale);
    let mut decimal = digits_to_decimal(&digits, scale)?;
    if negative && !decimal.is_zero() {
        decimal = -decimal;
    }
    Some((decimal, changed))
}

/// Rounds `digits × 10^exp` to `scale` decimals (half away from zero) and returns the digits
/// of the result as an integer count of 10^-scale units, plus whether any nonzero digit was
/// dropped.
fn round_digits(digits: &str, exp: i64, scale: i64) -> (String, bool) {
    if exp >= -scale {
        // No rounding: pad with zeros up to the target scale.
        let mut out = digits.to_string();
        // Bounded: exp ≤ 308 and scale ≤ 28, so at most a few hundred zeros.
        out.extend(std::iter::repeat_n('0', (exp + scale).max(0) as usize));
        return (out, false);
    }
    let drop = (-scale - exp) as usize; // digits to drop from the right
    let bytes = digits.as_bytes();
    if drop > bytes.len() {
        let changed = bytes.iter().any(|&b| b != b'0');
        return ("0".to_string(), changed);
    }
    let keep = bytes.len() - drop;
    let changed = bytes[keep..].iter().any(|&b| b != b'0');
    let round_up = bytes[keep] >= b'5';
    let mut kept: Vec<u8> = bytes[..keep].to_vec();
    if round_up {
        let mut i = kept.len();
        loop {
            if i == 0 {
                kept.insert(0, b'1');
                break;
            }
            i -= 1;
            if kept[i] == b'9' {
                kept[i] = b'0';
            } else {
                kept[i] += 1;
                break;
            }
        }
    }
    if kept.is_empty() {
        kept.push(b'0');
    }
    (String::from_utf8_lossy(&kept).into_owned(), changed)
}

/// The exact decimal of an f64 cell's shortest round-trip text, without rounding: for numeric
/// identifiers and generic numbers. `None` for NaN, infinities and values a Decimal cannot
/// hold exactly (beyond ±7.9e28 or with more than 28 decimals).
pub fn decimal_from_f64_exact(value: f64) -> Option<Decimal> {
    let (negative, digits, exp) = f64_digits(value)?;
    let decimal = digits_to_decimal(&digits, -exp)?;
    // Scientific input like 1e-5 ends up with the minimal scale; that is the value as written.
    Some(if negative && !decimal.is_zero() {
        -decimal
    } else {
        decimal
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]

    use super::*;
    use proptest::prelude::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn ok(text: &str, mark: DecimalMark) -> Decimal {
        match parse_amount(text, mark) {
            Ok(d) => d,
            Err(e) => panic!("{text:?} should parse with {mark:?}: {e}"),
        }
    }

    #[test]
    fn accepts_the_shapes_people_and_psps_write() {
        use DecimalMark::{Comma, Dot};
        let cases: &[(&str, DecimalMark, &str)] = &[
            ("1234567.89", Dot, "1234567.89"),
            ("1234567.89", Comma, "1234567.89"),
            ("1.234.567,89", Comma, "1234567.89"),
            ("1.234.567,89", Dot, "1234567.89"),
            ("1,234,567.89", Dot, "1234567.89"),
            ("1,234,567.89", Comma, "1234567.89"),
            ("$ 150.000", Comma, "150000"),
            ("$ 150.000", Dot, "150"),
            ("COP 150000", Comma, "150000"),
            ("150000 COP", Dot, "150000"),
            ("cop 150000", Dot, "150000"),
            ("US$ 12.50", Dot, "12.50"),
            ("USD 12.5", Comma, "12.5"),
            ("(1.500)", Comma, "-1500"),
            ("($1.500)", Comma, "-1500"),
            ("-1.500", Comma, "-1500"),
            ("1.500-", Comma, "-1500"),
            ("-$ 1.500", Comma, "-1500"),
            ("$ -1.500", Comma, "-1500"),
            ("+5", Dot, "5"),
            ("-0.057909", Dot, "-0.057909"),
            ("-0.057909", Comma, "-0.057909"),
            ("0.500", Comma, "0.5"),
            ("62000.00", Dot, "62000"),
            ("62000", Dot, "62000"),
            ("1.5E+05", Dot, "150000"),
            ("1,5E+05", Comma, "150000"),
            ("1.5e-3", Dot, "0.0015"),
            (" 1 234 567,89", Comma, "1234567.89"),
            ("\u{a0}1\u{a0}234\u{a0}567,89\u{a0}", Dot, "1234567.89"),
            ("1'234'567.89", Comma, "1234567.89"),
            ("1 500", Dot, "1500"),
            ("1,500", Dot, "1500"),
            ("1,500", Comma, "1.5"),
            ("12,5", Dot, "12.5"),
            ("1234,567", Dot, "1234.567"),
            (".5", Dot, "0.5"),
            ("0", Dot, "0"),
            ("-0", Dot, "0"),
            ("\u{2212}12", Dot, "-12"),
            ("€ 1.234,56", Comma, "1234.56"),
        ];
        for &(text, mark, want) in cases {
            assert_eq!(
                ok(text, mark).normalize(),
                dec(want).normalize(),
                "{text:?} read with {mark:?} must equal {want}"
            );
        }
    }

    #[test]
    fn keeps_the_written_scale_and_six_decimals_exactly() {
        assert_eq!(
            ok("62000.00", DecimalMark::Dot).to_string(),
            "62000.00",
            "the scale as written is kept"
        );
        assert_eq!(
            ok("-0.057909", DecimalMark::Dot),
            Decimal::new(-57909, 6),
            "dLocal fees keep all six decimals"
        );
    }

    #[test]
    fn rejects_what_is_not_an_amount() {
        use DecimalMark::{Comma, Dot};
        let bad: &[(&str, DecimalMark, &str)] = &[
            ("abc", Dot, "not a known currency"),
            ("12 pesos", Dot, "not a known currency"),
            ("--5", Dot, "two minus signs"),
            ("-5-", Dot, "two minus signs"),
            ("1.2.3", Dot, "grouping"),
            ("1.2.3", Comma, "grouping"),
            ("12,34.5,6", Dot, "several times"),
            ("1,23,456.00", Dot, "grouping"),
            ("(5", Dot, "parentheses"),
            ("-(5)", Dot, "more than one sign"),
            ("5.", Dot, "ends with a decimal mark"),
            ("$", Dot, "no digits"),
            ("1-2", Dot, "sign in the middle"),
            ("USD 5 COP", Dot, "two currencies"),
            ("1.5E", Dot, "exponent"),
            ("1 234.567.8", Dot, "mixes"),
            ("12#", Dot, "unexpected character"),
        ];
        for &(text, mark, needle) in bad {
            match parse_amount(text, mark) {
                Err(e @ AmountError::Invalid { .. }) => assert!(
                    e.to_string().contains(needle),
                    "error for {text:?} should mention {needle:?}, got: {e}"
                ),
                other => panic!("{text:?} must be rejected as invalid, got {other:?}"),
            }
        }
    }

    #[test]
    fn error_messages_quote_the_text() {
        let e = parse_amount("12,3.4", DecimalMark::Dot).unwrap_err();
        assert!(
            e.to_string().starts_with("'12,3.4' is not an amount: "),
            "the message names the offending text: {e}"
        );
    }

    #[test]
    fn blank_is_empty_not_invalid() {
        for text in ["", "   ", "\u{a0}\t\n"] {
            assert_eq!(
                parse_amount(text, DecimalMark::Dot),
                Err(AmountError::Empty),
                "blank cells are missing values, callers must be able to tell"
            );
        }
    }

    #[test]
    fn too_many_digits_is_out_of_range() {
        let e = parse_amount("123456789012345678901234567890", DecimalMark::Dot).unwrap_err();
        assert!(matches!(e, AmountError::OutOfRange { .. }), "got {e:?}");
        let e = parse_amount("1E+9999", DecimalMark::Dot).unwrap_err();
        assert!(matches!(e, AmountError::OutOfRange { .. }), "got {e:?}");
    }

    #[test]
    fn cell_floats_go_through_their_shortest_text() {
        assert_eq!(
            decimal_from_cell_f64(0.1 + 0.2, 2),
            Some((dec("0.30"), true)),
            "0.30000000000000004 rounds to 0.30 and says so"
        );
        assert_eq!(decimal_from_cell_f64(12.5, 2), Some((dec("12.50"), false)));
        assert_eq!(
            decimal_from_cell_f64(150000.0, 0),
            Some((dec("150000"), false))
        );
        assert_eq!(
            decimal_from_cell_f64(2.675, 2),
            Some((dec("2.68"), true)),
            "2.675 is read as its text 2.675, so half away from zero gives 2.68 (arithmetic on the float would give 2.67)"
        );
        assert_eq!(decimal_from_cell_f64(-2.5, 0), Some((dec("-3"), true)));
        assert_eq!(decimal_from_cell_f64(0.4, 0), Some((dec("0"), true)));
        assert_eq!(decimal_from_cell_f64(-0.4, 0), Some((dec("0"), true)));
        assert_eq!(decimal_from_cell_f64(9.999, 2), Some((dec("10.00"), true)));
        assert_eq!(
            decimal_from_cell_f64(-0.057909, 6),
            Some((dec("-0.057909"), false))
        );
        assert_eq!(decimal_from_cell_f64(1e-300, 2), Some((dec("0.00"), true)));
        assert_eq!(decimal_from_cell_f64(f64::NAN, 2), None);
        assert_eq!(decimal_from_cell_f64(f64::INFINITY, 2), None);
        assert_eq!(
            decimal_from_cell_f64(1e300, 2),
            None,
            "too large for a Decimal"
        );
        assert_eq!(
            decimal_from_cell_f64(12.5, 2).map(|(d, _)| d.scale()),
            Some(2),
            "money comes back at the currency's scale"
        );
    }

    #[test]
    fn exact_cell_floats_for_identifiers() {
        assert_eq!(
            decimal_from_f64_exact(1234567890123.0),
            Some(dec("1234567890123"))
        );
        assert_eq!(decimal_from_f64_exact(0.1), Some(dec("0.1")));
        assert_eq!(decimal_from_f64_exact(-0.057909), Some(dec("-0.057909")));
        assert_eq!(
            decimal_from_f64_exact(1e20),
            Some(dec("100000000000000000000"))
        );
        assert_eq!(decimal_from_f64_exact(-0.0), Some(dec("0")));
        assert_eq!(decimal_from_f64_exact(f64::NEG_INFINITY), None);
        assert_eq!(decimal_from_f64_exact(1e-40), None, "more than 28 decimals");
    }

    fn group(int: &str, sep: char) -> String {
        let mut out = String::new();
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(sep);
            }
            out.push(c);
        }
        out
    }

    /// Formats a decimal in one of the styles files use.
    fn format_style(d: Decimal, style: u8, prefix: &str, parens: bool) -> (String, DecimalMark) {
        let plain = d.abs().to_string();
        let (int, frac) = plain.split_once('.').unwrap_or((&plain, ""));
        let (body, mark) = match style {
            0 => (plain.clone(), DecimalMark::Dot),
            1 => (plain.replace('.', ","), DecimalMark::Comma),
            2 => {
                let mut s = group(int, ',');
                if !frac.is_empty() {
                    s.push('.');
                    s.push_str(frac);
                }
                (s, DecimalMark::Dot)
            }
            _ => {
                let mut s = group(int, '.');
                if !frac.is_empty() {
                    s.push(',');
                    s.push_str(frac);
                }
                (s, DecimalMark::Comma)
            }
        };
        let text = if d.is_sign_negative() && !d.is_zero() {
            if parens {
                format!("({prefix}{body})")
            } else {
                format!("-{prefix}{body}")
            }
        } else {
            format!("{prefix}{body}")
        };
        (text, mark)
    }

    proptest! {
        #[test]
        fn formatted_amounts_read_back(
            mantissa in -1_000_000_000_000_000i64..1_000_000_000_000_000i64,
            scale in 0u32..=6,
            style in 0u8..4,
            prefix in prop::sample::select(vec!["", "$ ", "COP ", "$"]),
            parens in any::<bool>(),
        ) {
            let d = Decimal::new(mantissa, scale);
            let (text, mark) = format_style(d, style, prefix, parens);
            let parsed = parse_amount(&text, mark);
            prop_assert_eq!(
                parsed.map(|p| p.normalize()),
                Ok(d.normalize()),
                "{:?} read with {:?} must give back {}", text, mark, d
            );
        }

        #[test]
        fn parse_never_panics(text in any::<String>(), comma in any::<bool>()) {
            let mark = if comma { DecimalMark::Comma } else { DecimalMark::Dot };
            let _ = parse_amount(&text, mark);
        }

        #[test]
        fn parse_never_panics_on_number_like_text(text in "[-+()$0-9.,eE \u{a0}'COPUSD]{0,24}") {
            let _ = parse_amount(&text, DecimalMark::Comma);
            let _ = parse_amount(&text, DecimalMark::Dot);
        }

        #[test]
        fn cell_floats_match_their_text(value in -1e15f64..1e15f64, scale in 0u32..=6) {
            let (d, changed) = decimal_from_cell_f64(value, scale).unwrap();
            let exact = Decimal::from_str(&format!("{value}")).unwrap();
            let want = exact.round_dp_with_strategy(
                scale, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            prop_assert_eq!(d.normalize(), want.normalize());
            prop_assert_eq!(changed, want != exact);
        }
    }
}
