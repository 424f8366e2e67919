//! The sentences of this module in Spanish, English and Simplified Chinese (see `crate::words`).

crate::catalog! {
    pub static ENTRIES;
}
