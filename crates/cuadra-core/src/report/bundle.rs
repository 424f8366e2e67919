//! The audit bundle: one ZIP an auditor can check without Cuadra. It holds the period's
//! workbook, the whole audit trail as CSV (with `prev_hash` and `hash`), the original imported
//! files that hold evidence of the period, `verify_chain.py`, `manifest.json` (period, chain
//! head, every file with its SHA-256), `SHA256SUMS` (every file but itself, for `sha256sum -c`)
//! and a README in Spanish and English.
//!
//! Which originals: every file with a settlement line in a case of the period, every file with
//! a snapshot of an order whose case is in the period, and every file whose settlement batch
//! was transferred in the period — the evidence behind the period's numbers, not the whole
//! workspace. A purged file (past retention) is no longer there to include; the manifest lists
//! what is. Files people attached to the period's cases (tickets, receipts) are in
//! `attachments/<case>/`, each listed in the manifest with its case, its SHA-256 and the audit
//! event that recorded it (whose `after` holds the same SHA-256). A bundle is refused while the
//! workspace's own chain does not verify: it would not verify either, and the break must be
//! looked at first.

use super::{audit_trail, file_sha256, io_at, write_workbook, ExportRequest, ReportError};
use crate::store::{StoreError, Workspace};
use std::io::Write;
use std::path::Path;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// The bundle's chain verifier (Python 3 standard library only).
pub const VERIFY_CHAIN_PY: &str = include_str!("verify_chain.py");

const README: &str = "\
CUADRA - PAQUETE DE AUDITORÍA / AUDIT BUNDLE
Periodo / Period: {period}
Generado / Generated: {generated} ({actor})
Cabeza de la cadena / Chain head: seq {seq}, hash {hash}

ESPAÑOL
Contenido:
  {workbook}  libro con Resumen, Excepciones, Conciliados, Cargos de liquidación,
      Auditoría y Archivos del periodo (horas en {zone}).
  audit_trail.csv  todos los eventos de auditoría, con prev_hash y hash.
  files/  los archivos originales importados con evidencia del periodo, byte a byte.
  attachments/  los soportes adjuntados a los casos del periodo (tiquetes, recibos), byte a
      byte, en una carpeta por caso; manifest.json nombra el caso y el evento case_attach
      que registró cada uno con su SHA-256.
  manifest.json  periodo, cabeza de la cadena y SHA-256 de cada archivo.
  SHA256SUMS  SHA-256 de cada archivo del paquete (salvo él mismo).
  verify_chain.py  verificador de la cadena (Python 3, solo biblioteca estándar).
1. Integridad de los archivos: en esta carpeta, ejecute
     sha256sum -c SHA256SUMS
   Cada línea debe decir OK (en macOS: shasum -a 256 -c SHA256SUMS).
2. Cadena de auditoría: ejecute
     python3 verify_chain.py
   Debe terminar con \"OK\" y la misma cabeza (seq y hash) que manifest.json. Cada evento
   guarda hash = SHA-256(prev_hash en 32 bytes || bytes canónicos); el primer prev_hash son
   64 ceros. Bytes canónicos: seq en 8 bytes big-endian; luego at, actor, action, subject,
   before, after, reason, note, cada uno como 1 byte (0 = NULL, 1 = texto) seguido, si es
   texto, de su longitud UTF-8 en 8 bytes big-endian y los bytes. En el CSV, null_fields
   nombra los campos NULL, y un valor que empieza por = + - @ tabulador CR o ' lleva un '
   adicional al inicio (para hojas de cálculo) que se quita antes de calcular.
   Editar, insertar, borrar o reordenar cualquier evento rompe la cadena en ese evento.
3. Sumas: la hoja Resumen muestra, por lote, la suma neta de las líneas + el redondeo
   registrado frente al NET_TOTAL_AMOUNT del propio archivo, y la comprobación
   conciliados + excepciones + cargos = todos los casos. Los importes son decimales exactos
   (el CSV de exportación de Cuadra los trae como texto exacto).
La exportación de este paquete queda registrada después como un evento más (acción export)
con el SHA-256 del ZIP: la cadena del espacio de trabajo continúa tras esta cabeza.

ENGLISH
Contents: the workbook {workbook} (Summary, Exceptions, Matched, Settlement charges, Audit
trail, Files; times in {zone}); audit_trail.csv (every audit event with prev_hash and hash);
files/ (the original imported files holding evidence of the period, byte for byte);
attachments/ (files attached to the period's cases, such as tickets and receipts, byte for
byte, one folder per case; manifest.json names each one's case and the case_attach event
that recorded it with its SHA-256); manifest.json (period, chain head, SHA-256 of every
file); SHA256SUMS; verify_chain.py.
1. File integrity: in this folder run   sha256sum -c SHA256SUMS   (macOS: shasum -a 256 -c
   SHA256SUMS). Every line must say OK.
