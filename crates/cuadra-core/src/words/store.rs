//! The sentences of the workspace's errors (`StoreError`, `SettingError`) in Spanish (Colombia),
//! English and Simplified Chinese (see `crate::words`). Paths, setting keys, ids and the texts of
//! SQLite or the operating system are arguments shown as they are.
//!
//! Spanish is formal ("usted"); Chinese is Simplified.

crate::catalog! {
    pub static ENTRIES;

    // Opening the workspace.
    /// {0} the workspace file, {1} SQLite's error.
    OPEN = "store.open" {
        en: "cannot open the workspace {0} ({1}): check that the file is there and that you may read and write it",
        es: "no se puede abrir el espacio de trabajo {0} ({1}): verifique que el archivo exista y que usted tenga permiso para leerlo y modificarlo",
        zh: "无法打开工作区 {0}（{1}）：请确认该文件存在，并且您有读写权限",
    }
    /// {0} the file chosen as a workspace.
    NOT_A_WORKSPACE = "store.not_a_workspace" {
        en: "{0} is not a Cuadra workspace (it is not a database Cuadra can read): choose the workspace file (cuadra.db) or create a new workspace",
        es: "{0} no es un espacio de trabajo de Cuadra (no es una base de datos que Cuadra pueda leer): elija el archivo del espacio de trabajo (cuadra.db) o cree uno nuevo",
        zh: "{0} 不是 Cuadra 工作区（不是 Cuadra 能读取的数据库）：请选择工作区文件（cuadra.db），或新建一个工作区",
    }
    /// {0} the file.
    FOREIGN_DATABASE = "store.foreign_database" {
        en: "{0} is another program's database, not a Cuadra workspace; Cuadra left it unchanged: choose the workspace file (cuadra.db) or create a new workspace",
        es: "{0} es una base de datos de otro programa, no un espacio de trabajo de Cuadra; Cuadra no la modificó: elija el archivo del espacio de trabajo (cuadra.db) o cree uno nuevo",
        zh: "{0} 是其他程序的数据库，不是 Cuadra 工作区；Cuadra 未对其做任何修改：请选择工作区文件（cuadra.db），或新建一个工作区",
    }
    NOT_A_DATABASE = "store.not_a_database" {
        en: "the workspace file is no longer a database Cuadra can read, so it may be damaged: restore it from a backup",
        es: "el archivo del espacio de trabajo ya no es una base de datos que Cuadra pueda leer, así que puede estar dañado: restáurelo desde una copia de seguridad",
        zh: "工作区文件已不是 Cuadra 能读取的数据库，可能已损坏：请从备份恢复",
    }
    /// {0} the workspace file.
    IN_USE_AT = "store.in_use_at" {
        en: "the workspace {0} is in use by another program (another Cuadra window or cuadra-cli) and stayed locked for 10 seconds: wait until it finishes, or close it, and try again",
        es: "el espacio de trabajo {0} está en uso por otro programa (otra ventana de Cuadra o cuadra-cli) y siguió bloqueado durante 10 segundos: espere a que termine, o ciérrelo, e intente de nuevo",
        zh: "工作区 {0} 正被另一个程序（另一个 Cuadra 窗口或 cuadra-cli）使用，且已锁定 10 秒：请等待其完成或将其关闭，然后重试",
    }
    IN_USE = "store.in_use" {
        en: "the workspace is in use by another program (another Cuadra window or cuadra-cli) and stayed locked for 10 seconds: wait until it finishes, or close it, and try again",
        es: "el espacio de trabajo está en uso por otro programa (otra ventana de Cuadra o cuadra-cli) y siguió bloqueado durante 10 segundos: espere a que termine, o ciérrelo, e intente de nuevo",
        zh: "工作区正被另一个程序（另一个 Cuadra 窗口或 cuadra-cli）使用，且已锁定 10 秒：请等待其完成或将其关闭，然后重试",
    }
    /// {0} the path given as a workspace.
    NO_WORKSPACE = "store.no_workspace" {
        en: "there is no workspace at {0}: check the path; to start a new workspace there, import a file into it (cuadra-cli --db {0} import FILE)",
        es: "no hay un espacio de trabajo en {0}: revise la ruta; para crear uno nuevo allí, importe un archivo en él (cuadra-cli --db {0} import ARCHIVO)",
        zh: "{0} 处没有工作区：请检查路径；如要在此新建工作区，请向其中导入一个文件（cuadra-cli --db {0} import 文件）",
    }
    /// {0} the folder given as a workspace.
    IS_FOLDER = "store.is_folder" {
        en: "{0} is a folder, not a workspace file: give the workspace file itself (for example {0}/cuadra.db)",
        es: "{0} es una carpeta, no un archivo de espacio de trabajo: indique el archivo mismo (por ejemplo {0}/cuadra.db)",
        zh: "{0} 是文件夹，不是工作区文件：请指定工作区文件本身（例如 {0}/cuadra.db）",
    }
    /// {0} the workspace file, {1} the schema it has, {2} the newest this version knows.
    TOO_NEW = "store.too_new" {
        en: "the workspace {0} was written by a newer version of Cuadra (schema {1}; this version knows up to {2}): update Cuadra to open it",
        es: "el espacio de trabajo {0} fue escrito por una versión más reciente de Cuadra (esquema {1}; esta versión conoce hasta el {2}): actualice Cuadra para abrirlo",
        zh: "工作区 {0} 由更新版本的 Cuadra 写入（数据结构版本 {1}；当前版本最高支持 {2}）：请更新 Cuadra 后再打开",
    }
    /// {0} the folder, {1} the operating system's error.
    CREATE_DIR = "store.create_dir" {
        en: "cannot create the folder {0} ({1}): choose another place for the workspace, or check that you may write there",
        es: "no se puede crear la carpeta {0} ({1}): elija otro lugar para el espacio de trabajo o verifique que usted tenga permiso para escribir allí",
        zh: "无法创建文件夹 {0}（{1}）：请为工作区选择其他位置，或确认您有写入权限",
    }

    // The database while working.
    /// {0} SQLite's error.
    SQL = "store.sql" {
        en: "the workspace database reported an error ({0}): try again; if it keeps happening, restore the workspace from a backup",
        es: "la base de datos del espacio de trabajo reportó un error ({0}): intente de nuevo; si sigue ocurriendo, restaure el espacio de trabajo desde una copia de seguridad",
        zh: "工作区数据库报告了错误（{0}）：请重试；如果问题持续出现，请从备份恢复工作区",
    }
    DISK_FULL = "store.disk_full" {
        en: "the disk that holds the workspace is full: free some space and try again",
        es: "el disco donde está el espacio de trabajo está lleno: libere espacio e intente de nuevo",
        zh: "存放工作区的磁盘已满：请释放一些空间后重试",
    }
    /// {0} SQLite's own text.
    DISK_WRITE = "store.disk_write" {
        en: "the workspace could not be written to disk ({0}): the disk may be full, removed or failing, or a size limit reached; nothing of this act was saved: free some space or check the disk, and try again",
        es: "no se pudo escribir el espacio de trabajo en el disco ({0}): el disco puede estar lleno, desconectado o fallando, o se alcanzó un límite de tamaño; no se guardó nada de esta acción: libere espacio o revise el disco e intente de nuevo",
        zh: "无法将工作区写入磁盘（{0}）：磁盘可能已满、已移除或出现故障，或已达到大小限制；此操作的任何内容均未保存：请释放空间或检查磁盘后重试",
    }
    READ_ONLY = "store.read_only" {
        en: "the workspace file cannot be written (it is read-only): check its permissions, or copy it to a folder where you may write",
        es: "no se puede escribir en el archivo del espacio de trabajo (es de solo lectura): revise sus permisos o cópielo a una carpeta donde usted pueda escribir",
        zh: "无法写入工作区文件（只读）：请检查其权限，或将其复制到您有写入权限的文件夹",
    }
    /// {0} SQLite's error.
    /// {0} the workspace file, {1} what SQLite's page check found.
    DAMAGED = "store.damaged" {
        en: "the workspace {0} is damaged (SQLite's page check: {1}); nothing was written to it. Restore it from your last backup; `cuadra-cli verify` and `cuadra-cli backup` still open it to show or copy what is left",
        es: "el espacio de trabajo {0} está dañado (revisión de páginas de SQLite: {1}); no se escribió nada en él. Restáurelo desde su última copia de seguridad; `cuadra-cli verify` y `cuadra-cli backup` aún lo abren para mostrar o copiar lo que queda",
        zh: "工作区 {0} 已损坏（SQLite 页面检查：{1}）；未向其写入任何内容。请从最近的备份恢复；`cuadra-cli verify` 和 `cuadra-cli backup` 仍可打开它，以显示或复制剩余内容",
    }
    CORRUPT = "store.corrupt" {
        en: "the workspace file is damaged ({0}): restore it from a backup",
        es: "el archivo del espacio de trabajo está dañado ({0}): restáurelo desde una copia de seguridad",
        zh: "工作区文件已损坏（{0}）：请从备份恢复",
    }

    // Stored files and the audit trail.
    /// {0} the file id.
    NO_SUCH_FILE = "store.no_such_file" {
        en: "no imported file has id {0}: reload the list of imported files",
        es: "ningún archivo importado tiene el id {0}: vuelva a cargar la lista de archivos importados",
        zh: "没有 id 为 {0} 的已导入文件：请重新加载已导入文件列表",
    }
    /// {0} the file id, {1} the hash found, {2} the hash recorded.
    EVIDENCE_MISMATCH = "store.evidence_mismatch" {
        en: "the stored copy of file {0} is damaged: its SHA-256 is {1}, not {2}; restore the workspace from a backup",
        es: "la copia guardada del archivo {0} está dañada: su SHA-256 es {1}, no {2}; restaure el espacio de trabajo desde una copia de seguridad",
        zh: "文件 {0} 的留存副本已损坏：其 SHA-256 为 {1}，而不是 {2}；请从备份恢复工作区",
    }
    /// {0} the attachment's id.
    NO_SUCH_ATTACHMENT = "store.no_such_attachment" {
        en: "there is no attachment {0}; open the case again to see its attachments",
        es: "no existe el adjunto {0}; abra el caso de nuevo para ver sus adjuntos",
        zh: "不存在附件 {0}；请重新打开该对账项查看其附件",
    }
    /// {0} the attachment's id, {1} its name, {2} its case, {3} the SHA-256 of the stored
    /// bytes, {4} the SHA-256 recorded when it was attached.
    ATTACHMENT_DAMAGED = "store.attachment_damaged" {
        en: "the stored copy of attachment {0} ({1}) of case {2} is damaged: its SHA-256 is {3}, not the {4} recorded when it was attached. Restore the workspace from a backup",
        es: "la copia guardada del adjunto {0} ({1}) del caso {2} está dañada: su SHA-256 es {3}, no el {4} anotado al adjuntarlo. Restaure el espacio de trabajo desde una copia de seguridad",
        zh: "对账项 {2} 的附件 {0}（{1}）的存储副本已损坏：其 SHA-256 为 {3}，而非附加时记录的 {4}。请从备份恢复工作区",
    }
    /// {0} the file id, {1} the decompressor's error.
    DECOMPRESS = "store.decompress" {
        en: "cannot decompress the stored copy of file {0} ({1}); restore the workspace from a backup",
        es: "no se puede descomprimir la copia guardada del archivo {0} ({1}); restaure el espacio de trabajo desde una copia de seguridad",
        zh: "无法解压文件 {0} 的留存副本（{1}）；请从备份恢复工作区",
    }
    /// {0} the event's number, {1} why it does not verify (a message of `crate::words::audit`).
    CHAIN_BROKEN = "store.chain_broken" {
        en: "the audit trail is broken at event {0}: {1}. Verify the audit trail and restore the workspace from a backup that verifies",
        es: "la cadena de auditoría está rota en el evento {0}: {1}. Verifique la cadena y restaure el espacio de trabajo desde una copia de seguridad que se verifique correctamente",
        zh: "审计日志在事件 {0} 处断裂：{1}。请验证审计日志，并从能通过验证的备份恢复工作区",
    }
    /// {0} the period, {1} who closed it, {2} when.
    PERIOD_CLOSED = "store.period_closed" {
        en: "period {0} is closed (sealed by {1} on {2}); reopen it with a reason first",
        es: "el periodo {0} está cerrado (lo selló {1} el {2}); primero reábralo indicando un motivo",
        zh: "期间 {0} 已结账（结账人 {1}，{2}）；请先填写原因反结账",
    }

    // Backups.
    /// {0} the backup file.
    BACKUP_EXISTS = "store.backup_exists" {
        en: "{0} already exists: a backup never overwrites a file; choose a new name or move the old file away",
        es: "{0} ya existe: una copia de seguridad nunca sobrescribe un archivo; elija otro nombre o mueva el archivo anterior",
        zh: "{0} 已存在：备份从不覆盖已有文件；请换一个名称，或将旧文件移走",
    }
    /// {0} the backup file, {1} the error.
    BACKUP = "store.backup" {
        en: "cannot write the backup {0} ({1}): check that the folder exists, is writable and has space",
        es: "no se puede escribir la copia de seguridad {0} ({1}): verifique que la carpeta exista, permita escribir y tenga espacio",
        zh: "无法写入备份 {0}（{1}）：请确认该文件夹存在、可写入且有足够空间",
    }
    /// {0} the operating system's error.
    BACKUP_FLUSH = "store.backup_flush" {
        en: "cannot finish writing the backup to disk ({0}): check the disk and try again",
        es: "no se pudo terminar de escribir la copia de seguridad en el disco ({0}): revise el disco e intente de nuevo",
        zh: "无法将备份完整写入磁盘（{0}）：请检查磁盘后重试",
    }

    // Settings (`SettingError`).
    /// {0} the key given.
    SETTING_UNKNOWN = "setting.unknown" {
        en: "'{0}' is not a setting; settings are zone, zone.<psp>, tolerance, validity_hours, validity_hours.<psp>, grace_days, payout_window_days, payout_window_days.<psp>, payout_allowance, actor, retention_years, language",
        es: "'{0}' no es un ajuste; los ajustes son zone, zone.<psp>, tolerance, validity_hours, validity_hours.<psp>, grace_days, payout_window_days, payout_window_days.<psp>, payout_allowance, actor, retention_years, language",
        zh: "“{0}”不是设置项；设置项有 zone、zone.<psp>、tolerance、validity_hours、validity_hours.<psp>、grace_days、payout_window_days、payout_window_days.<psp>、payout_allowance、actor、retention_years、language",
    }
    /// {0} the retention now, {1} the lower value asked for.
    SETTING_LOWERED = "setting.lowered" {
        en: "the retention cannot be lowered from {0} to {1} years: records are kept at least as long as promised when they were filed; keep {0} or raise it",
        es: "la retención no puede bajar de {0} a {1} años: los registros se conservan al menos el tiempo prometido cuando se archivaron; mantenga {0} años o auméntela",
        zh: "保管期限不能从 {0} 年缩短为 {1} 年：记录至少要按归档时承诺的期限保管；请保持 {0} 年或延长",
    }
    /// {0} the value given, {1} the setting's key, {2} what to write instead (one of `WHY_*`).
    SETTING_INVALID = "setting.invalid" {
        en: "'{0}' is not a valid value for {1}: {2}",
        es: "'{0}' no es un valor válido para {1}: {2}",
        zh: "“{0}”不是 {1} 的有效值：{2}",
    }
    WHY_ZONE = "setting.why.zone" {
        en: "use a time zone name like America/Bogota",
        es: "use un nombre de zona horaria como America/Bogota",
        zh: "请使用时区名称，例如 America/Bogota",
    }
    WHY_TOLERANCE = "setting.why.tolerance" {
        en: "use a plain number of zero or more, like 0 or 100",
        es: "use un número simple, cero o mayor, como 0 o 100",
        zh: "请使用大于或等于零的普通数字，例如 0 或 100",
    }
    WHY_GRACE_DAYS = "setting.why.grace_days" {
        en: "use whole days between 0 and 3650",
        es: "use días enteros entre 0 y 3650",
        zh: "请使用 0 到 3650 之间的整数天数",
    }
    WHY_ACTOR = "setting.why.actor" {
        en: "use a plain name of at most 64 visible characters on one line, or nothing for the user name of the computer",
        es: "use un nombre simple de máximo 64 caracteres visibles en una sola línea, o déjelo vacío para usar el nombre de usuario del equipo",
        zh: "请使用一行内不超过 64 个可见字符的普通名称，或留空以使用电脑的用户名",
    }
    WHY_RETENTION = "setting.why.retention" {
        en: "use whole years from 5 (the least Cuadra keeps records) to 100",
        es: "use años enteros entre 5 (lo mínimo que Cuadra conserva los registros) y 100",
        zh: "请使用 5（Cuadra 最短保管期限）到 100 之间的整数年数",
    }
    WHY_LANGUAGE = "setting.why.language" {
        en: "use es (español), en (English) or zh (中文)",
        es: "use es (español), en (English) o zh (中文)",
        zh: "请使用 es（español）、en（English）或 zh（中文）",
    }
    WHY_PAYOUT_WINDOW = "setting.why.payout_window_days" {
        en: "use whole days between 0 and 366",
        es: "use días enteros entre 0 y 366",
        zh: "请使用 0 到 366 之间的整数天数",
    }
    WHY_VALIDITY = "setting.why.validity_hours" {
        en: "use whole hours between 1 and 8784",
        es: "use horas enteras entre 1 y 8784",
        zh: "请使用 1 到 8784 之间的整数小时数",
    }
}
