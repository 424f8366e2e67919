//! `cuadra-gen`: writes a seeded dLocal settlement or Shopify orders export to a file (or
//! stdout with `--out -`) and reports rows, bytes and time; or a whole reconciliation scenario
//! (orders, settlement files and the answer key) to a folder, with the `cuadra-cli` commands
//! to try it. Arguments are parsed with std only.

use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use chrono::NaiveDate;
use cuadra_testkit::{
    write_dlocal_settlement, write_shopify_orders, DlocalSpec, GenSummary, Scenario, ScenarioPsp,
    ScenarioSpec, ShopifySpec,
};

const USAGE: &str = "usage:
  cuadra-gen dlocal  --lines N  --seed S --out FILE [--transfer-id ID] [--start YYYY-MM-DD] [--order-prefix P]
  cuadra-gen shopify --orders N --seed S --out FILE [--start YYYY-MM-DD] [--first-order-number N]
  cuadra-gen scenario --psp dlocal|mercadopago --orders N --seed S --out DIR [--known-gaps yes]
FILE may be - for stdout. Same seed and start (and defaults otherwise) give files that reconcile.
A scenario writes a Shopify export, the settlement files and answer_key.csv (kind, ref,
expected_status, plant; kind `batch` is a settlement batch `cuadra-cli reconcile` judges) into
DIR, and prints how to reconcile it with cuadra-cli.";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("cuadra-gen: {msg}\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// `--name value` pairs after the subcommand.
struct Args(Vec<(String, String)>);

impl Args {
    fn parse(raw: &[String], allowed: &[&str]) -> Result<Self, String> {
        let mut pairs = Vec::new();
        let mut it = raw.iter();
        while let Some(flag) = it.next() {
            let name = flag
                .strip_prefix("--")
                .ok_or_else(|| format!("unexpected argument {flag:?}"))?;
            if !allowed.contains(&name) {
                return Err(format!("unknown option --{name}"));
            }
            let value = it.next().ok_or_else(|| format!("--{name} needs a value"))?;
            pairs.push((name.to_string(), value.clone()));
        }
        Ok(Args(pairs))
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn required(&self, name: &str) -> Result<&str, String> {
        self.get(name)
            .ok_or_else(|| format!("--{name} is required"))
    }

    fn number<T: std::str::FromStr>(&self, name: &str) -> Result<Option<T>, String> {
        self.get(name)
            .map(|v| {
                v.replace('_', "")
                    .parse::<T>()
                    .map_err(|_| format!("--{name}: not a number: {v:?}"))
            })
            .transpose()
    }

    fn date(&self) -> Result<Option<NaiveDate>, String> {
        self.get("start")
            .map(|v| {
                NaiveDate::parse_from_str(v, "%Y-%m-%d").map_err(|e| format!("--start {v:?}: {e}"))
            })
            .transpose()
    }
}

fn run(argv: Vec<String>) -> Result<(), String> {
    let Some((cmd, rest)) = argv.split_first() else {
        return Err("missing subcommand".into());
    };
    let started = Instant::now();
    let (out, summary) = match cmd.as_str() {
        "dlocal" => {
            let a = Args::parse(
                rest,
                &[
                    "lines",
                    "seed",
                    "out",
                    "transfer-id",
                    "start",
                    "order-prefix",
                ],
            )?;
            let mut spec = DlocalSpec {
                lines: a.number("lines")?.ok_or("--lines is required")?,
                seed: a.number("seed")?.ok_or("--seed is required")?,
                ..DlocalSpec::default()
            };
            if let Some(id) = a.get("transfer-id") {
                spec.transfer_id = id.to_string();
            }
            if let Some(p) = a.get("order-prefix") {
                spec.order_prefix = p.to_string();
            }
            if let Some(d) = a.date()? {
                spec.start = d;
            }
            let out = a.required("out")?.to_string();
            let s = write_to(&out, |w| write_dlocal_settlement(&spec, w))?;
            (out, s)
        }
        "shopify" => {
            let a = Args::parse(
                rest,
                &["orders", "seed", "out", "start", "first-order-number"],
            )?;
            let mut spec = ShopifySpec {
                orders: a.number("orders")?.ok_or("--orders is required")?,
                seed: a.number("seed")?.ok_or("--seed is required")?,
                ..ShopifySpec::default()
            };
            if let Some(n) = a.number("first-order-number")? {
                spec.first_order_number = n;
            }
            if let Some(d) = a.date()? {
                spec.start = d;
            }
            let out = a.required("out")?.to_string();
            let s = write_to(&out, |w| write_shopify_orders(&spec, w))?;
            (out, s)
        }
        "scenario" => return scenario(rest),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            return Ok(());
        }
        other => return Err(format!("unknown subcommand {other:?}")),
    };
    let secs = started.elapsed().as_secs_f64();
    let mb = summary.bytes as f64 / 1_000_000.0;
    let line = format!(
        "{cmd}: wrote {} rows, {} bytes ({mb:.1} MB) to {out} in {secs:.2} s ({:.0} MB/s); gross {} fee {} net {}",
        summary.rows,
        summary.bytes,
        mb / secs.max(1e-9),
        summary.gross_total,
        summary.fee_total,
        summary.net_total
    );
    if out == "-" {
        eprintln!("{line}");
    } else {
        println!("{line}");
    }
    Ok(())
}