2. Audit chain: run   python3 verify_chain.py   It must end with \"OK\" and the same head (seq
   and hash) as manifest.json. hash = SHA-256(prev_hash as 32 raw bytes || canonical bytes),
   the first prev_hash being 64 zeros. Canonical bytes: seq as 8 bytes big-endian, then at,
   actor, action, subject, before, after, reason, note, each as a 1-byte tag (0 = NULL,
   1 = text) followed, for text, by its UTF-8 length as 8 bytes big-endian and the bytes. In
   the CSV, null_fields names the NULL fields, and a value starting with = + - @ tab CR or '
   carries one extra leading ' (for spreadsheets), removed before hashing. Editing,
   inserting, deleting or reordering any event breaks the chain at that event.
3. Sums: the Summary sheet shows, per batch, the lines' net sum + the booked rounding against
   the file's own NET_TOTAL_AMOUNT, and the check matched + exceptions + charges = all cases.
This bundle's own export is recorded afterwards as one more event (action export) with the
ZIP's SHA-256: the workspace's chain continues after this head.
";

/// A file name safe in a ZIP on every system.
fn safe_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let s: String = base
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if s.trim_matches('.').is_empty() {
        "file".into()
    } else {
        s
    }
}

/// The imported files with evidence of `period` (see the module docs), oldest first.
fn period_files(ws: &Workspace, period: &str) -> Result<Vec<i64>, StoreError> {
    let mut stmt = ws.conn().prepare(
        "SELECT s.file_id FROM settlement_lines s
           JOIN case_lines cl ON cl.line_id = s.id JOIN cases c ON c.id = cl.case_id
          WHERE c.period = ?1
         UNION
         SELECT os.file_id FROM order_snapshots os JOIN cases c ON c.order_id = os.order_id
          WHERE c.period = ?1
         UNION
         SELECT b.file_id FROM settlement_batches b WHERE substr(b.transfer_date, 1, 7) = ?1
         ORDER BY 1",
    )?;
    let ids = stmt.query_map([period], |r| r.get::<_, i64>(0))?;
    Ok(ids.collect::<Result<_, _>>()?)
}

/// The attachments of `period`'s cases, oldest first.
fn period_attachments(
    ws: &Workspace,
    period: &str,
) -> Result<Vec<crate::store::Attachment>, StoreError> {
    let mut stmt = ws.conn().prepare(
        "SELECT a.id FROM case_attachments a JOIN cases c ON c.case_key = a.case_key
          WHERE c.period = ?1 ORDER BY a.id",
    )?;
    let ids = stmt
        .query_map([period], |r| r.get::<_, i64>(0))?
        .collect::<Result<Vec<_>, _>>()?;
    ids.into_iter().map(|id| ws.attachment(id)).collect()
}

struct Entry {
    path: String,
    sha256: String,
    bytes: u64,
    role: &'static str,
    file_id: Option<i64>,
    original_name: Option<String>,
    /// An attachment's id, case and audit event.
    attachment: Option<(i64, String, i64)>,
}

