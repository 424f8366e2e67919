//! The desktop app's own sentences (its commands' refusals), in Spanish (Colombia), English and
//! Simplified Chinese. They live in the core's catalog so the app renders them like every other
//! message, from the one copy the UI is generated from. The errors of the core speak through
//! their own `msg()`.

crate::catalog! {
    pub static ENTRIES;

    NO_WORKSPACE = "app.no_workspace" {
        en: "no workspace is open: create one or open an existing one first",
        es: "no hay un espacio de trabajo abierto: primero cree uno o abra uno existente",
        zh: "尚未打开工作区：请先新建一个或打开现有的工作区",
    }
    NO_WORKSPACE_PATH = "app.no_workspace_path" {
        en: "the system gives no folder for the workspace: set the CUADRA_DB environment variable to the workspace file's path",
        es: "el sistema no ofrece una carpeta para el espacio de trabajo: defina la variable de entorno CUADRA_DB con la ruta del archivo del espacio de trabajo",
        zh: "系统未提供存放工作区的文件夹：请将环境变量 CUADRA_DB 设为工作区文件的路径",
    }
    /// {0} the operating system's error.
    PREFS_NOT_SAVED = "app.prefs_not_saved" {
        en: "cannot save your preferences ({0}): check that your user folder is writable and has space",
        es: "no se pueden guardar sus preferencias ({0}): verifique que su carpeta de usuario permita escribir y tenga espacio",
        zh: "无法保存您的偏好设置（{0}）：请确认您的用户文件夹可写入且有足够空间",
    }
    /// {0} what went wrong, for a bug report.
    INTERNAL = "app.internal" {
        en: "something went wrong inside Cuadra ({0}); try again, and report it if it happens again",
        es: "algo falló dentro de Cuadra ({0}); intente de nuevo y, si vuelve a ocurrir, repórtelo",
        zh: "Cuadra 内部出错（{0}）；请重试，如果再次出现请报告此问题",
    }

    // Requests the app itself checks.
    /// {0} the most a page holds, {1} the number asked for.
    PAGE_OF_CASES = "app.page_of_cases" {
        en: "a page holds 1 to {0} cases, not {1}",
        es: "una página contiene de 1 a {0} casos, no {1}",
        zh: "每页可显示 1 到 {0} 项，而不是 {1} 项",
    }
    /// {0} the most a page holds, {1} the number asked for.
    PAGE_OF_EVENTS = "app.page_of_events" {
        en: "a page holds 1 to {0} events, not {1}",
        es: "una página contiene de 1 a {0} eventos, no {1}",
        zh: "每页可显示 1 到 {0} 条事件，而不是 {1} 条",
    }
    /// {0} the column asked for.
    BAD_SORT = "app.bad_sort" {
        en: "the cases cannot be sorted by '{0}'",
        es: "los casos no se pueden ordenar por '{0}'",
        zh: "对账项不能按“{0}”排序",
    }
    /// {0} the text given.
    BAD_SINCE = "app.bad_since" {
        en: "'{0}' is not a date like 2026-10-31 or a time like 2026-10-31T08:00:00-05:00",
        es: "'{0}' no es una fecha como 2026-10-31 ni una hora como 2026-10-31T08:00:00-05:00",
        zh: "“{0}”不是有效日期（如 2026-10-31）或时间（如 2026-10-31T08:00:00-05:00）",
    }
    /// {0} the text given.
    BAD_LINE_ID = "app.bad_line_id" {
        en: "'{0}' is not a settlement line id",
        es: "'{0}' no es un id de línea de liquidación",
        zh: "“{0}”不是结算行 ID",
    }
    /// {0} the text given.
    /// {0} the as-of as given.
    BAD_AS_OF = "app.bad_as_of" {
        en: "'{0}' is not a date to reconcile as of: choose a day (2026-05-31)",
        es: "'{0}' no es una fecha de corte: elija un día (2026-05-31)",
        zh: "“{0}”不是有效的数据截至日期：请选择一天（2026-05-31）",
    }
    /// {0} the as-of as given.
    AS_OF_FUTURE = "app.as_of_future" {
        en: "{0} has not come yet: judged as of a later day, vouchers still valid today would count as expired. Choose today or an earlier day",
        es: "{0} aún no ha llegado: con un corte posterior, los códigos de pago aún vigentes hoy contarían como vencidos. Elija hoy o un día anterior",
        zh: "{0} 尚未到来：若数据截至更晚的日期，今天仍有效的付款码会被算作已过期。请选择今天或更早的日期",
    }
    BAD_ORDER_ID = "app.bad_order_id" {
        en: "'{0}' is not an order id",
        es: "'{0}' no es un id de pedido",
        zh: "“{0}”不是订单 ID",
    }
    /// {0} the action asked for.
    BAD_ACTION = "app.bad_action" {
        en: "'{0}' is not an action: confirm, match, unmatch, resolve, reopen or note",
        es: "'{0}' no es una acción: confirm, match, unmatch, resolve, reopen o note",
        zh: "“{0}”不是操作：应为 confirm、match、unmatch、resolve、reopen 或 note",
    }
    /// {0} the case key.
    CASE_GONE = "app.case_gone" {
        en: "case {0} is no longer there after the act: reload the list of cases",
        es: "el caso {0} ya no existe después de la acción: vuelva a cargar la lista de casos",
        zh: "操作后对账项 {0} 已不存在：请重新加载对账项列表",
    }
    /// {0} the kind asked for.
    BAD_REPORT = "app.bad_report" {
        en: "'{0}' is not a kind of report",
        es: "'{0}' no es un tipo de reporte",
        zh: "“{0}”不是报表类型",
    }
    /// {0} the format asked for.
    BAD_FORMAT = "app.bad_format" {
        en: "'{0}' is not a format: use xlsx or csv",
        es: "'{0}' no es un formato: use xlsx o csv",
        zh: "“{0}”不是有效格式：请使用 xlsx 或 csv",
    }
    /// {0} the language asked for.
    BAD_LANGUAGE = "app.bad_language" {
        en: "'{0}' is not a language: use es (español), en (English) or zh (中文)",
        es: "'{0}' no es un idioma: use es (español), en (English) o zh (中文)",
        zh: "“{0}”不是有效语言：请使用 es（español）、en（English）或 zh（中文）",
    }
    ACTOR_LENGTH = "app.actor_length" {
        en: "your name for the records must have 1 to 100 characters",
        es: "su nombre para los registros debe tener entre 1 y 100 caracteres",
        zh: "用于记录的姓名须为 1 到 100 个字符",
    }
    /// {0} the screen named.
    BAD_SCREEN = "app.bad_screen" {
        en: "'{0}' is not a screen that reports readiness",
        es: "'{0}' no es una pantalla que informe cuándo está lista",
        zh: "“{0}”不是会报告就绪状态的界面",
    }

    // Files and workspaces chosen in a dialog or dropped.
    /// {0} the path.
    NOT_A_FILE = "app.not_a_file" {
        en: "{0} is not a file that can be read: choose the file again",
        es: "{0} no es un archivo que se pueda leer: elija el archivo de nuevo",
        zh: "{0} 不是可读取的文件：请重新选择文件",
    }
    NO_FILES = "app.no_files" {
        en: "choose at least one file to import",
        es: "elija al menos un archivo para importar",
        zh: "请至少选择一个要导入的文件",
    }
    IMPORT_RUNNING = "app.import_running" {
        en: "an import is already running: wait for it to finish or cancel it",
        es: "ya hay una importación en curso: espere a que termine o cancélela",
        zh: "已有导入正在进行：请等待其完成或将其取消",
    }
    /// {0} the path.
    NO_SUCH_WORKSPACE = "app.no_such_workspace" {
        en: "{0} does not exist: choose an existing workspace file, or create a new one",
        es: "{0} no existe: elija un archivo de espacio de trabajo existente o cree uno nuevo",
        zh: "{0} 不存在：请选择现有的工作区文件，或新建一个",
    }
    /// {0} the demo file, {1} its first problem.
    DEMO_FAILED = "app.demo_failed" {
        en: "the demo file {0} did not import: {1}",
        es: "el archivo de demostración {0} no se importó: {1}",
        zh: "演示文件 {0} 未能导入：{1}",
    }
}
