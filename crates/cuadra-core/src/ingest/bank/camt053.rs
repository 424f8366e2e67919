//! ISO 20022 camt.053 (BankToCustomerStatement), any version (`camt.053.001.02` to `.13`): the
//! statements, their opening (`OPBD`, else `PRCD`) and closing (`CLBD`) booked balances, and
//! their booked entries with amount, currency, credit or debit, booking and value dates, the
//! bank's reference (`AcctSvcrRef`), the end-to-end id, the unstructured remittance text and the
//! counterparty. Read with quick-xml's streaming reader (already in the build through calamine):
//! elements are matched by local name, whatever namespace prefix the bank writes.
//! Entries that are not booked (`PDNG`, `INFO`) are left out, with a warning.

use super::{BankFormat, ParsedEntry, ParsedStatement, StatementProblem};
use crate::msg;
use crate::words::ingest as words;
use crate::words::Msg;
use chrono::NaiveDate;
use quick_xml::events::Event;
use quick_xml::Reader;
use rust_decimal::Decimal;
use std::str::FromStr;

/// A value as found, with the line it is on.
#[derive(Clone, Default)]
struct Val {
    text: String,
    line: u64,
}

#[derive(Default)]
struct BalanceB {
    code: Option<String>,
    amount: Option<Val>,
    currency: Option<String>,
    indicator: Option<Val>,
    date: Option<Val>,
}

#[derive(Default)]
struct EntryB {
    line: u64,
    number: usize,
    amount: Option<Val>,
    currency: Option<String>,
    indicator: Option<Val>,
    reversal: bool,
    status: Option<String>,
    booking: Option<Val>,
    value: Option<Val>,
    bank_ref: Option<String>,
    end_to_end: Option<String>,
    domain: Vec<String>,
    proprietary: Option<String>,
    ustrd: Vec<String>,
    addtl: Option<String>,
    debtor: Option<String>,
    creditor: Option<String>,
}

#[derive(Default)]
struct StatementB {
    line: u64,
    id: Option<String>,
    sequence: Option<String>,
    legal_sequence: Option<String>,
    from: Option<Val>,
    to: Option<Val>,
    iban: Option<String>,
    other_id: Option<String>,
    currency: Option<String>,
    balances: Vec<BalanceB>,
    entries: Vec<ParsedEntry>,
    entry_count: usize,
}

