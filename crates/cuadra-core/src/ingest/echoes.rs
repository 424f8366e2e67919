//! Lines that repeat another report's money: a PSP that reports the same payment in two reports
//! (Mercado Pago's settlement and release reports) would count it twice. Such lines are paired
//! (`line_echoes`) so the repeating one is evidence, not money.

use super::profile::normalize_header;
use rusqlite::Connection;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// The pairs of identity scopes whose reports record the same money: (repeating, repeated).
fn same_money_scopes() -> Vec<(String, String)> {
    super::profile::builtin_profiles()
        .into_iter()
        .filter_map(|p| p.same_money_as.map(|of| (p.identity_scope, of)))
        .collect()
}

/// Whether lines of identity scope `scope` can repeat, or be repeated by, another report's.
pub(super) fn shares_money(scope: &str) -> bool {
    same_money_scopes()
        .iter()
        .any(|(echo, of)| echo == scope || of == scope)
}

/// Marks the lines of one report that repeat a line of another report of the same money
/// (`line_echoes`): the same PSP transaction id, the same kind (row type, and `_cancel` for a
/// row that undoes another) and the same net amount, paired one to one in line order. Only
/// lines sharing a transaction id with `file` are looked at (all lines when `None`, for a
/// workspace from before the table existed). Returns how many of the lines it paired sit in a
/// stored case already: the dashboard's rollups counted them, and must be rebuilt.
pub(crate) fn pair_same_money(conn: &Connection, file: Option<i64>) -> rusqlite::Result<usize> {
    let mut counted = 0;
    for (echo_scope, of_scope) in same_money_scopes() {
        let range = |scope: &str| (format!("{scope}|"), format!("{scope}}}"));
        let (echo_lo, echo_hi) = range(&echo_scope);
        let (of_lo, of_hi) = range(&of_scope);
        let only_file = if file.is_some() {
            "AND l.psp_txn_id IN (SELECT psp_txn_id FROM settlement_lines WHERE file_id = ?5)"
        } else {
            "AND ?5 IS NULL"
        };
        let mut stmt = conn.prepare(&format!(
            "SELECT l.id, l.identity >= ?1 AND l.identity < ?2, l.psp, l.psp_txn_id, l.row_type,
                    l.raw_row_type, l.net_amount
             FROM settlement_lines l
             WHERE ((l.identity >= ?1 AND l.identity < ?2) OR (l.identity >= ?3 AND l.identity < ?4))
               AND l.psp_txn_id IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM line_echoes e WHERE e.line_id = l.id)
               AND NOT EXISTS (SELECT 1 FROM line_echoes e WHERE e.of_line_id = l.id)
               {only_file}
             ORDER BY l.id"
        ))?;
        // (psp, transaction id, kind, net) -> (repeating lines, repeated lines), in id order.
        type Sides = (Vec<i64>, Vec<i64>);
        let mut groups: BTreeMap<(String, String, String, String), Sides> = BTreeMap::new();
        let mut rows = stmt.query(rusqlite::params![echo_lo, echo_hi, of_lo, of_hi, file])?;
        while let Some(r) = rows.next()? {
            let id: i64 = r.get(0)?;
            let is_echo: bool = r.get(1)?;
            let psp: String = r.get(2)?;
            let txn: String = r.get(3)?;
            let row_type: String = r.get(4)?;
            let raw: Option<String> = r.get(5)?;
            let net: Option<String> = r.get(6)?;
            let Some(txn) = crate::reconcile::normalize_key(&txn).map(|k| k.into_owned()) else {
                continue;
            };
            let cancels = raw
                .as_deref()
                .is_some_and(|raw| normalize_header(raw).ends_with("_CANCEL"));
            let kind = if cancels {
                format!("{row_type}_cancel")
            } else {
                row_type
            };
            let net = net
                .and_then(|n| n.trim().parse::<Decimal>().ok())
                .map(|n| n.normalize().to_string())
                .unwrap_or_default();
            let sides = groups.entry((psp, txn, kind, net)).or_default();
            if is_echo {
                sides.0.push(id);
            } else {
                sides.1.push(id);
            }
        }
        let mut insert =
            conn.prepare_cached("INSERT INTO line_echoes(line_id, of_line_id) VALUES (?1, ?2)")?;
        let mut in_case =
            conn.prepare_cached("SELECT EXISTS (SELECT 1 FROM case_lines WHERE line_id = ?1)")?;
        for (echoes, originals) in groups.values() {
            for (echo, of) in echoes.iter().zip(originals) {
                insert.execute([echo, of])?;
                if in_case.query_row([echo], |r| r.get::<_, bool>(0))? {
                    counted += 1;
                }
            }
        }
    }
    Ok(counted)
}
