//! Everything Cuadra tells a person in a sentence (case explanations, import problems, errors), as
//! a structured message rendered in the reader's language.
//!
//! A [`Msg`] is a catalog key plus typed arguments: identifiers and times as text (never
//! translated), amounts as exact decimals (grouped per language), counts, and nested messages (a
//! fragment such as "an unknown total" is itself translated). It is stored as compact JSON (see
//! [`Msg::to_json`]) and rendered on demand by [`Msg::render`] here (reports, CLI) or by the desktop
//! app from the same catalog, exported to TypeScript by [`catalog_json`].
//!
//! The catalogs live here, one per module that speaks ([`reconcile`], [`ingest`], and for the
//! errors [`store`], [`review`], [`periods`] and the like; each module re-exports its own as
//! `words`; the desktop app's own sentences in [`app`]), written with [`catalog!`], which will
//! not compile without all three languages. A test checks that every translation uses exactly
//! the placeholders of its English original.

pub mod app;
pub mod audit;
pub mod cases;
pub mod ingest;
pub mod periods;
pub mod reconcile;
pub mod report;
pub mod retention;
pub mod review;
pub mod store;
pub mod verify;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt::Write;
use std::sync::OnceLock;

/// The language a person reads: of the reports' labels, of every message.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Es,
    En,
    Zh,
}

impl Lang {
    pub fn parse(text: &str) -> Option<Lang> {
        match text.trim().to_ascii_lowercase().as_str() {
            "es" => Some(Lang::Es),
            "en" => Some(Lang::En),
            "zh" | "zh-cn" | "zh-hans" => Some(Lang::Zh),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }
}

/// One sentence or fragment in three languages. Placeholders are `{0}` .. `{9}`, in any order.
#[derive(Debug)]
pub struct Entry {
    pub key: &'static str,
    pub en: &'static str,
    pub es: &'static str,
    pub zh: &'static str,
}

impl Entry {
    pub fn template(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Es => self.es,
            Lang::Zh => self.zh,
        }
    }
}

/// Declares catalog entries as constants, and a list of them for lookup by key:
///
/// ```ignore
/// catalog! {
///     pub static ENTRIES;
///     UNKNOWN_TIME = "time.unknown" {
///         en: "an unknown time",
///         es: "una hora desconocida",
///         zh: "未知时间",
///     }
/// }
/// ```
#[macro_export]
macro_rules! catalog {
    (
        $vis:vis static $list:ident;
        $( $(#[$doc:meta])* $name:ident = $key:literal { en: $en:literal, es: $es:literal, zh: $zh:literal $(,)? } )*
    ) => {
        $( $(#[$doc])* $vis const $name: &$crate::words::Entry =
            &$crate::words::Entry { key: $key, en: $en, es: $es, zh: $zh }; )*
        $vis static $list: &[&$crate::words::Entry] = &[ $( $name ),* ];
    };
}

/// A message: a catalog key and its arguments, held as its compact JSON
/// (`{"k":"case.matched","a":[...]}`), which is also how it is stored and how it crosses IPC. A
/// million cases keep one string each, not a tree; the tree is only read back to render.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Msg(String);

/// How the items of a list are joined.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Join {
    /// `a, b, c`
    Comma,
    /// `a; b; c`
    Semi,
    /// `a and b`
    And,
}

impl Join {
    fn as_str(self) -> &'static str {
        match self {
            Join::Comma => "comma",
            Join::Semi => "semi",
            Join::And => "and",
        }
    }
}

/// An argument of a message being built. In JSON: text is a string, a count a number, an
/// amount `{"m":"150000","c":"COP"}`, a sentence `{"s":msg}`, a list `{"l":[...],"j":"and"}`, a
/// fragment the message's own object.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arg {
    /// Text shown as it is: identifiers, names, times already written in the workspace zone.
    Text(String),
    /// A count.
    Int(i64),
    /// An exact amount and its currency (ISO code).
    Money { m: Decimal, c: Option<String> },
    /// A nested sentence, capitalized where it starts.
    Sentence(Msg),
    /// Items joined per language.
    List(Vec<Arg>, Join),
    /// A nested fragment.
    Msg(Msg),
}

