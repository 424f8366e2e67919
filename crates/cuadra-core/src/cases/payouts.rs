//! The bank leg (issue 18): each PSP payout (a named settlement batch with its net total and
//! transfer date: dLocal's `TRANSFER_ID`) matched to the bank credit that paid it, and the
//! credits from a PSP that no payout explains. Every run makes ALL of these cases again, full or
//! partial (there are hundreds, and a new statement, a new batch or the as-of can change any of
//! them): they are written through the `CaseWriter` like batch cases, replacing or removing the
//! stored `payout:`/`bank:` cases.
//!
//! How a payout finds its credit (credits are `bank_entries` booked as credits, not reversals):
//! 1. By reference: a credit whose remittance text, customer reference or bank reference holds
//!    the transfer id as a token or a digit run ("PAYOUT TRANSFER 642926", "DLO-642926",
//!    "DLO642926"), compared exactly. The strongest key, whatever the amount or date.
//! 2. Else by amount: a credit not named by any payout, in the payout's currency, that names the
//!    payout's PSP or no PSP at all, booked from the transfer date to `payout_window_days`
//!    (per PSP: `payout_window_days.<psp>`) after it, within `payout_allowance` of the net.
//!
//! Never a guess: a payout two credits fit, or a credit two payouts fit, is `payout_ambiguous`
//! (every payout concerned, naming the credits). A payout with one credit is `payout_matched`
//! when the credit equals the net, `payout_short`/`payout_over` (the difference in
//! `difference`) when it does not; a credit in another currency than the payout (a USD payout
//! credited in COP) is `payout_matched` with the bank's effective rate (credited / net) shown,
//! never short or over: Cuadra has no rate to judge it by. GMF (4x1000) and bank charges
//! debited on the same account and day are named beside it. A payout with no credit past its
//! window at the run's as-of is `payout_missing`; inside the window it has no case yet. A
//! credit that names a known PSP and that no payout explains is `bank_credit_unexplained`.
//! A payout transferred before the first imported statement is matched if a credit fits, and
//! never called missing (nothing can show it); nothing is made while the workspace holds no
//! statement.

use super::decisions::Reopening;
use super::shape::{fingerprint, LastDecision, Prepared};
use super::CaseRow;
use crate::msg;
use crate::reconcile::ReconSettings;
use crate::store::StoreError;
use crate::time::Moment;
use crate::words::reconcile::*;
use crate::words::{Arg, Join, Msg};
use chrono::{DateTime, Duration, NaiveDate, SecondsFormat, Utc};
use rusqlite::Connection;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use std::collections::{HashMap, HashSet};

/// The key prefixes of the cases this module makes.
pub(crate) const PAYOUT_PREFIX: &str = "payout:";
pub(crate) const CREDIT_PREFIX: &str = "bank:";

/// Whether a case key is one this module makes.
pub(crate) fn is_payout_key(key: &str) -> bool {
    key.starts_with(PAYOUT_PREFIX) || key.starts_with(CREDIT_PREFIX)
}

/// PSPs a bank's text may name, by Cuadra's PSP name, spelled as the bank writes them once
/// upper-cased with everything but letters and digits removed. The PSPs of the imported
/// batches are added by their own names.
const PSP_NAMES: &[(&str, &[&str])] = &[
    ("dlocal", &["DLOCAL"]),
    ("mercadopago", &["MERCADOPAGO"]),
    ("payu", &["PAYU"]),
    ("epayco", &["EPAYCO"]),
    ("kushki", &["KUSHKI"]),
    ("rapyd", &["RAPYD"]),
    ("ebanx", &["EBANX"]),
    ("wompi", &["WOMPI"]),
];

/// One payout: a named batch's transfer.
#[derive(Clone, Debug)]
struct Payout {
    psp: String,
    transfer_id: String,
    currency: String,
    net: Decimal,
    transfer_date: NaiveDate,
}

impl Payout {
    fn key(&self) -> String {
        format!("{PAYOUT_PREFIX}{}:{}", self.psp, self.transfer_id)
    }
}

