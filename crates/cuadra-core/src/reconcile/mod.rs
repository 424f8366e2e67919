//! The matching engine of issue 3: puts every shop order and every settlement line in exactly
//! one [`ReconCase`], with a status, the rule that decided it, the amounts and times, and one
//! plain sentence a finance team can act on. It is pure: no storage, no clock (`as_of` is
//! passed in), no floats, no I/O, and its output (sorted by case key) does not depend on the
//! order of its inputs. It must never guess: a key shared by two orders is flagged, and a
//! near-miss reference only becomes a `suggested` case for a person to confirm.
//!
//! # Rules decided here where the issue is silent
//! - Keys: trimmed, case-folded (Unicode lowercase), one leading `#` dropped; leading zeros
//!   kept. Order keys: name, shop id, payment reference, payment id. Line keys: merchant
//!   reference, PSP transaction id, PSP order id. Any key of a line equal to any key of an
//!   order links them, across platforms and PSPs.
//! - A line whose keys name two or more orders (one shared key, or two keys naming different
//!   orders) goes to its own `unmatched_settlement` case, rule `ambiguous_key`, naming the
//!   orders; those orders' explanations name the line.
//! - Money moved when a line's status is paid, unknown (settlement reports list settled money,
//!   and some carry no status), refunded, charged_back or in_mediation. Pending, authorized,
//!   rejected, cancelled and expired lines join their order's case but count for nothing; with
//!   no order they are `unmatched_settlement` (`unpaid_line_no_order`).
//! - Distinct payments: rows with the same PSP and the same PSP transaction id are one payment
//!   (a resent or overlapping report); rows without a PSP id are always distinct.
//! - The buyer's amount is `local_amount`/`local_currency`, else `gross_amount`/
//!   `settlement_currency` (files with one amount column). A missing currency on either side
//!   does not make a mismatch; a missing amount gives `matched` with rule
//!   `exact_key_amount_unknown` and says so.
//! - Reversals come first: an open chargeback (chargebacks minus chargeback reversals, by
//!   amount, or by count when an amount is missing) gives `charged_back`; else refund lines
//!   give `refunded` when they cover what was paid (or the order total with no payment) within
//!   tolerance, else `partially_refunded` (also when a refund amount is missing). A payment
//!   whose own status is refunded / charged_back with no reversal line gives that status too
//!   (rules `payment_status_*`). Then the precedence for orders with payments.
//! - Expiry: the first payment line's `expires_at`, else any linked line's, else the order's,
//!   else creation + validity (per-PSP override by the line's PSP, else by the order's payment
//!   method). A date-only expiry lasts through that day in the zone. Paid exactly at expiry is
//!   on time. No creation time and no expiry: `awaiting_payment`, rule `voucher_expiry_unknown`.
//! - Grace runs from the shop's paid time, else the order's creation; as_of at the grace end
//!   is still `awaiting_settlement`. A shop-paid order with neither time is `missing_settlement`
//!   (`shop_paid_time_unknown`).
//! - Suggestions are looked for for every order without a payment or reversal line (also when
//!   the shop shows it paid) and win over the no-payment statuses. They need a paid time, the
//!   same currency, an amount within tolerance and a paid time in [creation, expiry]; the best
//!   is the smallest amount difference, and any tie suggests nothing (`suggestion_not_unique`).
//! - Fee, adjustment, tax and payout lines with no order: one `settlement_charge` case per line
//!   (rule `batch_charge`). With an order key they join that order's case, add to its fee, tax
//!   and net totals, and do not change its status. Refunds and chargebacks with no order are
//!   `unmatched_settlement` (`reversal_no_order`).
//!
//! Rules (`ReconCase::rule`): `exact_key`, `exact_key_amount_unknown`, `shop_shows_unpaid`,
//! `amount_outside_tolerance`, `distinct_payments`, `paid_after_voucher_expiry`,
//! `currency_differs`, `refund_lines`, `chargeback_lines`, `payment_status_refunded`,
//! `payment_status_charged_back`, `voucher_valid`, `voucher_expired`, `voucher_expiry_unknown`,
//! `within_settlement_grace`, `settlement_grace_over`, `shop_paid_time_unknown`,
//! `one_edit_reference`, `ambiguous_key`, `no_order`, `suggestion_not_unique`,
//! `unpaid_line_no_order`, `reversal_no_order`, `batch_charge`.
//!
//! # A million orders against a million lines
//! - Inputs are [`Inputs`]: one text arena, each row a fixed struct of 8-byte spans, exact
//!   decimals and times (an order 160 bytes, a line 264); PSPs, currencies, methods and batches
//!   are stored once. The loader reads SQLite's buffers straight into it, lines and orders on
//!   two connections at once.
//! - Order keys are indexed by hash (checked against the key on every hit, so two keys with
//!   one hash never link anything): each key is normalized and hashed once, on the core that
//!   holds its piece of the orders, and each core builds the shard of the index its hashes
//!   fall in. The suggestion search's index of near keys is built the same way.
//! - Linking, the suggestion search, the case keys and their sort, and case building run on
//!   every core in fixed pieces joined in order (`par`), so the result never depends on the
//!   thread count (a property test forces 1, 2, 3 and 5).
//! - [`reconcile_each`] sorts one key per case, then builds the cases a block at a time and
//!   hands them over in key order: the run never holds all its cases. [`reconcile_map_each`]
//!   lets the caller turn each case into what it keeps on the building cores and builds the
//!   next block while the caller takes the last (a stored run shapes and writes its rows so).
//!
//! # Persisting cases (for the store; decisions come in a later issue)
//! A run is a pure function of (orders, lines, settings, as_of), so cases are derived data:
//! - Store each run as a `recon_runs` row (as_of, settings as JSON, counts) and its cases in
//!   `recon_cases(run_id, case_key, status, rule, order_id, explanation, amounts as decimal
//!   TEXT, times as `Moment::to_storage` text, ...)` plus `recon_case_lines(run_id, case_key,
//!   line_id)` with `UNIQUE(run_id, line_id)`, which enforces "one case per line" in SQL.
//!   Writing a run is one transaction; older runs stay (append-only) or are pruned by an
//!   explicit, audited act.
//! - The case key is the identity a person's decision attaches to: `order:<platform>:<key>`
//!   survives new imports; `line:<psp>:<line id>` relies on `settlement_lines.id` being stable
//!   (rows are append-only). A decision should also record the case's membership fingerprint
//!   (order id and sorted line ids) and the status it decided on: on a rerun it applies only if
//!   the same key still has the same membership, otherwise the case is shown as "changed since
//!   decided" rather than silently overwritten or silently kept.
//! - Never rewrite a stored case in place: a rerun writes new rows.

