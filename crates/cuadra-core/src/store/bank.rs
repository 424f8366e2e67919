//! Bank statements as stored (see `ingest::bank` for how they get here): the statements with
//! their balances and entry counts, their entries, and the days between two statements of one
//! account that no statement covers. Reads only: nothing here writes or judges a payout.

use super::{StoreError, Workspace};
use chrono::NaiveDate;
use rusqlite::Row;
use rust_decimal::Decimal;
use serde::Serialize;
use std::str::FromStr;

/// One stored bank statement, with what its entries add up to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BankStatement {
    pub id: i64,
    pub file_id: i64,
    pub file_name: String,
    /// The line (MT940) or XML line (camt.053) where the statement starts in its file.
    pub row: i64,
    /// `camt.053` or `mt940`.
    pub format: String,
    /// camt.053 `Stmt/Id`; MT940 `:20:`.
    pub statement_ref: String,
    /// camt.053 `ElctrncSeqNb` (else `LglSeqNb`); MT940 `:28C:`.
    pub sequence: Option<String>,
    pub account: String,
    pub currency: String,
    pub from_date: String,
    pub to_date: String,
    /// Signed decimals as text (a debit balance is negative).
    pub opening_balance: String,
    pub closing_balance: String,
    pub credits_total: String,
    pub debits_total: String,
    pub entries: i64,
    /// Whether opening + credits - debits = closing (always true for a stored statement: an
    /// unbalanced one is refused at import; kept so a reader need not trust that).
    pub balanced: bool,
}

/// One stored bank entry (a booked credit or debit).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BankEntry {
    pub id: i64,
    pub identity: String,
    pub statement_id: i64,
    pub file_id: i64,
    pub row: i64,
    pub account: String,
    pub booking_date: String,
    pub value_date: Option<String>,
    /// Signed: a credit positive, a debit negative.
    pub amount: String,
    pub currency: String,
    /// `credit` or `debit`.
    pub direction: String,
    pub reversal: bool,
    /// camt.053 `AcctSvcrRef`; MT940 `:61:` reference after `//`.
    pub bank_ref: Option<String>,
    /// camt.053 `EndToEndId`; MT940 `:61:` customer reference.
    pub customer_ref: Option<String>,
    pub tx_code: Option<String>,
    pub remittance: Option<String>,
    pub counterparty: Option<String>,
}

/// Days between two consecutive statements of one account (and currency) that neither covers,
/// and whether the money carries over (the later opening balance equals the earlier closing).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BankStatementGap {
    pub account: String,
    pub currency: String,
    pub before_statement_id: i64,
    pub before_statement_ref: String,
    pub before_to_date: String,
    pub after_statement_id: i64,
    pub after_statement_ref: String,
    pub after_from_date: String,
    /// The first and last day no statement covers (None when no day is missing and only the
    /// balances do not carry over).
    pub missing_from: Option<String>,
    pub missing_to: Option<String>,
    pub missing_days: i64,
    pub previous_closing: String,
    pub next_opening: String,
    /// False when money moved in the gap (a statement with entries is missing).
    pub balance_carries_over: bool,
}

const STATEMENT_COLUMNS: &str = "s.id, s.file_id, f.name, s.row_no, s.format, s.statement_ref, \
     s.sequence, s.account, s.currency, s.from_date, s.to_date, s.opening_balance, \
     s.closing_balance, s.credits_total, s.debits_total, s.entries";

fn statement_from_row(r: &Row<'_>) -> rusqlite::Result<BankStatement> {
    let dec = |i: usize| -> rusqlite::Result<String> { r.get(i) };
    let (opening, closing, credits, debits) = (dec(11)?, dec(12)?, dec(13)?, dec(14)?);
    let balanced = match (
        Decimal::from_str(&opening),
        Decimal::from_str(&closing),
        Decimal::from_str(&credits),
        Decimal::from_str(&debits),
    ) {
        (Ok(o), Ok(c), Ok(cr), Ok(db)) => o + cr - db == c,
        _ => false,
    };
    Ok(BankStatement {
        id: r.get(0)?,
        file_id: r.get(1)?,
        file_name: r.get(2)?,
        row: r.get(3)?,
        format: r.get(4)?,
        statement_ref: r.get(5)?,
        sequence: r.get(6)?,
        account: r.get(7)?,
        currency: r.get(8)?,
        from_date: r.get(9)?,
        to_date: r.get(10)?,
        opening_balance: opening,
        closing_balance: closing,
        credits_total: credits,
        debits_total: debits,
        entries: r.get(15)?,
        balanced,
    })
}

