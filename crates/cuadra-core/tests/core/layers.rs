//! The core's layer order (written at the top of `src/lib.rs`) holds: every `crate::` path in
//! `src/` names a module on a lower layer than the file's own. The checker is tested on small
//! sources first, so a layer test that passes is one that could fail.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The layers as `src/lib.rs` writes them, top first: each module's rank (higher is lower down).
fn layers(lib: &str) -> HashMap<String, usize> {
    let block = lib
        .split("//! ```text\n")
        .nth(1)
        .and_then(|rest| rest.split("//! ```").next())
        .expect("src/lib.rs draws its layers in a ```text block");
    let mut rank = HashMap::new();
    for (i, line) in block.lines().enumerate() {
        let line = line.trim_start_matches("//!").trim();
        // Module names first, then two or more spaces and what the layer is for.
        let names = line.split("  ").next().unwrap_or("");
        for name in names.split_whitespace() {
            assert!(
                rank.insert(name.to_string(), i).is_none(),
                "{name} is on two layers"
            );
        }
    }
    rank
}

/// The source without its comments (line comments and doc comments; the core has no block
/// comments) and without string literals' contents, so a path written in prose is not a use.
fn code_only(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for line in source.lines() {
        let mut in_str = false;
        let mut prev = ' ';
        let mut kept = String::new();
        let chars: Vec<char> = line.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if !in_str && c == '/' && chars.get(i + 1) == Some(&'/') {
                break;
            }
            if c == '"' && prev != '\\' {
                in_str = !in_str;
            } else if !in_str {
                kept.push(c);
            }
            prev = if prev == '\\' && c == '\\' { ' ' } else { c };
            i += 1;
        }
        out.push_str(&kept);
        out.push('\n');
    }
    out
}

