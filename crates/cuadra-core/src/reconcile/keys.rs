//! Identifier keys: what makes two references "the same" (normalization), the map that finds
//! the order a key belongs to, and the one-edit test behind suggestions. It never decides a
//! case; it only answers "which orders does this key name".

use super::input::Inputs;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Shortest key (in characters) a one-edit suggestion may rest on: below this, one edit away
/// from some order is too likely by chance.
pub(crate) const MIN_SUGGEST_KEY_CHARS: usize = 4;

/// The key with its decoration removed: trimmed, one leading `#` dropped, trimmed again, and
/// undone what a spreadsheet does to a number-like id (see [`unspoil`]).
fn strip(raw: &str) -> Option<&str> {
    let t = raw.trim();
    let t = t.strip_prefix('#').unwrap_or(t).trim();
    unspoil(t).filter(|t| !t.is_empty())
}

/// A spreadsheet takes an all-digit identifier for a number: it may write `266221341` back as
/// `266221341.0` (the real dLocal report in SmashPig's test data,
/// `PaymentProviders/dlocal/Tests/Data/donation.csv`, whose parser keeps the part before the
/// dot), which is the same id; or, past its digits of precision, as `2.66E+08`, whose digits
/// are gone: that id cannot be read back and must never match anything (`None`).
fn unspoil(t: &str) -> Option<&str> {
    let b = t.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits == b.len() {
        return Some(t);
    }
    let rest = &b[digits..];
    if rest.len() > 1 && rest[0] == b'.' && rest[1..].iter().all(|&c| c == b'0') {
        return Some(&t[..digits]);
    }
    if spoiled_digits(t) {
        return None;
    }
    Some(t)
}

/// Whether an identifier is a number in a spreadsheet's scientific notation (`2.66E+08`,
/// `8,80012E+11` from a Spanish Excel): the digits it stood for are lost.
pub fn spoiled_by_spreadsheet(raw: &str) -> bool {
    let t = raw.trim();
    spoiled_digits(t.strip_prefix('#').unwrap_or(t).trim())
}

fn spoiled_digits(t: &str) -> bool {
    let b = t.as_bytes();
    let Some(e) = b.iter().position(|&c| c == b'E' || c == b'e') else {
        return false;
    };
    let (mantissa, exponent) = (&b[..e], &b[e + 1..]);
    let int = mantissa.iter().take_while(|c| c.is_ascii_digit()).count();
    let mantissa_ok = int > 0
        && (int == mantissa.len()
            || (mantissa.len() > int + 1
                && matches!(mantissa[int], b'.' | b',')
                && mantissa[int + 1..].iter().all(u8::is_ascii_digit)));
    // Excel always writes the exponent's sign: `1E5` stays a possible id, `1E+05` is a number.
    mantissa_ok
        && exponent.len() > 1
        && matches!(exponent[0], b'+' | b'-')
        && exponent[1..].iter().all(u8::is_ascii_digit)
}

/// The normalized form of an identifier: trimmed, case-folded, a leading `#` dropped, leading
/// zeros kept (`0123` and `123` are different keys). Borrows when nothing changes, which is the
/// common case for shop order names and numeric ids. `None` for a blank identifier.
pub fn normalize_key(raw: &str) -> Option<Cow<'_, str>> {
    let t = strip(raw)?;
    if t.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Some(Cow::Borrowed(t))
    } else {
        Some(Cow::Owned(t.to_lowercase()))
    }
}

/// [`normalize_key`] into a reused buffer, so looking up millions of line keys allocates nothing.
pub(super) fn normalize_into<'b>(raw: &str, buf: &'b mut String) -> Option<&'b str> {
    let t = strip(raw)?;
    buf.clear();
    if t.is_ascii() {
        buf.extend(t.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        buf.push_str(&t.to_lowercase());
    }
    Some(buf.as_str())
}