/// One bank credit.
#[derive(Clone, Debug)]
struct Credit {
    id: i64,
    account: String,
    booking_date: NaiveDate,
    amount: Decimal,
    currency: String,
    bank_ref: Option<String>,
    /// Upper-case tokens and digit runs of its texts.
    tokens: HashSet<String>,
    /// Its texts, upper-cased with only letters and digits kept (to find a PSP's name).
    squashed: String,
    counterparty: Option<String>,
    remittance: Option<String>,
}

impl Credit {
    /// The bank's reference (camt.053 `AcctSvcrRef`, MT940 `//`), else the entry's id.
    fn reference(&self) -> String {
        self.bank_ref
            .clone()
            .filter(|r| !r.trim().is_empty() && r != "NONREF")
            .unwrap_or_else(|| format!("entry:{}", self.id))
    }

    /// The PSP it names, if any (the first of `names` found in its texts).
    fn names_psp<'a>(&self, names: &'a [(String, Vec<String>)]) -> Option<&'a str> {
        names
            .iter()
            .find(|(_, spellings)| spellings.iter().any(|s| self.squashed.contains(s.as_str())))
            .map(|(psp, _)| psp.as_str())
    }
}

/// The tokens of a bank text: runs of letters and digits, and within them runs of digits.
fn tokens_of(text: &str, into: &mut HashSet<String>) {
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        into.insert(word.to_uppercase());
        for digits in word
            .split(|c: char| !c.is_ascii_digit())
            .filter(|d| !d.is_empty())
        {
            into.insert(digits.to_string());
        }
    }
}

fn squash(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_uppercase)
        .collect()
}

fn date_of(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.get(..10)?, "%Y-%m-%d").ok()
}

fn payouts(conn: &Connection) -> rusqlite::Result<Vec<Payout>> {
    let mut stmt = conn.prepare(
        "SELECT b.psp, b.batch_ref, b.currency, b.net_total, b.transfer_date
         FROM settlement_batches b
         WHERE b.batch_ref IS NOT NULL AND b.net_total IS NOT NULL
           AND b.id = (SELECT MIN(b2.id) FROM settlement_batches b2
                       WHERE b2.psp = b.psp AND b2.batch_ref = b.batch_ref
                         AND b2.net_total IS NOT NULL)
         ORDER BY b.id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, Option<String>>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, Option<String>>(4)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (psp, transfer_id, currency, net, date) = row?;
        let (Ok(net), Some(transfer_date)) = (
            net.trim().parse::<Decimal>(),
            date.as_deref().and_then(date_of),
        ) else {
            continue;
        };
        if transfer_id.trim().is_empty() {
            continue;
        }
        out.push(Payout {
            psp,
            transfer_id: transfer_id.trim().to_string(),
            currency: currency.unwrap_or_default().trim().to_uppercase(),
            net,
            transfer_date,
        });
    }
    Ok(out)
}

fn credits(conn: &Connection) -> rusqlite::Result<Vec<Credit>> {
    let mut stmt = conn.prepare(
        "SELECT id, account, booking_date, amount, currency, bank_ref, customer_ref, remittance,
            counterparty
         FROM bank_entries WHERE direction = 'credit' AND reversal = 0 ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, Option<String>>(5)?,
            r.get::<_, Option<String>>(6)?,
            r.get::<_, Option<String>>(7)?,
            r.get::<_, Option<String>>(8)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, account, booked, amount, currency, bank_ref, customer_ref, remittance, party) =
            row?;
        let (Some(booking_date), Ok(amount)) = (date_of(&booked), amount.trim().parse::<Decimal>())
        else {
            continue;
        };
        let mut tokens = HashSet::new();
        let mut squashed = String::new();
        for text in [&customer_ref, &remittance, &bank_ref]
            .into_iter()
            .flatten()
        {
            tokens_of(text, &mut tokens);
        }
        for text in [&remittance, &party, &customer_ref].into_iter().flatten() {
            squashed.push_str(&squash(text));
            squashed.push(' ');
        }
        out.push(Credit {
            id,
            account,
            booking_date,
            amount: amount.abs(),
            currency: currency.trim().to_uppercase(),
            bank_ref,
            tokens,
            squashed,
            counterparty: party,
            remittance,
        });
    }
    Ok(out)
}