impl Arg {
    pub fn money(amount: Decimal, currency: Option<&str>) -> Arg {
        Arg::Money {
            m: amount,
            c: currency
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_string),
        }
    }

    pub fn sentence(msg: Msg) -> Arg {
        Arg::Sentence(msg)
    }

    pub fn list(items: Vec<Arg>, j: Join) -> Arg {
        Arg::List(items, j)
    }

    /// About how long the argument's JSON is (to size a message's string once).
    fn json_len_hint(&self) -> usize {
        match self {
            Arg::Text(t) => t.len() + 3,
            Arg::Int(_) => 12,
            Arg::Money { c, .. } => 32 + c.as_ref().map_or(0, String::len),
            Arg::Sentence(msg) => msg.0.len() + 7,
            Arg::List(items, _) => 24 + items.iter().map(Arg::json_len_hint).sum::<usize>(),
            Arg::Msg(msg) => msg.0.len() + 1,
        }
    }

    fn write_json(&self, out: &mut String) {
        match self {
            Arg::Text(t) => push_json_str(out, t),
            Arg::Int(n) => {
                let _ = write!(out, "{n}");
            }
            Arg::Money { m, c } => {
                let _ = write!(out, "{{\"m\":\"{m}\"");
                if let Some(c) = c {
                    out.push_str(",\"c\":");
                    push_json_str(out, c);
                }
                out.push('}');
            }
            Arg::Sentence(msg) => {
                out.push_str("{\"s\":");
                out.push_str(&msg.0);
                out.push('}');
            }
            Arg::List(items, j) => {
                out.push_str("{\"l\":[");
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write_json(out);
                }
                let _ = write!(out, "],\"j\":\"{}\"}}", j.as_str());
            }
            Arg::Msg(msg) => out.push_str(&msg.0),
        }
    }
}

/// `text` as a JSON string literal. Runs that need no escape are copied whole (a million
/// cases' explanations go through here).
fn push_json_str(out: &mut String, text: &str) {
    out.push('"');
    let mut clean = 0;
    for (i, b) in text.bytes().enumerate() {
        // Every byte that needs an escape is ASCII, so `i` is always a char boundary here.
        if b != b'"' && b != b'\\' && b >= 0x20 {
            continue;
        }
        out.push_str(&text[clean..i]);
        match b {
            b'"' => out.push_str("\\\""),
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ => {
                let _ = write!(out, "\\u{:04x}", b);
            }
        }
        clean = i + 1;
    }
    out.push_str(&text[clean..]);
    out.push('"');
}

impl From<Msg> for Arg {
    fn from(m: Msg) -> Arg {
        Arg::Msg(m)
    }
}

impl From<String> for Arg {
    fn from(s: String) -> Arg {
        Arg::Text(s)
    }
}

impl From<&str> for Arg {
    fn from(s: &str) -> Arg {
        Arg::Text(s.to_string())
    }
}

impl From<&String> for Arg {
    fn from(s: &String) -> Arg {
        Arg::Text(s.clone())
    }
}

impl From<i64> for Arg {
    fn from(n: i64) -> Arg {
        Arg::Int(n)
    }
}

impl From<usize> for Arg {
    fn from(n: usize) -> Arg {
        Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}

/// `msg!(ENTRY)` or `msg!(ENTRY, arg0, arg1, ...)`, each argument anything `Into<Arg>`.
#[macro_export]
macro_rules! msg {
    ($entry:expr $(, $arg:expr)* $(,)?) => {
        $crate::words::Msg::of($entry, &[$($crate::words::Arg::from($arg)),*])
    };
}

impl Msg {
    pub fn new(entry: &'static Entry, args: Vec<Arg>) -> Msg {
        Msg::of(entry, &args)
    }

