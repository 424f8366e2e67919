//! SWIFT MT940 customer statements, read strictly: the fields `:20:`, `:21:`, `:25:`, `:28C:`,
//! `:60F:`/`:60M:`, `:61:` (with its supplementary line), `:86:`, `:62F:`/`:62M:`, `:64:`,
//! `:65:`, in SWIFT's order, one or more messages per file, with or without the `{1:..}{4:`
//! envelope and the `-}` that ends it. Every field that does not read as the standard writes it
//! is a problem naming its line and field; nothing is guessed.
//!
//! Written here rather than taken from the `mt940` crate: that crate pulls clap, strum and pest
//! into the engine and reports pest grammar errors, where an import must name the line and the
//! field in the reader's language; the format is small enough to read in one page.

use super::{BankFormat, ParsedEntry, ParsedStatement, StatementProblem};
use crate::msg;
use crate::words::ingest as words;
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use std::str::FromStr;

/// One field: its tag, the line it starts on, and its lines (the first without the tag).
struct Field<'a> {
    tag: &'a str,
    line: u64,
    lines: Vec<&'a str>,
}

/// Reads every statement of an MT940 file.
pub(super) fn parse(text: &str) -> Result<Vec<ParsedStatement>, Vec<StatementProblem>> {
    let mut problems = Vec::new();
    let fields = split_fields(text, &mut problems);
    let mut statements = Vec::new();
    let mut current: Option<Builder> = None;
    for f in &fields {
        match f.tag {
            "20" => {
                if let Some(b) = current.take() {
                    b.finish(&mut statements, &mut problems);
                }
                let mut b = Builder::new(f.line);
                b.statement_ref = Some(f.lines.join("").trim().to_string());
                current = Some(b);
            }
            _ => {
                let Some(b) = current.as_mut() else {
                    problems.push(problem(
                        f.line,
                        &format!(":{}:", f.tag),
                        msg!(words::MT940_BEFORE_20, format!(":{}:", f.tag)),
                    ));
                    continue;
                };
                b.field(f, &mut problems);
            }
        }
    }
    if let Some(b) = current.take() {
        b.finish(&mut statements, &mut problems);
    }
    if statements.is_empty() && problems.is_empty() {
        problems.push(problem(1, ":20:", msg!(words::MT940_NO_STATEMENT)));
    }
    if problems.is_empty() {
        Ok(statements)
    } else {
        Err(problems)
    }
}

fn problem(line: u64, field: &str, message: crate::words::Msg) -> StatementProblem {
    StatementProblem {
        row: Some(line),
        column: Some(field.to_string()),
        code: "bad_statement_field",
        message,
    }
}

/// Splits the text into fields. Envelope blocks (`{1:...}{2:...}{4:`) and the message end
/// (`-}` or `-`) are skipped; any other line outside a field is a problem.
fn split_fields<'a>(text: &'a str, problems: &mut Vec<StatementProblem>) -> Vec<Field<'a>> {
    let mut fields: Vec<Field<'a>> = Vec::new();
    let mut in_field = false;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i as u64 + 1;
        let line = raw.trim_end_matches('\r');
        // One message's end and the next one's envelope on one line: `-}{1:...}{4:`.
        let line = match line.strip_prefix("-}") {
            Some(next) if next.starts_with('{') => {
                in_field = false;
                next
            }
            _ => line,
        };
        // The envelope may share its line with `:20:` (`{4:` then the field) or stand alone.
        let rest = match line.find("{4:") {
            Some(at) if line.starts_with('{') => &line[at + 3..],
            None if line.starts_with('{') => "",
            _ => line,
        };
        if rest.trim().is_empty() && line.starts_with('{') {
            in_field = false;
            continue;
        }
        let trimmed = rest.trim();
        if trimmed == "-}" || trimmed == "-" {
            in_field = false;
            continue;
        }
        if let Some((tag, value)) = field_start(rest) {
            fields.push(Field {
                tag,
                line: line_no,
                lines: vec![value],
            });
            in_field = true;
        } else if in_field {
            if let Some(last) = fields.last_mut() {
                last.lines.push(rest);
            }
        } else if !trimmed.is_empty() {
            problems.push(problem(
                line_no,
                "-",
                msg!(words::MT940_STRAY_LINE, super::shorten(trimmed)),
            ));
        }
    }
    fields
}

