//! Identifier keys: what makes two references "the same" (normalization), the map that finds
//! the order a key belongs to, and the one-edit test behind suggestions. It never decides a
//! case; it only answers "which orders does this key name".

use crate::model::{SettlementLine, ShopOrder};
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Shortest key (in characters) a one-edit suggestion may rest on: below this, one edit away
/// from some order is too likely by chance.
pub(super) const MIN_SUGGEST_KEY_CHARS: usize = 4;

/// A key shared by two or more orders (its list lives in [`KeyIndex::shared`]).
pub(super) const SHARED: u32 = u32::MAX;

/// The key with its decoration removed: trimmed, one leading `#` dropped, trimmed again.
fn strip(raw: &str) -> Option<&str> {
    let t = raw.trim();
    let t = t.strip_prefix('#').unwrap_or(t).trim();
    (!t.is_empty()).then_some(t)
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

/// The identifiers an order is known by, in a fixed order (bit `i` of a mask is slot `i`).
pub(super) fn order_identifiers(order: &ShopOrder) -> [Option<&str>; 4] {
    [
        order.order_name.as_deref(),
        order.shop_order_id.as_deref(),
        order.payment_reference.as_deref(),
        order.payment_id.as_deref(),
    ]
}

/// The identifiers a settlement line quotes, in a fixed order (bit `i` of a mask is slot `i`).
pub(super) fn line_identifiers(line: &SettlementLine) -> [Option<&str>; 3] {
    [
        line.merchant_ref.as_deref(),
        line.psp_txn_id.as_deref(),
        line.psp_order_id.as_deref(),
    ]
}

/// Whether two normalized keys are exactly one edit apart: one character inserted, deleted,
/// substituted, or two adjacent characters swapped (Damerau-Levenshtein distance 1). Equal keys
/// are not one edit apart: they are an exact match.
pub(super) fn one_edit_apart(a: &str, b: &str) -> bool {
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
pub(super) struct KeyHasher {
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

pub(super) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<KeyHasher>>;

/// Every normalized order key, with the order it belongs to, or [`SHARED`] when it names
/// several (their indices, sorted, in `shared`).
pub(super) struct KeyIndex<'a> {
    pub map: FastMap<Cow<'a, str>, u32>,
    pub shared: FastMap<Cow<'a, str>, Vec<u32>>,
}

impl<'a> KeyIndex<'a> {
    pub fn build(orders: impl ExactSizeIterator<Item = &'a ShopOrder>) -> KeyIndex<'a> {
        let mut index = KeyIndex {
            map: FastMap::default(),
            shared: FastMap::default(),
        };
        index.map.reserve(orders.len() * 2);
        for (i, order) in orders.enumerate() {
            let i = i as u32;
            for raw in order_identifiers(order).into_iter().flatten() {
                let Some(key) = normalize_key(raw) else {
                    continue;
                };
                match index.map.get_mut(key.as_ref()) {
                    None => {
                        index.map.insert(key, i);
                    }
                    Some(owner) if *owner == i => {}
                    Some(owner) if *owner == SHARED => {
                        if let Some(list) = index.shared.get_mut(key.as_ref()) {
                            list.push(i);
                        }
                    }
                    Some(owner) => {
                        let first = *owner;
                        *owner = SHARED;
                        index.shared.insert(key, vec![first, i]);
                    }
                }
            }
        }
        for list in index.shared.values_mut() {
            list.sort_unstable();
            list.dedup();
        }
        index
    }

    /// Pushes the orders `key` names onto `hits`; whether it named any.
    #[inline]
    pub fn lookup(&self, key: &str, hits: &mut Vec<u32>) -> bool {
        match self.map.get(key) {
            None => false,
            Some(&SHARED) => {
                if let Some(list) = self.shared.get(key) {
                    hits.extend_from_slice(list);
                }
                true
            }
            Some(&owner) => {
                hits.push(owner);
                true
            }
        }
    }
}
