//! `cuadra-gen`: writes a seeded dLocal settlement or Shopify orders export to a file (or
//! stdout with `--out -`) and reports rows, bytes and time. Arguments are parsed with std only.

use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use chrono::NaiveDate;
use cuadra_testkit::{
    write_dlocal_settlement, write_shopify_orders, DlocalSpec, GenSummary, ShopifySpec,
};

const USAGE: &str = "usage:
  cuadra-gen dlocal  --lines N  --seed S --out FILE [--transfer-id ID] [--start YYYY-MM-DD] [--order-prefix P]
  cuadra-gen shopify --orders N --seed S --out FILE [--start YYYY-MM-DD] [--first-order-number N]
FILE may be - for stdout. Same seed and start (and defaults otherwise) give files that reconcile.";

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