/// Reads every statement of a camt.053 message. `warnings` receives the entries left out.
pub(super) fn parse(
    text: &str,
    warnings: &mut Vec<StatementProblem>,
) -> Result<Vec<ParsedStatement>, Vec<StatementProblem>> {
    let mut reader = Reader::from_str(text);
    reader.config_mut().trim_text(true);
    let decoder = reader.decoder();
    let bytes = text.as_bytes();
    let mut path: Vec<String> = Vec::new();
    let mut problems = Vec::new();
    let mut out = Vec::new();
    let (mut line, mut counted) = (1u64, 0usize);
    let mut stmt: Option<StatementB> = None;
    let mut bal: Option<BalanceB> = None;
    let mut entry: Option<EntryB> = None;
    let mut stmt_at = 0usize;
    loop {
        let event = reader.read_event();
        let pos = usize::try_from(reader.buffer_position())
            .unwrap_or(usize::MAX)
            .min(bytes.len());
        if pos > counted {
            line += bytes[counted..pos].iter().filter(|b| **b == b'\n').count() as u64;
            counted = pos;
        }
        match event {
            Err(e) => {
                problems.push(StatementProblem {
                    row: Some(line),
                    column: path.last().cloned(),
                    code: "statement_broken",
                    message: msg!(words::CAMT_BROKEN, e.to_string()),
                });
                return Err(problems);
            }
            Ok(Event::Eof) => {
                if let Some(open) = path.last() {
                    problems.push(StatementProblem {
                        row: Some(line),
                        column: Some(open.clone()),
                        code: "statement_cut_off",
                        message: msg!(words::CAMT_CUT_OFF, open.as_str()),
                    });
                    return Err(problems);
                }
                break;
            }
            Ok(Event::Start(e)) => {
                let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
                let depth = path.len();
                match name.as_str() {
                    "Stmt" if stmt.is_none() => {
                        stmt = Some(StatementB {
                            line,
                            ..Default::default()
                        });
                        stmt_at = depth;
                    }
                    "Bal" if stmt.is_some() && depth == stmt_at + 1 => {
                        bal = Some(BalanceB::default())
                    }
                    "Ntry" if stmt.is_some() && depth == stmt_at + 1 => {
                        if let Some(s) = stmt.as_mut() {
                            s.entry_count += 1;
                            entry = Some(EntryB {
                                line,
                                number: s.entry_count,
                                ..Default::default()
                            });
                        }
                    }
                    "Amt" => {
                        let ccy = e.attributes().flatten().find_map(|a| {
                            (a.key.local_name().as_ref() == b"Ccy")
                                .then(|| {
                                    a.decode_and_unescape_value(decoder)
                                        .map(|v| v.into_owned())
                                        .ok()
                                })
                                .flatten()
                        });
                        let rel = &path[stmt_at.min(path.len())..];
                        if rel.len() == 2 && rel[1] == "Bal" {
                            if let Some(b) = bal.as_mut() {
                                b.currency = ccy;
                            }
                        } else if rel.len() == 2 && rel[1] == "Ntry" {
                            if let Some(n) = entry.as_mut() {
                                n.currency = ccy;
                            }
                        }
                    }
                    _ => {}
                }
                path.push(name);
            }
            Ok(Event::Empty(_))
            | Ok(Event::Comment(_))
            | Ok(Event::Decl(_))
            | Ok(Event::PI(_))
            | Ok(Event::DocType(_)) => {}
            Ok(Event::Text(t)) => {
                let value = match t.unescape() {
                    Ok(v) => v.trim().to_string(),
                    Err(e) => {
                        problems.push(StatementProblem {
                            row: Some(line),
                            column: path.last().cloned(),
                            code: "statement_broken",
                            message: msg!(words::CAMT_BROKEN, e.to_string()),
                        });
                        return Err(problems);
                    }
                };
                take_text(
                    &path,
                    stmt_at,
                    value,
                    line,
                    stmt.as_mut(),
                    bal.as_mut(),
                    entry.as_mut(),
                );
            }
            Ok(Event::CData(t)) => {
                let value = String::from_utf8_lossy(&t).trim().to_string();
                take_text(
                    &path,
                    stmt_at,
                    value,
                    line,
                    stmt.as_mut(),
                    bal.as_mut(),
                    entry.as_mut(),
                );
            }
            Ok(Event::End(_)) => {
                let name = path.pop().unwrap_or_default();
                let depth = path.len();
                match name.as_str() {
                    "Bal" if depth == stmt_at + 1 => {
                        if let (Some(s), Some(b)) = (stmt.as_mut(), bal.take()) {
                            s.balances.push(b);
                        }
                    }
                    "Ntry" if depth == stmt_at + 1 => {
                        if let (Some(s), Some(n)) = (stmt.as_mut(), entry.take()) {
                            let currency = s.currency.clone();
                            match finish_entry(n, currency.as_deref()) {
                                Ok(Some(e)) => s.entries.push(e),
                                Ok(None) => {}
                                Err(p) => match p.code {
                                    "entry_not_booked" => warnings.push(p),
                                    _ => problems.push(p),
                                },
                            }
                        }
                    }
                    "Stmt" if depth == stmt_at => {
                        if let Some(s) = stmt.take() {
                            match finish_statement(s) {
                                Ok(st) => out.push(st),
                                Err(p) => problems.extend(p),
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    if out.is_empty() && problems.is_empty() {
        problems.push(StatementProblem {
            row: Some(1),
            column: Some("Stmt".into()),
            code: "bad_statement_field",
            message: msg!(words::CAMT_NO_STATEMENT),
        });
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

#[allow(clippy::too_many_arguments)]
fn take_text(
    path: &[String],
    stmt_at: usize,
    value: String,
    line: u64,
    stmt: Option<&mut StatementB>,
    bal: Option<&mut BalanceB>,
    entry: Option<&mut EntryB>,
) {
    let Some(s) = stmt else { return };
    if path.len() <= stmt_at + 1 {
        return;
    }
    let rel: Vec<&str> = path[stmt_at + 1..].iter().map(String::as_str).collect();
    let val = || Val {
        text: value.clone(),
        line,
    };
    match rel.as_slice() {
        ["Id"] => s.id = Some(value),
        ["ElctrncSeqNb"] => s.sequence = Some(value),
        ["LglSeqNb"] => s.legal_sequence = Some(value),
        ["FrToDt", "FrDtTm"] => s.from = Some(val()),
        ["FrToDt", "ToDtTm"] => s.to = Some(val()),
        ["Acct", "Id", "IBAN"] => s.iban = Some(value),
        ["Acct", "Id", "Othr", "Id"] => s.other_id = Some(value),
        ["Acct", "Ccy"] => s.currency = Some(value),
        ["Bal", rest @ ..] => {
            let Some(b) = bal else { return };
            match rest {
                ["Tp", "CdOrPrtry", "Cd"] => b.code = Some(value),
                ["Amt"] => b.amount = Some(val()),
                ["CdtDbtInd"] => b.indicator = Some(val()),
                ["Dt", "Dt"] | ["Dt", "DtTm"] => b.date = Some(val()),
                _ => {}
            }
        }
        ["Ntry", rest @ ..] => {
            let Some(n) = entry else { return };
            match rest {
                ["Amt"] => n.amount = Some(val()),
                ["CdtDbtInd"] => n.indicator = Some(val()),
                ["RvslInd"] => n.reversal = value == "true" || value == "1",
                ["Sts"] | ["Sts", "Cd"] => n.status = Some(value),
                ["BookgDt", "Dt"] | ["BookgDt", "DtTm"] => n.booking = Some(val()),
                ["ValDt", "Dt"] | ["ValDt", "DtTm"] => n.value = Some(val()),
                ["AcctSvcrRef"] => n.bank_ref = Some(value),
                ["BkTxCd", "Domn", "Cd"]
                | ["BkTxCd", "Domn", "Fmly", "Cd"]
                | ["BkTxCd", "Domn", "Fmly", "SubFmlyCd"] => n.domain.push(value),
                ["BkTxCd", "Prtry", "Cd"] => n.proprietary = Some(value),
                ["AddtlNtryInf"] => n.addtl = Some(value),
                ["NtryDtls", "TxDtls", tx @ ..] => match tx {
                    ["Refs", "EndToEndId"] if value != "NOTPROVIDED" && n.end_to_end.is_none() => {
                        n.end_to_end = Some(value)
                    }
                    ["Refs", "AcctSvcrRef"] if n.bank_ref.is_none() => n.bank_ref = Some(value),
                    ["RmtInf", "Ustrd"] | ["RmtInf", "Strd", "CdtrRefInf", "Ref"] => {
                        n.ustrd.push(value)
                    }
                    ["RltdPties", "Dbtr", "Nm"] | ["RltdPties", "Dbtr", "Pty", "Nm"] => {
                        n.debtor.get_or_insert(value);
                    }
                    ["RltdPties", "Cdtr", "Nm"] | ["RltdPties", "Cdtr", "Pty", "Nm"] => {
                        n.creditor.get_or_insert(value);
                    }
                    _ => {}
                },
                _ => {}
            }
        }
        _ => {}
    }
}

fn problem(line: u64, column: String, message: Msg) -> StatementProblem {
    StatementProblem {
        row: Some(line),
        column: Some(column),
        code: "bad_statement_field",
        message,
    }
}

/// An ISO 20022 amount: digits, an optional decimal point and fraction; no sign, no exponent.
fn iso_amount(s: &str) -> Option<Decimal> {
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !digits(int) || !digits(frac) || (s.contains('.') && frac.is_empty()) {
        return None;
    }
    Decimal::from_str(s).ok()
}

/// A date as written: `YYYY-MM-DD`, or the date part of a date-time as the bank wrote it (its
/// own offset; no zone is applied).
fn iso_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}

fn finish_entry(
    n: EntryB,
    account_ccy: Option<&str>,
) -> Result<Option<ParsedEntry>, StatementProblem> {
    let at = |field: &str| format!("Ntry {}/{}", n.number, field);
    let status = n.status.clone().unwrap_or_else(|| "BOOK".into());
    if status != "BOOK" {
        return Err(StatementProblem {
            row: Some(n.line),
            column: Some(at("Sts")),
            code: "entry_not_booked",
            message: msg!(words::CAMT_NOT_BOOKED, status),
        });
    }
    let amount_val = n.amount.clone().ok_or_else(|| {
        problem(
            n.line,
            at("Amt"),
            msg!(words::CAMT_MISSING, "Amt", format!("Ntry {}", n.number)),
        )
    })?;
    let amount = iso_amount(&amount_val.text).ok_or_else(|| {
        problem(
            amount_val.line,
            at("Amt"),
            msg!(words::CAMT_BAD_AMOUNT, super::shorten(&amount_val.text)),
        )
    })?;
    let currency = match (n.currency.as_deref(), account_ccy) {
        (Some(c), Some(a)) if c != a => {
            return Err(problem(
                amount_val.line,
                at("Amt/@Ccy"),
                msg!(words::CAMT_ENTRY_CURRENCY, c, a),
            ));
        }
        (Some(c), _) => c.to_string(),
        (None, Some(a)) => a.to_string(),
        (None, None) => {
            return Err(problem(
                amount_val.line,
                at("Amt/@Ccy"),
                msg!(
                    words::CAMT_MISSING,
                    "Amt/@Ccy",
                    format!("Ntry {}", n.number)
                ),
            ));
        }
    };
    let ind = n.indicator.clone().ok_or_else(|| {
        problem(
            n.line,
            at("CdtDbtInd"),
            msg!(
                words::CAMT_MISSING,
                "CdtDbtInd",
                format!("Ntry {}", n.number)
            ),
        )
    })?;
    let credit = match ind.text.as_str() {
        "CRDT" => true,
        "DBIT" => false,
        other => {
            return Err(problem(
                ind.line,
                at("CdtDbtInd"),
                msg!(words::CAMT_BAD_INDICATOR, super::shorten(other)),
            ))
        }
    };
    let booking_val = n.booking.clone().ok_or_else(|| {
        problem(
            n.line,
            at("BookgDt"),
            msg!(words::CAMT_MISSING, "BookgDt", format!("Ntry {}", n.number)),
        )
    })?;
    let booking = iso_date(&booking_val.text).ok_or_else(|| {
        problem(
            booking_val.line,
            at("BookgDt"),
            msg!(words::CAMT_BAD_DATE, super::shorten(&booking_val.text)),
        )
    })?;
    let value_date = match &n.value {
        Some(v) => Some(iso_date(&v.text).ok_or_else(|| {
            problem(
                v.line,
                at("ValDt"),
                msg!(words::CAMT_BAD_DATE, super::shorten(&v.text)),
            )
        })?),
        None => None,
    };
    let remittance = if n.ustrd.is_empty() {
        n.addtl.clone()
    } else {
        Some(n.ustrd.join(" "))
    };
    let tx_code = if n.domain.is_empty() {
        n.proprietary.clone()
    } else {
        Some(n.domain.join("/"))
    };
    Ok(Some(ParsedEntry {
        row: n.line,
        booking_date: booking,
        value_date,
        amount: if credit { amount } else { -amount },
        currency,
        credit,
        reversal: n.reversal,
        bank_ref: n.bank_ref.filter(|r| !r.is_empty() && r != "NONREF"),
        customer_ref: n.end_to_end,
        tx_code,
        remittance,
        counterparty: if credit { n.debtor } else { n.creditor },
    }))
}

fn finish_statement(s: StatementB) -> Result<ParsedStatement, Vec<StatementProblem>> {
    let reference = s.id.clone().unwrap_or_default();
    let missing = |what: &str| {
        problem(
            s.line,
            format!("Stmt/{what}"),
            msg!(words::CAMT_MISSING, what, reference.as_str()),
        )
    };
    let mut problems = Vec::new();
    let account = s.iban.clone().or(s.other_id.clone());
    if account.is_none() {
        problems.push(missing("Acct/Id"));
    }
    if s.id.is_none() {
        problems.push(missing("Id"));
    }
    let mut balance = |codes: &[&str]| -> Option<(Decimal, NaiveDate, Option<String>)> {
        let b = codes
            .iter()
            .find_map(|c| s.balances.iter().find(|b| b.code.as_deref() == Some(*c)))?;
        let code = b.code.clone().unwrap_or_default();
        let col = format!("Bal {code}");
        let amount = match &b.amount {
            Some(a) => match iso_amount(&a.text) {
                Some(v) => v,
                None => {
                    problems.push(problem(
                        a.line,
                        format!("{col}/Amt"),
                        msg!(words::CAMT_BAD_AMOUNT, super::shorten(&a.text)),
                    ));
                    return None;
                }
            },
            None => {
                problems.push(problem(
                    s.line,
                    format!("{col}/Amt"),
                    msg!(
                        words::CAMT_MISSING,
                        format!("{col}/Amt"),
                        reference.as_str()
                    ),
                ));
                return None;
            }
        };
        let sign = match b.indicator.as_ref().map(|i| i.text.as_str()) {
            Some("CRDT") => Decimal::ONE,
            Some("DBIT") => Decimal::NEGATIVE_ONE,
            other => {
                problems.push(problem(
                    b.indicator.as_ref().map_or(s.line, |i| i.line),
                    format!("{col}/CdtDbtInd"),
                    msg!(words::CAMT_BAD_INDICATOR, other.unwrap_or("")),
                ));
                return None;
            }
        };
        let date = match &b.date {
            Some(d) => match iso_date(&d.text) {
                Some(v) => v,
                None => {
                    problems.push(problem(
                        d.line,
                        format!("{col}/Dt"),
                        msg!(words::CAMT_BAD_DATE, super::shorten(&d.text)),
                    ));
                    return None;
                }
            },
            None => {
                problems.push(problem(
                    s.line,
                    format!("{col}/Dt"),
                    msg!(words::CAMT_MISSING, format!("{col}/Dt"), reference.as_str()),
                ));
                return None;
            }
        };
        Some((amount * sign, date, b.currency.clone()))
    };
    let opening = balance(&["OPBD", "PRCD"]);
    let closing = balance(&["CLBD"]);
    if opening.is_none()
        && !s
            .balances
            .iter()
            .any(|b| matches!(b.code.as_deref(), Some("OPBD" | "PRCD")))
    {
        problems.push(missing("Bal OPBD"));
    }
    if closing.is_none() && !s.balances.iter().any(|b| b.code.as_deref() == Some("CLBD")) {
        problems.push(missing("Bal CLBD"));
    }
    let (Some(account), Some(opening), Some(closing)) = (account, opening, closing) else {
        return Err(problems);
    };
    let currency = s.currency.clone().or(opening.2.clone()).unwrap_or_default();
    if let Some(c) = &closing.2 {
        if *c != currency {
            problems.push(problem(
                s.line,
                "Bal CLBD/Amt/@Ccy".into(),
                msg!(
                    words::STATEMENT_CURRENCY_MIXED,
                    currency.as_str(),
                    c.as_str()
                ),
            ));
        }
    }
    if currency.is_empty() {
        problems.push(missing("Acct/Ccy"));
    }
    // The period: the statement's own from/to when it gives them, else its balances' dates.
    let from = s
        .from
        .as_ref()
        .and_then(|v| iso_date(&v.text))
        .unwrap_or(opening.1);
    let to =
        s.to.as_ref()
            .and_then(|v| iso_date(&v.text))
            .unwrap_or(closing.1);
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(ParsedStatement {
        format: BankFormat::Camt053,
        row: s.line,
        statement_ref: reference,
        sequence: s.sequence.or(s.legal_sequence),
        account,
        currency,
        from_date: from,
        to_date: to,
        opening_balance: opening.0,
        closing_balance: closing.0,
        entries: s.entries,
    })
}