/// Whether two normalized keys are exactly one edit apart: one character inserted, deleted,
/// substituted, or two adjacent characters swapped (Damerau-Levenshtein distance 1). Equal keys
/// are not one edit apart: they are an exact match.
pub(crate) fn one_edit_apart(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        one_edit(a.as_bytes(), b.as_bytes())
    } else {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        one_edit(&a, &b)
    }
}

fn one_edit<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match long.len() - short.len() {
        0 => {
            let Some(i) = (0..a.len()).find(|&i| a[i] != b[i]) else {
                return false;
            };
            if a[i + 1..] == b[i + 1..] {
                return true;
            }
            i + 1 < a.len() && a[i] == b[i + 1] && a[i + 1] == b[i] && a[i + 2..] == b[i + 2..]
        }
        1 => {
            let i = (0..short.len())
                .find(|&i| short[i] != long[i])
                .unwrap_or(short.len());
            short[i..] == long[i + 1..]
        }
        _ => false,
    }
}

/// A small, fast, non-cryptographic hasher for key maps (the inputs are the user's own files,
/// so flooding attacks are not a concern; SipHash would cost a third of the run).
#[derive(Default, Clone, Copy)]
pub(crate) struct KeyHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl KeyHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for KeyHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The multiply leaves the low bits weak (keys differing in their 4th byte would share
        // them) and the table indexes by low bits: mix the high bits down (murmur3's fmix64).
        let mut h = self.hash;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<KeyHasher>>;

/// The hash of a normalized key, as the key index and the suggestion search compute it.
#[inline]
/// A hash of a normalized key that is the same in every build and on every machine (64-bit
/// FNV-1a), for an index the workspace keeps between runs (`recon_keys`). Two keys with one
/// hash only make each other's rows candidates there; nothing is linked by it.
pub fn stable_key_hash(key: &str) -> i64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in key.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h as i64
}

pub(super) fn key_hash(key: &str) -> u64 {
    let mut h = KeyHasher::default();
    h.write(key.as_bytes());
    #[cfg(test)]
    {
        let mask = HASH_MASK.load(std::sync::atomic::Ordering::Relaxed);
        if mask != u64::MAX {
            return h.finish() & mask;
        }
    }
    h.finish()
}

/// The mask [`with_hash_mask`] sets, on every thread (the engine hashes on its worker
/// threads); `u64::MAX` when none is set.
#[cfg(test)]
static HASH_MASK: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(u64::MAX);

/// Runs `f` with every key hash cut to the bits of `mask`, so that different keys share hashes
/// as rarely happens at full width: whatever shares a hash must still only ever match its own
/// key. The mask is global: a test running beside it meanwhile only hashes worse, and must
/// still get its own answers (the engine is correct whatever the hash).
#[cfg(test)]
pub(super) fn with_hash_mask<T>(mask: u64, f: impl FnOnce() -> T) -> T {
    struct Unmask;
    impl Drop for Unmask {
        fn drop(&mut self) {
            HASH_MASK.store(u64::MAX, std::sync::atomic::Ordering::Relaxed);
        }
    }
    HASH_MASK.store(mask, std::sync::atomic::Ordering::Relaxed);
    let _unmask = Unmask;
    f()
}

/// Whether `raw` normalizes to `key` (already normalized), without allocating for ASCII.
fn normalizes_to(raw: &str, key: &str) -> bool {
    match strip(raw) {
        None => false,
        Some(t) if t.is_ascii() => t.len() == key.len() && t.eq_ignore_ascii_case(key),
        Some(_) => normalize_key(raw).is_some_and(|k| k == key),
    }
}

/// A hash that several orders' keys share: look the key up in the shard's `exact` map.
const EXACT: u32 = u32::MAX;

/// Every normalized order key and the order it names, held by hash: a million orders quote
/// four million identifiers, and a map of strings would cost a quarter of a gigabyte and a
/// string comparison at every probe. A hash names one order and which of its identifiers
/// (checked against the key at lookup, so two keys with one hash never match by accident);
/// a key that names several orders, and any hash two different keys share, are kept by the
/// key itself in `exact`.
pub(super) struct KeyIndex<'a> {
    inputs: &'a Inputs,
    /// The index cut by hash, one piece per core, each built on its own core.
    shards: Vec<Shard<'a>>,
}

