//! Import problems in the reader's language: every message is a catalog key with arguments,
//! rendered in Spanish, English or Chinese. What the file said (its name, its cells, its column
//! headers) and the row numbers stay exactly as they were; the stored problem renders the same
//! after a round trip through the workspace, and text stored by earlier versions still shows.

use super::{fixture, payu_file, skip_bad_rows, TestWs};
use cuadra_core::ingest::{ImportReport, Problem};
use cuadra_core::words::{Lang, Msg};

const GOOD: &str = "2150873461,PED-3001,camila.rojas@example.co,\"$ 150.000\",COP,EFECTY,Aprobada,14/05/2026 19:42"; // the 14th: dates read day first
const BAD_AMOUNT: &str = "2150873463,PED-3003,valentina.ortiz@example.co,ciento cincuenta mil,COP,EFECTY,Aprobada,05/05/2026 21:15";
const BAD_DATE: &str = "2150873464,PED-3004,santiago.mora@example.co,\"$ 62.000\",COP,EFECTY,Aprobada,32/13/2026 10:00";

fn problem<'r>(report: &'r ImportReport, code: &str) -> &'r Problem {
    report
        .problems
        .iter()
        .find(|p| p.code == code)
        .unwrap_or_else(|| panic!("expected a '{code}' problem, got {:#?}", report.problems))
}

/// The message in the three languages, each checked for what must be in it.
fn check(p: &Problem, en: &[&str], es: &[&str], zh: &[&str]) {
    for (lang, wanted) in [(Lang::En, en), (Lang::Es, es), (Lang::Zh, zh)] {
        let text = p.text(lang);
        for w in wanted {
            assert!(text.contains(w), "{lang:?} should contain {w:?}: {text}");
        }
    }
}

/// Nothing of the English sentence leaks into the translations (file values may appear in all).
fn translated(p: &Problem) {
    let (en, es, zh) = (p.text(Lang::En), p.text(Lang::Es), p.text(Lang::Zh));
    assert_ne!(es, en, "{}: Spanish is English", p.code);
    assert_ne!(zh, en, "{}: Chinese is English", p.code);
    assert!(
        zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{}: no Chinese in {zh}",
        p.code
    );
}

#[test]
fn a_bad_amount_reads_in_three_languages_and_keeps_the_cell_as_written() {
    let mut t = TestWs::new();
    let report = t.import_with(
        "ventas_payu.csv",
        &payu_file(&[GOOD, BAD_AMOUNT, BAD_DATE]),
        &skip_bad_rows(),
    );
    let p = problem(&report, "bad_amount");
    assert_eq!(
        (p.file.as_str(), p.row, p.column.as_deref()),
        ("ventas_payu.csv", Some(3), Some("Monto (D)")),
        "file, row and column are the file's own, in every language"
    );
    check(
        p,
        &[
            "'ciento cincuenta mil' is not an amount",
            "Correct the cell, or import with a profile that states the decimal mark",
        ],
        &[
            "'ciento cincuenta mil' no es un monto",
            "Corrija la celda o importe con un perfil que indique el separador decimal",
        ],
        &["“ciento cincuenta mil”不是有效金额", "请更正该单元格"],
    );
    assert!(
        !p.text(Lang::Es).contains("currency code"),
        "the reason is translated too: {}",
        p.text(Lang::Es)
    );

    let p = problem(&report, "bad_date");
    assert_eq!(p.column.as_deref(), Some("Fecha de creación (H)"));
    check(
        p,
        &["'32/13/2026 10:00' is not a date or time: there is no month 13 (dates are read as day/month/year)"],
        &["'32/13/2026 10:00' no es una fecha ni una hora: no existe el mes 13 (las fechas se leen como día/mes/año)"],
        &["“32/13/2026 10:00”不是有效的日期或时间：不存在 13 月（日期按“日/月/年”读取）"],
    );
    for p in &report.problems {
        translated(p);
    }

    // Stored as structured messages, the problems read back the same in every language.
    let id = report.file_id.expect("the readable row was imported");
    let stored = t.ws.file_problems(id).unwrap();
    assert_eq!(stored.len(), report.problems.len());
    for p in &report.problems {
        let s = stored
            .iter()
            .find(|s| s.code == p.code && s.row == p.row.map(|r| r as i64))
            .unwrap_or_else(|| panic!("{} not stored: {stored:#?}", p.code));
        assert_eq!(s.message, p.message);
        for lang in [Lang::En, Lang::Es, Lang::Zh] {
            assert_eq!(s.text(lang), p.text(lang));
        }
    }
    let raw: String =
        t.ws.conn()
            .query_row(
                "SELECT message FROM import_problems WHERE file_id = ?1 AND code = 'bad_amount'",
                [id],
                |r| r.get(0),
            )
            .unwrap();
    assert!(
        raw.starts_with("{\"k\":\"ingest.bad_amount\""),
        "the message is stored as its JSON: {raw}"
    );
}