    /// [`Msg::new`] with the arguments borrowed (what [`msg!`] builds: no vector per message).
    pub fn of(entry: &'static Entry, args: &[Arg]) -> Msg {
        debug_assert_eq!(
            placeholders(entry.en).len(),
            args.len(),
            "{} takes {} arguments",
            entry.key,
            placeholders(entry.en).len()
        );
        let room: usize = args.iter().map(Arg::json_len_hint).sum();
        let mut out = String::with_capacity(16 + entry.key.len() + room);
        out.push_str("{\"k\":");
        push_json_str(&mut out, entry.key);
        if !args.is_empty() {
            out.push_str(",\"a\":[");
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                a.write_json(&mut out);
            }
            out.push(']');
        }
        out.push('}');
        Msg(out)
    }

    /// Text that is not in the catalog, shown as it is in every language: an explanation stored
    /// by an earlier version, or a message from outside Cuadra (a library's error).
    pub fn verbatim(text: impl Into<String>) -> Msg {
        Msg::of(VERBATIM, &[Arg::Text(text.into())])
    }

    /// `{"k":"...","a":[...]}`.
    pub fn to_json(&self) -> String {
        self.0.clone()
    }

    pub fn as_json(&self) -> &str {
        &self.0
    }

    /// The catalog key, or `None` when the text is not a message.
    pub fn key(&self) -> Option<String> {
        serde_json::from_str::<Tree<'_>>(&self.0)
            .ok()
            .map(|t| t.k.into_owned())
    }

    /// The keys of the message and of every fragment and sentence inside it.
    pub fn keys(&self) -> Vec<String> {
        fn walk(v: &serde_json::Value, out: &mut Vec<String>) {
            match v {
                serde_json::Value::Object(o) => {
                    if let Some(serde_json::Value::String(k)) = o.get("k") {
                        out.push(k.clone());
                    }
                    for child in o.values() {
                        walk(child, out);
                    }
                }
                serde_json::Value::Array(items) => items.iter().for_each(|i| walk(i, out)),
                _ => {}
            }
        }
        let mut out = Vec::new();
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(&self.0) {
            walk(&v, &mut out);
        }
        out
    }

    /// A stored message; text that is not a message's JSON (written before messages were
    /// structured) comes back verbatim.
    pub fn from_stored(text: &str) -> Msg {
        if text.starts_with('{') && serde_json::from_str::<Tree<'_>>(text).is_ok() {
            return Msg(text.to_string());
        }
        Msg::verbatim(text)
    }

    /// The sentence in `lang`, its first letter capitalized (verbatim text stays as written).
    pub fn render(&self, lang: Lang) -> String {
        self.render_as(lang, true)
    }

    /// The message as it reads inside another sentence (after a colon, in parentheses): as
    /// [`Msg::render`], without capitalizing its first letter.
    pub fn render_inline(&self, lang: Lang) -> String {
        self.render_as(lang, false)
    }

    fn render_as(&self, lang: Lang, capitalize: bool) -> String {
        let mut out = String::with_capacity(self.0.len());
        match serde_json::from_str::<Tree<'_>>(&self.0) {
            Ok(t) => {
                t.render_into(&mut out, lang);
                if capitalize && t.k != VERBATIM.key {
                    capitalize_from(&mut out, 0);
                }
            }
            Err(_) => out.push_str(&self.0),
        }
        out
    }
}

/// As its JSON object (the app's IPC, the CLI's JSON).
impl Serialize for Msg {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match serde_json::from_str::<serde_json::Value>(&self.0) {
            Ok(v) => v.serialize(s),
            Err(_) => Msg::verbatim(self.0.clone()).serialize(s),
        }
    }
}

/// From its JSON object; a plain string reads as verbatim text.
impl<'de> Deserialize<'de> for Msg {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Msg, D::Error> {
        Ok(match serde_json::Value::deserialize(d)? {
            serde_json::Value::String(text) => Msg::verbatim(text),
            v => Msg::from_stored(&v.to_string()),
        })
    }
}

/// English, for the CLI and logs.
impl std::fmt::Display for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// Serializes a message as its English text (`#[serde(serialize_with)]`), for outputs read by
/// scripts rather than rendered per reader.
pub fn english<S: serde::Serializer>(msg: &Msg, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&msg.render(Lang::En))
}