/// The top-level modules a file's code names through `crate::` (or `$crate::`, or enough
/// `super::` to reach the crate root), with `depth` the file's depth below the root (`a.rs` and
/// `a/mod.rs` are 1, `a/b.rs` is 2).
fn named_modules(source: &str, depth: usize) -> Vec<String> {
    let code = code_only(source);
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    let ident = |from: usize| -> String {
        code[from..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut i = 0;
    while i < code.len() {
        let rest = &code[i..];
        let before_ok = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_');
        let at = if before_ok && rest.starts_with("crate::") {
            Some(i + "crate::".len())
        } else if before_ok && rest.starts_with("super::") {
            let mut j = i;
            let mut ups = 0;
            while code[j..].starts_with("super::") {
                ups += 1;
                j += "super::".len();
            }
            i = j;
            (ups == depth).then_some(j)
        } else {
            None
        };
        if let Some(at) = at {
            if code[at..].starts_with('{') {
                // `crate::{a::X, b, c::{Y, Z}}`: the first name of each top-level item.
                let mut level = 0;
                let mut start = true;
                for (k, c) in code[at..].char_indices() {
                    match c {
                        '{' => {
                            level += 1;
                            start = level == 1;
                        }
                        '}' => {
                            level -= 1;
                            if level == 0 {
                                break;
                            }
                        }
                        ',' if level == 1 => start = true,
                        c if start && (c.is_ascii_alphabetic() || c == '_') => {
                            found.push(ident(at + k));
                            start = false;
                        }
                        _ => {}
                    }
                }
            } else {
                found.push(ident(at));
            }
            i = at;
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    found.retain(|m| !m.is_empty() && m != "self");
    found
}

/// Each path of `module`'s file that goes up or sideways: `(named module, why)`.
fn violations(
    rank: &HashMap<String, usize>,
    module: &str,
    source: &str,
    depth: usize,
) -> Vec<String> {
    let own = rank[module];
    named_modules(source, depth)
        .into_iter()
        .filter(|m| m != module)
        .filter_map(|m| match rank.get(&m) {
            // Not a module of the crate (a macro at the root such as `crate::msg!`).
            None => None,
            Some(&r) if r > own => None,
            Some(&r) if r == own => Some(format!("{m} (beside {module})")),
            Some(_) => Some(format!("{m} (above {module})")),
        })
        .collect()
}

/// The body of each `impl Workspace` block in `code`.
fn workspace_impls(code: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(at) = code[from..].find("impl Workspace {") {
        let start = from + at + "impl Workspace {".len();
        let mut level = 1;
        let mut end = start;
        for (k, c) in code[start..].char_indices() {
            match c {
                '{' => level += 1,
                '}' => level -= 1,
                _ => {}
            }
            if level == 0 {
                end = start + k;
                break;
            }
        }
        out.push(&code[start..end]);
        from = end;
    }
    out
}

/// The names after `fn ` in `code`.
fn fn_names(code: &str) -> Vec<String> {
    code.match_indices("fn ")
        .filter(|(i, _)| *i == 0 || !code.as_bytes()[i - 1].is_ascii_alphanumeric())
        .map(|(i, _)| {
            code[i + 3..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|n| !n.is_empty())
        .collect()
}

/// Methods of `Workspace` a file calls (`self.name(` or `ws.name(`) that a module above or beside
/// its own defines: the workspace handle is one type with methods in many layers, so a call
/// through it is an import no `crate::` path shows. `methods` maps each method name to the one
/// module that defines it (names defined in more than one place are left out).
fn method_violations(
    rank: &HashMap<String, usize>,
    methods: &HashMap<String, String>,
    module: &str,
    source: &str,
) -> Vec<String> {
    let code = code_only(source);
    // Unit tests may build what they need from any layer.
    let code = code.split("#[cfg(test)]").next().unwrap_or("");
    let mut wrong = Vec::new();
    for receiver in ["self.", "ws."] {
        for (i, _) in code.match_indices(receiver) {
            if i > 0
                && (code.as_bytes()[i - 1].is_ascii_alphanumeric()
                    || code.as_bytes()[i - 1] == b'_')
            {
                continue;
            }
            let name: String = code[i + receiver.len()..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !code[i + receiver.len() + name.len()..].starts_with('(') {
                continue;
            }
            if let Some(owner) = methods.get(&name) {
                if owner != module && rank[owner] <= rank[module] {
                    wrong.push(format!("{name}() of {owner}"));
                }
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    wrong
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_module_of_the_crate_is_on_one_layer() {
    let lib = std::fs::read_to_string(src().join("lib.rs")).unwrap();
    let rank = layers(&lib);
    let declared: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.strip_prefix("pub mod "))
        .map(|l| l.trim_end_matches(';'))
        .collect();
    for m in &declared {
        assert!(rank.contains_key(*m), "{m} is declared but on no layer");
    }
    for m in rank.keys() {
        assert!(
            declared.contains(&m.as_str()),
            "{m} is on a layer but not declared"
        );
    }
}

#[test]
fn no_module_uses_one_above_or_beside_it() {
    let root = src();
    let rank = layers(&std::fs::read_to_string(root.join("lib.rs")).unwrap());
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let mut wrong = Vec::new();
    for file in files {
        let rel = file.strip_prefix(&root).unwrap();
        let parts: Vec<String> = rel
            .iter()
            .map(|p| p.to_string_lossy().trim_end_matches(".rs").to_string())
            .collect();
        if parts == ["lib"] {
            continue;
        }
        let module = &parts[0];
        let depth = if parts.last().is_some_and(|p| p == "mod") {
            parts.len() - 1
        } else {
            parts.len()
        };
        let source = std::fs::read_to_string(&file).unwrap();
        for v in violations(&rank, module, &source, depth) {
            wrong.push(format!("{}: uses {v}", rel.display()));
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers of src/lib.rs:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_module_calls_a_workspace_method_of_a_layer_above_it() {
    let root = src();
    let rank = layers(&std::fs::read_to_string(root.join("lib.rs")).unwrap());
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let module_of = |file: &Path| {
        let rel = file.strip_prefix(&root).unwrap();
        let first = rel.iter().next().unwrap().to_string_lossy();
        first.trim_end_matches(".rs").to_string()
    };
    let sources: Vec<(String, String)> = files
        .iter()
        .filter(|f| !f.ends_with("lib.rs"))
        .map(|f| (module_of(f), std::fs::read_to_string(f).unwrap()))
        .collect();
    // Where each method of `Workspace` is defined, and every other `fn` of the crate by name.
    let mut owners: HashMap<String, Vec<String>> = HashMap::new();
    let mut elsewhere: HashMap<String, usize> = HashMap::new();
    for (module, source) in &sources {
        let code = code_only(source);
        let mut in_impls = Vec::new();
        for body in workspace_impls(&code) {
            in_impls.extend(fn_names(body));
        }
        for name in fn_names(&code) {
            *elsewhere.entry(name).or_default() += 1;
        }
        for name in in_impls {
            owners.entry(name.clone()).or_default().push(module.clone());
            *elsewhere.get_mut(&name).unwrap() -= 1;
        }
    }
    let methods: HashMap<String, String> = owners
        .into_iter()
        .filter(|(name, o)| o.len() == 1 && elsewhere.get(name) == Some(&0))
        .map(|(name, o)| (name, o[0].clone()))
        .collect();
    assert!(
        methods.len() > 50,
        "the workspace's methods are found ({} found)",
        methods.len()
    );
    let mut wrong = Vec::new();
    for (file, (module, source)) in files
        .iter()
        .filter(|f| !f.ends_with("lib.rs"))
        .zip(&sources)
    {
        for v in method_violations(&rank, &methods, module, source) {
            wrong.push(format!(
                "{}: calls {v}",
                file.strip_prefix(&root).unwrap().display()
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "calls through the workspace against the layers of src/lib.rs:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_method_checker_finds_a_call_to_a_layer_above() {
    let lib = "//! ```text\n//! cases  runs\n//! store  files\n//! ```\n";
    let rank = layers(lib);
    let methods: HashMap<String, String> = [
        ("run_reconciliation".to_string(), "cases".to_string()),
        ("zone".to_string(), "store".to_string()),
    ]
    .into();
    let up = "fn f(&self) { self.run_reconciliation(now)?; let z = ws.zone()?; }\n";
    assert_eq!(
        method_violations(&rank, &methods, "store", up),
        ["run_reconciliation() of cases"]
    );
    assert!(method_violations(&rank, &methods, "cases", up).is_empty());
    let in_tests = "fn f() {}\n#[cfg(test)]\nmod tests { fn t() { ws.run_reconciliation(n); } }\n";
    assert!(method_violations(&rank, &methods, "store", in_tests).is_empty());
}

#[test]
fn the_checker_finds_an_upward_import_and_ignores_prose() {
    let lib =
        "//! ```text\n//! cases       runs\n//! ingest  files\n//! store x\n//! words\n//! ```\n";
    let rank = layers(lib);
    assert_eq!(rank["cases"], 0);
    assert_eq!(rank["store"], 2);
    // Down is allowed.
    assert!(violations(&rank, "ingest", "use crate::store::Workspace;\n", 2).is_empty());
    // Up is not, whether in a use line, a path in code, a group or a macro's `$crate`.
    let up = "use crate::cases::rebuild_rollups;\n";
    assert_eq!(violations(&rank, "store", up, 1), ["cases (above store)"]);
    let in_code = "fn f() { crate::ingest::pair(&tx)?; }\n";
    assert_eq!(
        violations(&rank, "store", in_code, 2),
        ["ingest (above store)"]
    );
    let group = "use crate::{words::Msg, cases::{A, B}, store};\n";
    assert_eq!(
        violations(&rank, "ingest", group, 1),
        ["cases (above ingest)"]
    );
    let dollar = "macro_rules! m { () => { $crate::store::X } }\n";
    assert_eq!(
        violations(&rank, "words", dollar, 1),
        ["store (above words)"]
    );
    // `super::` that climbs to the crate root names a top-level module.
    let sup = "use super::super::cases::X;\nuse super::run::Y;\n";
    assert_eq!(violations(&rank, "store", sup, 2), ["cases (above store)"]);
    // Beside is not allowed either.
    let lib2 = "//! ```text\n//! review periods\n//! store\n//! ```\n";
    let rank2 = layers(lib2);
    assert_eq!(
        violations(&rank2, "review", "use crate::periods::X;\n", 1),
        ["periods (beside review)"]
    );
    // Comments, doc comments and strings are prose.
    let prose = "//! see `crate::cases`\n/// like crate::cases::X\nlet s = \"crate::cases\"; // crate::cases\n";
    assert!(violations(&rank, "store", prose, 1).is_empty());
}