#[test]
fn a_conflict_names_the_earlier_file_and_row_in_every_language() {
    let mut t = TestWs::new();
    t.import_fixture("dlocal_crossborder_co.csv");
    let text = String::from_utf8(fixture("dlocal_crossborder_co.csv")).unwrap();
    let changed = text.replace(
        "PED-001004,T-912-ey10004,62000,COP",
        "PED-001004,T-912-ey10004,64000,COP",
    );
    let report = t.import("dlocal_reenviado.csv", changed.as_bytes());
    let p = problem(&report, "conflicting_row");
    check(
        p,
        &["was imported from dlocal_crossborder_co.csv row 7 with different content"],
        &["se importó desde dlocal_crossborder_co.csv, fila 7, con otro contenido"],
        &["已从 dlocal_crossborder_co.csv 第 7 行导入"],
    );
    translated(p);
    let stored = t.ws.file_problems(report.file_id.unwrap()).unwrap();
    let s = stored.iter().find(|s| s.code == "conflicting_row").unwrap();
    assert_eq!(s.text(Lang::Zh), p.text(Lang::Zh));
}

#[test]
fn refused_files_say_what_to_do_in_every_language() {
    let mut t = TestWs::new();
    let report = t.import("vacio.csv", b"");
    let p = problem(&report, "empty_file");
    check(
        p,
        &["The file is empty: export it again from the PSP or the shop"],
        &["El archivo está vacío: expórtelo de nuevo"],
        &["文件为空"],
    );

    let report = t.import(
        "banco.csv",
        b"fecha;valor;detalle\n04/05/2026;150000;Consignacion Efecty\n",
    );
    let p = problem(&report, "unknown_layout");
    check(
        p,
        &["(first row: fecha | valor | detalle)", "profile create"],
        &["(primera fila: fecha | valor | detalle)", "profile create"],
        &["（第一行：fecha | valor | detalle）", "profile create"],
    );
    translated(p);

    let report = t.import("informe.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
    let p = problem(&report, "unreadable_text");
    check(
        p,
        &["The file is a PDF document, not a CSV or text export: download the report as CSV or XLSX instead of PDF"],
        &["El archivo es un documento PDF, no una exportación CSV o de texto: descargue el reporte como CSV o XLSX en lugar de PDF"],
        &["该文件是一份 PDF 文档", "CSV 或 XLSX"],
    );

    let report = t.import(
        "mixto.csv",
        &payu_file(&[GOOD, BAD_AMOUNT, "2150873465,PED-3005,x@example.co,\"$ 1\",COP,EFECTY,Aprobada,05/05/2026 21:15,sobrante"]),
    );
    let p = problem(&report, "ragged_row");
    assert_eq!((p.row, p.column.as_deref()), (Some(4), Some("I")));
    check(
        p,
        &["The row has 9 cells but the header has 8"],
        &["La fila tiene 9 celdas, pero el encabezado tiene 8"],
        &["该行有 9 个单元格，但表头只有 8 个"],
    );
    // A row of another width than its header refuses the whole file, --skip-bad-rows or not.
    let p = problem(&report, "structure_broken");
    check(
        p,
        &["nothing of it was imported, not even with --skip-bad-rows"],
        &["no se importó nada de él, ni siquiera con --skip-bad-rows"],
        &["即使使用 --skip-bad-rows 也不会导入"],
    );
    for p in &report.problems {
        translated(p);
    }

    let report = t.import("mixto.csv", &payu_file(&[GOOD, BAD_AMOUNT, BAD_DATE]));
    let p = problem(&report, "rows_rejected");
    check(
        p,
        &["2 of 3 rows could not be read", "--skip-bad-rows"],
        &["2 de 3 filas no se pudieron leer", "--skip-bad-rows"],
        &["3 行中有 2 行无法读取", "--skip-bad-rows"],
    );
    for p in &report.problems {
        translated(p);
    }
}

#[test]
fn problems_stored_as_plain_text_by_earlier_versions_still_show() {
    let mut t = TestWs::new();
    let report = t.import_fixture("dlocal_crossborder_co.csv");
    let id = report.file_id.unwrap();
    let old = "this row repeats row 5 of the same file (same transaction id): it was counted once";
    t.ws.conn()
        .execute(
            "INSERT INTO import_problems(file_id, sheet, row_no, col, severity, code, message)
             VALUES (?1, NULL, 6, NULL, 'warning', 'repeated_row', ?2)",
            rusqlite::params![id, old],
        )
        .unwrap();
    let stored = t.ws.file_problems(id).unwrap();
    let s = stored.iter().find(|s| s.row == Some(6)).unwrap();
    assert_eq!(s.message, Msg::verbatim(old));
    for lang in [Lang::En, Lang::Es, Lang::Zh] {
        assert_eq!(
            s.text(lang),
            old,
            "old text shows as it was in every language"
        );
    }
}