/// GMF and bank charges debited per (account, day): (GMF, charges), positive.
fn day_debits(
    conn: &Connection,
) -> rusqlite::Result<HashMap<(String, String), (Decimal, Decimal)>> {
    let mut stmt = conn.prepare(
        "SELECT account, booking_date, amount, tx_code, remittance, counterparty
         FROM bank_entries WHERE direction = 'debit' AND reversal = 0",
    )?;
    let mut rows = stmt.query([])?;
    let mut out: HashMap<(String, String), (Decimal, Decimal)> = HashMap::new();
    while let Some(r) = rows.next()? {
        let amount = r
            .get::<_, String>(2)?
            .trim()
            .parse::<Decimal>()
            .unwrap_or_default()
            .abs();
        let code = r.get::<_, Option<String>>(3)?.unwrap_or_default();
        let text = squash(&format!(
            "{} {}",
            r.get::<_, Option<String>>(4)?.unwrap_or_default(),
            r.get::<_, Option<String>>(5)?.unwrap_or_default()
        ));
        let gmf = text.contains("GMF") || text.contains("4X1000") || text.contains("GRAVAMEN");
        let charge = code.to_uppercase().ends_with("CHG")
            || ["CHARGE", "COMISION", "COMISIÓN", "FEE"]
                .iter()
                .any(|w| text.contains(w));
        if !gmf && !charge {
            continue;
        }
        let e = out
            .entry((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?.get(..10).unwrap_or("").to_string(),
            ))
            .or_default();
        if gmf {
            e.0 += amount;
        } else {
            e.1 += amount;
        }
    }
    Ok(out)
}

/// How a payout's credit was found.
enum Found {
    Reference(usize),
    Amount(usize),
    /// Several credits fit it.
    Credits(Vec<usize>),
    /// Its one credit fits other payouts too (their indexes).
    Shared(usize, Vec<usize>),
}

