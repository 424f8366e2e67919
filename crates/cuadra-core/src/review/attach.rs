//! Attaching evidence to a case: a PSP ticket, a buyer's receipt, a bank slip, as a PDF or an
//! image. The file is checked by its first bytes (never by its name), kept byte for byte with
//! its SHA-256, and recorded as a `case_attach` audit event whose `after` holds its name, media
//! type, size and SHA-256, so the chain covers it. Refused, like any act, on an unknown case or
//! a case in a closed period. Attaching the same bytes to the same case again adds nothing.
//! An attachment is never changed or removed (`store::attachments`).

use super::words::{ATTACH_EMPTY, ATTACH_NOT_EVIDENCE, ATTACH_TOO_LARGE};
use super::{ensure_unlocked, ReviewError};
use crate::audit::{self, event_time, NewEvent};
use crate::msg;
use crate::store::{
    attachment_of_case, sha256_hex, store_attachment, Attachment, NewAttachment, Workspace,
};
use chrono::{DateTime, Utc};
use serde::Serialize;

/// The largest file a case keeps, in MB (a phone photo or a PSP's PDF is far smaller).
pub const ATTACHMENT_MAX_MB: usize = 20;
/// [`ATTACHMENT_MAX_MB`] in bytes.
pub const ATTACHMENT_MAX_BYTES: usize = ATTACHMENT_MAX_MB * 1024 * 1024;

/// What [`Workspace::attach_to_case`] did.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attached {
    /// The attachment: the new one, or the one these bytes were attached as before.
    pub attachment: Attachment,
    /// `false` when the case held these bytes already: nothing was written.
    pub added: bool,
}

/// The media type of a file Cuadra keeps as evidence, from its first bytes; `None` for
/// anything else (a text file named `.pdf` included).
pub fn evidence_media_type(bytes: &[u8]) -> Option<&'static str> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    if starts(b"%PDF-") {
        Some("application/pdf")
    } else if starts(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if starts(b"\xFF\xD8\xFF") {
        Some("image/jpeg")
    } else if starts(b"GIF87a") || starts(b"GIF89a") {
        Some("image/gif")
    } else if bytes.len() >= 12 && starts(b"RIFF") && &bytes[8..12] == b"WEBP" {
        Some("image/webp")
    } else {
        None
    }
}

/// The file's own name, without its folder, with control characters (which could forge a
/// line of a listing) replaced; empty when it has none.
fn base_name(file_name: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    base.trim()
        .chars()
        .map(|c| if c.is_control() { '_' } else { c })
        .collect()
}

impl Workspace {
    /// Attaches `bytes` (a file named `file_name`) to the case `case_key` as evidence, with an
    /// optional note (see the module docs). `now` is the time recorded.
    pub fn attach_to_case(
        &mut self,
        case_key: &str,
        file_name: &str,
        bytes: &[u8],
        note: Option<&str>,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Attached, ReviewError> {
        let case = self
            .case(case_key)?
            .ok_or_else(|| ReviewError::NoSuchCase(case_key.to_string()))?;
        ensure_unlocked(&case)?;
        let name = base_name(file_name);
        let shown = if name.is_empty() { "(no name)" } else { &name };
        if bytes.is_empty() {
            return Err(ReviewError::NotAllowed(msg!(ATTACH_EMPTY, shown)));
        }
        if bytes.len() > ATTACHMENT_MAX_BYTES {
            return Err(ReviewError::NotAllowed(msg!(
                ATTACH_TOO_LARGE,
                shown,
                ATTACHMENT_MAX_MB
            )));
        }
        let media_type = evidence_media_type(bytes)
            .ok_or_else(|| ReviewError::NotAllowed(msg!(ATTACH_NOT_EVIDENCE, shown)))?;
        let name = if name.is_empty() {
            let ext = media_type.rsplit('/').next().unwrap_or("bin");
            format!("attachment.{ext}")
        } else {
            name
        };
        let sha256 = sha256_hex(bytes);
        let note = note.map(str::trim).filter(|n| !n.is_empty());

        let tx = self
            .conn_mut()
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        if let Some(before) = attachment_of_case(&tx, &case.case_key, &sha256)? {
            return Ok(Attached {
                attachment: before,
                added: false,
            });
        }
        let after = serde_json::json!({
            "name": name,
            "media_type": media_type,
            "bytes": bytes.len(),
            "sha256": sha256,
        });
        let seq = audit::append(
            &tx,
            &NewEvent {
                at: now,
                actor: actor.to_string(),
                action: "case_attach".into(),
                subject: format!("case:{}", case.case_key),
                before: None,
                after: Some(after.to_string()),
                reason: None,
                note: note.map(str::to_string),
            },
        )?;
        let at = event_time(now);
        let id = store_attachment(
            &tx,
            &NewAttachment {
                case_key: &case.case_key,
                name: &name,
                media_type,
                bytes,
                sha256: &sha256,
                note,
                actor,
                at: &at,
                audit_seq: seq,
            },
        )?;
        audit::crash_point("case_attach");
        tx.commit()?;
        Ok(Attached {
            attachment: Attachment {
                id,
                case_key: case.case_key,
                name,
                media_type: media_type.to_string(),
                bytes: bytes.len() as u64,
                sha256,
                note: note.map(str::to_string),
                actor: actor.to_string(),
                at,
                audit_seq: seq,
            },
            added: true,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_bytes_decide_the_type_not_the_name() {
        assert_eq!(evidence_media_type(b"%PDF-1.4\n"), Some("application/pdf"));
        assert_eq!(
            evidence_media_type(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Some("image/png")
        );
        assert_eq!(
            evidence_media_type(b"\xFF\xD8\xFF\xE0\0\x10JFIF"),
            Some("image/jpeg")
        );
        assert_eq!(evidence_media_type(b"GIF89a\x01\0"), Some("image/gif"));
        assert_eq!(
            evidence_media_type(b"RIFF\x24\0\0\0WEBPVP8 "),
            Some("image/webp")
        );
        assert_eq!(
            evidence_media_type(b"RIFF\x24\0\0\0WAVEfmt "),
            None,
            "a RIFF file that is not WebP (a sound) is no evidence"
        );
        assert_eq!(evidence_media_type(b"PDF ticket 4622"), None);
        assert_eq!(evidence_media_type(b"%PD"), None, "a cut-off header");
    }

    #[test]
    fn a_name_is_kept_without_its_folder_or_control_characters() {
        assert_eq!(base_name("C:\\tickets\\efecty 4622.pdf"), "efecty 4622.pdf");
        assert_eq!(base_name("/tmp/a\nb.png"), "a_b.png");
        assert_eq!(base_name("  "), "");
    }
}