mod case;
mod classify;
mod explain;
mod facts;
mod input;
mod keys;
mod link;
mod par;
mod settings;
mod suggest;
#[cfg(test)]
mod tests;
pub use crate::words::reconcile as words;

pub use case::{CaseStatus, LineIn, OrderIn, ReconCase};
pub use input::{Inputs, Line, Order, Text};
pub(crate) use keys::FastMap;
pub use keys::{normalize_key, spoiled_by_spreadsheet, stable_key_hash};
pub(crate) use keys::{one_edit_apart, MIN_SUGGEST_KEY_CHARS};
pub(crate) use par::each_in_order;
pub use settings::ReconSettings;

use chrono::{DateTime, Utc};
use classify::{line_case, order_case, Alone, Cx};
use facts::order_label;
use link::{AMBIGUOUS, HELD, UNLINKED};
use std::cmp::Ordering;

/// Below this many orders, threads cost more than they save.
const PARALLEL_FROM: usize = 20_000;

/// Cases are built and handed over this many at a time: memory holds one block of finished
/// cases, never all of them. (Unit tests use tiny blocks, so their small inputs span many.)
const BLOCK: usize = if cfg!(test) { 3 } else { 1 << 15 };

/// Reconciles `orders` against `lines` as of `as_of`. Every order and every line lands in
/// exactly one case; the result is sorted by case key and identical for any input order.
pub fn reconcile(
    orders: &[OrderIn],
    lines: &[LineIn],
    settings: &ReconSettings,
    as_of: DateTime<Utc>,
) -> Vec<ReconCase> {
    reconcile_with(orders, lines, settings, as_of, &Manual::default())
}

/// What people decided by hand, by store id: lines put in an order's case whatever their keys
/// say (`link`: line id -> order id), and lines taken out of the order their keys name
/// (`hold`: they belong to no order and are suggested to none). Ids that are not among the
/// inputs are ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Manual {
    pub link: std::collections::BTreeMap<i64, i64>,
    pub hold: std::collections::BTreeSet<i64>,
}

/// [`reconcile`] with the links people made or undid by hand applied on top of the key links.
pub fn reconcile_with(
    orders: &[OrderIn],
    lines: &[LineIn],
    settings: &ReconSettings,
    as_of: DateTime<Utc>,
    manual: &Manual,
) -> Vec<ReconCase> {
    reconcile_inputs(&Inputs::from_parts(orders, lines), settings, as_of, manual)
}

/// [`reconcile_with`] on packed inputs, every case in one vector.
pub fn reconcile_inputs(
    inputs: &Inputs,
    settings: &ReconSettings,
    as_of: DateTime<Utc>,
    manual: &Manual,
) -> Vec<ReconCase> {
    let mut cases = Vec::new();
    let done: Result<(), std::convert::Infallible> =
        reconcile_each(inputs, settings, as_of, manual, |c| {
            cases.push(c);
            Ok(())
        });
    match done {
        Ok(()) => cases,
        Err(never) => match never {},
    }
}

