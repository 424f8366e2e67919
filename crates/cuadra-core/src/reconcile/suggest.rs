//! Suggestions: an order with no payment and a payment with no order whose references are one
//! edit apart (a swapped or mistyped digit), with the same currency, the same amount within
//! tolerance, paid inside the order's voucher window. Unmatched payments are indexed by
//! currency and amount and by the one-deletion variants of their keys, so an order is compared
//! only with candidates that already share an amount and a near key (no pair-by-pair scan). A line is suggested to
//! at most one order and an order gets at most one line; when the best choice is not unique,
//! nothing is suggested (never guess). Suggestions wait for a person; they are never matches.

use super::classify::Cx;
use super::facts::{buyer_amount, money_moved, paid_moment, voucher_expiry};
use super::input::Order;
use super::keys::{
    build_shards, key_hash, normalize_key, one_edit_apart, shard_of, FastMap, MIN_SUGGEST_KEY_CHARS,
};
use super::link::UNLINKED;
use crate::model::RowType;
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;

/// A line suggested to an order, with the two keys one edit apart.
#[derive(Clone, Debug)]
pub(super) struct Suggestion {
    pub line: u32,
    pub order_key: String,
    pub line_key: String,
}

#[derive(Default)]
pub(super) struct Suggestions {
    /// By order index.
    pub by_order: FastMap<u32, Suggestion>,
    /// Lines that were near several orders (or shared their best order with another line):
    /// the orders, sorted by id.
    pub not_unique: FastMap<u32, Vec<u32>>,
}

fn long_keys<'s>(ids: impl IntoIterator<Item = Option<&'s str>>) -> Vec<String> {
    let mut keys: Vec<String> = ids
        .into_iter()
        .flatten()
        .filter_map(normalize_key)
        .filter(|k| k.chars().count() >= MIN_SUGGEST_KEY_CHARS)
        .map(|k| k.into_owned())
        .collect();
    keys.dedup();
    keys
}

/// Whether the order already has money of its own (a payment or a reversal): then it is not
/// looking for a payment.
fn has_money_line(cx: &Cx, oi: usize) -> bool {
    cx.links.lines_of(oi).iter().any(|&li| {
        let line = &cx.lines[li as usize];
        money_moved(line.status)
            && matches!(
                line.row_type,
                RowType::Payment
                    | RowType::Refund
                    | RowType::Chargeback
                    | RowType::ChargebackReversal
            )
    })
}

#[derive(Clone)]
struct Pair {
    line: u32,
    order: u32,
    diff: Decimal,
    order_key: String,
    line_key: String,
}

/// An unmatched, paid payment line that could be some order's mistyped payment.
struct Candidate {
    line: u32,
    amount: Decimal,
    currency: String,
    paid: DateTime<Utc>,
    keys: Vec<String>,
}

/// Calls `each` with the hash of `key` and of every string one character shorter than it (one
/// deletion). Two keys one edit apart (substitution, adjacent swap, insertion or deletion)
/// always share one of these variants, so an index of them finds near keys without comparing
/// all pairs. Only hashes are kept: two variants that share a hash by chance only add a
/// candidate, which the exact one-edit test then turns down.
fn with_variants(key: &str, buf: &mut String, mut each: impl FnMut(u64)) {
    each(key_hash(key));
    for (at, c) in key.char_indices() {
        buf.clear();
        buf.push_str(&key[..at]);
        buf.push_str(&key[at + c.len_utf8()..]);
        each(key_hash(buf));
    }
}

/// Candidates by variant hash, cut by hash into one piece per core: `head[hash]` is the first
/// entry of a chain in `chain`.
struct Variants {
    shards: Vec<VariantShard>,
}

#[derive(Default)]
struct VariantShard {
    head: FastMap<u64, u32>,
    /// (candidate, next entry or `u32::MAX`).
    chain: Vec<(u32, u32)>,
}

