//! Evidence attached to a case through `cuadra-cli case attach`: shown by `case show`, carried
//! by the audit bundle with its SHA-256, checked by `verify`, and named by `verify` when its
//! stored bytes are changed behind Cuadra's back.

use super::audit::stderr;
use super::*;
use std::io::Read;

/// A one-object PDF, as a PSP's ticket starts (79 bytes); its SHA-256 taken with `sha256sum`.
const PDF: &[u8] = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n";
const PDF_SHA256: &str = "a35a2505ca5a7b9905c01095605cd7b01fbd4a7ff4a6ba6c5b98b77b3fd391c2";

#[test]
fn an_attached_ticket_is_shown_bundled_verified_and_named_when_tampered() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = reconciled_fixtures(dir.path());
    let ticket = dir.path().join("efecty 4622.pdf");
    std::fs::write(&ticket, PDF).expect("write");
    let ticket = ticket.to_str().expect("utf8");

    let out = run(
        &db,
        &[
            "case",
            "attach",
            "order:shopify:1002",
            ticket,
            "--note",
            "ticket the buyer sent",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        format!(
            "attached efecty 4622.pdf to case order:shopify:1002 as attachment 1 (application/pdf, 79 bytes)\n\
             sha256 {PDF_SHA256}\n\
             recorded as audit event 4\n"
        )
    );
    // Again: nothing added, and it says so.
    let out = run(&db, &["case", "attach", "order:shopify:1002", ticket]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("is attached to case order:shopify:1002 already, as attachment 1"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        count(&db, "case_attachments"),
        1,
        "the second attach adds nothing"
    );
    // A text file named .pdf is refused, named, with what to do.
    let fake = dir.path().join("fake.pdf");
    std::fs::write(&fake, "not a pdf\n").expect("write");
    let out = run(
        &db,
        &[
            "case",
            "attach",
            "order:shopify:1002",
            fake.to_str().expect("utf8"),
        ],
    );
    assert_eq!(out.status.code(), Some(2), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("fake.pdf is not a PDF, PNG, JPEG, WebP or GIF file"),
        "{}",
        stderr(&out)
    );

    let out = run(&db, &["case", "show", "order:shopify:1002"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!(
            "  attachment 1  efecty 4622.pdf  application/pdf  79 bytes  sha256 {PDF_SHA256}  by test-actor at "
        )),
        "{}",
        stdout(&out)
    );
    assert!(
        stdout(&out).contains("  #4 "),
        "the event is in the history"
    );

    // The bundle of May carries the ticket byte for byte, listed with its SHA-256.
    let bundle = dir.path().join("bundle.zip");
    let out = run(
        &db,
        &[
            "export",
            "bundle",
            "--period",
            "2026-05",
            "--out",
            bundle.to_str().expect("utf8"),
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let mut z = zip::ZipArchive::new(std::fs::File::open(&bundle).expect("zip")).expect("zip");
    let path = "attachments/order_shopify_1002/00001_efecty_4622.pdf";
    let mut bytes = Vec::new();
    z.by_name(path)
        .expect("the ticket is in the bundle")
        .read_to_end(&mut bytes)
        .expect("read");
    assert_eq!(bytes, PDF, "byte for byte");
    let mut text = String::new();
    z.by_name("SHA256SUMS")
        .expect("sums")
        .read_to_string(&mut text)
        .expect("read");
    assert!(
        text.contains(&format!("{PDF_SHA256}  {path}\n")),
        "sha256sum -c checks it: {text}"
    );
    let mut text = String::new();
    z.by_name("manifest.json")
        .expect("manifest")
        .read_to_string(&mut text)
        .expect("read");
    let manifest: serde_json::Value = serde_json::from_str(&text).expect("json");
    let entry = manifest["files"]
        .as_array()
        .and_then(|f| f.iter().find(|e| e["path"] == path))
        .expect("the manifest lists it");
    assert_eq!(entry["sha256"], PDF_SHA256);
    assert_eq!(entry["role"], "attachment");
    assert_eq!(entry["bytes"], 79);
    assert_eq!(entry["original_name"], "efecty 4622.pdf");
    assert_eq!(entry["case_key"], "order:shopify:1002");
    assert_eq!(entry["attachment_id"], 1);
    assert_eq!(entry["audit_seq"], 4);

    let out = run(&db, &["verify"]);
    assert!(out.status.success(), "{}", stdout(&out));

    // Changed behind Cuadra's back, as with any SQLite tool: verify names the attachment.
    let conn = rusqlite::Connection::open(&db).expect("open");
    conn.execute_batch(
        "DROP TRIGGER attachment_blobs_no_update;
         UPDATE attachment_blobs SET data = CAST('%PDF-1.5' AS BLOB) || substr(data, 9);",
    )
    .expect("tamper");
    drop(conn);
    let out = run(&db, &["verify"]);
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stdout(&out).contains(
            "attachment 1 (efecty 4622.pdf) of case order:shopify:1002 is not the file that was attached: its stored bytes hash to"
        ),
        "{}",
        stdout(&out)
    );
    assert!(
        stdout(&out).contains(&format!(
            "not to the {PDF_SHA256} recorded when it was attached"
        )),
        "{}",
        stdout(&out)
    );
}
