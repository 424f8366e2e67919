//! Exact-key linking: which order each settlement line names. A line whose keys name one order
//! belongs to it; a line whose keys name two or more orders is ambiguous and belongs to none
//! (it is flagged, never guessed); a line naming no order is unlinked. Owns no statuses.

use super::input::{Inputs, Line};
use super::keys::{key_hash, normalize_into, KeyIndex};

pub(super) const UNLINKED: u32 = u32::MAX;
pub(super) const AMBIGUOUS: u32 = u32::MAX - 1;
/// A line a person took out of an order's case: it belongs to no order and is suggested to none.
pub(super) const HELD: u32 = u32::MAX - 2;

pub(super) struct Links {
    /// Per line: the index of its order, [`UNLINKED`] or [`AMBIGUOUS`].
    pub line_order: Vec<u32>,
    /// Per line: which of its identifiers (bit = slot of `line_identifiers`) named an order.
    pub line_key_mask: Vec<u8>,
    /// The ambiguous lines with the orders their keys name (sorted, distinct), by line index.
    pub ambiguous: Vec<(u32, Vec<u32>)>,
    /// The lines of each order, as a compressed table: order `i` owns
    /// `order_lines[order_start[i]..order_start[i + 1]]`, sorted by line id.
    pub order_start: Vec<u32>,
    pub order_lines: Vec<u32>,
}

impl Links {
    pub fn lines_of(&self, order: usize) -> &[u32] {
        &self.order_lines[self.order_start[order] as usize..self.order_start[order + 1] as usize]
    }
}

/// Below this many lines, one thread looks them all up.
const PARALLEL_FROM: usize = 50_000;

/// Lines whose keys are probed together (see `link`). Unit tests use tiny batches, so their
/// small inputs span many.
const LOOKUP_BATCH: usize = if cfg!(test) { 3 } else { 32 };

pub(super) fn link(inputs: &Inputs) -> Links {
    let (orders, lines) = (&inputs.orders, &inputs.lines);
    let index = KeyIndex::build(inputs);
    // The index is read-only from here: the lines are looked up on every core, in fixed
    // pieces concatenated in order.
    let threads = super::par::threads_for(lines.len(), PARALLEL_FROM);
    let pieces: Vec<(usize, &[Line])> = super::par::ranges(lines.len(), threads)
        .into_iter()
        .map(|part| (part.start, &lines[part]))
        .collect();
    let look = |(first, part): (usize, &[Line])| {
        let mut line_order = Vec::with_capacity(part.len());
        let mut line_key_mask = Vec::with_capacity(part.len());
        let mut ambiguous = Vec::new();
        let mut buf = String::with_capacity(64);
        let mut hits: Vec<u32> = Vec::with_capacity(8);
        // Lines go a few dozen at a time: their keys are normalized and hashed, then all probed,
        // then confirmed, so that the probes' cache misses overlap.
        let mut keys = String::new();
        // (line in the batch, identifier slot, hash, key's span in `keys`, what the probe found)
        let mut probes: Vec<(usize, usize, u64, usize, usize, Option<u32>)> = Vec::new();
        for (b, batch) in part.chunks(LOOKUP_BATCH).enumerate() {
            keys.clear();
            probes.clear();
            for (i, l) in batch.iter().enumerate() {
                for (slot, raw) in inputs.line_identifiers(l).into_iter().enumerate() {
                    let Some(key) = raw.and_then(|r| normalize_into(r, &mut buf)) else {
                        continue;
                    };
                    let start = keys.len();
                    keys.push_str(key);
                    probes.push((i, slot, key_hash(key), start, keys.len(), None));
                }
            }
            for p in probes.iter_mut() {
                p.5 = index.probe(p.2);
            }
            let mut next = 0;
            for i in 0..batch.len() {
                hits.clear();
                let mut mask = 0u8;
                while next < probes.len() && probes[next].0 == i {
                    let (_, slot, hash, start, end, found) = probes[next];
                    if index.confirm(hash, found, &keys[start..end], &mut hits) {
                        mask |= 1 << slot;
                    }
                    next += 1;
                }
                hits.sort_unstable();
                hits.dedup();
                line_key_mask.push(mask);
                line_order.push(match hits.len() {
                    0 => UNLINKED,
                    1 => hits[0],
                    _ => {
                        ambiguous.push(((first + b * LOOKUP_BATCH + i) as u32, hits.clone()));
                        AMBIGUOUS
                    }
                });
            }
        }
        (line_order, line_key_mask, ambiguous)
    };
    let parts = super::par::each_in_order(pieces, look);
    drop(index);
    let mut line_order = Vec::with_capacity(lines.len());
    let mut line_key_mask = Vec::with_capacity(lines.len());
    let mut ambiguous = Vec::new();
    for (order, mask, amb) in parts {
        line_order.extend(order);
        line_key_mask.extend(mask);
        ambiguous.extend(amb);
    }

    let (order_start, order_lines) = index_by_order(orders.len(), lines, &line_order);
    Links {
        line_order,
        line_key_mask,
        ambiguous,
        order_start,
        order_lines,
    }
}

/// The lines of each order as a compressed table (see [`Links::lines_of`]), from `line_order`.
pub(super) fn index_by_order(
    orders: usize,
    lines: &[Line],
    line_order: &[u32],
) -> (Vec<u32>, Vec<u32>) {
    let n = orders;
    // Counting sort of lines by order: no per-order allocation.
    let mut order_start = vec![0u32; n + 1];
    for &o in line_order {
        if (o as usize) < n {
            order_start[o as usize + 1] += 1;
        }
    }
    for i in 0..n {
        order_start[i + 1] += order_start[i];
    }
    let mut fill = order_start.clone();
    let mut order_lines = vec![0u32; order_start[n] as usize];
    for (li, &o) in line_order.iter().enumerate() {
        if (o as usize) < n {
            order_lines[fill[o as usize] as usize] = li as u32;
            fill[o as usize] += 1;
        }
    }
    for i in 0..n {
        let slice = &mut order_lines[order_start[i] as usize..order_start[i + 1] as usize];
        if slice.len() > 1 {
            slice.sort_unstable_by_key(|&li| (lines[li as usize].id, li));
        }
    }
    (order_start, order_lines)
}