/// A message read back from its JSON, to render it: borrowed from the text, each argument left
/// raw until its placeholder is reached (an export renders a million of these).
#[derive(Deserialize)]
struct Tree<'a> {
    #[serde(borrow)]
    k: Cow<'a, str>,
    #[serde(borrow, default)]
    a: Vec<&'a RawValue>,
}

/// An argument that is an object: an amount, a sentence, a list or a fragment.
#[derive(Deserialize)]
struct Obj<'a> {
    #[serde(borrow, default)]
    k: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    a: Vec<&'a RawValue>,
    #[serde(borrow, default)]
    m: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    c: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    s: Option<&'a RawValue>,
    #[serde(borrow, default)]
    l: Option<Vec<&'a RawValue>>,
    #[serde(default)]
    j: Option<Join>,
}

impl Tree<'_> {
    fn render_into(&self, out: &mut String, lang: Lang) {
        let Some(entry) = lookup(&self.k) else {
            // A key from a newer version: show it with its arguments rather than nothing.
            out.push_str(&self.k);
            for a in &self.a {
                out.push(' ');
                render_arg(a, out, lang);
            }
            return;
        };
        for piece in pieces(entry.template(lang)) {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Arg(i) => {
                    if let Some(arg) = self.a.get(i) {
                        render_arg(arg, out, lang);
                    }
                }
            }
        }
    }
}

/// One argument, from its raw JSON; what cannot be read is shown as its JSON.
fn render_arg(raw: &RawValue, out: &mut String, lang: Lang) {
    let json = raw.get();
    match json.as_bytes().first() {
        Some(b'"') => match serde_json::from_str::<Cow<'_, str>>(json) {
            Ok(t) => out.push_str(&t),
            Err(_) => out.push_str(json),
        },
        Some(b'{') => match serde_json::from_str::<Obj<'_>>(json) {
            Ok(o) => render_obj(o, out, lang),
            Err(_) => out.push_str(json),
        },
        _ => out.push_str(json),
    }
}

fn render_obj(o: Obj<'_>, out: &mut String, lang: Lang) {
    if let Some(k) = o.k {
        Tree { k, a: o.a }.render_into(out, lang);
    } else if let Some(m) = o.m {
        match m.parse::<Decimal>() {
            Ok(d) => push_money(out, d, o.c.as_deref(), lang),
            Err(_) => out.push_str(&m),
        }
    } else if let Some(s) = o.s {
        let start = out.len();
        render_arg(s, out, lang);
        capitalize_from(out, start);
    } else if let Some(l) = o.l {
        let (sep, last) = match (o.j.unwrap_or(Join::Comma), lang) {
            (Join::Comma, Lang::Zh) => ("、", "、"),
            (Join::Comma, _) => (", ", ", "),
            (Join::Semi, Lang::Zh) => ("；", "；"),
            (Join::Semi, _) => ("; ", "; "),
            (Join::And, Lang::En) => (", ", " and "),
            (Join::And, Lang::Es) => (", ", " y "),
            (Join::And, Lang::Zh) => ("、", " 和 "),
        };
        for (i, item) in l.iter().enumerate() {
            if i > 0 {
                out.push_str(if i + 1 == l.len() { last } else { sep });
            }
            render_arg(item, out, lang);
        }
    }
}

fn capitalize_from(out: &mut String, start: usize) {
    if let Some(c) = out[start..].chars().next() {
        if c.is_lowercase() {
            let upper: String = c.to_uppercase().collect();
            out.replace_range(start..start + c.len_utf8(), &upper);
        }
    }
}