#[derive(Default)]
struct Shard<'a> {
    /// Key hash -> `order index << 2 | identifier slot`, or [`EXACT`].
    map: FastMap<u64, u32>,
    /// The keys behind [`EXACT`] hashes with their orders (sorted, distinct).
    exact: FastMap<Cow<'a, str>, Vec<u32>>,
}

/// Below this many orders, one thread builds the index.
const PARALLEL_FROM: usize = 50_000;

/// Which shard holds a hash (bits the maps themselves do not index by).
#[inline]
pub(super) fn shard_of(hash: u64, shards: usize) -> usize {
    ((hash >> 32) as usize) % shards
}

/// `(hash, value)` pairs routed to the shard their hash falls in ([`shard_of`]).
pub(super) struct Routed {
    out: Vec<Vec<(u64, u32)>>,
}

impl Routed {
    #[inline]
    pub fn push(&mut self, hash: u64, value: u32) {
        let shards = self.out.len();
        self.out[shard_of(hash, shards)].push((hash, value));
    }
}

/// Builds `shards` pieces of a hash index on every core. `emit` gives the `(hash, value)`
/// pairs of each piece of `0..n` on the core that holds it (each hash computed once) and routes
/// them by shard; then `build` makes each shard on its own core from its pairs of every piece,
/// in order, so the result never depends on the thread count. `room` is about how many pairs
/// a piece gives, to size its vectors once.
pub(super) fn build_shards<S: Send>(
    n: usize,
    shards: usize,
    room: impl Fn(&std::ops::Range<usize>) -> usize + Sync,
    emit: impl Fn(std::ops::Range<usize>, &mut Routed) + Sync,
    build: impl Fn(&[&[(u64, u32)]]) -> S + Sync,
) -> Vec<S> {
    let shards = shards.max(1);
    let routed = super::par::each_in_order(super::par::ranges(n, shards), |part| {
        // Spread evenly over the shards, with a margin: room never written costs nothing, a
        // vector that grows copies itself.
        let room = room(&part);
        let each = room / shards + room / 16 + 16;
        let mut routed = Routed {
            out: (0..shards).map(|_| Vec::with_capacity(each)).collect(),
        };
        emit(part, &mut routed);
        routed.out
    });
    super::par::each_in_order((0..shards).collect(), |me| {
        let pairs: Vec<&[(u64, u32)]> = routed.iter().map(|piece| piece[me].as_slice()).collect();
        build(&pairs)
    })
}