/// `cuadra-gen scenario`: the files, the answer key, and the commands to try them.
fn scenario(rest: &[String]) -> Result<(), String> {
    let a = Args::parse(rest, &["psp", "orders", "seed", "out", "known-gaps"])?;
    let psp = a.required("psp")?;
    let known_gaps = match a.get("known-gaps") {
        None | Some("no") => false,
        Some("yes") => true,
        Some(other) => return Err(format!("--known-gaps {other:?}: use yes or no")),
    };
    let spec = ScenarioSpec {
        psp: ScenarioPsp::parse(psp)
            .ok_or_else(|| format!("--psp {psp:?}: use dlocal or mercadopago"))?,
        orders: a.number("orders")?.ok_or("--orders is required")?,
        seed: a.number("seed")?.ok_or("--seed is required")?,
        known_gaps,
    };
    let dir = std::path::PathBuf::from(a.required("out")?);
    let scenario = Scenario::build(spec);
    let written = scenario
        .write_to(&dir)
        .map_err(|e| format!("writing {}: {e}", dir.display()))?;
    let db = dir.join("cuadra.db");
    let quote =
        |p: &std::path::Path| format!("'{}'", p.display().to_string().replace('\'', "'\\''"));
    let as_of = scenario.as_of.to_rfc3339();
    let count = |kind: &str| {
        let of_kind = |k: &str| match kind {
            "line" => k != "order" && k != "batch",
            _ => k == kind,
        };
        scenario.answers.iter().filter(|a| of_kind(a.kind)).count()
    };
    let mut out = format!(
        "scenario {} seed {}: {} orders, {} settlement lines, {} batches judged, as of {as_of}\n",
        spec.psp.as_str(),
        spec.seed,
        count("order"),
        count("line"),
        count("batch"),
    );
    let files: Vec<&str> = scenario.files.iter().map(|f| f.name.as_str()).collect();
    out += &format!("files: {}\n", files.join(", "));
    out += &format!(
        "{:<22} {:>7} {:>7}\n",
        "expected status", "orders", "lines*"
    );
    for (status, (orders, lines)) in scenario.counts() {
        out += &format!("{status:<22} {orders:>7} {lines:>7}\n");
    }
    out += "* lines and batches: a batch's status is the case `batch:<psp>:<ref>:rounding` of \
            `cuadra-cli reconcile`\n";
    out += &format!("answer key: {}\n", written.answer_key.display());
    if known_gaps {
        for gap in cuadra_testkit::scenario::KNOWN_GAPS {
            if gap.psp == spec.psp {
                let state = if gap.fixed { "fixed" } else { "open" };
                out += &format!("known gap planted ({}, {state}): {}\n", gap.plant, gap.why);
            }
        }
    }
    out += "try it:\n";
    let cli = format!("  cuadra-cli --db {}", quote(&db));
    for (key, value) in &scenario.settings {
        out += &format!("{cli} settings {key} {value}\n");
    }
    let files: Vec<String> = written.data_files.iter().map(|p| quote(p)).collect();
    out += &format!("{cli} import {}\n", files.join(" "));
    out += &format!("{cli} reconcile --as-of {as_of}\n");
    out += &format!(
        "{cli} export reconciliation --as-of {as_of} --out {}\n",
        quote(&dir.join("reconciliation.csv"))
    );
    // A closed pipe (`| head`) is no reason to panic.
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    Ok(())
}

fn write_to(
    path: &str,
    generate: impl FnOnce(&mut dyn Write) -> std::io::Result<GenSummary>,
) -> Result<GenSummary, String> {
    if path == "-" {
        let stdout = std::io::stdout();
        let mut lock = stdout.lock();
        generate(&mut lock).map_err(|e| format!("writing stdout: {e}"))
    } else {
        let mut file = std::fs::File::create(path).map_err(|e| format!("creating {path}: {e}"))?;
        generate(&mut file).map_err(|e| format!("writing {path}: {e}"))
    }
}