/// `COP 150.000` and `USD 1.234,56` in Spanish (Colombia), `COP 150,000` and `USD 1,234.56` in
/// English and Chinese. Decimals to the currency's scale (none for COP), or more when the value
/// has them, so half a peso never reads as zero.
pub fn push_money(out: &mut String, amount: Decimal, currency: Option<&str>, lang: Lang) {
    let (group, point) = match lang {
        Lang::Es => ('.', ','),
        Lang::En | Lang::Zh => (',', '.'),
    };
    if let Some(code) = currency.map(str::trim).filter(|c| !c.is_empty()) {
        out.push_str(code);
        out.push(' ');
    }
    let usual = currency.map_or(2, crate::currency::currency_scale);
    let needed = amount.normalize().scale();
    let scale = if needed == 0 && usual == 0 {
        0
    } else if needed > usual {
        needed.max(2)
    } else {
        usual
    };
    let mut rounded = amount.abs();
    rounded.rescale(scale);
    let text = rounded.to_string();
    let (int, frac) = text.split_once('.').unwrap_or((text.as_str(), ""));
    if amount.is_sign_negative() && !amount.is_zero() {
        out.push('-');
    }
    let first = int.len() % 3;
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (i + 3 - first) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
}

/// A piece of a template: text as it is, or the placeholder of an argument.
enum Piece<'a> {
    Text(&'a str),
    Arg(usize),
}

/// A template cut at its `{n}` placeholders; a `{` not opening one is text.
fn pieces(template: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = template;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let Some(open) = rest.find('{') else {
            return Some(Piece::Text(std::mem::take(&mut rest)));
        };
        if open > 0 {
            let (text, tail) = rest.split_at(open);
            rest = tail;
            return Some(Piece::Text(text));
        }
        let after = &rest[1..];
        match after
            .find('}')
            .and_then(|close| after[..close].parse::<usize>().ok().map(|i| (i, close)))
        {
            Some((i, close)) => {
                rest = &after[close + 1..];
                Some(Piece::Arg(i))
            }
            None => {
                rest = after;
                Some(Piece::Text("{"))
            }
        }
    })
}

/// The placeholders a template uses, sorted and deduplicated.
pub fn placeholders(template: &str) -> Vec<usize> {
    let mut found: Vec<usize> = pieces(template)
        .filter_map(|p| match p {
            Piece::Arg(i) => Some(i),
            Piece::Text(_) => None,
        })
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

catalog! {
    pub static COMMON;
    /// Text shown as it is in every language.
    VERBATIM = "verbatim" { en: "{0}", es: "{0}", zh: "{0}" }
}

/// Every catalog, for lookup by key and for the app's copy.
pub fn all_entries() -> impl Iterator<Item = &'static Entry> {
    [
        COMMON,
        reconcile::ENTRIES,
        ingest::ENTRIES,
        store::ENTRIES,
        audit::ENTRIES,
        cases::ENTRIES,
        review::ENTRIES,
        periods::ENTRIES,
        retention::ENTRIES,
        report::ENTRIES,
        verify::ENTRIES,
        app::ENTRIES,
    ]
    .into_iter()
    .flatten()
    .copied()
}

pub fn lookup(key: &str) -> Option<&'static Entry> {
    static INDEX: OnceLock<HashMap<&'static str, &'static Entry>> = OnceLock::new();
    INDEX
        .get_or_init(|| all_entries().map(|e| (e.key, e)).collect())
        .get(key)
        .copied()
}

