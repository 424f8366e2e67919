//! Why a list of cases or a dashboard could not be read as asked, in Spanish (Colombia), English
//! and Simplified Chinese (see `crate::words`). The values typed are shown as they are.

crate::catalog! {
    pub static ENTRIES;

    /// {0} the text given.
    BAD_FROM = "cases.bad_from" {
        en: "the start date '{0}' is not a date like 2026-10-31",
        es: "la fecha inicial '{0}' no es una fecha como 2026-10-31",
        zh: "开始日期“{0}”不是有效日期，格式应如 2026-10-31",
    }
    /// {0} the text given.
    BAD_TO = "cases.bad_to" {
        en: "the end date '{0}' is not a date like 2026-10-31",
        es: "la fecha final '{0}' no es una fecha como 2026-10-31",
        zh: "结束日期“{0}”不是有效日期，格式应如 2026-10-31",
    }
    /// {0} the text given.
    BAD_AMOUNT_MIN = "cases.bad_amount_min" {
        en: "the minimum amount '{0}' is not an amount like 150000 or 12.50",
        es: "el monto mínimo '{0}' no es un monto como 150000 o 12.50",
        zh: "最低金额“{0}”不是有效金额，格式应如 150000 或 12.50",
    }
    /// {0} the text given.
    BAD_AMOUNT_MAX = "cases.bad_amount_max" {
        en: "the maximum amount '{0}' is not an amount like 150000 or 12.50",
        es: "el monto máximo '{0}' no es un monto como 150000 o 12.50",
        zh: "最高金额“{0}”不是有效金额，格式应如 150000 或 12.50",
    }
    /// {0} the stored time.
    BAD_AS_OF = "cases.bad_as_of" {
        en: "the time of the last reconciliation ('{0}') cannot be read: reconcile again",
        es: "no se puede leer la hora de la última conciliación ('{0}'): concilie de nuevo",
        zh: "无法读取上次对账的时间（“{0}”）：请重新对账",
    }
    /// {0} lines the run's cases hold, {1} rows stored.
    LINES_NOT_PARTITIONED = "cases.lines_not_partitioned" {
        en: "the reconciliation gave its cases {0} settlement lines but {1} were stored: a line would sit in two cases, so nothing was saved; keep the workspace and report this",
        es: "la conciliación dio a sus casos {0} líneas de liquidación pero se guardaron {1}: una línea quedaría en dos casos, así que no se guardó nada; conserve el espacio de trabajo y reporte esto",
        zh: "本次对账的对账项包含 {0} 条结算明细，但保存了 {1} 条：某条明细会同时属于两个对账项，因此未保存任何内容；请保留该工作区并报告此问题",
    }
}