/// `:61:...` → ("61", "..."): a tag is two digits and an optional letter between colons.
fn field_start(line: &str) -> Option<(&str, &str)> {
    let rest = line.strip_prefix(':')?;
    let end = rest.find(':')?;
    let tag = &rest[..end];
    let ok = matches!(tag.len(), 2 | 3)
        && tag[..2].bytes().all(|b| b.is_ascii_digit())
        && tag[2..].bytes().all(|b| b.is_ascii_uppercase());
    ok.then(|| (tag, &rest[end + 1..]))
}

struct Builder {
    line: u64,
    statement_ref: Option<String>,
    sequence: Option<String>,
    account: Option<String>,
    opening: Option<(Decimal, NaiveDate, String)>,
    closing: Option<(Decimal, NaiveDate, String)>,
    entries: Vec<ParsedEntry>,
    /// Whether the last field was a `:61:` (an `:86:` after it belongs to that entry).
    after_61: bool,
}

impl Builder {
    fn new(line: u64) -> Builder {
        Builder {
            line,
            statement_ref: None,
            sequence: None,
            account: None,
            opening: None,
            closing: None,
            entries: Vec::new(),
            after_61: false,
        }
    }

    fn field(&mut self, f: &Field<'_>, problems: &mut Vec<StatementProblem>) {
        let first = f.lines.first().copied().unwrap_or("").trim();
        let was_61 = std::mem::replace(&mut self.after_61, false);
        match f.tag {
            "21" | "64" | "65" => {}
            "25" => self.account = Some(first.to_string()),
            "28C" | "28" => self.sequence = Some(first.to_string()),
            "60F" | "60M" => match balance(first) {
                Ok(b) => self.opening = Some(b),
                Err(m) => problems.push(problem(f.line, &format!(":{}:", f.tag), m)),
            },
            "62F" | "62M" => match balance(first) {
                Ok(b) => self.closing = Some(b),
                Err(m) => problems.push(problem(f.line, &format!(":{}:", f.tag), m)),
            },
            "61" => {
                let currency = self.opening.as_ref().map(|o| o.2.clone());
                match statement_line(first, f.lines.get(1).copied(), f.line, currency) {
                    Ok(e) => {
                        self.entries.push(e);
                        self.after_61 = true;
                    }
                    Err((field, m)) => problems.push(problem(f.line, &field, m)),
                }
            }
            "86" => {
                let text = f
                    .lines
                    .iter()
                    .map(|l| l.trim())
                    .filter(|l| !l.is_empty())
                    .collect::<Vec<_>>()
                    .join(" ");
                // An :86: after the closing balance informs about the whole statement.
                if was_61 {
                    if let Some(e) = self.entries.last_mut() {
                        e.counterparty = counterparty_of(&text);
                        // The :61: supplementary details, when given, follow the :86: text.
                        e.remittance = Some(match e.remittance.take() {
                            Some(supplementary) => format!("{text} | {supplementary}"),
                            None => text,
                        });
                    }
                }
            }
            other => problems.push(problem(
                f.line,
                &format!(":{other}:"),
                msg!(words::MT940_UNKNOWN_TAG, format!(":{other}:")),
            )),
        }
    }

