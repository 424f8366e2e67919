//! End-to-end tests of the real desktop app: the `cuadra` binary driven through tauri-driver and
//! WebKitWebDriver under Xvfb, each test on a fresh temporary workspace. They prove that the
//! window, the IPC bridge, the commands, the core and SQLite work together; the UI's behaviour in
//! detail is unit-tested in ui/, the engine's in cuadra-core.
//!
//! They need a display and two drivers, so a plain `cargo test` leaves them out (`#[ignore]`);
//! tests/run-all.sh always runs them: it builds ui/dist, builds the app with the front end
//! embedded (`--features tauri/custom-protocol`) and runs this binary under `xvfb-run -a`.
//! A missing prerequisite fails the test with the command that installs it; nothing is skipped.

use chrono::{TimeZone, Utc};
use cuadra_core::ingest::{import_bytes, BadRowPolicy, ImportOptions, Outcome};
use cuadra_core::store::{ImportedFile, Workspace};
use cuadra_testkit::{write_dlocal_settlement, write_shopify_orders, DlocalSpec, ShopifySpec};
use fantoccini::{Client, ClientBuilder, Locator};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// The app under test: the binary cargo built for this test run.
const APP_BINARY: &str = env!("CARGO_BIN_EXE_cuadra");

/// The first start of WebKit under Xvfb (fonts, GL fallbacks) can take a while on a cold machine.
const STARTUP_TIMEOUT: Duration = Duration::from_secs(60);