/// The whole catalog as JSON, `{key: {en, es, zh}}` sorted by key: the desktop app renders the
/// same messages from this copy (ui/src/i18n/messages/backend.generated.ts).
pub fn catalog_json() -> String {
    let mut entries: Vec<&Entry> = all_entries().collect();
    entries.sort_by_key(|e| e.key);
    let map: serde_json::Map<String, serde_json::Value> = entries
        .into_iter()
        .map(|e| {
            (
                e.key.to_string(),
                serde_json::json!({ "en": e.en, "es": e.es, "zh": e.zh }),
            )
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::Value::Object(map)).expect("catalog serializes")
}

/// What in a Chinese text goes against the glossary of Chinese terms (the words a Chinese
/// finance team uses, one name per concept): an avoided term, a spliced "于 {n}", or half-width
/// punctuation (（）：；“” are full-width in Chinese; a half-width `:` or `(` is only kept
/// between Latin letters or digits, as in `14:30` or `%H:%M`). Empty when the text is fine.
#[cfg(test)]
pub(crate) fn zh_problems(text: &str) -> Vec<String> {
    /// Each avoided term, and the terms of the glossary that contain it and are fine.
    const AVOID: &[(&str, &[&str])] = &[
        ("案例", &[]),
        ("未结", &["未结账", "未结算", "未结束"]),
        ("解决", &[]),
        ("凭证", &[]),
        ("关闭期间", &[]),
        ("重新打开期间", &[]),
        ("封存", &[]),
        ("已核销", &["差额已核销"]),
        ("付款不足", &[]),
        ("等待付款", &[]),
        ("等待结算", &[]),
        ("缺少结算", &[]),
        ("无订单的付款", &[]),
        ("未匹配结算", &[]),
        ("店铺仍待处理", &[]),
        ("过期后付款", &["付款码过期后付款"]),
        ("逾期", &[]),
        ("建议匹配", &[]),
        ("确认建议", &[]),
        ("保留期", &[]),
        ("证据", &[]),
        ("决定者", &[]),
        ("决定人", &[]),
        ("评估时间", &[]),
        ("配置", &[]),
        ("舍入误差", &[]),
        ("仅差一处编辑", &[]),
        ("收回", &[]),
        ("总额", &["结算总额"]),
        ("于 {", &[]),
        ("Bogotá", &[]),
    ];
    let mut out = Vec::new();
    for (avoid, fine) in AVOID {
        for (at, _) in text.match_indices(avoid) {
            let part_of_a_fine_term = fine.iter().any(|term| {
                term.match_indices(avoid).any(|(off, _)| {
                    at >= off
                        && text
                            .get(at - off..)
                            .is_some_and(|rest| rest.starts_with(term))
                })
            });
            if !part_of_a_fine_term {
                out.push(format!("avoided term {avoid}"));
            }
        }
    }
    let chars: Vec<char> = text.chars().collect();
    let latin = |i: Option<usize>| {
        i.and_then(|i| chars.get(i))
            .is_some_and(|c| c.is_ascii_alphanumeric() || "%-.".contains(*c))
    };
    for (i, c) in chars.iter().enumerate() {
        let half_width = match c {
            '(' | ')' | ':' | ';' => !(latin(i.checked_sub(1)) && latin(Some(i + 1))),
            '\'' | '"' => true,
            _ => false,
        };
        if half_width {
            out.push(format!("half-width {c}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_uses_the_glossary_terms_and_full_width_punctuation() {
        let bad: Vec<String> = all_entries()
            .flat_map(|e| {
                zh_problems(e.zh)
                    .into_iter()
                    .map(move |p| format!("{}: {p} in {}", e.key, e.zh))
            })
            .collect();
        assert!(bad.is_empty(), "{}", bad.join("\n"));
        // The check itself: what it must find, and what it must leave alone.
        assert_eq!(
            zh_problems("案例 {0} 已解决"),
            vec!["avoided term 案例", "avoided term 解决"]
        );
        assert_eq!(zh_problems("于 {0} 付款 (Bogotá)").len(), 4);
        assert!(zh_problems("期间未结账；超期未结算；差额已核销（计入损益）；结算总额").is_empty());
        assert!(zh_problems("14:30、%H:%M、2026-10-31T08:00:00-05:00").is_empty());
        assert_eq!(zh_problems("原因: 其他"), vec!["half-width :"]);
    }

    #[test]
    fn every_translation_uses_the_placeholders_of_its_english_and_keys_are_unique() {
        let mut seen = std::collections::HashSet::new();
        for e in all_entries() {
            assert!(seen.insert(e.key), "key {} appears twice", e.key);
            let en = placeholders(e.en);
            assert_eq!(placeholders(e.es), en, "{}: Spanish placeholders", e.key);
            assert_eq!(placeholders(e.zh), en, "{}: Chinese placeholders", e.key);
            assert_eq!(
                en,
                (0..en.len()).collect::<Vec<_>>(),
                "{}: placeholders must be 0..n",
                e.key
            );
            // A template of placeholders and punctuation alone is the same in every language.
            if e.en.chars().filter(|c| c.is_alphabetic()).count() > 3 {
                assert_ne!(e.es, e.en, "{}: Spanish is a copy of English", e.key);
                assert_ne!(e.zh, e.en, "{}: Chinese is a copy of English", e.key);
            }
        }
    }

    #[test]
    fn money_is_grouped_per_language_and_never_loses_a_decimal() {
        let m = |s: &str, c: Option<&str>, lang| {
            let mut out = String::new();
            push_money(&mut out, s.parse().expect("a decimal"), c, lang);
            out
        };
        assert_eq!(m("150000", Some("COP"), Lang::Es), "COP 150.000");
        assert_eq!(m("150000", Some("COP"), Lang::En), "COP 150,000");
        assert_eq!(m("-2500", Some("COP"), Lang::Zh), "COP -2,500");
        assert_eq!(m("1234.5", Some("USD"), Lang::Es), "USD 1.234,50");
        assert_eq!(m("1234.5", Some("USD"), Lang::En), "USD 1,234.50");
        assert_eq!(m("0.5", Some("COP"), Lang::Es), "COP 0,50");
        assert_eq!(m("12.345", None, Lang::En), "12.345");
        assert_eq!(m("1234567", Some("COP"), Lang::Es), "COP 1.234.567");
        assert_eq!(m("999", Some("COP"), Lang::Es), "COP 999");
        assert_eq!(m("150000.50", Some("COP"), Lang::Es), "COP 150.000,50");
        assert_eq!(m("-0.041234", Some("USD"), Lang::Es), "USD -0,041234");
        assert_eq!(m("-0.041234", Some("USD"), Lang::En), "USD -0.041234");
    }

    #[test]
    fn messages_round_trip_through_json_and_render_nested_parts() {
        let inner = Msg::verbatim("paid");
        let msg = Msg::new(
            VERBATIM,
            vec![Arg::list(
                vec![
                    Arg::sentence(inner),
                    Arg::money("1500.5".parse().expect("a decimal"), Some("USD")),
                    Arg::Int(3),
                ],
                Join::And,
            )],
        );
        let json = msg.to_json();
        assert_eq!(Msg::from_stored(&json), msg);
        assert_eq!(msg.render(Lang::En), "Paid, USD 1,500.50 and 3");
        assert_eq!(msg.render(Lang::Es), "Paid, USD 1.500,50 y 3");
        assert_eq!(msg.render(Lang::Zh), "Paid、USD 1,500.50 和 3");
        assert_eq!(Msg::verbatim("paid").render(Lang::En), "paid");
        assert_eq!(
            Msg::from_stored("Old English text.").render(Lang::Zh),
            "Old English text."
        );
        let unknown = Msg::from_stored(r#"{"k":"from.a.newer.version","a":[1]}"#);
        assert_eq!(unknown.render(Lang::Es), "From.a.newer.version 1");
        assert_eq!(unknown.key().as_deref(), Some("from.a.newer.version"));
    }

    #[test]
    fn text_from_files_survives_the_json_whatever_it_holds() {
        let odd = "a \"quoted\" \\ back\nslash\t\u{1}ñ 中 '=1+2'";
        let msg = Msg::verbatim(odd);
        assert_eq!(msg.render(Lang::Es), odd, "verbatim text stays as written");
        let parsed: serde_json::Value = serde_json::from_str(msg.as_json()).expect("valid JSON");
        assert_eq!(parsed["a"][0], odd);
        assert_eq!(
            serde_json::to_value(&msg).expect("serializes"),
            parsed,
            "crosses IPC as its object"
        );
        // Escapes first, last, back to back, beside multi-byte characters; and none at all.
        for odd in [
            "\"ñ\"",
            "\\\\",
            "\u{1f}\u{7f}中\n",
            "",
            "plain ref 1001",
            "ñ\r\n中\"",
            "\t",
        ] {
            let msg = Msg::verbatim(odd);
            let parsed: serde_json::Value =
                serde_json::from_str(msg.as_json()).expect("valid JSON");
            assert_eq!(parsed["a"][0], odd, "{odd:?}");
        }
    }
}