    fn finish(self, out: &mut Vec<ParsedStatement>, problems: &mut Vec<StatementProblem>) {
        let mut missing = Vec::new();
        if self.account.as_deref().is_none_or(str::is_empty) {
            missing.push(":25:");
        }
        if self.opening.is_none() {
            missing.push(":60F:");
        }
        if self.closing.is_none() {
            missing.push(":62F:");
        }
        if !missing.is_empty() {
            for tag in missing {
                problems.push(problem(
                    self.line,
                    tag,
                    msg!(
                        words::MT940_MISSING_FIELD,
                        tag,
                        self.statement_ref.clone().unwrap_or_default()
                    ),
                ));
            }
            return;
        }
        let (Some(account), Some(opening), Some(closing)) =
            (self.account, self.opening, self.closing)
        else {
            return;
        };
        if opening.2 != closing.2 {
            problems.push(problem(
                self.line,
                ":62F:",
                msg!(
                    words::STATEMENT_CURRENCY_MIXED,
                    opening.2.as_str(),
                    closing.2.as_str()
                ),
            ));
            return;
        }
        out.push(ParsedStatement {
            format: BankFormat::Mt940,
            row: self.line,
            statement_ref: self.statement_ref.unwrap_or_default(),
            sequence: self.sequence,
            account,
            currency: opening.2,
            from_date: opening.1,
            to_date: closing.1,
            opening_balance: opening.0,
            closing_balance: closing.0,
            entries: self.entries,
        });
    }
}

/// `C260105USD1234,56` → (signed amount, date, currency).
fn balance(s: &str) -> Result<(Decimal, NaiveDate, String), crate::words::Msg> {
    let bad = || msg!(words::MT940_BAD_BALANCE, super::shorten(s));
    let mark = s.get(..1).ok_or_else(bad)?;
    let date = s.get(1..7).and_then(yymmdd).ok_or_else(bad)?;
    let currency = s
        .get(7..10)
        .filter(|c| c.bytes().all(|b| b.is_ascii_uppercase()))
        .ok_or_else(bad)?;
    let amount = s.get(10..).and_then(swift_amount).ok_or_else(bad)?;
    let signed = match mark {
        "C" => amount,
        "D" => -amount,
        _ => return Err(bad()),
    };
    Ok((signed, date, currency.to_string()))
}

/// A SWIFT amount: digits, one decimal comma, at most 15 characters (`1234,56`, `100,`).
pub(super) fn swift_amount(s: &str) -> Option<Decimal> {
    if s.is_empty() || s.len() > 15 || s.matches(',').count() != 1 {
        return None;
    }
    let (int, frac) = s.split_once(',')?;
    if int.is_empty()
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let text = if frac.is_empty() {
        int.to_string()
    } else {
        format!("{int}.{frac}")
    };
    Decimal::from_str(&text).ok()
}

/// `YYMMDD`: SWIFT years are 20YY (MT940 has no century; statements before 2000 are not read).
fn yymmdd(s: &str) -> Option<NaiveDate> {
    if s.len() != 6 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let y: i32 = s[..2].parse().ok()?;
    let m: u32 = s[2..4].parse().ok()?;
    let d: u32 = s[4..6].parse().ok()?;
    NaiveDate::from_ymd_opt(2000 + y, m, d)
}

type FieldError = (String, crate::words::Msg);