#[tokio::test]
#[ignore = "needs Xvfb + tauri-driver: run through tests/run-all.sh"]
async fn first_start_demo_review_audit_export_and_languages() {
    let home = tempfile::tempdir().expect("a temporary folder for the workspace");
    let db = home.path().join("workspace").join("cuadra.db");
    let app = App::launch(home.path(), &db).await;

    // First start: the workspace named by CUADRA_DB is open; the person gives a name and a
    // language and loads the demo data.
    app.wait_for("first-start").await;
    assert_eq!(app.text("app-title").await, "Cuadra");
    app.screenshot("01-first-start.png").await;
    app.type_into("first-name", "Ana Contadora").await;
    app.select("first-lang", "en").await;
    app.click("first-demo").await;
    app.wait_for("dashboard").await;
    app.wait_for("dash-total-cases").await;

    // The dashboard shows what the core stored.
    let stored = Workspace::open(&db).expect("the app's workspace opens beside it");
    let total: i64 = count(&stored, "SELECT COUNT(*) FROM cases");
    assert!(total > 100, "the demo reconciles into cases ({total})");
    assert_eq!(number(&app.text("dash-total-cases").await), total);
    for status in [
        "matched",
        "underpaid",
        "suggested",
        "unmatched_settlement",
        "disputed",
        "psp_status_unknown",
        "batch_mismatch",
    ] {
        let expected = count(
            &stored,
            &format!("SELECT COUNT(*) FROM cases WHERE status = '{status}'"),
        );
        let shown: i64 = app
            .texts(&format!("dash-count-{status}"))
            .await
            .iter()
            .map(|t| number(t))
            .sum();
        assert_eq!(shown, expected, "dashboard count of {status}");
    }
    // What is left to review and what is done, as the core counts them; matched cases are
    // never work.
    let dash = stored
        .dashboard(&cuadra_core::cases::DashFilter::default())
        .expect("the core's dashboard");
    assert_eq!(
        number(&app.text("dash-to-review").await),
        dash.to_review as i64
    );
    assert_eq!(
        number(&app.text("dash-reconciled").await),
        dash.reconciled as i64
    );
    let matched = count(
        &stored,
        "SELECT COUNT(*) FROM cases WHERE status = 'matched'",
    );
    assert!(dash.reconciled as i64 >= matched && dash.to_review as i64 <= total - matched);
    // Every alert the core counts has its card, showing the core's count.
    let alerts = dash.alerts;
    for (kind, expected) in [
        ("paid_shop_pending", alerts.paid_shop_pending.count),
        ("unmatched_settlement", alerts.unmatched_settlement.count),
        ("missing_settlement", alerts.missing_settlement.count),
        ("expiring_vouchers", alerts.expiring_vouchers.count),
        ("batch_mismatch", alerts.batch_mismatch.count),
    ] {
        let shown = number(&app.text(&format!("alert-count-{kind}")).await);
        assert_eq!(shown, expected as i64, "dashboard alert {kind}");
    }
    app.screenshot("02-dashboard.png").await;

    // The dashboard told the app it is interactive, once, as the launch benchmark reads it.
    let probe = home.path().join("launch-probe.txt");
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut noted = String::new();
    while Instant::now() < deadline {
        noted = std::fs::read_to_string(&probe).unwrap_or_default();
        if noted.contains("dashboard ") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let ms: Vec<u64> = noted
        .lines()
        .filter_map(|l| l.strip_prefix("dashboard "))
        .map(|v| v.trim().parse().expect("milliseconds"))
        .collect();
    assert_eq!(
        ms.len(),
        1,
        "one readiness note for the dashboard: {noted:?}"
    );
    assert!(ms[0] > 0 && ms[0] < 600_000, "{noted:?}");

    // Open an exception from the dashboard and resolve it with a reason.
    app.click("dash-status-underpaid").await;
    app.wait_for("case-row").await;
    app.screenshot("03-cases.png").await;
    let row = app.first("case-row").await;
    let key = row
        .attr("data-case-key")
        .await
        .expect("attribute")
        .expect("a case key");
    app.client
        .execute(
            "arguments[0].dispatchEvent(new MouseEvent('dblclick', {bubbles: true}));",
            vec![serde_json::to_value(&row).expect("element reference")],
        )
        .await
        .expect("open the case (a double click, as a person would)");
    app.wait_for("case-detail").await;
    app.click("action-resolve").await;
    app.select("resolve-reason", "written_off").await;
    app.type_into("action-note-input", "below the cost of collecting")
        .await;
    app.click("action-submit").await;
    app.wait_for("action-done").await;
    app.wait_for_attr("detail-state", "data-state", "resolved")
        .await;
    app.screenshot("04-case-detail.png").await;
    // The explanation is the core's sentence, in the language the person reads.
    let explained = app.text("detail-explanation").await;
    assert!(
        explained.starts_with("Resolved (written off) by Ana Contadora on ")
            && explained.contains("short, beyond the tolerance"),
        "{explained}"
    );
    app.select("lang-switch", "es").await;
    let explicado = app
        .wait_for_text_of(
            "detail-explanation",
            "Resuelto (castigado como pérdida) por Ana Contadora el ",
        )
        .await;
    assert!(
        explicado.contains("más allá de la tolerancia"),
        "{explicado}"
    );
    app.select("lang-switch", "en").await;
    app.wait_for_text_of("detail-explanation", "Resolved (written off)")
        .await;
    let (actor, reason): (String, String) = stored
        .conn()
        .query_row(
            "SELECT actor, reason FROM case_decisions WHERE case_key = ?1",
            [&key],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("the decision is stored");
    assert_eq!(
        (actor.as_str(), reason.as_str()),
        ("Ana Contadora", "written_off")
    );

    // The audit trail verifies, and says so.
    app.click("nav-audit").await;
    app.click("audit-verify").await;
    app.wait_for_attr("audit-verdict", "data-ok", "true").await;
    app.wait_for("audit-row").await;
    let log = app.texts("audit-row").await.join("\n");
    assert!(
        log.contains("Case resolved")
            && log.contains("Written off")
            && log.contains("Ana Contadora"),
        "the log shows the resolution and who made it: {log}"
    );
    app.screenshot("05-audit.png").await;
    assert!(stored.verify_audit().expect("verify").ok());
    // Everything verifies: every file read again from its stored original and compared.
    app.click("workspace-verify").await;
    app.wait_for_attr("workspace-verdict", "data-ok", "true")
        .await;
    let checks = app.wait_for_text("workspace-checks").await;
    assert!(
        checks.contains("derived_rows") && checks.contains("integrity"),
        "each check is listed: {checks}"
    );
    assert!(
        cuadra_core::verify::witness_path(stored.path()).is_file(),
        "the app witnesses the chain's head beside the workspace"
    );

    // Export the workbook through the (test) save dialog and open it back.
    app.click("nav-export").await;
    app.click("export-workbook").await;
    let shown = app.wait_for_text("export-result").await;
    let written = home.path().join("dialogs").join("cuadra-workbook.xlsx");
    assert!(written.is_file(), "the workbook is on disk ({shown})");
    assert!(shown.contains("cuadra-workbook.xlsx"), "{shown}");
    let book: calamine::Xlsx<_> = calamine::open_workbook(&written).expect("a real XLSX");
    use calamine::Reader;
    assert!(
        book.sheet_names().len() >= 6,
        "Summary, Exceptions, Matched, Settlement charges, Audit trail, Files: {:?}",
        book.sheet_names()
    );
    app.screenshot("06-export.png").await;

    // Languages switch live.
    app.select("lang-switch", "zh").await;
    app.wait_for_text_of("nav-dashboard", "概览").await;
    app.click("nav-dashboard").await;
    app.wait_for("dash-total-cases").await;
    app.screenshot("07-dashboard-zh.png").await;
    app.select("lang-switch", "es").await;
    app.wait_for_text_of("nav-dashboard", "Resumen").await;
    app.quit().await;
}

#[tokio::test]
#[ignore = "needs Xvfb + tauri-driver: run through tests/run-all.sh"]
async fn files_are_imported_through_the_window_and_listed_with_bogota_times() {
    let home = tempfile::tempdir().expect("a temporary folder for the workspace");
    let db = home.path().join("cuadra.db");
    {
        let mut workspace = Workspace::open(&db).expect("a new workspace");
        let mut orders = Vec::new();
        let spec = ShopifySpec {
            orders: 20,
            ..ShopifySpec::default()
        };
        write_shopify_orders(&spec, &mut orders).expect("generated orders");
        import(&mut workspace, "pedidos_shopify_mayo.csv", &orders);
    }
    // A settlement file for the window's own import, offered by the (test) open dialog.
    let settlement = home.path().join("dlocal_liquidacion_642926.csv");
    let mut bytes = Vec::new();
    let spec = DlocalSpec {
        lines: 30,
        ..DlocalSpec::default()
    };
    write_dlocal_settlement(&spec, &mut bytes).expect("a generated settlement");
    std::fs::write(&settlement, bytes).expect("write the settlement");
    let dialogs = home.path().join("dialogs");
    std::fs::create_dir_all(&dialogs).expect("dialog folder");
    std::fs::write(dialogs.join("open.txt"), settlement.display().to_string()).expect("open.txt");
    // The person has used the app before: name and language are known.
    write_prefs(home.path(), "Luis");

    let app = App::launch(home.path(), &db).await;
    app.click("nav-import").await;
    assert_eq!(
        app.file_list_state().await,
        FileListState::Table { rows: 1 }
    );
    app.click("import-choose").await;
    app.wait_for("import-preview").await;
    app.wait_for_text_of("preview-format", "dlocal-crossborder")
        .await;
    // dLocal documents its times in UTC: the preview says how times without an offset are read.
    app.wait_for_text_of(
        "preview-zone",
        "Times without an offset read as UTC (the format's documented zone)",
    )
    .await;
    app.screenshot("08-import-preview.png").await;
    app.click("import-start").await;
    app.wait_for_attr("import-ended", "data-phase", "finished")
        .await;
    app.wait_for_attr("result-zone", "data-zone-from", "format")
        .await;
    app.screenshot("09-import-done.png").await;

    let stored = Workspace::open(&db)
        .expect("the workspace")
        .list_files()
        .expect("files");
    assert_eq!(stored.len(), 2, "the window imported the settlement file");
    assert_eq!(stored[0].imported_by, "Luis", "imports name the person");
    // Reload the history: the window shows what the core stored, newest first.
    app.click("nav-dashboard").await;
    app.click("nav-import").await;
    assert_eq!(
        app.file_list_state().await,
        FileListState::Table { rows: 2 }
    );
    let rows = app.file_rows().await;
    assert_eq!(rows[1], expected_row(&stored[1]));
    assert_eq!(rows[0][0], stored[0].name);
    assert_eq!(rows[0][4], "Luis");

    // The person sets the zone of dLocal's files in the window (their files are in Bogotá
    // time, say): the next dLocal file is read in it, and the import says why.
    app.click("nav-settings").await;
    app.type_into("setting-zone.dlocal", "America/Bogota").await;
    app.click("save-zone.dlocal").await;
    app.wait_for_text_of("setting-message-zone.dlocal", "Saved")
        .await;
    assert_eq!(
        Workspace::open(&db)
            .expect("the workspace")
            .setting("zone.dlocal")
            .expect("settings"),
        Some("America/Bogota".to_string()),
        "the window stored the PSP's zone"
    );
    let next = home.path().join("dlocal_liquidacion_642927.csv");
    let mut bytes = Vec::new();
    let spec = DlocalSpec {
        seed: 2,
        lines: 10,
        transfer_id: "642927".into(),
        ..DlocalSpec::default()
    };
    write_dlocal_settlement(&spec, &mut bytes).expect("a generated settlement");
    std::fs::write(&next, bytes).expect("write the settlement");
    std::fs::write(dialogs.join("open.txt"), next.display().to_string()).expect("open.txt");
    app.click("nav-import").await;
    app.click("import-choose").await;
    app.wait_for_attr("preview-zone", "data-zone-from", "psp_setting")
        .await;
    app.click("import-start").await;
    app.wait_for_attr("result-zone", "data-zone-from", "psp_setting")
        .await;
    app.wait_for_attr("result-zone", "data-zone", "America/Bogota")
        .await;
    app.quit().await;
}

/// Issue 15: of the acts the window offers, match and unmatch had never been performed in the
/// real window (both always failed: no reason field; the order asked for by an internal id).
/// Shopify order #1002 (José Muñoz, 89,900 COP) is paid by dLocal line T-912-ey10002: the
/// person unmatches it with a reason, then matches the payment without order back to its
/// order through the order picker, found by the customer's name typed without accents.
#[tokio::test]
#[ignore = "needs Xvfb + tauri-driver: run through tests/run-all.sh"]
async fn a_payment_is_unmatched_and_matched_back_through_the_order_picker() {
    let home = tempfile::tempdir().expect("a temporary folder for the workspace");
    let db = home.path().join("cuadra.db");
    let fixture = |name: &str| {
        std::fs::read(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("crates/cuadra-core/tests/fixtures")
                .join(name),
        )
        .expect("a fixture")
    };
    {
        let mut workspace = Workspace::open(&db).expect("a new workspace");
        import(
            &mut workspace,
            "shopify_orders_co.csv",
            &fixture("shopify_orders_co.csv"),
        );
        import(
            &mut workspace,
            "dlocal_crossborder_co.csv",
            &fixture("dlocal_crossborder_co.csv"),
        );
        let as_of = chrono::DateTime::parse_from_rfc3339("2026-05-31T23:59:59-05:00")
            .expect("a time")
            .with_timezone(&Utc);
        workspace
            .run_reconciliation(as_of, "e2e", import_time())
            .expect("reconciled");
        workspace.close().expect("closed");
    }
    write_prefs(home.path(), "Luis");
    let stored = |sql: &str| stored_text(&db, sql);
    let refs_of_1002 = "SELECT settlement_refs FROM cases WHERE case_key = 'order:shopify:1002'";
    assert_eq!(stored(refs_of_1002), "T-912-ey10002");

    let app = App::launch(home.path(), &db).await;
    // Reconcile as of a month-end from the dashboard: choosing May proposes its last day,
    // whose last second in Bogotá (UTC-5) is 2026-06-01 04:59:59 UTC.
    app.wait_for("dash-total-cases").await;
    app.select("dash-period", "2026-05").await;
    app.wait_for_attr("reconcile-as-of", "value", "2026-05-31")
        .await;
    let runs = "SELECT CAST(COUNT(*) AS TEXT) FROM recon_runs";
    assert_eq!(stored(runs), "1");
    app.click("reconcile-run").await;
    let deadline = Instant::now() + STARTUP_TIMEOUT;
    while stored(runs) != "2" && Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        stored("SELECT as_of FROM recon_runs ORDER BY id DESC LIMIT 1"),
        "2026-06-01T04:59:59Z"
    );
    app.click("nav-cases").await;
    app.open_case("#1002", "order:shopify:1002").await;
    app.click("action-unmatch").await;
    app.wait_for("form-unmatch").await;
    // Without a reason the form says what is missing and sends nothing.
    app.click("action-submit").await;
    app.wait_for("action-problem").await;
    assert_eq!(stored(refs_of_1002), "T-912-ey10002");
    app.type_into(
        "action-reason-input",
        "the PSP says this ticket paid another order",
    )
    .await;
    app.click("action-submit").await;
    app.wait_for("action-done").await;
    assert_eq!(stored(refs_of_1002), "", "the line left the order");
    let line_case = stored(
        "SELECT c.case_key FROM cases c JOIN case_lines cl ON cl.case_id = c.id
         JOIN settlement_lines s ON s.id = cl.line_id WHERE s.psp_txn_id = 'T-912-ey10002'",
    );
    assert!(line_case.starts_with("line:dlocal:"), "{line_case}");
    app.click("detail-close").await;

    // The payment without order, matched back through the picker.
    app.open_case("T-912-ey10002", &line_case).await;
    app.click("action-match").await;
    app.wait_for("form-match").await;
    app.type_into("match-order-search", "munoz").await;
    app.client
        .wait()
        .at_most(STARTUP_TIMEOUT)
        .for_element(Locator::Css(
            "[data-testid='match-order-candidate'][data-order-ref='#1002']",
        ))
        .await
        .expect("order #1002 is offered")
        .click()
        .await
        .expect("pick #1002");
    let difference = app.wait_for_text("match-difference-value").await;
    assert_eq!(
        difference
            .chars()
            .filter(char::is_ascii_digit)
            .collect::<String>(),
        "0",
        "89,900 paid against an order of 89,900: {difference}"
    );
    app.type_into(
        "action-reason-input",
        "ticket confirmed by the buyer's receipt",
    )
    .await;
    app.click("action-submit").await;
    app.wait_for("action-done").await;
    assert_eq!(stored(refs_of_1002), "T-912-ey10002");
    assert_eq!(
        stored("SELECT difference FROM cases WHERE case_key = 'order:shopify:1002'"),
        "0"
    );
    let reasons = stored(
        "SELECT group_concat(reason, ' | ') FROM (SELECT reason FROM case_decisions
         WHERE actor = 'Luis' ORDER BY id)",
    );
    assert_eq!(
        reasons,
        "the PSP says this ticket paid another order | ticket confirmed by the buyer's receipt"
    );

    // The orders export downloaded again and imported through the window changes nothing: the
    // cases are not judged again, and the month-end as-of stays.
    let dialogs = home.path().join("dialogs");
    std::fs::create_dir_all(&dialogs).expect("dialog folder");
    let again = home.path().join("shopify_orders_co.csv");
    std::fs::write(&again, fixture("shopify_orders_co.csv")).expect("the export again");
    std::fs::write(dialogs.join("open.txt"), again.display().to_string()).expect("open.txt");
    app.click("nav-import").await;
    app.click("import-choose").await;
    app.wait_for("import-preview").await;
    app.click("import-start").await;
    app.wait_for_attr("import-ended", "data-phase", "finished")
        .await;
    assert_eq!(stored(runs), "2", "nothing new: no rerun");
    assert_eq!(
        stored("SELECT as_of FROM recon_runs ORDER BY id DESC LIMIT 1"),
        "2026-06-01T04:59:59Z"
    );

    // Closing May: the checklist names what is still to review before the seal, and sealing
    // anyway is the person's choice.
    let to_review: i64 = stored(
        "SELECT CAST(COUNT(*) AS TEXT) FROM cases WHERE period = '2026-05' AND state = 'open'
           AND status NOT IN ('matched', 'settlement_charge', 'awaiting_payment',
                              'awaiting_settlement')",
    )
    .parse()
    .expect("a count");
    assert!(to_review > 0, "the fixtures leave work in May");
    app.click("nav-audit").await;
    app.wait_for("periods-table").await;
    assert_eq!(number(&app.text("period-to-review").await), to_review);
    app.click("period-close").await;
    let checklist = app.wait_for_text("period-checklist").await;
    assert!(
        checklist.contains(&format!("Still to review in this month: {to_review}.")),
        "{checklist}"
    );
    assert_eq!(app.text("period-submit").await, "Close anyway");
    let may_state = "SELECT COALESCE((SELECT state FROM periods WHERE period = '2026-05'), '')";
    assert_eq!(
        stored(may_state),
        "",
        "nothing is sealed before the person confirms"
    );
    app.type_into("period-text", "May books").await;
    app.click("period-submit").await;
    app.wait_for_attr("period-row", "data-state", "closed")
        .await;
    assert_eq!(stored(may_state), "closed");
    app.quit().await;
}