/// Writes the bundle to `path`. Returns the number of original files included.
pub fn write_bundle(ws: &Workspace, req: &ExportRequest, path: &Path) -> Result<u64, ReportError> {
    let period =
        req.filter.period.clone().ok_or_else(|| {
            ReportError::BadRequest(crate::msg!(super::words::BUNDLE_NEEDS_PERIOD))
        })?;
    let v = ws.verify_audit()?;
    if let Some((seq, why)) = v.first_broken {
        return Err(ReportError::Store(StoreError::ChainBroken { seq, why }));
    }
    let zone = ws.zone()?;
    let temp = |suffix: &str| {
        let mut name = path
            .file_name()
            .map(|n| n.to_os_string())
            .unwrap_or_default();
        name.push(suffix);
        path.with_file_name(name)
    };
    let workbook_tmp = temp(".workbook.tmp");
    let audit_tmp = temp(".audit.tmp");
    let result = (|| {
        let (cases, _) = write_workbook(ws, req, &req.filter, &workbook_tmp)?;
        let head = {
            let f = std::fs::File::create(&audit_tmp).map_err(io_at(&audit_tmp))?;
            let mut w = std::io::BufWriter::new(f);
            let head = audit_trail::write_audit_csv(ws, &mut w, false)?;
            w.flush().map_err(io_at(&audit_tmp))?;
            head
        };
        let file = std::fs::File::create(path).map_err(io_at(path))?;
        let mut zip = ZipWriter::new(std::io::BufWriter::new(file));
        let zerr = |e: zip::result::ZipError| ReportError::Write(format!("ZIP: {e}"));
        let opts = |bytes: u64| {
            SimpleFileOptions::default()
                .compression_method(CompressionMethod::Deflated)
                .large_file(bytes >= u32::MAX as u64)
        };
        let mut entries: Vec<Entry> = Vec::new();
        let workbook_name = format!("cuadra_{period}.xlsx");
        for (name, tmp, role) in [
            (workbook_name.as_str(), &workbook_tmp, "workbook"),
            ("audit_trail.csv", &audit_tmp, "audit_trail"),
        ] {
            let (sha256, bytes) = file_sha256(tmp)?;
            zip.start_file(name, opts(bytes)).map_err(zerr)?;
            let mut f = std::fs::File::open(tmp).map_err(io_at(tmp))?;
            std::io::copy(&mut f, &mut zip).map_err(io_at(path))?;
            entries.push(Entry {
                path: name.into(),
                sha256,
                bytes,
                role,
                file_id: None,
                original_name: None,
                attachment: None,
            });
        }
        let put = |zip: &mut ZipWriter<_>, name: &str, data: &[u8], role: &'static str| {
            zip.start_file(name, opts(data.len() as u64))
                .map_err(zerr)?;
            zip.write_all(data).map_err(io_at(path))?;
            Ok::<_, ReportError>(Entry {
                path: name.into(),
                sha256: super::sha256_of(data),
                bytes: data.len() as u64,
                role,
                file_id: None,
                original_name: None,
                attachment: None,
            })
        };
        entries.push(put(
            &mut zip,
            "verify_chain.py",
            VERIFY_CHAIN_PY.as_bytes(),
            "script",
        )?);
        let ids = period_files(ws, &period)?;
        for id in &ids {
            let meta = ws.file(*id)?;
            let bytes = ws.original_bytes(*id)?;
            let name = format!("files/{id:05}_{}", safe_name(&meta.name));
            let mut e = put(&mut zip, &name, &bytes, "original")?;
            e.file_id = Some(*id);
            e.original_name = Some(meta.name.clone());
            entries.push(e);
        }
        for a in period_attachments(ws, &period)? {
            let bytes = ws.attachment_bytes(a.id)?;
            let name = format!(
                "attachments/{}/{:05}_{}",
                safe_name(&a.case_key),
                a.id,
                safe_name(&a.name)
            );
            let mut e = put(&mut zip, &name, &bytes, "attachment")?;
            e.original_name = Some(a.name.clone());
            e.attachment = Some((a.id, a.case_key.clone(), a.audit_seq));
            entries.push(e);
        }
        let generated = req
            .now
            .with_timezone(&zone)
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, false);
        let manifest = serde_json::json!({
            "format": "cuadra-audit-bundle/1",
            "period": period,
            "generated_at": generated,
            "generated_by": req.actor,
            "zone": zone.name(),
            "lang": req.lang.as_str(),
            "filters": req.filter,
            "cases": cases,
            "chain_head": { "seq": head.seq, "hash": head.hash },
            "audit_events": head.events,
            "files": entries.iter().map(|e| {
                let mut v = serde_json::json!({
                    "path": e.path,
                    "sha256": e.sha256,
                    "bytes": e.bytes,
                    "role": e.role,
                    "file_id": e.file_id,
                    "original_name": e.original_name,
                });
                if let Some((id, case_key, seq)) = &e.attachment {
                    v["attachment_id"] = serde_json::json!(id);
                    v["case_key"] = serde_json::json!(case_key);
                    v["audit_seq"] = serde_json::json!(seq);
                }
                v
            }).collect::<Vec<_>>(),
        });
        let manifest = serde_json::to_vec_pretty(&manifest)
            .map_err(|e| ReportError::Write(format!("manifest: {e}")))?;
        entries.push(put(&mut zip, "manifest.json", &manifest, "manifest")?);
        let readme = README
            .replace("{period}", &period)
            .replace("{generated}", &generated)
            .replace("{actor}", &req.actor)
            .replace("{seq}", &head.seq.to_string())
            .replace("{hash}", &head.hash)
            .replace("{workbook}", &workbook_name)
            .replace("{zone}", zone.name());
        entries.push(put(&mut zip, "README.txt", readme.as_bytes(), "readme")?);
        let sums: String = entries
            .iter()
            .map(|e| format!("{}  {}\n", e.sha256, e.path))
            .collect();
        put(&mut zip, "SHA256SUMS", sums.as_bytes(), "sums")?;
        let mut w = zip.finish().map_err(zerr)?;
        w.flush().map_err(io_at(path))?;
        Ok(ids.len() as u64)
    })();
    let _ = std::fs::remove_file(&workbook_tmp);
    let _ = std::fs::remove_file(&audit_tmp);
    result
}
