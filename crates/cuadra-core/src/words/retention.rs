//! The sentences of this module in Spanish (Colombia), English and Simplified Chinese (see
//! `crate::words`).

crate::catalog! {
    pub static ENTRIES;

    /// {0} the text given.
    BAD_DATE = "retention.bad_date" {
        en: "'{0}' is not a date: write it as YYYY-MM-DD, like 2021-01-01",
        es: "'{0}' no es una fecha: escríbala como AAAA-MM-DD, por ejemplo 2021-01-01",
        zh: "“{0}”不是日期：请按 YYYY-MM-DD 格式填写，例如 2021-01-01",
    }
    /// {0} how many files, {1} the date asked for, {2} the retention in years, {3} the files
    /// (each a `FILE_KEPT`).
    INSIDE_RETENTION = "retention.inside" {
        en: "{0} file(s) whose content ends before {1} are still inside retention ({2} years): {3}. Nothing was deleted. Choose an earlier date, or wait until they are past retention",
        es: "{0} archivo(s) cuyo contenido termina antes del {1} siguen dentro del periodo de retención ({2} años): {3}. No se eliminó nada. Elija una fecha anterior o espere a que termine su retención",
        zh: "有 {0} 份内容在 {1} 之前结束的文件仍在保管期限内（{2} 年）：{3}。未删除任何内容。请选择更早的日期，或等到这些文件超过保管期限",
    }
    /// {0} the file's id, {1} its name, {2} its last period, {3} the last day it is kept.
    FILE_KEPT = "retention.file_kept" {
        en: "file {0} ({1}, period {2}) is kept until {3}",
        es: "el archivo {0} ({1}, periodo {2}) se conserva hasta el {3}",
        zh: "文件 {0}（{1}，期间 {2}）保管至 {3}",
    }
    /// {0} and {1} the file that cannot go, {2} and {3} the file that is kept, {4} the end of
    /// that file's last period.
    ENTANGLED = "retention.entangled" {
        en: "file {0} ({1}) cannot be purged while file {2} ({3}) is kept: file {2} holds conflicting copies of its rows. Nothing was deleted. Choose a date after {4} (the end of file {2}'s last period) once file {2} is past retention",
        es: "el archivo {0} ({1}) no se puede eliminar mientras se conserve el archivo {2} ({3}): el archivo {2} tiene copias en conflicto de sus filas. No se eliminó nada. Cuando el archivo {2} haya salido de la retención, elija una fecha posterior al {4} (el fin de su último periodo)",
        zh: "在保管文件 {2}（{3}）期间，无法清除文件 {0}（{1}）：文件 {2} 含有其行的冲突副本。未删除任何内容。待文件 {2} 超过保管期限后，请选择 {4}（文件 {2} 最后一个期间的结束日）之后的日期",
    }
    /// {0} the event's number, {1} why it does not verify.
    CHAIN_BROKEN = "retention.chain_broken" {
        en: "the audit trail is broken at event {0} ({1}): nothing is purged from a workspace whose trail does not verify; verify the audit trail and restore the workspace from a backup",
        es: "la cadena de auditoría está rota en el evento {0} ({1}): no se elimina nada de un espacio de trabajo cuya cadena no se verifica; verifique la cadena y restaure el espacio de trabajo desde una copia de seguridad",
        zh: "审计日志在事件 {0} 处断裂（{1}）：审计日志无法通过验证的工作区不会清除任何内容；请验证审计日志，并从备份恢复工作区",
    }
}
