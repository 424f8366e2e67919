//! `cuadra-bench huge-line [--mb N] [--dir DIR]` (default 50 MB): how long a file that is one
//! enormous line takes to be refused, for the four files of the core's test
//! `ingest_bad_input::fifty_megabyte_single_line` (letters, commas, an unclosed quote, one
//! enormous data row under a good PayU header). The test checks that each is refused, naming
//! the line; this prints how fast. Each is imported from memory (`import_bytes`, as the test
//! does) into a fresh workspace file holding nothing.

use crate::{bench_dir, number};
use cuadra_core::ingest::{import_bytes, BadRowPolicy, ImportOptions, Outcome};
use cuadra_core::store::Workspace;
use std::time::Instant;

/// The header of a PayU orders export, as the core's tests write it.
const PAYU_HEADER: &str =
    "Orden,Referencia,Comprador,Monto,Moneda,Método de pago,Estado,Fecha de creación\n";

pub fn bench(args: &[String]) -> Result<(), String> {
    let mb = number(args, "--mb", 50)?;
    let dir = bench_dir(args)?;
    let size = mb << 20;
    let cases: [(&str, u8, &[u8]); 4] = [
        ("una_linea_letras.csv", b'x', b""),
        ("una_linea_comas.csv", b',', b""),
        ("una_linea_comillas.csv", b'a', b"\""),
        ("fila_enorme.csv", b'x', PAYU_HEADER.as_bytes()),
    ];
    println!(
        "\na file that is one {mb} MB line, refused (import from memory; fresh workspace file)"
    );
    println!(
        "{:<26} {:>8} {:>10} {:>6}  problem",
        "file", "MB", "secs", "line"
    );
    let opts = ImportOptions {
        profile: None,
        dry_run: false,
        bad_rows: BadRowPolicy::RejectFile,
        actor: "bench".into(),
        now: chrono::Utc::now(),
    };
    for (name, fill, prefix) in cases {
        let mut bytes = prefix.to_vec();
        bytes.resize(prefix.len() + size, fill);
        let db = dir.join("bench-huge-line.db");
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
        let mut ws = Workspace::open(&db).map_err(|e| e.to_string())?;
        let t = Instant::now();
        let report = import_bytes(&mut ws, name, name, &bytes, &opts).map_err(|e| e.to_string())?;
        let secs = t.elapsed().as_secs_f64();
        if report.outcome != Outcome::Rejected {
            return Err(format!("{name} was not refused: {:?}", report.outcome));
        }
        let problem = report.problems.first();
        println!(
            "{name:<26} {:>8.1} {secs:>10.3} {:>6}  {}",
            bytes.len() as f64 / 1e6,
            problem
                .and_then(|p| p.row)
                .map_or_else(|| "-".to_string(), |r| r.to_string()),
            problem.map_or("-", |p| p.code.as_str()),
        );
        ws.close().map_err(|e| e.to_string())?;
    }
    Ok(())
}