impl<'a> KeyIndex<'a> {
    pub fn build(inputs: &'a Inputs) -> KeyIndex<'a> {
        // An entry packs the order index with a 2-bit identifier slot.
        assert!(
            inputs.orders.len() < 1 << 30,
            "the key index holds fewer than 2^30 orders"
        );
        let shards = super::par::threads_for(inputs.orders.len(), PARALLEL_FROM).max(1);
        // Every key is normalized and hashed once, on the core that holds its piece of the
        // orders: `(hash, order << 2 | slot)` per key.
        let shards = build_shards(
            inputs.orders.len(),
            shards,
            // Four keys an order at most.
            |part| part.len() * 4,
            |part, routed| {
                let mut buf = String::with_capacity(64);
                for i in part {
                    let ids = inputs.order_identifiers(&inputs.orders[i]);
                    for (slot, raw) in ids.into_iter().enumerate() {
                        let Some(key) = raw.and_then(|r| normalize_into(r, &mut buf)) else {
                            continue;
                        };
                        routed.push(key_hash(key), (i as u32) << 2 | slot as u32);
                    }
                }
            },
            |pairs| {
                let mut shard = Shard::default();
                shard.map.reserve(pairs.iter().map(|p| p.len()).sum());
                for &(hash, owner) in pairs.iter().copied().flatten() {
                    shard.insert(inputs, hash, owner);
                }
                for list in shard.exact.values_mut() {
                    list.sort_unstable();
                    list.dedup();
                }
                shard
            },
        );
        KeyIndex { inputs, shards }
    }

    /// What the index holds under `hash` (the first half of a lookup: done for many keys
    /// before any is confirmed, the cache misses of the probes overlap).
    #[inline]
    pub fn probe(&self, hash: u64) -> Option<u32> {
        self.shards[shard_of(hash, self.shards.len())]
            .map
            .get(&hash)
            .copied()
    }

    /// The second half of a lookup: pushes the orders `key` (with `hash`, probed as `found`)
    /// names onto `hits`; whether it named any.
    #[inline]
    pub fn confirm(&self, hash: u64, found: Option<u32>, key: &str, hits: &mut Vec<u32>) -> bool {
        match found {
            None => false,
            Some(EXACT) => {
                let shard = &self.shards[shard_of(hash, self.shards.len())];
                match shard.exact.get(key) {
                    Some(list) => {
                        hits.extend_from_slice(list);
                        true
                    }
                    None => false,
                }
            }
            Some(owner) => {
                let (order, slot) = (owner >> 2, (owner & 3) as usize);
                let ids = self
                    .inputs
                    .order_identifiers(&self.inputs.orders[order as usize]);
                if ids[slot].is_some_and(|raw| normalizes_to(raw, key)) {
                    hits.push(order);
                    true
                } else {
                    false
                }
            }
        }
    }
}

impl<'a> Shard<'a> {
    /// The normalized key behind an entry, read back from its order.
    fn key_of(inputs: &'a Inputs, owner: u32) -> Option<Cow<'a, str>> {
        let (order, slot) = (owner >> 2, (owner & 3) as usize);
        inputs.order_identifiers(&inputs.orders[order as usize])[slot].and_then(normalize_key)
    }

    fn insert(&mut self, inputs: &'a Inputs, hash: u64, owner: u32) {
        let first = match self.map.entry(hash) {
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(owner);
                return;
            }
            std::collections::hash_map::Entry::Occupied(mut o) => {
                let first = *o.get();
                if first != EXACT {
                    o.insert(EXACT);
                }
                first
            }
        };
        // Only a key that goes to the exact map is kept as a string; the first order with
        // this hash moves there too, under its own key.
        if first != EXACT {
            if let Some(k) = Self::key_of(inputs, first) {
                self.exact.entry(k).or_default().push(first >> 2);
            }
        }
        if let Some(k) = Self::key_of(inputs, owner) {
            self.exact.entry(k).or_default().push(owner >> 2);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spreadsheet_number_is_read_back_only_when_its_digits_survived() {
        assert_eq!(
            normalize_key("266221341.0").as_deref(),
            Some("266221341"),
            "SmashPig's real dLocal sample writes order 266221341 as 266221341.0"
        );
        assert_eq!(normalize_key("#1001.00").as_deref(), Some("1001"));
        assert_eq!(
            normalize_key("204515653.22").as_deref(),
            Some("204515653.22"),
            "a real fraction is part of the id"
        );
        assert_eq!(normalize_key("2.66E+08"), None, "the digits are gone");
        assert_eq!(normalize_key("8,80012E+11"), None, "Spanish Excel too");
        assert_eq!(
            normalize_key("1E5").as_deref(),
            Some("1e5"),
            "no sign: an id"
        );
        assert_eq!(normalize_key("PED-1.0").as_deref(), Some("ped-1.0"));
        assert!(spoiled_by_spreadsheet(" 2.66E+08 "));
        assert!(!spoiled_by_spreadsheet("T-648-x1E+5"));
        let mut buf = String::new();
        assert_eq!(normalize_into("266221341.0", &mut buf), Some("266221341"));
        assert_eq!(normalize_into("2.66E+08", &mut buf), None);
    }
}