impl Variants {
    /// The variants of every candidate's keys, hashed on every core, each shard built on its own.
    fn build(candidates: &[Candidate], threads: usize) -> Variants {
        let shards = build_shards(
            candidates.len(),
            threads,
            // A key and each of its one-deletion variants.
            |part| {
                candidates[part.clone()]
                    .iter()
                    .flat_map(|c| &c.keys)
                    .map(|k| k.chars().count() + 1)
                    .sum()
            },
            |part, routed| {
                let mut buf = String::new();
                for ci in part {
                    for key in &candidates[ci].keys {
                        with_variants(key, &mut buf, |v| routed.push(v, ci as u32));
                    }
                }
            },
            |pairs| {
                let entries: usize = pairs.iter().map(|p| p.len()).sum();
                let mut shard = VariantShard {
                    head: FastMap::default(),
                    chain: Vec::with_capacity(entries),
                };
                shard.head.reserve(entries);
                for &(hash, candidate) in pairs.iter().copied().flatten() {
                    let at = shard.chain.len() as u32;
                    let next = shard.head.insert(hash, at).unwrap_or(u32::MAX);
                    shard.chain.push((candidate, next));
                }
                shard
            },
        );
        Variants { shards }
    }

    fn each(&self, hash: u64, mut f: impl FnMut(u32)) {
        let shard = &self.shards[shard_of(hash, self.shards.len())];
        let mut at = shard.head.get(&hash).copied().unwrap_or(u32::MAX);
        while at != u32::MAX {
            let (candidate, next) = shard.chain[at as usize];
            f(candidate);
            at = next;
        }
    }
}

/// Below this many orders, one thread looks for their near payments.
const PARALLEL_FROM: usize = 20_000;

