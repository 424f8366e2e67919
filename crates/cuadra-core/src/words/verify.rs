//! What `verify` found, in Spanish (Colombia), English and Simplified Chinese (see
//! `crate::words`). File names, keys, columns and values are arguments shown as they are.

crate::catalog! {
    pub static ENTRIES;

    /// {0} SQLite's report.
    INTEGRITY = "verify.integrity" {
        en: "SQLite's integrity check reports: {0}. The workspace file is damaged: stop working in it, keep it aside for the record, and restore the last backup",
        es: "la verificación de integridad de SQLite informa: {0}. El archivo del espacio de trabajo está dañado: deje de trabajar en él, guárdelo aparte como constancia y restaure la última copia de seguridad",
        zh: "SQLite 完整性检查报告：{0}。工作区文件已损坏：请停止在其中操作，另行保存该文件以备查，并恢复最近的备份",
    }
    /// {0} the event that does not verify, {1} why.
    CHAIN = "verify.chain" {
        en: "the audit trail is broken at event {0}: {1}. Restore the workspace from a backup and find out who changed the file",
        es: "el registro de auditoría está roto en el evento {0}: {1}. Restaure el espacio de trabajo desde una copia de seguridad y averigüe quién modificó el archivo",
        zh: "审计记录在事件 {0} 处断裂：{1}。请从备份恢复工作区，并查明是谁修改了该文件",
    }
    /// {0} the last event the witness saw, {1} the last event now, {2} the witness file.
    WITNESS_SHORTER = "verify.witness_shorter" {
        en: "the audit trail ends at event {1}, but it had reached event {0} (recorded in {2}): events were deleted after they were written. Restore the workspace from a backup made after event {0}, and find out who changed the file",
        es: "el registro de auditoría termina en el evento {1}, pero ya había llegado al evento {0} (anotado en {2}): se borraron eventos después de registrarlos. Restaure el espacio de trabajo desde una copia de seguridad posterior al evento {0} y averigüe quién modificó el archivo",
        zh: "审计记录止于事件 {1}，但此前已记录到事件 {0}（见 {2}）：有事件在写入后被删除。请从事件 {0} 之后的备份恢复工作区，并查明是谁修改了该文件",
    }
    /// {0} the event, {1} the witness file.
    WITNESS_DIFFERENT = "verify.witness_different" {
        en: "event {0} of the audit trail is not the event recorded in {1}: the trail was rewritten. Restore the workspace from a backup, and find out who changed the file",
        es: "el evento {0} del registro de auditoría no es el anotado en {1}: el registro fue reescrito. Restaure el espacio de trabajo desde una copia de seguridad y averigüe quién modificó el archivo",
        zh: "审计记录中的事件 {0} 与 {1} 中记录的不一致：审计记录被改写过。请从备份恢复工作区，并查明是谁修改了该文件",
    }
    /// {0} the file's id, {1} its name, {2} what is wrong.
    EVIDENCE = "verify.evidence" {
        en: "the stored original of file {0} ({1}) is not the file that was imported: {2}. Restore the workspace from a backup",
        es: "el original guardado del archivo {0} ({1}) no es el archivo que se importó: {2}. Restaure el espacio de trabajo desde una copia de seguridad",
        zh: "文件 {0}（{1}）的存储原件不是当初导入的文件：{2}。请从备份恢复工作区",
    }
    /// {0} the attachment's id, {1} its name, {2} its case, {3} what is wrong.
    ATTACHMENT = "verify.attachment" {
        en: "attachment {0} ({1}) of case {2} is not the file that was attached: {3}. Restore the workspace from a backup",
        es: "el adjunto {0} ({1}) del caso {2} no es el archivo que se adjuntó: {3}. Restaure el espacio de trabajo desde una copia de seguridad",
        zh: "对账项 {2} 的附件 {0}（{1}）不是当初附加的文件：{3}。请从备份恢复工作区",
    }
    /// {0} the audit event, {1} the case, {2} the file's name as the event recorded it.
    ATTACHMENT_MISSING = "verify.attachment_missing" {
        en: "audit event {0} records a file attached to case {1} ({2}), but the workspace holds no such attachment: it was deleted outside Cuadra. Restore the workspace from a backup",
        es: "el evento de auditoría {0} registra un archivo adjuntado al caso {1} ({2}), pero el espacio de trabajo no tiene ese adjunto: se borró fuera de Cuadra. Restaure el espacio de trabajo desde una copia de seguridad",
        zh: "审计事件 {0} 记录了附加到对账项 {1} 的文件（{2}），但工作区中没有该附件：它在 Cuadra 之外被删除。请从备份恢复工作区",
    }
    /// {0} the file's id, {1} its name, {2} why it could not be read again.
    UNDERIVABLE = "verify.underivable" {
        en: "file {0} ({1}) could not be read again from its stored original: {2}. Its rows were not checked",
        es: "el archivo {0} ({1}) no se pudo leer de nuevo desde su original guardado: {2}. Sus filas no se verificaron",
        zh: "无法从存储的原件重新读取文件 {0}（{1}）：{2}。其各行未经核对",
    }
    /// {0} what (a settlement line, an order...), {1} its key, {2} the file, {3} the row,
    /// {4} the columns that differ, each with the stored and the derived value.
    ROW_CHANGED = "verify.row_changed" {
        en: "{0} {1} (file {2}, row {3}) is not what its original file gives: {4}. The workspace was changed outside Cuadra: restore it from a backup",
        es: "{0} {1} (archivo {2}, fila {3}) no es lo que da su archivo original: {4}. El espacio de trabajo se modificó fuera de Cuadra: restáurelo desde una copia de seguridad",
        zh: "{0} {1}（文件 {2}，第 {3} 行）与其原始文件给出的不一致：{4}。工作区在 Cuadra 之外被修改过：请从备份恢复",
    }
    /// {0} what, {1} its key, {2} the file, {3} the row.
    ROW_ADDED = "verify.row_added" {
        en: "{0} {1} (file {2}, row {3}) is stored, but its original file does not give it: it was added outside Cuadra. Restore the workspace from a backup",
        es: "{0} {1} (archivo {2}, fila {3}) está guardado, pero su archivo original no lo da: se agregó fuera de Cuadra. Restaure el espacio de trabajo desde una copia de seguridad",
        zh: "{0} {1}（文件 {2}，第 {3} 行）已存储，但其原始文件中并没有：它是在 Cuadra 之外添加的。请从备份恢复工作区",
    }
    /// {0} what, {1} its key, {2} the file, {3} the row.
    ROW_MISSING = "verify.row_missing" {
        en: "{0} {1} (file {2}, row {3}) comes from its original file but is not stored: it was deleted outside Cuadra. Restore the workspace from a backup",
        es: "{0} {1} (archivo {2}, fila {3}) viene de su archivo original pero no está guardado: se borró fuera de Cuadra. Restaure el espacio de trabajo desde una copia de seguridad",
        zh: "{0} {1}（文件 {2}，第 {3} 行）来自其原始文件，但未被存储：它在 Cuadra 之外被删除。请从备份恢复工作区",
    }
    /// {0} the file's id, {1} its name.
    ROWS_ROOT = "verify.rows_root" {
        en: "the rows of file {0} ({1}) do not hash to the root recorded in the audit trail when it was imported: its original or its rows were replaced. Restore the workspace from a backup",
        es: "las filas del archivo {0} ({1}) no dan el hash raíz anotado en el registro de auditoría al importarlo: se reemplazó su original o sus filas. Restaure el espacio de trabajo desde una copia de seguridad",
        zh: "文件 {0}（{1}）各行的哈希与导入时写入审计记录的根哈希不符：其原件或各行被替换过。请从备份恢复工作区",
    }
    /// {0} the period, {1} cases changed, {2} cases added, {3} cases removed.
    SEAL = "verify.seal" {
        en: "period {0} is closed, but its sealed records do not verify ({1} case(s) changed, {2} added, {3} removed since the close): see cuadra-cli period verify {0}",
        es: "el período {0} está cerrado, pero sus registros sellados no se verifican ({1} caso(s) cambiados, {2} agregados, {3} quitados desde el cierre): vea cuadra-cli period verify {0}",
        zh: "期间 {0} 已结账，但其结账记录未通过核验（自结账以来 {1} 项对账项被更改、{2} 项新增、{3} 项移除）：请查看 cuadra-cli period verify {0}",
    }
    /// {0} the case, {1} the column, {2} the stored value, {3} the value a run gives.
    CASE_CHANGED = "verify.case_changed" {
        en: "case {0}: its {1} is stored as '{2}', but the last reconciliation run again gives '{3}': the case was changed outside Cuadra. Reconcile again to derive it anew, and check the audit log",
        es: "caso {0}: su {1} está guardado como '{2}', pero la última conciliación, ejecutada de nuevo, da '{3}': el caso se modificó fuera de Cuadra. Concilie de nuevo para derivarlo otra vez y revise el registro de auditoría",
        zh: "对账项 {0}：其 {1} 存储为“{2}”，但重新运行最近一次对账得到“{3}”：该对账项在 Cuadra 之外被修改过。请重新对账以重新推导，并检查审计日志",
    }
    /// {0} the case.
    CASE_ADDED = "verify.case_added" {
        en: "case {0} is stored, but the last reconciliation run again does not give it: it was added outside Cuadra. Reconcile again, and check the audit log",
        es: "el caso {0} está guardado, pero la última conciliación, ejecutada de nuevo, no lo da: se agregó fuera de Cuadra. Concilie de nuevo y revise el registro de auditoría",
        zh: "对账项 {0} 已存储，但重新运行最近一次对账并不会得到它：它是在 Cuadra 之外添加的。请重新对账，并检查审计日志",
    }
    /// {0} the case.
    CASE_MISSING = "verify.case_missing" {
        en: "case {0} comes from the last reconciliation run again, but is not stored: it was deleted outside Cuadra. Reconcile again, and check the audit log",
        es: "el caso {0} sale de la última conciliación ejecutada de nuevo, pero no está guardado: se borró fuera de Cuadra. Concilie de nuevo y revise el registro de auditoría",
        zh: "重新运行最近一次对账会得到对账项 {0}，但它未被存储：它在 Cuadra 之外被删除。请重新对账，并检查审计日志",
    }
    CASES_STALE = "verify.cases_stale" {
        en: "the cases were not compared: files, settings or retention changed after the last reconciliation. Reconcile, then verify again",
        es: "los casos no se compararon: cambiaron archivos, ajustes o la retención después de la última conciliación. Concilie y verifique de nuevo",
        zh: "未比对对账项：最近一次对账之后文件、设置或保管期限有变动。请先对账，再重新核验",
    }
    NOT_RECONCILED = "verify.not_reconciled" {
        en: "no reconciliation has been run yet: there are no cases to compare",
        es: "todavía no se ha ejecutado ninguna conciliación: no hay casos que comparar",
        zh: "尚未运行过对账：没有可比对的对账项",
    }
    /// {0} how many files.
    PURGED = "verify.purged" {
        en: "{0} file(s) were purged under retention: rows the kept files share with them are not checked for deletion",
        es: "{0} archivo(s) se depuraron por retención: no se verifica si se borraron filas que los archivos conservados comparten con ellos",
        zh: "有 {0} 份文件已按保管期限清除：留存文件中与其共享的行未做删除核对",
    }
}