/// `:61:` = value date 6!n, [entry date 4!n], mark 2a (C, D, RC, RD), [funds code 1!a],
/// amount 15d, type 1!a3!c, customer reference 16x, [//bank reference 16x], and on the next
/// line [supplementary details 34x].
fn statement_line(
    s: &str,
    details: Option<&str>,
    line: u64,
    currency: Option<String>,
) -> Result<ParsedEntry, FieldError> {
    let err = |part: &str, m: crate::words::Msg| (format!(":61: {part}"), m);
    let value_date = s.get(..6).and_then(yymmdd).ok_or_else(|| {
        err(
            "value date",
            msg!(
                words::MT940_BAD_DATE,
                super::shorten(s.get(..6).unwrap_or(s))
            ),
        )
    })?;
    let mut rest = &s[6..];
    let mut entry_date = None;
    if rest.len() >= 4 && rest[..4].bytes().all(|b| b.is_ascii_digit()) {
        let (m, d): (u32, u32) = (
            rest[..2].parse().unwrap_or(0),
            rest[2..4].parse().unwrap_or(0),
        );
        // The entry date has no year: the one of the value date, or the year beside it when the
        // two straddle a new year (booked 2 January for a value date of 31 December).
        let candidates = [
            value_date.year() - 1,
            value_date.year(),
            value_date.year() + 1,
        ];
        entry_date = candidates
            .iter()
            .filter_map(|y| NaiveDate::from_ymd_opt(*y, m, d))
            .min_by_key(|d| (*d - value_date).num_days().abs());
        if entry_date.is_none() {
            return Err(err("entry date", msg!(words::MT940_BAD_DATE, &rest[..4])));
        }
        rest = &rest[4..];
    }
    let (credit, reversal, after_mark) = if let Some(r) = rest.strip_prefix("RC") {
        (false, true, r)
    } else if let Some(r) = rest.strip_prefix("RD") {
        (true, true, r)
    } else if let Some(r) = rest.strip_prefix('C') {
        (true, false, r)
    } else if let Some(r) = rest.strip_prefix('D') {
        (false, false, r)
    } else {
        return Err(err(
            "debit/credit mark",
            msg!(words::MT940_BAD_MARK, super::shorten(rest)),
        ));
    };
    rest = after_mark;
    // The funds code: a letter before the amount's first digit.
    if rest
        .as_bytes()
        .first()
        .is_some_and(|b| b.is_ascii_alphabetic())
    {
        rest = &rest[1..];
    }
    let amount_len = rest
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b',' || *b == b'.')
        .count();
    let amount_text = &rest[..amount_len];
    let amount = swift_amount(amount_text).ok_or_else(|| {
        err(
            "amount",
            msg!(
                words::MT940_BAD_AMOUNT,
                super::shorten(if amount_text.is_empty() {
                    rest
                } else {
                    amount_text
                })
            ),
        )
    })?;
    rest = &rest[amount_len..];
    let tx_type = rest.get(..4).filter(|t| {
        let b = t.as_bytes();
        matches!(b[0], b'N' | b'S' | b'F') && b[1..].iter().all(|c| c.is_ascii_alphanumeric())
    });
    let Some(tx_type) = tx_type else {
        return Err(err(
            "transaction type",
            msg!(words::MT940_BAD_TYPE, super::shorten(rest)),
        ));
    };
    rest = &rest[4..];
    let (customer, bank) = match rest.split_once("//") {
        Some((c, b)) => (c, Some(b)),
        None => (rest, None),
    };
    let customer = customer.trim();
    if customer.is_empty() {
        return Err(err("customer reference", msg!(words::MT940_NO_REFERENCE)));
    }
    let text = |s: &str| {
        let t = s.trim();
        (!t.is_empty() && t != "NONREF").then(|| t.to_string())
    };
    // A debit is negative; a reversal of a credit (RC) takes money out, of a debit (RD) puts
    // it back.
    let signed = if credit { amount } else { -amount };
    let supplementary = details.and_then(|d| {
        let t = d.trim();
        (!t.is_empty()).then(|| t.to_string())
    });
    Ok(ParsedEntry {
        row: line,
        booking_date: entry_date.unwrap_or(value_date),
        value_date: Some(value_date),
        amount: signed,
        currency: currency.unwrap_or_default(),
        credit,
        reversal,
        bank_ref: bank.and_then(text),
        customer_ref: text(customer),
        tx_code: Some(tx_type.to_string()),
        remittance: supplementary,
        counterparty: None,
    })
}

/// The counterparty's name where an `:86:` states it in the common structured form
/// (`/NAME/...` or `?32`/`?33`); else none (the whole text stays the remittance).
fn counterparty_of(text: &str) -> Option<String> {
    for key in ["/NAME/", "/BENM//NAME/", "/ORDP//NAME/"] {
        if let Some(at) = text.find(key) {
            let rest = &text[at + key.len()..];
            let name = rest.split('/').next().unwrap_or("").trim();
            if !name.is_empty() {
                return Some(name.to_string());
            }
        }
    }
    None
}