pub(super) fn suggest(cx: &Cx) -> Suggestions {
    let mut out = Suggestions::default();
    let zone = cx.zone;

    // The unmatched payments are gathered on every core, in fixed pieces joined in order.
    let threads = super::par::threads_for(cx.lines.len(), PARALLEL_FROM);
    let gather = |part: std::ops::Range<usize>| -> Vec<Candidate> {
        let mut found = Vec::new();
        for li in part {
            let l = &cx.lines[li];
            if cx.links.line_order[li] != UNLINKED
                || l.row_type != RowType::Payment
                || !money_moved(l.status)
            {
                continue;
            }
            let (Some(amount), Some(currency)) = buyer_amount(cx.inp, l) else {
                continue;
            };
            let Some(paid) = paid_moment(l).map(|m| m.to_utc(zone)) else {
                continue;
            };
            let keys = long_keys(cx.inp.line_identifiers(l));
            if keys.is_empty() {
                continue;
            }
            found.push(Candidate {
                line: li as u32,
                amount,
                currency: currency.trim().to_ascii_uppercase(),
                paid,
                keys,
            });
        }
        found
    };
    let candidates: Vec<Candidate> =
        super::par::each_in_order(super::par::ranges(cx.lines.len(), threads), gather)
            .into_iter()
            .flatten()
            .collect();
    if candidates.is_empty() {
        return out;
    }

    // Two indexes: amounts by currency (is any candidate of this amount at all?) and the
    // one-deletion variants of the candidates' keys (which candidates have a near key?).
    // Efecty amounts cluster on round figures, so the amount alone leaves thousands of
    // candidates; the variants leave a handful.
    let mut amounts: FastMap<&str, Vec<Decimal>> = FastMap::default();
    for c in &candidates {
        amounts
            .entry(c.currency.as_str())
            .or_default()
            .push(c.amount);
    }
    for list in amounts.values_mut() {
        list.sort_unstable();
    }
    let variants = Variants::build(
        &candidates,
        super::par::threads_for(candidates.len(), PARALLEL_FROM),
    );

    // Orders are looked at on every core, in fixed pieces concatenated in order (the pairs
    // are sorted below anyway).
    let near_pairs = |part: std::ops::Range<usize>| -> Vec<Pair> {
        let mut pairs: Vec<Pair> = Vec::new();
        let mut buf = String::new();
        let mut currency_buf = String::new();
        let mut near: Vec<u32> = Vec::new();
        let mut hashes: Vec<u64> = Vec::new();
        for oi in part {
            let order = &cx.orders[oi];
            let (Some(total), Some(currency)) = (order.total, cx.inp.s(order.currency)) else {
                continue;
            };
            if has_money_line(cx, oi) {
                continue;
            }
            currency_buf.clear();
            currency_buf.push_str(currency.trim());
            currency_buf.make_ascii_uppercase();
            let Some(same_currency) = amounts.get(currency_buf.as_str()) else {
                continue;
            };
            let (lo, hi) = (total - cx.tol, total + cx.tol);
            let start = same_currency.partition_point(|a| *a < lo);
            if same_currency.get(start).is_none_or(|a| *a > hi) {
                continue;
            }
            let order_keys = long_keys(cx.inp.order_identifiers(order));
            // Every variant hashed first, then looked up: the lookups (nearly all misses, each
            // a cache miss) then run side by side instead of one after each hash.
            hashes.clear();
            for key in &order_keys {
                with_variants(key, &mut buf, |v| hashes.push(v));
            }
            near.clear();
            for &v in &hashes {
                variants.each(v, |c| near.push(c));
            }
            if near.is_empty() {
                continue;
            }
            near.sort_unstable();
            near.dedup();
            let created = order.created_at.map(|m| m.to_utc(zone));
            for &ci in &near {
                let c = &candidates[ci as usize];
                if c.currency != currency_buf || c.amount < lo || c.amount > hi {
                    continue;
                }
                if created.is_some_and(|t| c.paid < t) {
                    continue;
                }
                let line = &cx.lines[c.line as usize];
                if voucher_expiry(cx.inp, order, Some(line), cx.settings)
                    .is_some_and(|e| c.paid > e.at)
                {
                    continue;
                }
                let hit = order_keys.iter().find_map(|ok| {
                    c.keys
                        .iter()
                        .find(|lk| one_edit_apart(ok, lk))
                        .map(|lk| (ok.clone(), lk.clone()))
                });
                if let Some((order_key, line_key)) = hit {
                    pairs.push(Pair {
                        line: c.line,
                        order: oi as u32,
                        diff: (c.amount - total).abs(),
                        order_key,
                        line_key,
                    });
                }
            }
        }
        pairs
    };
    let n = cx.orders.len();
    let threads = super::par::threads_for(n, PARALLEL_FROM);
    let mut pairs: Vec<Pair> =
        super::par::each_in_order(super::par::ranges(n, threads), near_pairs)
            .into_iter()
            .flatten()
            .collect();
    if pairs.is_empty() {
        return out;
    }

    let order_id = |oi: u32| cx.orders[oi as usize].id;
    let line_id = |li: u32| cx.lines[li as usize].id;
    let sorted_orders = |mut v: Vec<u32>, orders: &[Order]| {
        v.sort_by_key(|&oi| (orders[oi as usize].id, oi));
        v.dedup();
        v
    };

    // Each line's best order (smallest amount difference); a tie suggests nothing.
    pairs.sort_by(|a, b| {
        (a.line, a.diff, order_id(a.order)).cmp(&(b.line, b.diff, order_id(b.order)))
    });
    let mut chosen: Vec<Pair> = Vec::new();
    let mut i = 0;
    while i < pairs.len() {
        let mut j = i + 1;
        while j < pairs.len() && pairs[j].line == pairs[i].line {
            j += 1;
        }
        let best = pairs[i].diff;
        let tied = pairs[i + 1..j].iter().any(|p| p.diff == best);
        if tied {
            let orders: Vec<u32> = pairs[i..j]
                .iter()
                .filter(|p| p.diff == best)
                .map(|p| p.order)
                .collect();
            out.not_unique
                .insert(pairs[i].line, sorted_orders(orders, cx.orders));
        } else {
            chosen.push(pairs[i].clone());
        }
        i = j;
    }

    // Each order's best line among those that chose it; a tie suggests nothing.
    chosen.sort_by(|a, b| {
        (order_id(a.order), a.order, a.diff, line_id(a.line)).cmp(&(
            order_id(b.order),
            b.order,
            b.diff,
            line_id(b.line),
        ))
    });
    let mut i = 0;
    while i < chosen.len() {
        let mut j = i + 1;
        while j < chosen.len() && chosen[j].order == chosen[i].order {
            j += 1;
        }
        let best = chosen[i].diff;
        if chosen[i + 1..j].iter().any(|p| p.diff == best) {
            for p in &chosen[i..j] {
                out.not_unique.insert(p.line, vec![p.order]);
            }
        } else {
            for p in &chosen[i + 1..j] {
                out.not_unique.insert(p.line, vec![p.order]);
            }
            let p = &chosen[i];
            out.by_order.insert(
                p.order,
                Suggestion {
                    line: p.line,
                    order_key: p.order_key.clone(),
                    line_key: p.line_key.clone(),
                },
            );
        }
        i = j;
    }
    out
}