impl Workspace {
    /// Every stored bank statement, by account, currency and period.
    pub fn bank_statements(&self) -> Result<Vec<BankStatement>, StoreError> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {STATEMENT_COLUMNS} FROM bank_statements s
               JOIN imported_files f ON f.id = s.file_id
             ORDER BY s.account, s.currency, s.from_date, s.to_date, s.id"
        ))?;
        let rows = stmt.query_map([], statement_from_row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The entries stored for one statement, in the order of their file.
    pub fn bank_entries(&self, statement_id: i64) -> Result<Vec<BankEntry>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT id, identity, statement_id, file_id, row_no, account, booking_date,
                    value_date, amount, currency, direction, reversal, bank_ref, customer_ref,
                    tx_code, remittance, counterparty
               FROM bank_entries WHERE statement_id = ?1 ORDER BY file_id, row_no, id",
        )?;
        let rows = stmt.query_map([statement_id], |r| {
            Ok(BankEntry {
                id: r.get(0)?,
                identity: r.get(1)?,
                statement_id: r.get(2)?,
                file_id: r.get(3)?,
                row: r.get(4)?,
                account: r.get(5)?,
                booking_date: r.get(6)?,
                value_date: r.get(7)?,
                amount: r.get(8)?,
                currency: r.get(9)?,
                direction: r.get(10)?,
                reversal: r.get::<_, i64>(11)? != 0,
                bank_ref: r.get(12)?,
                customer_ref: r.get(13)?,
                tx_code: r.get(14)?,
                remittance: r.get(15)?,
                counterparty: r.get(16)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Breaks between consecutive statements of each account and currency: days that no
    /// statement covers (the later one starts more than a day after the earlier one ends), or
    /// an opening balance that is not the previous closing one. A statement that overlaps the
    /// previous one (an intraday re-issue, a later download) breaks nothing if its opening
    /// balance carries over. Weekends and holidays without a statement are listed too, with
    /// `balance_carries_over` true: whether a bank issues statements for those days is the
    /// reader's call, not a guess made here.
    pub fn bank_statement_gaps(&self) -> Result<Vec<BankStatementGap>, StoreError> {
        let statements = self.bank_statements()?;
        let mut gaps = Vec::new();
        for pair in statements.windows(2) {
            let (before, after) = (&pair[0], &pair[1]);
            if before.account != after.account || before.currency != after.currency {
                continue;
            }
            let (Ok(to), Ok(from)) = (
                NaiveDate::from_str(&before.to_date),
                NaiveDate::from_str(&after.from_date),
            ) else {
                continue;
            };
            let carries = match (
                Decimal::from_str(&before.closing_balance),
                Decimal::from_str(&after.opening_balance),
            ) {
                (Ok(c), Ok(o)) => c == o,
                _ => false,
            };
            let missing = (from - to).num_days() - 1;
            if missing <= 0 && carries {
                continue;
            }
            let (missing_from, missing_to) = if missing > 0 {
                (
                    to.succ_opt().map(|d| d.to_string()),
                    from.pred_opt().map(|d| d.to_string()),
                )
            } else {
                (None, None)
            };
            gaps.push(BankStatementGap {
                account: before.account.clone(),
                currency: before.currency.clone(),
                before_statement_id: before.id,
                before_statement_ref: before.statement_ref.clone(),
                before_to_date: before.to_date.clone(),
                after_statement_id: after.id,
                after_statement_ref: after.statement_ref.clone(),
                after_from_date: after.from_date.clone(),
                missing_from,
                missing_to,
                missing_days: missing.max(0),
                previous_closing: before.closing_balance.clone(),
                next_opening: after.opening_balance.clone(),
                balance_carries_over: carries,
            });
        }
        Ok(gaps)
    }
}