#[tokio::test]
#[ignore = "needs Xvfb + tauri-driver: run through tests/run-all.sh"]
async fn month_end_close_of_a_generated_month_in_the_window() {
    use cuadra_testkit::scenario::{Scenario, ScenarioPsp, ScenarioSpec};
    let home = tempfile::tempdir().expect("a temporary folder for the workspace");
    let db = home.path().join("cuadra.db");
    Workspace::open(&db)
        .expect("a new workspace")
        .close()
        .expect("closed");
    // A generated month: a Shopify export and dLocal batches with every planted situation
    // (suggestions from mistyped references, shop notifications missed, ...).
    let scenario = Scenario::build(ScenarioSpec::new(ScenarioPsp::Dlocal, 7, 80));
    let written = scenario
        .write_to(&home.path().join("files"))
        .expect("the scenario's files");
    let dialogs = home.path().join("dialogs");
    std::fs::create_dir_all(&dialogs).expect("dialog folder");
    let paths: Vec<String> = written
        .data_files
        .iter()
        .map(|p| p.display().to_string())
        .collect();
    std::fs::write(dialogs.join("open.txt"), paths.join("\n")).expect("open.txt");
    write_prefs(home.path(), "Marta");
    let stored = |sql: &str| stored_text(&db, sql);
    let stored_n = |sql: &str| -> i64 {
        stored(&format!("SELECT CAST(({sql}) AS TEXT)"))
            .parse()
            .expect("a count")
    };
    let last_as_of = "SELECT as_of FROM recon_runs ORDER BY id DESC LIMIT 1";
    let wait_until = |what: &str, mut done: Box<dyn FnMut() -> bool + '_>| {
        let deadline = Instant::now() + STARTUP_TIMEOUT;
        while !done() {
            assert!(Instant::now() < deadline, "{what} never happened");
            std::thread::sleep(Duration::from_millis(100));
        }
    };

    let app = App::launch(home.path(), &db).await;

    // 1. Import the month's files through the window.
    app.click("nav-import").await;
    app.click("import-choose").await;
    app.wait_for("import-preview").await;
    app.click("import-start").await;
    app.wait_for_attr("import-ended", "data-phase", "finished")
        .await;
    assert_eq!(stored_n("SELECT COUNT(*) FROM imported_files"), 4);

    // 2. The matching tolerance the shop uses, set in Settings: saying what changed, the window
    // offers a rerun at the same as-of and runs nothing by itself.
    let runs_before = stored_n("SELECT COUNT(*) FROM recon_runs");
    app.click("nav-settings").await;
    app.type_into("setting-tolerance", "50").await;
    app.click("save-tolerance").await;
    let banner = app.wait_for_text("settings-rerun-banner").await;
    assert!(banner.contains("→ 50"), "{banner}");
    assert_eq!(stored_n("SELECT COUNT(*) FROM recon_runs"), runs_before);
    // Asked for, the rerun keeps the as-of the cases were judged at.
    let as_of_before = stored(last_as_of);
    app.click("settings-rerun").await;
    app.wait_for("settings-rerun-result").await;
    assert_eq!(stored_n("SELECT COUNT(*) FROM recon_runs"), runs_before + 1);
    assert_eq!(stored(last_as_of), as_of_before, "the same as-of");

    // 3. Reconcile as of the month's end from the dashboard (the last second of 31 May in
    // Bogotá is 2026-06-01 04:59:59 UTC).
    app.click("nav-dashboard").await;
    app.select("dash-period", "2026-05").await;
    app.wait_for_attr("reconcile-as-of", "value", "2026-05-31")
        .await;
    app.click("reconcile-run").await;
    wait_until(
        "the month-end run",
        Box::new(|| stored(last_as_of) == "2026-06-01T04:59:59Z"),
    );
    let tolerance_used = stored("SELECT settings FROM recon_runs ORDER BY id DESC LIMIT 1");
    assert!(tolerance_used.contains("50"), "{tolerance_used}");

    // 4. Confirm one suggestion with one key, reject another with one key.
    let suggested = |n: usize| -> (String, String, String) {
        let ws = Workspace::open_known(&db).expect("the workspace");
        ws.conn()
            .query_row(
                "SELECT case_key, order_ref, settlement_refs FROM cases
                 WHERE status = 'suggested' AND state = 'open' AND settlement_refs NOT LIKE '%|%'
                 ORDER BY case_key LIMIT 1 OFFSET ?1",
                [n as i64],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .expect("two single-line suggestions in the scenario")
    };
    let (confirm_key, _, _) = suggested(0);
    let (reject_key, reject_order, reject_ref) = suggested(1);
    app.click("nav-cases").await;
    app.put_cursor_on(&confirm_key).await;
    app.press("c").await;
    app.wait_for_text_of("cases-quick-result", "Match confirmed")
        .await;
    // Confirmed: the lines belong to the order now (the order may still be pending in the
    // shop, so its status need not be "matched").
    assert_eq!(
        stored(&format!(
            "SELECT action FROM case_decisions WHERE case_key = '{confirm_key}' AND actor = 'Marta'"
        )),
        "confirm"
    );
    assert_ne!(
        stored(&format!(
            "SELECT status FROM cases WHERE case_key = '{confirm_key}'"
        )),
        "suggested"
    );
    app.put_cursor_on(&reject_key).await;
    app.press("d").await;
    app.wait_for_text_of("cases-quick-result", "Suggestion rejected")
        .await;
    let line_case_sql = format!(
        "SELECT c.case_key FROM cases c JOIN case_lines cl ON cl.case_id = c.id
         JOIN settlement_lines s ON s.id = cl.line_id WHERE s.psp_txn_id = '{reject_ref}'"
    );
    let line_case = stored(&line_case_sql);
    assert!(
        line_case.starts_with("line:dlocal:"),
        "the line left the order: {line_case}"
    );

    // 5. Match that payment to its order after all, through the picker.
    app.open_case(&reject_ref, &line_case).await;
    app.click("action-match").await;
    app.type_into("match-order-search", reject_order.trim_start_matches('#'))
        .await;
    app.client
        .wait()
        .at_most(STARTUP_TIMEOUT)
        .for_element(Locator::Css(&format!(
            "[data-testid='match-order-candidate'][data-order-ref='{reject_order}']"
        )))
        .await
        .expect("the order is offered")
        .click()
        .await
        .expect("pick the order");
    app.type_into(
        "action-reason-input",
        "the buyer's receipt names this order",
    )
    .await;
    app.click("action-submit").await;
    app.wait_for("action-done").await;
    let holder = stored(&line_case_sql);
    assert_eq!(
        stored(&format!(
            "SELECT order_ref FROM cases WHERE case_key = '{holder}'"
        )),
        reject_order
    );
    app.click("detail-close").await;

    // 6. Unmatch a line of a matched case, then undo it: the undo is an act of its own.
    let matched = stored(&format!(
        "SELECT case_key FROM cases WHERE status = 'matched' AND order_id IS NOT NULL
           AND settlement_refs <> '' AND settlement_refs NOT LIKE '%|%'
           AND case_key NOT IN ('{confirm_key}', '{holder}') ORDER BY case_key LIMIT 1"
    ));
    let matched_refs = stored(&format!(
        "SELECT settlement_refs FROM cases WHERE case_key = '{matched}'"
    ));
    app.open_case(&matched_refs, &matched).await;
    app.click("action-unmatch").await;
    app.type_into("action-reason-input", "ticket disputed by the buyer")
        .await;
    app.click("action-submit").await;
    app.wait_for("action-done").await;
    let refs_sql = format!("SELECT settlement_refs FROM cases WHERE case_key = '{matched}'");
    assert_eq!(stored(&refs_sql), "");
    app.click("detail-close").await;
    app.click("undo-last").await;
    app.wait_for_text_of("undo-result", "Undone").await;
    assert_eq!(stored(&refs_sql), matched_refs, "the line is back");
    assert_eq!(
        stored(&format!(
            "SELECT action FROM case_decisions WHERE actor = 'Marta' AND case_key = '{matched}'
             ORDER BY id DESC LIMIT 1"
        )),
        "match",
        "undone by a compensating match"
    );

    // 7. A note on that case.
    app.open_case(&matched_refs, &matched).await;
    app.click("action-note").await;
    app.type_into("action-note-input", "checked against the bank statement")
        .await;
    app.click("action-submit").await;
    app.wait_for("action-done").await;
    assert_eq!(
        stored(&format!(
            "SELECT note FROM case_decisions WHERE case_key = '{matched}' AND action = 'note'"
        )),
        "checked against the bank statement"
    );
    app.click("detail-close").await;

    // 7b. The buyer's receipt, attached to that case as evidence (a PDF, chosen in the open
    // dialog): kept byte for byte and recorded in the chain.
    let receipt = home.path().join("files").join("recibo-efecty.pdf");
    let pdf = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";
    std::fs::write(&receipt, pdf).expect("a receipt");
    std::fs::write(dialogs.join("open.txt"), receipt.display().to_string()).expect("open.txt");
    app.open_case(&matched_refs, &matched).await;
    app.click("case-attach").await;
    app.wait_for("attach-done").await;
    app.wait_for_text_of("case-attachments", "recibo-efecty.pdf")
        .await;
    assert_eq!(
        stored(&format!(
            "SELECT name || ' ' || media_type || ' ' || size FROM case_attachments
             WHERE case_key = '{matched}'"
        )),
        format!("recibo-efecty.pdf application/pdf {}", pdf.len())
    );
    assert_eq!(
        stored(&format!(
            "SELECT action FROM audit_events WHERE subject = 'case:{matched}' ORDER BY seq DESC LIMIT 1"
        )),
        "case_attach"
    );
    app.click("detail-close").await;

    // 8. Bulk: every order the shop forgot to mark paid, selected at once and resolved.
    app.click("filter-clear").await;
    app.click("filter-status").await;
    app.click("filter-status-paid_shop_pending").await;
    app.click("filter-status").await;
    let pending = stored_n("SELECT COUNT(*) FROM cases WHERE status = 'paid_shop_pending'");
    assert!(pending >= 2, "the scenario plants missed notifications");
    app.wait_for_text_of("cases-total", &format!("{pending} "))
        .await;
    let totals = app.wait_for_text("cases-totals-COP").await;
    assert!(totals.starts_with("COP:"), "{totals}");
    // The statuses on screen were judged at the month's end, and the screen says so.
    let as_of = app.wait_for_text("cases-as-of").await;
    assert!(as_of.contains("2026-05-31 23:59"), "{as_of}");
    app.click("select-all").await;
    app.wait_for_text_of("cases-selected", &format!("{pending}"))
        .await;
    app.click("bulk-resolve").await;
    app.select("bulk-reason", "shop_corrected").await;
    app.click("bulk-submit").await;
    wait_until(
        "the bulk resolve",
        Box::new(|| {
            stored_n("SELECT COUNT(*) FROM cases WHERE status = 'paid_shop_pending' AND state = 'resolved'")
                == pending
        }),
    );
    // And one note on all of them at once.
    app.click("select-all").await;
    app.wait_for_text_of("cases-selected", &format!("{pending}"))
        .await;
    app.click("bulk-resolve").await;
    app.select("bulk-action", "note").await;
    app.type_into("bulk-note", "corrected in Shopify on 3 June")
        .await;
    app.click("bulk-submit").await;
    wait_until(
        "the bulk note",
        Box::new(|| {
            stored_n(
                "SELECT COUNT(*) FROM case_decisions WHERE action = 'note'
                   AND note = 'corrected in Shopify on 3 June'",
            ) == pending
        }),
    );

    // 9. Export exactly this view, with each case's state and reason.
    app.select("cases-export-format", "csv").await;
    app.click("cases-export").await;
    app.wait_for("cases-export-result").await;
    let view = std::fs::read_to_string(dialogs.join("cuadra-cases.csv")).expect("the view");
    let mut reader = csv_reader(&view);
    let header: Vec<String> = reader
        .headers()
        .expect("a header")
        .iter()
        .map(str::to_string)
        .collect();
    let state_at = header
        .iter()
        .position(|h| h == "State")
        .expect("a State column");
    let reason_at = header
        .iter()
        .position(|h| h == "Reason")
        .expect("a Reason column");
    let rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.expect("a row").iter().map(str::to_string).collect())
        .collect();
    assert_eq!(rows.len() as i64, pending, "exactly the filtered cases");
    assert!(rows
        .iter()
        .all(|r| r[state_at] == "Reconciled" && r[reason_at] == "Corrected in the shop"));

    app.screenshot("10-month-end-cases.png").await;

    // 10. Close May after its checklist.
    app.click("nav-audit").await;
    app.wait_for("periods-table").await;
    app.click("period-close").await;
    app.wait_for("period-checklist").await;
    app.type_into("period-text", "May books").await;
    app.click("period-submit").await;
    app.wait_for_attr("period-row", "data-state", "closed")
        .await;
    app.screenshot("11-month-end-closed.png").await;
    assert_eq!(
        stored("SELECT state FROM periods WHERE period = '2026-05'"),
        "closed"
    );

    // 11. The workbook of May, opened back.
    app.click("nav-export").await;
    app.select("export-period", "2026-05").await;
    app.click("export-workbook").await;
    app.wait_for("export-result").await;
    let book = dialogs.join("cuadra-workbook-2026-05.xlsx");
    let wb: calamine::Xlsx<_> = calamine::open_workbook(&book).expect("the workbook opens");
    assert_eq!(calamine::Reader::sheet_names(&wb).len(), 6);

    // 12. The audit log of one case, found by its order number as the shop shows it.
    app.click("nav-audit").await;
    let matched_order = stored(&format!(
        "SELECT order_ref FROM cases WHERE case_key = '{matched}'"
    ));
    app.type_into("audit-filter-case", &matched_order).await;
    let deadline = Instant::now() + STARTUP_TIMEOUT;
    let case_events = stored_n(&format!(
        "SELECT COUNT(*) FROM audit_events WHERE subject = 'case:{matched}'"
    ));
    loop {
        // The log re-renders as the filter is typed: a row read while it is replaced is read
        // again on the next round.
        let mut rows = Vec::new();
        for e in app
            .client
            .find_all(Locator::Css("[data-testid='audit-row']"))
            .await
            .unwrap_or_default()
        {
            rows.push(e.text().await.unwrap_or_default());
        }
        if rows.len() as i64 == case_events && rows.iter().all(|r| !r.is_empty()) {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the log of {matched_order} never showed its {case_events} events: {rows:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // 13. Everything verifies: the chain, the evidence, the derived rows and the seal.
    app.click("workspace-verify").await;
    app.wait_for_attr("workspace-verdict", "data-ok", "true")
        .await;
    let acts = stored_n("SELECT COUNT(*) FROM case_decisions WHERE actor = 'Marta'");
    assert_eq!(
        acts,
        2 + 1 + 1 + 1 + 1 + pending + pending,
        "confirm, reject, match, unmatch, undo, note, bulk resolve, bulk note"
    );
    app.quit().await;
}

fn csv_reader(text: &str) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new().from_reader(text.trim_start_matches('\u{feff}').as_bytes())
}

/// The person has used the app before: their name is known and the window speaks English.
fn write_prefs(home: &Path, actor: &str) {
    let prefs = home.join("config").join("co.cuadra.app");
    std::fs::create_dir_all(&prefs).expect("prefs folder");
    std::fs::write(
        prefs.join("prefs.json"),
        format!(r#"{{"actor": "{actor}", "lang": "en"}}"#),
    )
    .expect("prefs");
}

/// The first column of the first row `sql` returns from the workspace the app writes, as text
/// (`""` for NULL).
fn stored_text(db: &Path, sql: &str) -> String {
    let ws = Workspace::open_known(db).expect("the workspace");
    ws.conn()
        .query_row(sql, [], |r| r.get::<_, Option<String>>(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .unwrap_or_default()
}

fn count(ws: &Workspace, sql: &str) -> i64 {
    ws.conn()
        .query_row(sql, [], |r| r.get(0))
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

/// The digits of a shown count (`1,234` / `1.234` / `1 234`).
fn number(text: &str) -> i64 {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("'{text}' is not a count"))
}

/// The import time every e2e import records: 10:30 in Bogotá (UTC-5).
fn import_time() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 5, 2, 15, 30, 0)
        .single()
        .expect("a valid constant time")
}

fn import(workspace: &mut Workspace, name: &str, bytes: &[u8]) {
    let options = ImportOptions {
        profile: None,
        dry_run: false,
        bad_rows: BadRowPolicy::RejectFile,
        actor: "e2e".into(),
        now: import_time(),
    };
    let report = import_bytes(workspace, name, name, bytes, &options)
        .unwrap_or_else(|e| panic!("{name} must import: {e}"));
    assert_eq!(
        report.outcome,
        Outcome::Imported,
        "{name} is a clean generated file: {:?}",
        report.problems
    );
}

/// A file as the table shows it: name, format, rows, imported at (Bogotá), by.
fn expected_row(file: &ImportedFile) -> [String; 5] {
    assert!(
        file.rows_total < 1000,
        "counts of 1000 or more are shown with a thousands separator: keep e2e files small"
    );
    [
        file.name.clone(),
        file.format.clone(),
        file.rows_total.to_string(),
        "2026-05-02 10:30".to_owned(),
        file.imported_by.clone(),
    ]
}

/// What the file list section shows once loading is over.
#[derive(Debug, PartialEq, Eq)]
enum FileListState {
    Empty(String),
    Table { rows: usize },
    Error(String),
}

/// One running app: a WebDriver session on the app, through a tauri-driver we own.
struct App {
    client: Client,
    // Dropped last: stopping the driver also ends WebKitWebDriver and the app.
    _driver: TauriDriver,
}

impl App {
    /// Starts the app on the workspace file `db`, with its XDG folders inside `home`.
    async fn launch(home: &Path, db: &Path) -> App {
        check_prerequisites();
        let env = [
            ("CUADRA_DB", db.to_path_buf()),
            // Keep the webview's data and caches (and any default workspace) out of the user's home.
            ("XDG_DATA_HOME", home.join("data")),
            ("XDG_CONFIG_HOME", home.join("config")),
            ("XDG_CACHE_HOME", home.join("cache")),
            // Native dialogs cannot be clicked: the test seam answers them (src-tauri/dialogs.rs).
            ("CUADRA_TEST_DIALOGS", home.join("dialogs")),
            // Where the app notes when its dashboard became interactive (the launch benchmark).
            ("CUADRA_LAUNCH_PROBE", home.join("launch-probe.txt")),
        ];
        let driver = TauriDriver::start(&env);

        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), serde_json::json!("wry"));
        capabilities.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": APP_BINARY }),
        );
        let client = ClientBuilder::native()
            .capabilities(capabilities)
            .connect(&driver.url())
            .await
            .unwrap_or_else(|e| panic!("tauri-driver must start a session on {APP_BINARY}: {e}"));
        let app = App {
            client,
            _driver: driver,
        };
        app.wait_for_front_end().await;
        app
    }

    /// Waits until the UI has rendered; explains the usual reason when it never does.
    async fn wait_for_front_end(&self) {
        const DEV_SERVER: &str = "http://localhost:5173/";
        const EMBED_HINT: &str = "the binary was built without the embedded front end: build \
            ui/dist, then build with `--features tauri/custom-protocol` (tests/run-all.sh does both)";
        let url = self.client.current_url().await.map(String::from);
        if let Ok(url) = &url {
            assert!(
                !url.starts_with(DEV_SERVER),
                "the app loads {url}: {EMBED_HINT}"
            );
        }
        let found = self
            .client
            .wait()
            .at_most(STARTUP_TIMEOUT)
            .for_element(Locator::Css("[data-testid='app-title']"))
            .await;
        if let Err(error) = found {
            panic!(
                "the app's front end did not render within {STARTUP_TIMEOUT:?} (page {url:?}): \
                 {error}. If the page is {DEV_SERVER}, {EMBED_HINT}"
            );
        }
    }

    fn css(test_id: &str) -> String {
        format!("[data-testid='{test_id}']")
    }

    /// Waits until an element is on the page.
    async fn wait_for(&self, test_id: &str) -> fantoccini::elements::Element {
        self.client
            .wait()
            .at_most(STARTUP_TIMEOUT)
            .for_element(Locator::Css(&Self::css(test_id)))
            .await
            .unwrap_or_else(|e| panic!("{test_id} must appear: {e}"))
    }

    async fn first(&self, test_id: &str) -> fantoccini::elements::Element {
        self.wait_for(test_id).await
    }

    /// Clicks through the DOM (WebKitWebDriver refuses native clicks on table rows and on
    /// elements it judges covered, which a person's click would still reach).
    async fn click(&self, test_id: &str) {
        let e = self.wait_for(test_id).await;
        self.client
            .execute(
                "arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();",
                vec![serde_json::to_value(&e).expect("element reference")],
            )
            .await
            .unwrap_or_else(|e| panic!("{test_id} must be clickable: {e}"));
    }

    /// Finds the case `key` by typing `search` in the table's search box and opens it (a double
    /// click, as a person would).
    async fn open_case(&self, search: &str, key: &str) {
        self.type_into("case-search", search).await;
        let row = self
            .client
            .wait()
            .at_most(STARTUP_TIMEOUT)
            .for_element(Locator::Css(&format!(
                "[data-testid='case-row'][data-case-key='{key}']"
            )))
            .await
            .unwrap_or_else(|e| panic!("the row of {key} must appear: {e}"));
        self.client
            .execute(
                "arguments[0].dispatchEvent(new MouseEvent('dblclick', {bubbles: true}));",
                vec![serde_json::to_value(&row).expect("element reference")],
            )
            .await
            .expect("open the case");
        self.wait_for_attr("case-detail", "data-case-key", key)
            .await;
    }

    /// Puts the table's cursor on the case `key` (found by its key in the search box), with
    /// the keyboard's focus back on the page.
    async fn put_cursor_on(&self, key: &str) {
        self.type_into("case-search", key).await;
        self.client
            .wait()
            .at_most(STARTUP_TIMEOUT)
            .for_element(Locator::Css(&format!(
                "[data-testid='case-row'][data-case-key='{key}']"
            )))
            .await
            .unwrap_or_else(|e| panic!("the row of {key} must appear: {e}"));
        self.client
            .execute(
                "document.activeElement && document.activeElement.blur();",
                vec![],
            )
            .await
            .expect("leave the search box");
    }

    /// A key pressed on the page (the table's shortcuts).
    async fn press(&self, key: &str) {
        self.client
            .execute(
                "document.dispatchEvent(new KeyboardEvent('keydown', {key: arguments[0], bubbles: true}));",
                vec![serde_json::json!(key)],
            )
            .await
            .unwrap_or_else(|e| panic!("press {key}: {e}"));
    }

    async fn type_into(&self, test_id: &str, text: &str) {
        let e = self.wait_for(test_id).await;
        e.clear().await.ok();
        e.send_keys(text)
            .await
            .unwrap_or_else(|e| panic!("{test_id} must take text: {e}"));
    }

    /// Chooses `value` in a select, once it offers it (options may arrive after the select).
    async fn select(&self, test_id: &str, value: &str) {
        self.client
            .wait()
            .at_most(STARTUP_TIMEOUT)
            .for_element(Locator::Css(&format!(
                "{} option[value='{value}']",
                Self::css(test_id)
            )))
            .await
            .unwrap_or_else(|e| panic!("{test_id} must offer {value}: {e}"));
        self.wait_for(test_id)
            .await
            .select_by_value(value)
            .await
            .unwrap_or_else(|e| panic!("{test_id} must offer {value}: {e}"));
    }

    async fn texts(&self, test_id: &str) -> Vec<String> {
        let mut out = Vec::new();
        for e in self
            .client
            .find_all(Locator::Css(&Self::css(test_id)))
            .await
            .expect("elements")
        {
            out.push(e.text().await.expect("text"));
        }
        out
    }

    /// Polls until `test_id` has `attr` = `value`.
    async fn wait_for_attr(&self, test_id: &str, attr: &str, value: &str) {
        let deadline = Instant::now() + STARTUP_TIMEOUT;
        let mut last = None;
        while Instant::now() < deadline {
            if let Ok(e) = self.client.find(Locator::Css(&Self::css(test_id))).await {
                last = e.attr(attr).await.ok().flatten();
                if last.as_deref() == Some(value) {
                    return;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{test_id} never had {attr}={value} (last: {last:?})");
    }

    /// Polls until `test_id` shows some text, and returns it.
    async fn wait_for_text(&self, test_id: &str) -> String {
        let deadline = Instant::now() + STARTUP_TIMEOUT;
        while Instant::now() < deadline {
            if let Ok(e) = self.client.find(Locator::Css(&Self::css(test_id))).await {
                let t = e.text().await.unwrap_or_default();
                if !t.trim().is_empty() {
                    return t;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{test_id} never showed any text");
    }

    /// Polls until `test_id`'s text contains `part`.
    /// Waits until the element's text contains `part`; returns the text.
    async fn wait_for_text_of(&self, test_id: &str, part: &str) -> String {
        let deadline = Instant::now() + STARTUP_TIMEOUT;
        let mut last = String::new();
        while Instant::now() < deadline {
            if let Ok(e) = self.client.find(Locator::Css(&Self::css(test_id))).await {
                last = e.text().await.unwrap_or_default();
                if last.contains(part) {
                    return last;
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{test_id} never showed '{part}' (last: '{last}')");
    }

    async fn text(&self, test_id: &str) -> String {
        self.client
            .find(Locator::Css(&format!("[data-testid='{test_id}']")))
            .await
            .unwrap_or_else(|e| panic!("element {test_id} must be on the page: {e}"))
            .text()
            .await
            .unwrap_or_else(|e| panic!("element {test_id} must have text: {e}"))
    }

    async fn file_list_state(&self) -> FileListState {
        let settled = "[data-testid='files-empty'], [data-testid='files-table'], \
                       [data-testid='files-error']";
        let element = self
            .client
            .wait()
            .at_most(STARTUP_TIMEOUT)
            .for_element(Locator::Css(settled))
            .await
            .unwrap_or_else(|e| panic!("the file list must finish loading: {e}"));
        let test_id = element
            .attr("data-testid")
            .await
            .expect("the settled element's test id")
            .unwrap_or_default();
        match test_id.as_str() {
            "files-empty" => FileListState::Empty(element.text().await.expect("empty state text")),
            "files-error" => FileListState::Error(element.text().await.expect("error text")),
            _ => {
                let rows = self
                    .client
                    .find_all(Locator::Css("[data-testid='file-row']"))
                    .await
                    .expect("the file rows");
                FileListState::Table { rows: rows.len() }
            }
        }
    }

    /// The cells of every row of the file table, top to bottom.
    async fn file_rows(&self) -> Vec<[String; 5]> {
        const CELLS: [&str; 5] = [
            "file-name",
            "file-format",
            "file-rows",
            "file-imported-at",
            "file-imported-by",
        ];
        let rows = self
            .client
            .find_all(Locator::Css("[data-testid='file-row']"))
            .await
            .expect("the file rows");
        let mut shown = Vec::with_capacity(rows.len());
        for row in rows {
            let mut cells: [String; 5] = Default::default();
            for (cell, test_id) in cells.iter_mut().zip(CELLS) {
                *cell = row
                    .find(Locator::Css(&format!("[data-testid='{test_id}']")))
                    .await
                    .unwrap_or_else(|e| panic!("each file row has a {test_id} cell: {e}"))
                    .text()
                    .await
                    .expect("cell text");
            }
            shown.push(cells);
        }
        shown
    }

    /// Saves a PNG of the page to tests/artifacts/ for people to look at.
    async fn screenshot(&self, file_name: &str) {
        // WebKit snapshots the last painted frame, which can lag the DOM the test just read:
        // wait for two animation frames so the picture shows what the assertions saw.
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 requestAnimationFrame(() => requestAnimationFrame(() => done(null)));",
                vec![],
            )
            .await
            .expect("the page paints");
        let png = self.client.screenshot().await.expect("a screenshot");
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/artifacts");
        std::fs::create_dir_all(&dir).expect("tests/artifacts/ is writable");
        std::fs::write(dir.join(file_name), png).expect("the screenshot is saved");
    }

    /// Ends the session cleanly, which closes the app, then stops the driver.
    async fn quit(self) {
        self.client.close().await.expect("the session ends");
    }
}

/// A tauri-driver process on free ports, stopped with SIGTERM on drop (also when a test panics).
/// SIGKILL would leave its WebKitWebDriver child holding the native port.
struct TauriDriver {
    child: Child,
    port: u16,
}

impl TauriDriver {
    fn start(env: &[(&str, PathBuf)]) -> TauriDriver {
        let binary = tauri_driver_binary();
        // Free ports, so runs of other checkouts or a stray driver on 4444/4445 do not collide.
        let port = free_port();
        let native_port = std::iter::repeat_with(free_port)
            .find(|&p| p != port)
            .expect("a second free port");
        let child = Command::new(&binary)
            .args(["--port", &port.to_string()])
            .args(["--native-port", &native_port.to_string()])
            // tauri-driver passes its environment to WebKitWebDriver, which passes it to the app.
            .envs(env.iter().map(|(k, v)| (k, v)))
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", binary.display()));
        let mut driver = TauriDriver { child, port };
        // tauri-driver listens before its WebKitWebDriver does; a session asked for in between
        // fails with "connection refused" (seen on a loaded CI machine). Wait for both.
        driver.wait_until_listening(port, "tauri-driver");
        driver.wait_until_listening(native_port, "WebKitWebDriver (started by tauri-driver)");
        driver
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    fn wait_until_listening(&mut self, port: u16, what: &str) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!(
                    "tauri-driver exited before {what} listened ({status}); see its output above"
                );
            }
            assert!(
                Instant::now() < deadline,
                "{what} did not listen on port {port} within 20 s"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for TauriDriver {
    fn drop(&mut self) {
        // SIGTERM through kill(1): the workspace forbids the unsafe code libc::kill needs.
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        eprintln!("tauri-driver ignored SIGTERM for 10 s; killing it");
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Fails with the fix when something the test needs is missing, rather than skipping.
fn check_prerequisites() {
    assert!(
        std::env::var_os("DISPLAY").is_some_and(|d| !d.is_empty()),
        "no X display: run the e2e tests under `xvfb-run -a` (tests/run-all.sh does)"
    );
    assert!(
        find_in_path("WebKitWebDriver").is_some(),
        "WebKitWebDriver not found on PATH: install it with `apt-get install webkit2gtk-driver` \
         (tests/setup.sh does)"
    );
}

/// `TAURI_DRIVER` if set, else `tauri-driver` on PATH, else cargo's install folder.
fn tauri_driver_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER").filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")));
    find_in_path("tauri-driver")
        .or_else(|| {
            cargo_home
                .map(|c| c.join("bin/tauri-driver"))
                .filter(|p| p.is_file())
        })
        .unwrap_or_else(|| {
            panic!(
                "tauri-driver not found on PATH or in ~/.cargo/bin: install it with \
                 `cargo install tauri-driver --locked` (tests/setup.sh does)"
            )
        })
}

fn find_in_path(program: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

fn free_port() -> u16 {
    TcpListener::bind(("127.0.0.1", 0))
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free local port")
}
