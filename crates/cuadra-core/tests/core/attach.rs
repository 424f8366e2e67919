//! Evidence attached to a case (`review::attach`) on the hand-written fixtures, reconciled on
//! 2026-05-10: order #1002 (José Muñoz, 89,900 COP) is case `order:shopify:1002`, in period
//! 2026-05. The files are small hand-made byte strings; their SHA-256s were taken with
//! `sha256sum` from the same bytes.

use super::{now, refusal, TestWs};
use chrono::{DateTime, Utc};
use cuadra_core::code::ErrorCode;
use cuadra_core::review::attach::ATTACHMENT_MAX_BYTES;
use cuadra_core::store::StoreError;
use cuadra_core::words::Lang;

/// A one-object PDF, as a PSP's ticket starts (79 bytes).
const PDF: &[u8] = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n";
const PDF_SHA256: &str = "a35a2505ca5a7b9905c01095605cd7b01fbd4a7ff4a6ba6c5b98b77b3fd391c2";
/// A PNG's signature and header chunk, as a phone photo of a receipt starts (29 bytes).
const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x00\x00\x00\x00";
const PNG_SHA256: &str = "f39fc671557e90148206150bb46ac206a1c1dec63dd038149c5fc78eb49170db";

const CASE: &str = "order:shopify:1002";

fn reconciled() -> TestWs {
    let mut t = TestWs::new();
    t.import_fixture("shopify_orders_co.csv");
    t.import_fixture("dlocal_crossborder_co.csv");
    let as_of = "2026-05-10T17:00:00Z".parse().unwrap();
    t.ws.run_reconciliation(as_of, "ana", now()).unwrap();
    t
}

fn later(minutes: i64) -> DateTime<Utc> {
    now() + chrono::Duration::minutes(minutes)
}

#[test]
fn a_pdf_and_a_png_are_kept_byte_for_byte_listed_in_the_case_and_in_the_chain() {
    let mut t = reconciled();
    let pdf =
        t.ws.attach_to_case(
            CASE,
            "/home/ana/Descargas/efecty-4622.pdf",
            PDF,
            Some("  Efecty ticket the buyer sent  "),
            "ana",
            later(1),
        )
        .unwrap();
    assert!(pdf.added, "new bytes are attached");
    let png =
        t.ws.attach_to_case(CASE, "recibo.png", PNG, None, "luis", later(2))
            .unwrap();
    assert!(png.added);

    let a = &pdf.attachment;
    assert_eq!(a.name, "efecty-4622.pdf", "kept without its folder");
    assert_eq!(a.media_type, "application/pdf");
    assert_eq!(a.bytes, 79);
    assert_eq!(a.sha256, PDF_SHA256);
    assert_eq!(a.note.as_deref(), Some("Efecty ticket the buyer sent"));
    assert_eq!(
        a.at, "2026-05-10T15:01:00.000000Z",
        "UTC, as the trail records it"
    );
    assert_eq!(png.attachment.media_type, "image/png");
    assert_eq!(png.attachment.sha256, PNG_SHA256);

    // The case lists both, oldest first, as attach returned them.
    let detail = t.ws.case_detail(CASE).unwrap().unwrap();
    assert_eq!(
        detail.attachments,
        vec![pdf.attachment.clone(), png.attachment.clone()],
        "the case shows what was attached"
    );
    // Each is an audit event of the case, whose `after` holds what the chain vouches for.
    let event = detail
        .history
        .iter()
        .find(|e| e.seq == a.audit_seq)
        .expect("the attach event is in the case's history");
    assert_eq!(event.action, "case_attach");
    assert_eq!(event.subject, "case:order:shopify:1002");
    assert_eq!(event.actor, "ana");
    assert_eq!(event.note.as_deref(), Some("Efecty ticket the buyer sent"));
    assert_eq!(
        event.after.as_deref(),
        Some(
            r#"{"bytes":79,"media_type":"application/pdf","name":"efecty-4622.pdf","sha256":"a35a2505ca5a7b9905c01095605cd7b01fbd4a7ff4a6ba6c5b98b77b3fd391c2"}"#
        )
    );
    assert!(
        t.ws.verify_audit().unwrap().ok(),
        "the chain still verifies"
    );

    // Read back byte for byte.
    assert_eq!(t.ws.attachment_bytes(a.id).unwrap(), PDF);
    assert_eq!(t.ws.attachment_bytes(png.attachment.id).unwrap(), PNG);
    let err = t.ws.attachment_bytes(99).unwrap_err();
    assert!(matches!(err, StoreError::NoSuchAttachment(99)), "{err}");
}

