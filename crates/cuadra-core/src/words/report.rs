//! Why a report could not be written, in Spanish (Colombia), English and Simplified Chinese (see
//! `crate::words`). Report kinds, formats and status codes are the identifiers the request used;
//! paths and the texts of the file and spreadsheet libraries are shown as they are.

crate::catalog! {
    pub static ENTRIES;

    /// {0} the status given, {1} the known statuses.
    BAD_STATUS = "report.bad_status" {
        en: "'{0}' is not a case status; use one of: {1}",
        es: "'{0}' no es un estado de caso; use uno de estos: {1}",
        zh: "“{0}”不是对账项状态；请使用以下之一：{1}",
    }
    /// {0} the report kind, {1} the statuses it never holds.
    KIND_NEVER_HOLDS = "report.kind_never_holds" {
        en: "the {0} report never holds status {1}: drop it from the status filter or export another kind of report",
        es: "el reporte {0} nunca contiene el estado {1}: quítelo del filtro de estados o exporte otro tipo de reporte",
        zh: "{0} 报表从不包含状态 {1}：请从状态筛选中移除它，或导出其他类型的报表",
    }
    BUNDLE_NEEDS_PERIOD = "report.bundle_needs_period" {
        en: "an evidence bundle is for one period: choose the period first, e.g. 2026-10",
        es: "un paquete de evidencia es de un solo periodo: elija primero el periodo, por ejemplo 2026-10",
        zh: "审计资料包只针对一个期间：请先选择期间，例如 2026-10",
    }
    /// {0} the format asked for.
    BUNDLE_IS_ZIP = "report.bundle_is_zip" {
        en: "an evidence bundle is a ZIP file, not {0}: save it as a .zip",
        es: "un paquete de evidencia es un archivo ZIP, no {0}: guárdelo como .zip",
        zh: "审计资料包是 ZIP 文件，而不是 {0}：请保存为 .zip",
    }
    /// {0} the format asked for.
    WORKBOOK_IS_XLSX = "report.workbook_is_xlsx" {
        en: "a workbook is an XLSX file, not {0}: save it as a .xlsx",
        es: "el libro completo es un archivo XLSX, no {0}: guárdelo como .xlsx",
        zh: "完整工作簿是 XLSX 文件，而不是 {0}：请保存为 .xlsx",
    }
    /// {0} the report kind.
    ONLY_BUNDLE_ZIP = "report.only_bundle_zip" {
        en: "only the evidence bundle is a ZIP file; export the {0} report as CSV or XLSX",
        es: "solo el paquete de evidencia es un archivo ZIP; exporte el reporte {0} como CSV o XLSX",
        zh: "只有审计资料包是 ZIP 文件；请将 {0} 报表导出为 CSV 或 XLSX",
    }
    /// {0} the stored total, {1} the batch's case key.
    BAD_NET_TOTAL = "report.bad_net_total" {
        en: "the stored net total '{0}' of batch {1} is not a decimal number: import the file again",
        es: "el total neto guardado '{0}' del lote {1} no es un número decimal: importe el archivo de nuevo",
        zh: "批次 {1} 存储的净额“{0}”不是十进制数字：请重新导入该文件",
    }
    /// {0} the writer's error.
    WRITE = "report.write" {
        en: "cannot write the report ({0}): check that the folder exists, is writable and has space",
        es: "no se puede escribir el reporte ({0}): verifique que la carpeta exista, permita escribir y tenga espacio",
        zh: "无法写入报表（{0}）：请确认文件夹存在、可写入且有足够空间",
    }
    /// {0} the spreadsheet library's error.
    XLSX = "report.xlsx" {
        en: "cannot write the workbook ({0}): check the disk space and that the folder is writable",
        es: "no se puede escribir el libro de Excel ({0}): verifique el espacio en disco y que la carpeta permita escribir",
        zh: "无法写入工作簿（{0}）：请检查磁盘空间，并确认文件夹可写入",
    }
    /// {0} the file, {1} the operating system's error.
    IO = "report.io" {
        en: "cannot write {0} ({1}): check that the folder exists, is writable and has space",
        es: "no se puede escribir {0} ({1}): verifique que la carpeta exista, permita escribir y tenga espacio",
        zh: "无法写入 {0}（{1}）：请确认文件夹存在、可写入且有足够空间",
    }
    /// {0} why the audit trail refused the record, {1} the file removed.
    UNRECORDED = "report.unrecorded" {
        en: "the export could not be recorded in the audit trail ({0}), so {1} was removed; try again",
        es: "la exportación no se pudo registrar en la auditoría ({0}), así que se eliminó {1}; intente de nuevo",
        zh: "无法在审计日志中记录此次导出（{0}），因此已删除 {1}；请重试",
    }
}