/// Every payout and PSP credit case, as of `as_of` (see the module docs), with the reopenings
/// of resolved ones judged otherwise now.
pub(super) fn payout_cases(
    conn: &Connection,
    settings: &ReconSettings,
    as_of: DateTime<Utc>,
    decisions: &HashMap<String, LastDecision>,
    now: DateTime<Utc>,
) -> Result<(Vec<Prepared>, Vec<Reopening>), StoreError> {
    let coverage: (Option<String>, Option<String>) = conn.query_row(
        "SELECT MIN(from_date), MAX(to_date) FROM bank_statements",
        [],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let (Some(first), Some(last)) = (
        coverage.0.as_deref().and_then(date_of),
        coverage.1.as_deref().and_then(date_of),
    ) else {
        return Ok((Vec::new(), Vec::new()));
    };
    let zone = settings.zone;
    let as_of_day = as_of.with_timezone(&zone).date_naive();
    // Every payout takes part in matching (one transferred the day before the first statement
    // may be credited within it); one with no credit is judged only from the first statement on.
    let payouts: Vec<Payout> = payouts(conn)?;
    let credits = credits(conn)?;
    let debits = day_debits(conn)?;
    let mut names: Vec<(String, Vec<String>)> = PSP_NAMES
        .iter()
        .map(|(psp, s)| (psp.to_string(), s.iter().map(|s| s.to_string()).collect()))
        .collect();
    for p in &payouts {
        let s = squash(&p.psp);
        if s.len() >= 4
            && !names
                .iter()
                .any(|(psp, _)| psp.eq_ignore_ascii_case(&p.psp))
        {
            names.push((p.psp.clone(), vec![s]));
        }
    }

    // 1. By reference.
    let mut named_by: HashMap<usize, Vec<usize>> = HashMap::new(); // credit -> payouts
    let mut names_of: HashMap<usize, Vec<usize>> = HashMap::new(); // payout -> credits
                                                                   // The credits by token, in credit order (a payout looks its transfer id up once).
    let mut by_token: HashMap<&str, Vec<usize>> = HashMap::new();
    for (ci, c) in credits.iter().enumerate() {
        for t in &c.tokens {
            by_token.entry(t.as_str()).or_default().push(ci);
        }
    }
    for cs in by_token.values_mut() {
        cs.sort_unstable();
    }
    for (pi, p) in payouts.iter().enumerate() {
        let id = p.transfer_id.to_uppercase();
        for &ci in by_token.get(id.as_str()).map(Vec::as_slice).unwrap_or(&[]) {
            named_by.entry(ci).or_default().push(pi);
            names_of.entry(pi).or_default().push(ci);
        }
    }
    // The credits in booking-date order (a payout's window is a range of them).
    let mut by_date: Vec<usize> = (0..credits.len()).collect();
    by_date.sort_by_key(|&ci| (credits[ci].booking_date, ci));
    let mut found: HashMap<usize, Found> = HashMap::new();
    for (&pi, cs) in &names_of {
        let f = match cs.as_slice() {
            [ci] => match named_by[ci].as_slice() {
                [_] => Found::Reference(*ci),
                others => Found::Shared(*ci, others.iter().copied().filter(|o| *o != pi).collect()),
            },
            many => Found::Credits(many.to_vec()),
        };
        found.insert(pi, f);
    }
    // 2. By amount, among the credits no payout names.
    let mut fits: HashMap<usize, Vec<usize>> = HashMap::new(); // payout -> credits
    let mut fitted: HashMap<usize, Vec<usize>> = HashMap::new(); // credit -> payouts
    let allowance = settings.payout_allowance.abs();
    for (pi, p) in payouts.iter().enumerate() {
        if found.contains_key(&pi) {
            continue;
        }
        let window = settings.payout_window_days_for(&p.psp).max(0);
        let until = p.transfer_date + Duration::days(window);
        let from = by_date.partition_point(|&ci| credits[ci].booking_date < p.transfer_date);
        let to = by_date.partition_point(|&ci| credits[ci].booking_date <= until);
        let mut window_credits: Vec<usize> = by_date[from..to.max(from)].to_vec();
        window_credits.sort_unstable();
        for ci in window_credits {
            let c = &credits[ci];
            if named_by.contains_key(&ci)
                || c.currency != p.currency
                || (c.amount - p.net).abs() > allowance
            {
                continue;
            }
            match c.names_psp(&names) {
                Some(psp) if !psp.eq_ignore_ascii_case(&p.psp) => continue,
                _ => {}
            }
            fits.entry(pi).or_default().push(ci);
            fitted.entry(ci).or_default().push(pi);
        }
    }
    for (&pi, cs) in &fits {
        let f = match cs.as_slice() {
            [ci] => match fitted[ci].as_slice() {
                [_] => Found::Amount(*ci),
                others => Found::Shared(*ci, others.iter().copied().filter(|o| *o != pi).collect()),
            },
            many => Found::Credits(many.to_vec()),
        };
        found.insert(pi, f);
    }

    let mut out = Vec::new();
    let mut reopenings = Vec::new();
    let mut explained: HashSet<usize> = named_by.keys().copied().collect();
    explained.extend(fitted.keys().copied());
    for (pi, p) in payouts.iter().enumerate() {
        let cur = Some(p.currency.as_str());
        let net = Arg::money(p.net, cur);
        let td = p.transfer_date.to_string();
        let head = |psp: &str| -> [Arg; 4] {
            [
                psp_name(psp).into(),
                p.transfer_id.as_str().into(),
                net.clone(),
                td.as_str().into(),
            ]
        };
        let mut row = CaseRow {
            case_key: p.key(),
            net_settled: Some(p.net.normalize().to_string()),
            settlement_currency: Some(p.currency.clone()),
            psp: Some(p.psp.clone()),
            settled_at: Some(td.clone()),
            period: td.get(..7).map(str::to_string),
            ..CaseRow::default()
        };
        let (status, rule, explanation, sort) = match found.get(&pi) {
            Some(Found::Reference(ci)) | Some(Found::Amount(ci)) => {
                let c = &credits[*ci];
                let by_ref = matches!(found.get(&pi), Some(Found::Reference(_)));
                let how = if by_ref {
                    msg!(PAYOUT_HOW_REFERENCE)
                } else {
                    msg!(
                        PAYOUT_HOW_AMOUNT,
                        settings.payout_window_days_for(&p.psp).max(0)
                    )
                };
                let [a0, a1, a2, a3] = head(&p.psp);
                let mut args: Vec<Arg> = vec![
                    a0,
                    a1,
                    a2,
                    a3,
                    Arg::money(c.amount, Some(c.currency.as_str())),
                    c.booking_date.to_string().into(),
                    c.account.as_str().into(),
                    c.reference().into(),
                    how.into(),
                ];
                row.settlement_refs = format!("{}|{}", p.transfer_id, c.reference());
                row.matched_keys = format!("{CREDIT_PREFIX}{}", c.id);
                row.paid_amount = Some(c.amount.normalize().to_string());
                row.currency = Some(c.currency.clone());
                let (status, rule, sentence, diff) = if c.currency != p.currency {
                    let rate = if p.net.is_zero() {
                        Decimal::ZERO
                    } else {
                        (c.amount / p.net).round_dp(4).normalize()
                    };
                    args.push(rate.to_string().into());
                    args.push(p.currency.as_str().into());
                    args.push(c.currency.as_str().into());
                    (
                        "payout_matched",
                        if by_ref {
                            "payout_fx_by_reference"
                        } else {
                            "payout_fx_by_amount"
                        },
                        Msg::new(PAYOUT_FX, args),
                        None,
                    )
                } else {
                    let diff = c.amount - p.net;
                    let rule = if by_ref {
                        "payout_by_reference"
                    } else {
                        "payout_by_amount"
                    };
                    if diff.is_zero() {
                        (
                            "payout_matched",
                            rule,
                            Msg::new(PAYOUT_MATCHED, args),
                            Some(diff),
                        )
                    } else {
                        args.push(Arg::money(diff.abs(), cur));
                        if diff < Decimal::ZERO {
                            (
                                "payout_short",
                                rule,
                                Msg::new(PAYOUT_SHORT, args),
                                Some(diff),
                            )
                        } else {
                            ("payout_over", rule, Msg::new(PAYOUT_OVER, args), Some(diff))
                        }
                    }
                };
                row.difference = diff.map(|d| d.normalize().to_string());
                let explanation = with_day_debits(
                    sentence,
                    debits.get(&(c.account.clone(), c.booking_date.to_string())),
                    Some(c.currency.as_str()),
                );
                (status, rule, explanation, diff.unwrap_or(p.net))
            }
            Some(Found::Credits(cs)) => {
                let refs: Vec<String> = cs.iter().map(|ci| credits[*ci].reference()).collect();
                row.settlement_refs = format!("{}|{}", p.transfer_id, refs.join("|"));
                row.matched_keys = cs
                    .iter()
                    .map(|ci| format!("{CREDIT_PREFIX}{}", credits[*ci].id))
                    .collect::<Vec<_>>()
                    .join("|");
                let [a0, a1, a2, a3] = head(&p.psp);
                let refs_arg = Arg::list(refs.iter().map(Arg::from).collect(), Join::Comma);
                (
                    "payout_ambiguous",
                    "payout_two_credits",
                    msg!(PAYOUT_TWO_CREDITS, a0, a1, a2, a3, cs.len(), refs_arg),
                    p.net,
                )
            }
            Some(Found::Shared(ci, others)) => {
                let c = &credits[*ci];
                row.settlement_refs = format!("{}|{}", p.transfer_id, c.reference());
                row.matched_keys = format!("{CREDIT_PREFIX}{}", c.id);
                let [a0, a1, a2, a3] = head(&p.psp);
                let others_arg = Arg::list(
                    others
                        .iter()
                        .map(|o| Arg::from(payouts[*o].transfer_id.as_str()))
                        .collect(),
                    Join::Comma,
                );
                (
                    "payout_ambiguous",
                    "payout_shared_credit",
                    msg!(
                        PAYOUT_SHARED_CREDIT,
                        a0,
                        a1,
                        a2,
                        a3,
                        others_arg,
                        c.reference()
                    ),
                    p.net,
                )
            }
            None => {
                let window = settings.payout_window_days_for(&p.psp).max(0);
                let until = p.transfer_date + Duration::days(window);
                if as_of_day <= until || p.transfer_date < first {
                    // Still inside its window (no case yet), or before any statement.
                    continue;
                }
                row.settlement_refs = p.transfer_id.clone();
                let [a0, a1, a2, a3] = head(&p.psp);
                (
                    "payout_missing",
                    "payout_no_credit",
                    msg!(
                        PAYOUT_MISSING,
                        a0,
                        a1,
                        a2,
                        a3,
                        window,
                        until.to_string(),
                        last.to_string()
                    ),
                    p.net,
                )
            }
        };
        let event = Moment::Date(p.transfer_date).to_utc(zone);
        out.push(finish(
            row,
            status,
            rule,
            explanation,
            sort,
            event,
            decisions,
            now,
            &mut reopenings,
        ));
    }

    // Credits from a PSP that no payout explains.
    for (ci, c) in credits.iter().enumerate() {
        if explained.contains(&ci) {
            continue;
        }
        let Some(psp) = c.names_psp(&names) else {
            continue;
        };
        let date = c.booking_date.to_string();
        let text = c
            .remittance
            .clone()
            .or_else(|| c.counterparty.clone())
            .unwrap_or_default();
        let row = CaseRow {
            case_key: format!("{CREDIT_PREFIX}{}", c.id),
            settlement_refs: c.reference(),
            matched_keys: format!("{CREDIT_PREFIX}{}", c.id),
            paid_amount: Some(c.amount.normalize().to_string()),
            currency: Some(c.currency.clone()),
            psp: Some(psp.to_string()),
            settled_at: Some(date.clone()),
            period: date.get(..7).map(str::to_string),
            ..CaseRow::default()
        };
        let explanation = msg!(
            BANK_CREDIT_UNEXPLAINED,
            c.reference(),
            Arg::money(c.amount, Some(c.currency.as_str())),
            date.as_str(),
            c.account.as_str(),
            c.counterparty
                .clone()
                .unwrap_or_else(|| psp_name(psp).to_string()),
            msg!(QUOTED, text)
        );
        let event = Moment::Date(c.booking_date).to_utc(zone);
        out.push(finish(
            row,
            "bank_credit_unexplained",
            "credit_no_payout",
            explanation,
            c.amount,
            event,
            decisions,
            now,
            &mut reopenings,
        ));
    }
    Ok((out, reopenings))
}

/// A PSP's name as people write it.
fn psp_name(psp: &str) -> &str {
    match psp {
        "dlocal" => "dLocal",
        "mercadopago" => "Mercado Pago",
        "payu" => "PayU",
        "epayco" => "ePayco",
        "kushki" => "Kushki",
        "rapyd" => "Rapyd",
        "ebanx" => "EBANX",
        "wompi" => "Wompi",
        other => other,
    }
}

/// The sentence, followed by the GMF and charges debited on the credit's account and day.
fn with_day_debits(sentence: Msg, debits: Option<&(Decimal, Decimal)>, cur: Option<&str>) -> Msg {
    let Some((gmf, charges)) = debits else {
        return sentence;
    };
    let mut parts: Vec<Arg> = Vec::new();
    if !gmf.is_zero() {
        parts.push(msg!(PAYOUT_DEBIT_GMF, Arg::money(*gmf, cur)).into());
    }
    if !charges.is_zero() {
        parts.push(msg!(PAYOUT_DEBIT_CHARGE, Arg::money(*charges, cur)).into());
    }
    if parts.is_empty() {
        return sentence;
    }
    msg!(
        PAYOUT_WITH_DEBITS,
        Arg::sentence(sentence),
        Arg::list(parts, Join::Comma)
    )
}

/// The case's state under people's decisions (a resolution holds while the case is judged the
/// same, else it reopens, recorded), and its row prepared for the writer.
#[allow(clippy::too_many_arguments)]
fn finish(
    mut row: CaseRow,
    status: &str,
    rule: &str,
    explanation: Msg,
    sort: Decimal,
    event: DateTime<Utc>,
    decisions: &HashMap<String, LastDecision>,
    now: DateTime<Utc>,
    reopenings: &mut Vec<Reopening>,
) -> Prepared {
    let (state, decided_by, explanation) = super::batches::decision_on(
        &row.case_key,
        status,
        explanation,
        decisions,
        now,
        reopenings,
    );
    row.status = status.into();
    row.engine_status = status.into();
    row.rule = rule.into();
    row.state = state.as_str().into();
    row.decided_by = decided_by;
    row.explanation = explanation;
    let row = row.with_review();
    let fingerprint = fingerprint(&row, &[]);
    Prepared {
        time_edge: None,
        sort_amount: sort
            .checked_mul(Decimal::from(10_000))
            .and_then(|d| d.trunc().to_i64()),
        event_utc: Some(event.to_rfc3339_opts(SecondsFormat::Secs, true)),
        line_ids: Vec::new(),
        fingerprint,
        row,
    }
}

/// What [`rewrite_payout_cases`] did.
pub(super) struct Rewritten {
    pub written: u64,
    pub removed: u64,
    pub reopened: Vec<String>,
}

/// The keys of the stored payout and PSP credit cases.
fn stored_keys(tx: &rusqlite::Transaction<'_>) -> Result<Vec<String>, StoreError> {
    let mut stmt = tx.prepare_cached(
        "SELECT case_key FROM cases
         WHERE (case_key >= 'payout:' AND case_key < 'payout;')
            OR (case_key >= 'bank:' AND case_key < 'bank;')",
    )?;
    let keys = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(keys)
}

/// Makes every payout and PSP credit case again inside `tx` (a partial run) and writes them as
/// cases of run `run_id`: stored ones it no longer makes are removed (a resolved one that goes
/// is recorded as reopened, like any case that vanishes).
pub(super) fn rewrite_payout_cases(
    tx: &rusqlite::Transaction<'_>,
    settings: &ReconSettings,
    as_of: DateTime<Utc>,
    run_id: i64,
    now: DateTime<Utc>,
) -> Result<Rewritten, StoreError> {
    let decisions = super::decisions::last_decisions(tx)?;
    let (prepared, mut reopenings) = payout_cases(tx, settings, as_of, &decisions, now)?;
    let stored = stored_keys(tx)?;
    let vanishing = super::decisions::Vanishing::new(tx, &decisions, Some(&stored))?;
    for p in &prepared {
        vanishing.see(p);
    }
    reopenings.extend(vanishing.finish());
    let reopened = super::decisions::record_reopenings(tx, &reopenings, now)?;
    let keys: Vec<String> = prepared.iter().map(|p| p.row.case_key.clone()).collect();
    let cases =
        super::write::StoredCases::only(tx, &mut stored.iter().chain(&keys).map(String::as_str))?;
    let mut writer = super::write::CaseWriter::new(tx, run_id, &cases);
    for p in prepared {
        writer.push(p)?;
    }
    let (written, removed) = writer.finish()?;
    Ok(Rewritten {
        written,
        removed,
        reopened,
    })
}