#[test]
fn the_same_bytes_twice_add_nothing_and_another_case_shares_them() {
    let mut t = reconciled();
    let first =
        t.ws.attach_to_case(CASE, "ticket.pdf", PDF, None, "ana", later(1))
            .unwrap();
    let events = t.ws.verify_audit().unwrap().events;
    let counts = t.table_counts();
    let again =
        t.ws.attach_to_case(
            CASE,
            "ticket (copy).pdf",
            PDF,
            Some("again"),
            "luis",
            later(2),
        )
        .unwrap();
    assert!(!again.added, "the case holds these bytes already");
    assert_eq!(
        again.attachment, first.attachment,
        "the answer is the attachment made before"
    );
    assert_eq!(t.table_counts(), counts, "nothing was written");
    assert_eq!(
        t.ws.verify_audit().unwrap().events,
        events,
        "no event either"
    );

    // The same receipt for another order's case is attached there too; its bytes are kept once.
    let other =
        t.ws.attach_to_case(
            "order:shopify:1001",
            "ticket.pdf",
            PDF,
            None,
            "ana",
            later(3),
        )
        .unwrap();
    assert!(other.added);
    assert_eq!(
        super::count(&t, "SELECT count(*) FROM attachment_blobs"),
        1,
        "one copy of the bytes"
    );
    assert_eq!(t.ws.attachment_bytes(other.attachment.id).unwrap(), PDF);
}

#[test]
fn a_file_that_is_no_pdf_or_image_is_refused_whatever_its_name() {
    let mut t = reconciled();
    let counts = t.table_counts();
    let refusals: &[(&str, Vec<u8>, &str, &str)] = &[
        (
            "ticket.pdf",
            b"Efecty ticket 4622, 89900 COP\n".to_vec(),
            "ticket.pdf is not a PDF, PNG, JPEG, WebP or GIF file",
            "ticket.pdf no es un archivo PDF, PNG, JPEG, WebP ni GIF",
        ),
        (
            "vacio.png",
            Vec::new(),
            "vacio.png is empty (0 bytes)",
            "vacio.png está vacío (0 bytes)",
        ),
        (
            "scan.pdf",
            [PDF, vec![b' '; ATTACHMENT_MAX_BYTES].as_slice()].concat(),
            "scan.pdf is larger than 20 MB",
            "scan.pdf pesa más de 20 MB",
        ),
    ];
    for (name, bytes, en, es) in refusals {
        let err =
            t.ws.attach_to_case(CASE, name, bytes, None, "ana", later(1))
                .unwrap_err();
        assert_eq!(
            refusal(&err),
            ("not_allowed", ErrorCode::InvalidAction),
            "{name}: {err}"
        );
        assert!(err.to_string().contains(en), "{name}: {err}");
        assert!(
            err.msg().render_inline(Lang::Es).contains(es),
            "{name}: {err}"
        );
        assert!(
            err.msg().render_inline(Lang::Zh).contains(name),
            "{name}: the Chinese message names the file"
        );
    }
    assert_eq!(t.table_counts(), counts, "a refused file writes nothing");
}

#[test]
fn an_unknown_case_or_a_case_of_a_closed_period_is_refused_as_notes_are() {
    let mut t = reconciled();
    let err =
        t.ws.attach_to_case("order:shopify:9999", "t.pdf", PDF, None, "ana", later(1))
            .unwrap_err();
    assert_eq!(
        refusal(&err),
        ("no_such_case", ErrorCode::NotFound),
        "{err}"
    );

    let june = "2026-06-02T14:00:00Z".parse().unwrap();
    t.ws.close_period("2026-05", "ana", june, None).unwrap();
    let counts = t.table_counts();
    let err =
        t.ws.attach_to_case(CASE, "t.pdf", PDF, None, "ana", june)
            .unwrap_err();
    assert_eq!(
        refusal(&err),
        ("period_closed", ErrorCode::PeriodClosed),
        "{err}"
    );
    assert_eq!(
        err.to_string(),
        "case order:shopify:1002 is in period 2026-05, which is closed; reopen the period with a reason first"
    );
    assert_eq!(t.table_counts(), counts, "a refused attach writes nothing");
}

#[test]
fn attachments_cannot_be_changed_or_deleted_and_tampered_bytes_are_named() {
    let mut t = reconciled();
    let a =
        t.ws.attach_to_case(CASE, "ticket.pdf", PDF, None, "ana", later(1))
            .unwrap()
            .attachment;
    let conn = t.ws.conn();
    for sql in [
        "UPDATE attachment_blobs SET data = x'00'",
        "DELETE FROM attachment_blobs",
        "UPDATE case_attachments SET name = 'other.pdf'",
        "DELETE FROM case_attachments",
    ] {
        let err = conn.execute(sql, []).unwrap_err();
        assert!(
            err.to_string().contains("cannot be"),
            "{sql}: the database refuses it: {err}"
        );
    }
    // As someone with the file and an SQLite tool would: drop the trigger, change a byte.
    conn.execute_batch(
        "DROP TRIGGER attachment_blobs_no_update;
         UPDATE attachment_blobs SET data = CAST('%PDF-1.5' AS BLOB) || substr(data, 9);",
    )
    .unwrap();
    let err = t.ws.attachment_bytes(a.id).unwrap_err();
    assert!(
        matches!(&err, StoreError::AttachmentDamaged { id, .. } if *id == a.id),
        "{err}"
    );
    assert!(
        err.to_string().starts_with(&format!(
            "the stored copy of attachment {} (ticket.pdf) of case order:shopify:1002 is damaged",
            a.id
        )),
        "{err}"
    );
}