/// Which case a slot of the run is: an order's, or a line's that belongs to no order.
#[derive(Clone, Copy)]
enum Slot {
    Order(u32),
    Line(u32),
}

/// Reconciles packed inputs and hands every case to `sink`, in case-key order, without holding
/// them all: the run keeps its links, its suggestions and one key per case; each case is built
/// when its turn comes (on every core, a block at a time) and is the sink's from then on.
/// Stops at the sink's first error.
pub fn reconcile_each<E>(
    inputs: &Inputs,
    settings: &ReconSettings,
    as_of: DateTime<Utc>,
    manual: &Manual,
    sink: impl FnMut(ReconCase) -> Result<(), E>,
) -> Result<(), E> {
    each_case(inputs, settings, as_of, manual, |c| c, sink, false)
}

/// [`reconcile_each`] for a sink with real work to do (a stored run writes its rows): each case
/// is first turned into what the caller keeps by `map`, on the cores that build the cases, and
/// the next block is built while the sink takes the last. (With a sink that does next to
/// nothing, building ahead costs more than it saves: measured 0.8 s more at a million cases.)
pub fn reconcile_map_each<T: Send, E>(
    inputs: &Inputs,
    settings: &ReconSettings,
    as_of: DateTime<Utc>,
    manual: &Manual,
    map: impl Fn(ReconCase) -> T + Sync,
    sink: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    each_case(inputs, settings, as_of, manual, map, sink, true)
}

#[allow(clippy::too_many_arguments)]
fn each_case<T: Send, E>(
    inputs: &Inputs,
    settings: &ReconSettings,
    as_of: DateTime<Utc>,
    manual: &Manual,
    map: impl Fn(ReconCase) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<(), E>,
    build_ahead: bool,
) -> Result<(), E> {
    let mut links = link::link(inputs);
    if !manual.link.is_empty() || !manual.hold.is_empty() {
        apply_manual(&mut links, inputs, manual);
    }
    let cx = Cx {
        inp: inputs,
        orders: &inputs.orders,
        lines: &inputs.lines,
        settings,
        as_of,
        tol: settings.tolerance_abs(),
        zone: settings.zone,
        links: &links,
    };
    let suggestions = suggest::suggest(&cx);

    let mut strays: FastMap<u32, Vec<u32>> = FastMap::default();
    for (li, named) in &links.ambiguous {
        for &oi in named {
            strays.entry(oi).or_default().push(*li);
        }
    }
    let mut suggested_line = vec![false; inputs.lines.len()];
    for s in suggestions.by_order.values() {
        suggested_line[s.line as usize] = true;
    }
    let ambiguous: FastMap<u32, &Vec<u32>> =
        links.ambiguous.iter().map(|(li, o)| (*li, o)).collect();

    // Every case's key, sorted; the cases themselves come later, a block at a time. The keys
    // are written on every core.
    let threads = par::threads_for(inputs.orders.len(), PARALLEL_FROM);
    let keys_of = |part: std::ops::Range<usize>| -> Vec<(Box<str>, Slot)> {
        let mut keyed = Vec::with_capacity(part.len());
        for oi in part {
            let o = &inputs.orders[oi];
            keyed.push((
                classify::order_case_key(inputs, o).into(),
                Slot::Order(oi as u32),
            ));
        }
        keyed
    };
    let mut slots: Vec<(Box<str>, Slot)> =
        Vec::with_capacity(inputs.orders.len() + inputs.lines.len() / 8);
    for part in par::each_in_order(par::ranges(inputs.orders.len(), threads), keys_of) {
        slots.extend(part);
    }
    for (li, &target) in links.line_order.iter().enumerate() {
        if (target != UNLINKED && target != AMBIGUOUS && target != HELD) || suggested_line[li] {
            continue;
        }
        let l = &inputs.lines[li];
        slots.push((
            classify::line_case_key(inputs, l).into(),
            Slot::Line(li as u32),
        ));
    }
    let members = |slot: Slot| -> (Option<i64>, Vec<i64>) {
        match slot {
            Slot::Order(oi) => {
                let mut ids: Vec<i64> = links
                    .lines_of(oi as usize)
                    .iter()
                    .map(|&li| inputs.lines[li as usize].id)
                    .collect();
                if let Some(s) = suggestions.by_order.get(&oi) {
                    ids.push(inputs.lines[s.line as usize].id);
                    ids.sort_unstable();
                }
                (Some(inputs.orders[oi as usize].id), ids)
            }
            Slot::Line(li) => (None, vec![inputs.lines[li as usize].id]),
        }
    };
    let by_key = |a: &(Box<str>, Slot), b: &(Box<str>, Slot)| -> Ordering {
        a.0.cmp(&b.0).then_with(|| members(a.1).cmp(&members(b.1)))
    };
    let mut slots = par::sort_by(slots, threads, by_key);
    // Two cases with one key (two stores with the same platform and order name) both get
    // `:<id>` suffixes.
    let mut clash = false;
    let mut i = 0;
    while i < slots.len() {
        let mut j = i + 1;
        while j < slots.len() && slots[j].0 == slots[i].0 {
            j += 1;
        }
        if j - i > 1 {
            clash = true;
            for slot in &mut slots[i..j] {
                let (order, lines) = members(slot.1);
                let id = order.or(lines.first().copied()).unwrap_or(0);
                slot.0 = format!("{}:{id}", slot.0).into();
            }
        }
        i = j;
    }
    if clash {
        slots.sort_unstable_by(by_key);
    }

    let labels = |named: &[u32]| -> Vec<crate::words::Arg> {
        let mut v: Vec<&Order> = named
            .iter()
            .map(|&oi| &inputs.orders[oi as usize])
            .collect();
        v.sort_by_key(|o| o.id);
        v.into_iter().map(|o| order_label(inputs, o)).collect()
    };
    let build = |(key, slot): &(Box<str>, Slot)| -> ReconCase {
        let mut case = match *slot {
            Slot::Order(oi) => {
                let stray = strays.get(&oi).map_or(&[][..], Vec::as_slice);
                order_case(&cx, oi as usize, suggestions.by_order.get(&oi), stray)
            }
            Slot::Line(li) => {
                let why = if let Some(named) = ambiguous.get(&li) {
                    Alone::Ambiguous(labels(named))
                } else if let Some(named) = suggestions.not_unique.get(&li) {
                    Alone::Tied(labels(named))
                } else {
                    Alone::NoOrder
                };
                line_case(&cx, li as usize, why)
            }
        };
        case.key = key.to_string();
        if !inputs.echoes.is_empty() {
            let echoes: Vec<i64> = case
                .line_ids
                .iter()
                .flat_map(|&id| inputs.echoes_of(id))
                .collect();
            if !echoes.is_empty() {
                case.line_ids.extend(echoes);
                case.line_ids.sort_unstable();
            }
        }
        case
    };

    if threads < 2 {
        for slot in &slots {
            sink(map(build(slot)))?;
        }
        return Ok(());
    }
    // Cases are independent of each other: each block is cut in one piece per core, and the
    // pieces are handed over in order, so the result is the same as a sequential run.
    let build_block = |block: &[(Box<str>, Slot)]| -> Vec<Vec<T>> {
        let piece = block.len().div_ceil(threads);
        par::each_in_order(block.chunks(piece).collect(), |part| {
            part.iter().map(|slot| map(build(slot))).collect::<Vec<_>>()
        })
    };
    if !build_ahead {
        for block in slots.chunks(BLOCK) {
            for case in build_block(block).into_iter().flatten() {
                sink(case)?;
            }
        }
        return Ok(());
    }
    // The next block is built while the sink takes this one; a sink that fails stops the
    // building at the next block.
    std::thread::scope(|scope| {
        let (blocks, built) = std::sync::mpsc::sync_channel::<Vec<Vec<T>>>(1);
        let (build_block, slots) = (&build_block, &slots);
        scope.spawn(move || {
            for block in slots.chunks(BLOCK) {
                if blocks.send(build_block(block)).is_err() {
                    return;
                }
            }
        });
        for block in built {
            for case in block.into_iter().flatten() {
                sink(case)?;
            }
        }
        Ok(())
    })
}

/// Overrides the key links with the manual ones and rebuilds the per-order index.
fn apply_manual(links: &mut link::Links, inputs: &Inputs, manual: &Manual) {
    let order_index: FastMap<i64, u32> = inputs
        .orders
        .iter()
        .enumerate()
        .map(|(i, o)| (o.id, i as u32))
        .collect();
    let mut changed: Vec<u32> = Vec::new();
    for (li, l) in inputs.lines.iter().enumerate() {
        let target = if let Some(order_id) = manual.link.get(&l.id) {
            match order_index.get(order_id) {
                Some(&oi) => oi,
                None => continue,
            }
        } else if manual.hold.contains(&l.id) {
            HELD
        } else {
            continue;
        };
        links.line_order[li] = target;
        changed.push(li as u32);
    }
    if changed.is_empty() {
        return;
    }
    links
        .ambiguous
        .retain(|(li, _)| changed.binary_search(li).is_err());
    let (start, by_order) =
        link::index_by_order(inputs.orders.len(), &inputs.lines, &links.line_order);
    links.order_start = start;
    links.order_lines = by_order;
}
