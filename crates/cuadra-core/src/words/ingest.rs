//! The sentences of this module in Spanish, English and Simplified Chinese (see `crate::words`).
//!
//! Besides the import's own problems, this catalog holds the sentences of the readers an import
//! uses and nothing else does: why bytes are not text (`crate::decode`), why a cell is not an
//! amount (`crate::money`) or not a date (`crate::time`). Values quoted from the file, column
//! names, identifiers and other libraries' error texts are arguments shown as they are.
//!
//! Spanish is Colombian and formal ("usted"); Chinese is Simplified. Code, CLI options and field
//! names (`--skip-bad-rows`, `reference=COLUMN`) stay as they are typed.

use crate::words::Arg;

/// A count or row number as a message argument.
pub(crate) fn int(n: u64) -> Arg {
    Arg::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

crate::catalog! {
    pub static ENTRIES;

    // Opening the file.
    FILE_EMPTY = "ingest.file_empty" {
        en: "the file is empty: export it again from the PSP or the shop",
        es: "el archivo está vacío: expórtelo de nuevo desde la pasarela de pagos o la tienda",
        zh: "文件为空：请从支付服务商或店铺后台重新导出",
    }
    FILE_BLANK = "ingest.file_blank" {
        en: "the file holds only blank lines: export it again from the PSP or the shop",
        es: "el archivo solo contiene líneas en blanco: expórtelo de nuevo desde la pasarela de pagos o la tienda",
        zh: "文件只有空行：请从支付服务商或店铺后台重新导出",
    }
    OLD_EXCEL = "ingest.old_excel" {
        en: "this is an old Excel 97-2003 (.xls) workbook: open it in Excel or LibreOffice and save it as .xlsx or CSV",
        es: "este es un libro de Excel 97-2003 (.xls), un formato antiguo: ábralo en Excel o LibreOffice y guárdelo como .xlsx o CSV",
        zh: "这是旧版 Excel 97-2003（.xls）工作簿：请用 Excel 或 LibreOffice 打开，并另存为 .xlsx 或 CSV",
    }
    /// {0} line number, {1} size in MB as written (one decimal).
    HUGE_LINE = "ingest.huge_line" {
        en: "line {0} is {1} MB long: no export writes lines like that, so the file is damaged or is not a CSV export; export it again",
        es: "la línea {0} ocupa {1} MB: ninguna exportación escribe líneas así, de modo que el archivo está dañado o no es una exportación CSV; expórtelo de nuevo",
        zh: "第 {0} 行长达 {1} MB：正常导出不会产生这样的行，因此文件已损坏或不是 CSV 导出文件；请重新导出",
    }
    /// {0} the spreadsheet library's error.
    UNREADABLE_WORKBOOK = "ingest.unreadable_workbook" {
        en: "cannot read the workbook ({0}): save it again as .xlsx or CSV",
        es: "no se puede leer el libro de Excel ({0}): guárdelo de nuevo como .xlsx o CSV",
        zh: "无法读取该工作簿（{0}）：请重新另存为 .xlsx 或 CSV",
    }
    /// {0} the limit in MB.
    WORKBOOK_TOO_BIG = "ingest.workbook_too_big" {
        en: "the workbook unpacks to more than {0} MB, more than any export Cuadra reads as a workbook (or it was built to exhaust memory): it was refused before being read. Save it as CSV, which Cuadra reads at any size, and import that",
        es: "el libro se descomprime en más de {0} MB, más que cualquier exportación que Cuadra lea como libro de Excel (o se construyó para agotar la memoria): se rechazó antes de leerlo. Guárdelo como CSV, que Cuadra lee sin importar su tamaño, e importe ese archivo",
        zh: "该工作簿解压后超过 {0} MB，超出 Cuadra 作为工作簿读取的任何导出文件（或它被构造来耗尽内存）：已在读取前拒绝。请另存为 CSV（Cuadra 可读取任意大小的 CSV）后导入",
    }
    /// {0} the sheet's name, {1} the limit in cells.
    WORKBOOK_TOO_MANY_CELLS = "ingest.workbook_too_many_cells" {
        en: "the sheet '{0}' spans more than {1} cells, more than Cuadra reads from a workbook: it was refused before memory ran out. Save it as CSV, which Cuadra reads at any size, and import that",
        es: "la hoja '{0}' abarca más de {1} celdas, más de las que Cuadra lee de un libro de Excel: se rechazó antes de agotar la memoria. Guárdela como CSV, que Cuadra lee sin importar su tamaño, e importe ese archivo",
        zh: "工作表“{0}”超过 {1} 个单元格，超出 Cuadra 从工作簿读取的上限：已在内存耗尽前拒绝。请另存为 CSV（Cuadra 可读取任意大小的 CSV）后导入",
    }
    /// {0} the spreadsheet library's error.
    UNREADABLE_SHEET = "ingest.unreadable_sheet" {
        en: "this sheet could not be read and was skipped: {0}",
        es: "esta hoja no se pudo leer y se omitió: {0}",
        zh: "无法读取此工作表，已跳过：{0}",
    }
    /// {0} the float as stored, {1} the decimal read, {2} how many decimals were kept.
    FLOAT_ROUNDED = "ingest.float_rounded" {
        en: "the workbook stores this number as the binary fraction {0}; it was read as {1} (rounded to {2} decimals)",
        es: "el libro guarda este número como la fracción binaria {0}; se leyó como {1} (redondeado a {2} decimales)",
        zh: "工作簿以二进制小数 {0} 存储此数字；已读取为 {1}（四舍五入到 {2} 位小数）",
    }
    WORKBOOK_EMPTY = "ingest.workbook_empty" {
        en: "the workbook has no sheet with data",
        es: "el libro no tiene ninguna hoja con datos",
        zh: "工作簿中没有包含数据的工作表",
    }
    /// {0} the system's error.
    REOPEN_FAILED = "ingest.reopen_failed" {
        en: "the file could not be opened again: {0}",
        es: "el archivo no se pudo abrir de nuevo: {0}",
        zh: "无法再次打开文件：{0}",
    }
    /// {0} the system's error.
    READ_INTERRUPTED = "ingest.read_interrupted" {
        en: "the file could not be read any further: {0}",
        es: "no se pudo seguir leyendo el archivo: {0}",
        zh: "无法继续读取文件：{0}",
    }
    /// {0} the system's error.
    UNREADABLE_FILE = "ingest.unreadable_file" {
        en: "cannot read the file: {0}",
        es: "no se puede leer el archivo: {0}",
        zh: "无法读取文件：{0}",
    }
    /// {0} the CSV library's error.
    BAD_CSV = "ingest.bad_csv" {
        en: "the row cannot be read as CSV: {0}",
        es: "la fila no se puede leer como CSV: {0}",
        zh: "该行无法按 CSV 读取：{0}",
    }
    /// {0} a whole number of MB.
    RECORD_TOO_LONG = "ingest.record_too_long" {
        en: "a line (or a quoted cell) runs for more than {0} MB: the file is damaged or is not a CSV export; export it again",
        es: "una línea (o una celda entre comillas) ocupa más de {0} MB: el archivo está dañado o no es una exportación CSV; expórtelo de nuevo",
        zh: "某一行（或带引号的单元格）超过 {0} MB：文件已损坏或不是 CSV 导出文件；请重新导出",
    }
    /// {0} size in MB as written (one decimal).
    LINE_TOO_LONG = "ingest.line_too_long" {
        en: "a line of {0} MB: no export writes lines like that, so the file is damaged or is not a CSV export; export it again",
        es: "hay una línea de {0} MB: ninguna exportación escribe líneas así, de modo que el archivo está dañado o no es una exportación CSV; expórtelo de nuevo",
        zh: "有一行长达 {0} MB：正常导出不会产生这样的行，因此文件已损坏或不是 CSV 导出文件；请重新导出",
    }

    // Recognising the layout.
    /// {0} the first cells, as written, joined by ` | `.
    FIRST_ROW = "ingest.first_row" {
        en: "first row: {0}",
        es: "primera fila: {0}",
        zh: "第一行：{0}",
    }
    /// {0} sheet name, {1} the first cells.
    FIRST_ROW_IN_SHEET = "ingest.first_row_in_sheet" {
        en: "sheet {0}, first row: {1}",
        es: "hoja {0}, primera fila: {1}",
        zh: "工作表 {0}，第一行：{1}",
    }
    NO_ROWS_SEEN = "ingest.no_rows_seen" {
        en: "no row with data was found",
        es: "no se encontró ninguna fila con datos",
        zh: "未找到包含数据的行",
    }
    /// {0} what the file starts with (FIRST_ROW, FIRST_ROW_IN_SHEET or NO_ROWS_SEEN).
    UNKNOWN_LAYOUT = "ingest.unknown_layout" {
        en: "no known layout matches this file ({0}). Map its columns once with a generic profile: `cuadra-cli profile create NAME --from FILE --kind settlement|orders --map field=COLUMN ...`, then import again",
        es: "ningún formato conocido coincide con este archivo ({0}). Asigne sus columnas una sola vez con un perfil genérico: `cuadra-cli profile create NOMBRE --from ARCHIVO --kind settlement|orders --map campo=COLUMNA ...` y luego impórtelo de nuevo",
        zh: "没有已知格式与此文件匹配（{0}）。请用通用导入模板将其列映射一次：`cuadra-cli profile create 名称 --from 文件 --kind settlement|orders --map 字段=列名 ...`，然后重新导入",
    }
    /// {0} what the file starts with.
    UNKNOWN_LAYOUT_FORCED = "ingest.unknown_layout_forced" {
        en: "the file does not have the columns the requested profile needs ({0}); check the profile or the file",
        es: "el archivo no tiene las columnas que necesita el perfil indicado ({0}); revise el perfil o el archivo",
        zh: "文件缺少所指定导入模板需要的列（{0}）；请检查导入模板或文件",
    }
    /// {0} row numbers.
    LINES_ABOVE_HEADER = "ingest.lines_above_header" {
        en: "rows {0} sit above the column header and were not read as data (titles?)",
        es: "las filas {0} están encima del encabezado de las columnas y no se leyeron como datos (¿títulos?)",
        zh: "第 {0} 行位于列标题上方，未作为数据读取（可能是标题？）",
    }

    // The file as a whole.
    COMPRESSION_FAILED = "ingest.compression_failed" {
        en: "the original file could not be compressed for safekeeping; nothing was imported",
        es: "el archivo original no se pudo comprimir para conservarlo; no se importó nada",
        zh: "无法压缩原始文件以便留存；未导入任何内容",
    }
    NO_ROWS = "ingest.no_rows" {
        en: "the file has a header but no data rows: there is nothing to import",
        es: "el archivo tiene encabezado pero ninguna fila de datos: no hay nada que importar",
        zh: "文件有表头但没有数据行：没有可导入的内容",
    }
    NO_READABLE_ROWS = "ingest.no_readable_rows" {
        en: "no row of the file could be read: see the problems above",
        es: "no se pudo leer ninguna fila del archivo: vea los problemas anteriores",
        zh: "文件中没有任何一行可以读取：请查看上面列出的问题",
    }
    /// {0} rejected rows, {1} rows read.
    ROWS_REJECTED = "ingest.rows_rejected" {
        en: "{0} of {1} rows could not be read, so nothing was imported. Fix those rows and import again, or import with --skip-bad-rows to take the readable rows now",
        es: "{0} de {1} filas no se pudieron leer, por lo que no se importó nada. Corrija esas filas e importe de nuevo, o importe con --skip-bad-rows para importar ahora las filas legibles",
        zh: "{1} 行中有 {0} 行无法读取，因此未导入任何内容。请修正这些行后重新导入，或使用 --skip-bad-rows 立即导入可读取的行",
    }
    /// {0} items the summary announces, {1} transaction rows read.
    SUMMARY_COUNT_DIFFERS = "ingest.summary_count_differs" {
        en: "the summary says {0} items but the file has {1} transaction rows; check that the file is complete",
        es: "el resumen indica {0} registros, pero el archivo tiene {1} filas de transacciones; verifique que el archivo esté completo",
        zh: "汇总显示共 {0} 笔，但文件中有 {1} 行交易；请检查文件是否完整",
    }
    /// {0} rows, {1} the value as written.
    UNKNOWN_ROW_TYPE_VALUE = "ingest.unknown_row_type_value" {
        en: "{0} row(s) hold '{1}', which Cuadra does not know as a row type: they were read as adjustments",
        es: "{0} fila(s) contienen '{1}', que Cuadra no reconoce como tipo de fila: se leyeron como ajustes",
        zh: "有 {0} 行包含“{1}”，Cuadra 无法将其识别为行类型：已按调整项读取",
    }
    /// {0} rows, {1} the value as written.
    UNKNOWN_STATUS_VALUE = "ingest.unknown_status_value" {
        en: "{0} row(s) hold '{1}', which Cuadra does not know as a status: they were read as 'unknown' and will be flagged for review",
        es: "{0} fila(s) contienen '{1}', que Cuadra no reconoce como estado: se leyeron como 'desconocido' y quedarán marcadas para revisión",
        zh: "有 {0} 行包含“{1}”，Cuadra 无法将其识别为状态：已按“未知”读取，并将标记为待复核",
    }
    /// {0} problems not listed.
    MORE_PROBLEMS = "ingest.more_problems" {
        en: "{0} more problems are not listed",
        es: "hay {0} problemas más que no se listan",
        zh: "另有 {0} 项问题未列出",
    }

    // One row's cells.
    /// {0} why the cell is not an amount (AMOUNT_*).
    BAD_AMOUNT = "ingest.bad_amount" {
        en: "{0}. Correct the cell, or import with a profile that states the decimal mark",
        es: "{0}. Corrija la celda o importe con un perfil que indique el separador decimal",
        zh: "{0}。请更正该单元格，或使用指定了小数点符号的导入模板导入",
    }
    /// {0} the cell as written.
    NOT_MINOR_UNITS = "ingest.not_minor_units" {
        en: "'{0}' should be a whole number of minor units (cents) in this format",
        es: "'{0}' debería ser un número entero de unidades menores (centavos) en este formato",
        zh: "在此格式中，“{0}”应为以最小货币单位（分）表示的整数",
    }
    /// {0} the cell as written.
    AMOUNT_TOO_LARGE = "ingest.amount_too_large" {
        en: "'{0}' is too large",
        es: "'{0}' es demasiado grande",
        zh: "“{0}”数值过大",
    }
    /// {0} why the cell is not a date (DATE_*, TIME_*).
    BAD_DATE = "ingest.bad_date" {
        en: "{0}. Correct the cell, or import with a profile that states the date format",
        es: "{0}. Corrija la celda o importe con un perfil que indique el formato de fecha",
        zh: "{0}。请更正该单元格，或使用指定了日期格式的导入模板导入",
    }
    /// {0} bytes.
    HUGE_CELL = "ingest.huge_cell" {
        en: "the cell holds {0} bytes: the file is probably damaged or has an unclosed quote; export it again",
        es: "la celda contiene {0} bytes: probablemente el archivo está dañado o tiene unas comillas sin cerrar; expórtelo de nuevo",
        zh: "该单元格有 {0} 字节：文件可能已损坏或存在未闭合的引号；请重新导出",
    }
    /// {0} cells in the row, {1} cells in the header.
    RAGGED_ROW = "ingest.ragged_row" {
        en: "the row has {0} cells but the header has {1}: a value sits outside any column (a stray delimiter?); fix the row",
        es: "la fila tiene {0} celdas, pero el encabezado tiene {1}: hay un valor fuera de toda columna (¿un separador de más?); corrija la fila",
        zh: "该行有 {0} 个单元格，但表头只有 {1} 个：有值位于所有列之外（多了分隔符？）；请修正该行",
    }
    /// {0} cells in the row, {1} cells in the header.
    SHORT_ROW = "ingest.short_row" {
        en: "the row has {0} cells but the header has {1}; the missing cells were read as blank",
        es: "la fila tiene {0} celdas, pero el encabezado tiene {1}; las celdas faltantes se leyeron como vacías",
        zh: "该行有 {0} 个单元格，但表头有 {1} 个；缺少的单元格按空白读取",
    }

    /// {0} cells in the row, {1} cells in the header.
    ROW_TOO_SHORT = "ingest.row_too_short" {
        en: "the row has {0} cells but the header has {1}, so its values may sit under the wrong columns (a lost delimiter, a row cut short): nothing of the file was imported. Fix the row or export the file again",
        es: "la fila tiene {0} celdas, pero el encabezado tiene {1}, así que sus valores pueden quedar bajo columnas equivocadas (un separador perdido, una fila cortada): no se importó nada del archivo. Corrija la fila o exporte el archivo de nuevo",
        zh: "该行有 {0} 个单元格，但表头有 {1} 个，其值可能落在错误的列下（丢失了分隔符或该行被截断）：文件未导入任何内容。请修正该行或重新导出文件",
    }
    /// {0} cells in the row, {1} cells in the header.
    ROW_TOO_WIDE = "ingest.row_too_wide" {
        en: "the row has {0} cells but the header has {1} (the extra ones are blank), so a stray delimiter may have moved its values to the wrong columns: nothing of the file was imported. Fix the row or export the file again",
        es: "la fila tiene {0} celdas, pero el encabezado tiene {1} (las de más están vacías), así que un separador de más pudo mover sus valores a columnas equivocadas: no se importó nada del archivo. Corrija la fila o exporte el archivo de nuevo",
        zh: "该行有 {0} 个单元格，但表头有 {1} 个（多出的单元格为空），多余的分隔符可能把其值移到了错误的列：文件未导入任何内容。请修正该行或重新导出文件",
    }
    /// {0} cells in the row, {1} cells in the header.
    FILE_CUT_OFF = "ingest.file_cut_off" {
        en: "the file ends in the middle of this row (it has {0} of the header's {1} cells and no line break after it): the file was cut off while downloading or copying, and nothing of it was imported. Download or export it again and import the new copy",
        es: "el archivo termina en medio de esta fila (tiene {0} de las {1} celdas del encabezado y ningún salto de línea al final): el archivo quedó cortado al descargarlo o copiarlo, y no se importó nada de él. Descárguelo o expórtelo de nuevo e importe la copia nueva",
        zh: "文件在此行中间结束（该行只有表头 {1} 个单元格中的 {0} 个，且其后没有换行）：文件在下载或复制时被截断，未导入任何内容。请重新下载或导出，并导入新的副本",
    }
    /// {0} the first characters of the cell.
    OPEN_QUOTE = "ingest.open_quote" {
        en: "a quote opens in this cell ({0}) and is never closed, so every row after it would be read as part of this cell: nothing of the file was imported. Close the quote, or export the file again, and import it again",
        es: "en esta celda ({0}) se abren unas comillas que nunca se cierran, así que todas las filas siguientes se leerían como parte de esta celda: no se importó nada del archivo. Cierre las comillas, o exporte el archivo de nuevo, e impórtelo otra vez",
        zh: "此单元格（{0}）中的引号打开后从未闭合，其后的所有行都会被当作此单元格的一部分读取：文件未导入任何内容。请闭合引号或重新导出文件，然后再次导入",
    }
    /// {0} the first characters of the cell, {1} the line where the quote closes.
    QUOTE_CLOSED_EARLY = "ingest.quote_closed_early" {
        en: "a quote opens in this cell ({0}) and closes only on line {1}, in the middle of a cell: the rows between would be read as part of this cell (a quote inside a quoted cell must be written twice), so nothing of the file was imported. Fix the quotes, or export the file again, and import it again",
        es: "en esta celda ({0}) se abren unas comillas que solo se cierran en la línea {1}, en medio de una celda: las filas intermedias se leerían como parte de esta celda (unas comillas dentro de una celda entre comillas se escriben dobles), así que no se importó nada del archivo. Corrija las comillas, o exporte el archivo de nuevo, e impórtelo otra vez",
        zh: "此单元格（{0}）中的引号直到第 {1} 行的某个单元格中间才闭合：其间的行会被当作此单元格的一部分读取（带引号单元格内的引号必须写两次），因此文件未导入任何内容。请修正引号或重新导出文件，然后再次导入",
    }
    /// {0} the column's name as the format writes it, {1} the format's name.
    MISSING_MONEY_COLUMN = "ingest.missing_money_column" {
        en: "the header has no column {0}, an amount every {1} file carries: without it every such amount would be read as blank, so nothing was imported. Was the column renamed or deleted? Give it back its name and import again",
        es: "el encabezado no tiene la columna {0}, un importe que todo archivo {1} trae: sin ella todos esos importes se leerían vacíos, así que no se importó nada. ¿Se renombró o se borró la columna? Devuélvale su nombre e importe de nuevo",
        zh: "表头中没有 {0} 列，而每个 {1} 文件都有这一金额列：缺少它，所有这类金额都会被读为空白，因此未导入任何内容。该列是否被重命名或删除？请恢复其名称后重新导入",
    }
    /// {0} the date as written, {1} its reading day first, {2} its reading month first.
    DATE_ORDER_AMBIGUOUS = "ingest.date_order_ambiguous" {
        en: "'{0}' reads as {1} day first or {2} month first, and no date in this column says which: nothing of the file was imported. Import it with a profile that states the date order (day/month/year), or export the dates as year-month-day",
        es: "'{0}' se lee como {1} con el día primero o como {2} con el mes primero, y ninguna fecha de esta columna indica cuál: no se importó nada del archivo. Impórtelo con un perfil que indique el orden de las fechas (día/mes/año) o exporte las fechas como año-mes-día",
        zh: "“{0}”按日在前读为 {1}，按月在前读为 {2}，而此列中没有任何日期能说明是哪一种：文件未导入任何内容。请使用指定了日期顺序（日/月/年）的导入模板导入，或将日期导出为年-月-日格式",
    }
    /// {0} a date that only reads day first, {1} its row, {2} this row's date (only month first).
    DATE_ORDER_MIXED = "ingest.date_order_mixed" {
        en: "this column has dates that only read day first ('{0}', row {1}) and dates that only read month first ('{2}', this row), so its other dates cannot be read safely: nothing of the file was imported. Correct the dates or export the file again",
        es: "esta columna tiene fechas que solo se leen con el día primero ('{0}', fila {1}) y fechas que solo se leen con el mes primero ('{2}', esta fila), así que sus demás fechas no se pueden leer con seguridad: no se importó nada del archivo. Corrija las fechas o exporte el archivo de nuevo",
        zh: "此列既有只能按日在前读取的日期（“{0}”，第 {1} 行），也有只能按月在前读取的日期（“{2}”，本行），其余日期无法可靠读取：文件未导入任何内容。请更正日期或重新导出文件",
    }
    /// {0} the date as written, {1} the order it only reads in (ORDER_*), {2} the order the layout reads (ORDER_*).
    DATE_ORDER_CONTRADICTED = "ingest.date_order_contradicted" {
        en: "'{0}' only reads as {1}, but this layout reads dates as {2}, so the other dates of this column may have been read with day and month swapped: nothing of the file was imported. Import it with a profile that states the date order",
        es: "'{0}' solo se lee como {1}, pero este formato lee las fechas como {2}, así que las demás fechas de esta columna pudieron leerse con el día y el mes intercambiados: no se importó nada del archivo. Impórtelo con un perfil que indique el orden de las fechas",
        zh: "“{0}”只能按 {1} 读取，但此格式按 {2} 读取日期，此列的其他日期可能被颠倒了日和月：文件未导入任何内容。请使用指定了日期顺序的导入模板导入",
    }
    STRUCTURE_BROKEN = "ingest.structure_broken" {
        en: "the file cannot be read safely as it is (see the problems above), so nothing of it was imported, not even with --skip-bad-rows: fix what they name, or export the file again, and import it again",
        es: "el archivo no se puede leer con seguridad tal como está (vea los problemas anteriores), así que no se importó nada de él, ni siquiera con --skip-bad-rows: corrija lo que indican, o exporte el archivo de nuevo, e impórtelo otra vez",
        zh: "该文件按现状无法可靠读取（见上面的问题），因此未导入任何内容，即使使用 --skip-bad-rows 也不会导入：请修正所列问题或重新导出文件，然后再次导入",
    }

    // Settlement files.
    /// {0} the value as written.
    UNKNOWN_RECORD_TYPE = "ingest.unknown_record_type" {
        en: "'{0}' is not a record type this format knows ({1}); nothing of the row was read: ask for support",
        es: "'{0}' no es un tipo de registro que este formato conozca ({1}); no se leyó nada de la fila: solicite soporte",
        zh: "“{0}”不是此格式已知的记录类型（{1}）；该行未被读取：请联系技术支持",
    }
    SPOILED_REFERENCE = "ingest.spoiled_reference" {
        en: "'{0}' is an identifier a spreadsheet turned into a number in scientific notation: its digits are lost, so this row will never be matched; export the report again without opening it in a spreadsheet, or type the full reference",
        es: "'{0}' es un identificador que una hoja de cálculo convirtió en un número en notación científica: sus dígitos se perdieron, así que esta fila nunca se vinculará; exporte el reporte de nuevo sin abrirlo en una hoja de cálculo o escriba la referencia completa",
        zh: "“{0}”是被电子表格转成科学计数法的标识符：原有数字已丢失，此行永远无法匹配；请重新导出报表且不要用电子表格打开，或填写完整的参考号",
    }
    NOT_A_SETTLEMENT = "ingest.not_a_settlement" {
        en: "this report ({0}) lists what buyers paid, with no fee and no net: it proves a buyer paid, not what the PSP settled to you; import the PSP's settlement-side report to tie out the money",
        es: "este reporte ({0}) lista lo que pagaron los compradores, sin comisión ni neto: prueba que un comprador pagó, no lo que el PSP le liquidó; importe el reporte de liquidación del PSP para cuadrar el dinero",
        zh: "此报表（{0}）只列出买家的付款，没有手续费和净额：它证明买家已付款，但不能证明支付服务商实际结算给您的金额；请导入支付服务商的结算类报表来核对资金",
    }
    SUBTOTAL_DIFFERS = "ingest.subtotal_differs" {
        en: "the subtotal of '{0}' says {1}, but the file's '{0}' rows add up to {2}; check that the file is complete",
        es: "el subtotal de '{0}' indica {1}, pero las filas '{0}' del archivo suman {2}; verifique que el archivo esté completo",
        zh: "“{0}”的小计为 {1}，但文件中“{0}”行合计为 {2}；请检查文件是否完整",
    }
    UNKNOWN_CONCEPT = "ingest.unknown_concept" {
        en: "'{0}' is not a concept of PayU's documented statement: it counts in the movement's net only, not as gross, fee or withholding",
        es: "'{0}' no es un concepto documentado del balance de PayU: cuenta solo en el neto del movimiento, no como bruto, comisión o retención",
        zh: "“{0}”不是 PayU 对账单文档中的项目：只计入该笔变动的净额，不计入结算总额、手续费或代扣税",
    }
    BLOCK_TOTAL_DIFFERS = "ingest.block_total_differs" {
        en: "the movement's TOTAL is {0} but its concepts add up to {1}; check the file",
        es: "el TOTAL del movimiento es {0} pero sus conceptos suman {1}; revise el archivo",
        zh: "该笔变动的 TOTAL 为 {0}，但各项目合计为 {1}；请检查文件",
    }
    ORPHAN_CONCEPT = "ingest.orphan_concept" {
        en: "a row of concepts with no movement above it; nothing of it was read",
        es: "una fila de conceptos sin un movimiento encima; no se leyó nada de ella",
        zh: "一行项目明细上方没有对应的变动；该行未被读取",
    }
    UNKNOWN_ROW_TYPE = "ingest.unknown_row_type" {
        en: "'{0}' is not a row type this format knows; map it in a profile or ask for support",
        es: "'{0}' no es un tipo de fila que este formato conozca; asígnelo en un perfil o solicite soporte",
        zh: "“{0}”不是此格式已知的行类型；请在导入模板中映射它，或联系技术支持",
    }
    /// {0} the value as written.
    NOT_A_COUNT = "ingest.not_a_count" {
        en: "'{0}' is not a count",
        es: "'{0}' no es una cantidad",
        zh: "“{0}”不是有效的笔数",
    }
    /// {0} row number.
    REPEATED_ROW = "ingest.repeated_row" {
        en: "this row repeats row {0} of the same file (same transaction id): it was counted once",
        es: "esta fila repite la fila {0} del mismo archivo (mismo ID de transacción): se contó una sola vez",
        zh: "此行与同一文件第 {0} 行重复（交易编号相同）：只计一次",
    }
    /// {0} the PSP's transaction id, {1} row number.
    KNOWN_CONFLICT = "ingest.known_conflict" {
        en: "this version of {0} was already kept as a conflict with row {1} of an earlier import; it was counted once",
        es: "esta versión de {0} ya se había conservado como conflicto con la fila {1} de una importación anterior; se contó una sola vez",
        zh: "{0} 的这一版本此前已作为与先前导入第 {1} 行的冲突保留；只计一次",
    }
    /// {0} row number.
    KNOWN_CONFLICT_LINE = "ingest.known_conflict_line" {
        en: "this version of the line was already kept as a conflict with row {0} of an earlier import; it was counted once",
        es: "esta versión de la línea ya se había conservado como conflicto con la fila {0} de una importación anterior; se contó una sola vez",
        zh: "该记录的这一版本此前已作为与先前导入第 {0} 行的冲突保留；只计一次",
    }
    /// {0} the PSP's transaction id or FINGERPRINT, {1} the earlier file (its name, THIS_FILE or
    /// FILE_NUMBER), {2} its row.
    CONFLICTING_ROW = "ingest.conflicting_row" {
        en: "a line with the same identity ({0}) was imported from {1} row {2} with different content; both are kept and the line is flagged for review",
        es: "una línea con la misma identidad ({0}) se importó desde {1}, fila {2}, con otro contenido; se conservan ambas y la línea queda marcada para revisión",
        zh: "相同标识（{0}）的一条记录已从 {1} 第 {2} 行导入，但内容不同；两条均已保留，该记录已标记为待复核",
    }
    FINGERPRINT = "ingest.fingerprint" {
        en: "fingerprint",
        es: "huella de contenido",
        zh: "内容指纹",
    }
    THIS_FILE = "ingest.this_file" {
        en: "this file",
        es: "este archivo",
        zh: "本文件",
    }
    /// {0} the file's id.
    FILE_NUMBER = "ingest.file_number" {
        en: "file {0}",
        es: "el archivo {0}",
        zh: "文件 {0}",
    }

    // Order files.
    /// {0} the order's name or id.
    ORDER_WITHOUT_TOTALS = "ingest.order_without_totals" {
        en: "order {0} has no row with its status and total (its first row is missing?): export the order again",
        es: "el pedido {0} no tiene ninguna fila con su estado y su total (¿falta su primera fila?): exporte el pedido de nuevo",
        zh: "订单 {0} 没有包含其状态和订单金额的行（缺少第一行？）：请重新导出该订单",
    }
    /// {0} the order's name or id, {1} the row used.
    ORDER_FIELDS_DIFFER = "ingest.order_fields_differ" {
        en: "order {0} repeats its order fields on this row with other values; row {1} was used",
        es: "el pedido {0} repite sus campos de pedido en esta fila con otros valores; se usó la fila {1}",
        zh: "订单 {0} 在此行重复了订单字段，但取值不同；已采用第 {1} 行",
    }
    NO_ORDER_KEY = "ingest.no_order_key" {
        en: "the row has no order name or id, so it cannot belong to an order; fill it in",
        es: "la fila no tiene nombre ni ID de pedido, así que no puede pertenecer a ningún pedido; complételo",
        zh: "该行没有订单名称或编号，无法归属到任何订单；请补填",
    }

    // Making a profile (`custom.rs`).
    /// {0} the name given, {1} the field names.
    PROFILE_UNKNOWN_FIELD = "ingest.profile.unknown_field" {
        en: "'{0}' is not a field Cuadra knows; fields are: {1} (aliases: reference, id, amount, currency, date, status, fee, net)",
        es: "'{0}' no es un campo que Cuadra conozca; los campos son: {1} (alias: reference, id, amount, currency, date, status, fee, net)",
        zh: "“{0}”不是 Cuadra 已知的字段；可用字段：{1}（别名：reference、id、amount、currency、date、status、fee、net）",
    }
    /// {0} the column named, {1} the sample's header, {2} the field.
    PROFILE_MISSING_COLUMN = "ingest.profile.missing_column" {
        en: "the sample file has no column '{0}' (its header is: {1}); the mapping {2}={0} cannot be used",
        es: "el archivo de muestra no tiene la columna '{0}' (su encabezado es: {1}); la asignación {2}={0} no se puede usar",
        zh: "示例文件中没有列“{0}”（其表头为：{1}）；无法使用映射 {2}={0}",
    }
    /// {0} why.
    PROFILE_SAMPLE_UNREADABLE = "ingest.profile.sample_unreadable" {
        en: "the sample file cannot be read: {0}",
        es: "no se puede leer el archivo de muestra: {0}",
        zh: "无法读取示例文件：{0}",
    }
    SAMPLE_NO_DATA = "ingest.profile.sample_no_data" {
        en: "no data",
        es: "no tiene datos",
        zh: "没有数据",
    }
    SAMPLE_NO_HEADER = "ingest.profile.sample_no_header" {
        en: "no header row found",
        es: "no se encontró la fila de encabezado",
        zh: "未找到表头行",
    }
    /// {0} the type given.
    PROFILE_UNKNOWN_ROW_TYPE = "ingest.profile.unknown_row_type" {
        en: "'{0}' is not a row type; row types are payment, refund, chargeback, chargeback_reversal, fee, adjustment, tax, payout, hold",
        es: "'{0}' no es un tipo de fila; los tipos de fila son payment, refund, chargeback, chargeback_reversal, fee, adjustment, tax, payout, hold",
        zh: "“{0}”不是行类型；行类型包括 payment、refund、chargeback、chargeback_reversal、fee、adjustment、tax、payout、hold",
    }
    /// {0} the zone given.
    PROFILE_BAD_ZONE = "ingest.profile.bad_zone" {
        en: "'{0}' is not a time zone name like America/Bogota",
        es: "'{0}' no es un nombre de zona horaria como America/Bogota",
        zh: "“{0}”不是有效的时区名称（例如 America/Bogota）",
    }
    PROFILE_NEEDS_REFERENCE = "ingest.profile.needs_reference" {
        en: "a settlement profile needs a reference column (reference=COLUMN or psp_txn_id=COLUMN)",
        es: "un perfil de liquidación necesita una columna de referencia (reference=COLUMNA o psp_txn_id=COLUMNA)",
        zh: "结算导入模板需要一个参考号列（reference=列名 或 psp_txn_id=列名）",
    }
    PROFILE_NEEDS_AMOUNT = "ingest.profile.needs_amount" {
        en: "a settlement profile needs an amount column (amount=COLUMN or net_amount=COLUMN)",
        es: "un perfil de liquidación necesita una columna de monto (amount=COLUMNA o net_amount=COLUMNA)",
        zh: "结算导入模板需要一个金额列（amount=列名 或 net_amount=列名）",
    }
    PROFILE_NEEDS_ORDER = "ingest.profile.needs_order" {
        en: "an orders profile needs an order column (order_name=COLUMN or order_id=COLUMN)",
        es: "un perfil de pedidos necesita una columna de pedido (order_name=COLUMNA o order_id=COLUMNA)",
        zh: "订单导入模板需要一个订单列（order_name=列名 或 order_id=列名）",
    }
    PROFILE_NEEDS_TOTAL = "ingest.profile.needs_total" {
        en: "an orders profile needs a total column (total=COLUMN)",
        es: "un perfil de pedidos necesita una columna de total (total=COLUMNA)",
        zh: "订单导入模板需要一个订单金额列（total=列名）",
    }
    /// {0} the name given.
    PROFILE_EXISTS = "ingest.profile.exists" {
        en: "a profile named '{0}' already exists (built in or saved); choose another name",
        es: "ya existe un perfil llamado '{0}' (incorporado o guardado); elija otro nombre",
        zh: "已存在名为“{0}”的导入模板（内置或已保存）；请换一个名称",
    }
    /// {0} the database's error.
    DATABASE_ERROR = "ingest.database_error" {
        en: "workspace database error: {0}",
        es: "error de la base de datos del espacio de trabajo: {0}",
        zh: "工作区数据库错误：{0}",
    }

    // Bytes that are not text (`crate::decode`).
    DECODE_EMPTY = "ingest.decode.empty" {
        en: "the file is empty: export the report again and check that it has rows",
        es: "el archivo está vacío: exporte el reporte de nuevo y verifique que tenga filas",
        zh: "文件为空：请重新导出报表，并确认其中有数据行",
    }
    /// {0} byte offset, {1} the line it is on.
    DECODE_BINARY = "ingest.decode.binary" {
        en: "the file looks binary (byte 0x00 on line {1}, byte offset {0}): export it again as CSV or XLSX",
        es: "el archivo parece binario (byte 0x00 en la línea {1}, posición {0}): expórtelo de nuevo como CSV o XLSX",
        zh: "文件看起来是二进制文件（第 {1} 行、偏移量 {0} 处有字节 0x00）：请重新导出为 CSV 或 XLSX",
    }
    /// {0} the byte in hexadecimal, {1} byte offset, {2} the line it is on.
    DECODE_CONTROL_BYTES = "ingest.decode.control_bytes" {
        en: "the file looks binary (control byte 0x{0} on line {2}, byte offset {1}, and many more): export it again as CSV or XLSX",
        es: "el archivo parece binario (byte de control 0x{0} en la línea {2}, posición {1}, y muchos más): expórtelo de nuevo como CSV o XLSX",
        zh: "文件看起来是二进制文件（第 {2} 行、偏移量 {1} 处有控制字节 0x{0}，另有许多）：请重新导出为 CSV 或 XLSX",
    }
    /// {0} what the file is (KIND_*), {1} what to do (ADVICE_*).
    DECODE_NOT_TEXT = "ingest.decode.not_text" {
        en: "the file is {0}, not a CSV or text export: {1}",
        es: "el archivo es {0}, no una exportación CSV o de texto: {1}",
        zh: "该文件是{0}，不是 CSV 或文本导出文件：{1}",
    }
    KIND_PDF = "ingest.decode.kind.pdf" {
        en: "a PDF document",
        es: "un documento PDF",
        zh: "一份 PDF 文档",
    }
    KIND_PNG = "ingest.decode.kind.png" {
        en: "a PNG image",
        es: "una imagen PNG",
        zh: "一张 PNG 图片",
    }
    KIND_JPEG = "ingest.decode.kind.jpeg" {
        en: "a JPEG image",
        es: "una imagen JPEG",
        zh: "一张 JPEG 图片",
    }
    KIND_PROGRAM = "ingest.decode.kind.program" {
        en: "a program",
        es: "un programa",
        zh: "一个可执行程序",
    }
    KIND_GZIP = "ingest.decode.kind.gzip" {
        en: "a GZIP archive",
        es: "un paquete comprimido GZIP",
        zh: "一个 GZIP 压缩包",
    }
    KIND_ZIP = "ingest.decode.kind.zip" {
        en: "a ZIP archive (perhaps an XLSX workbook)",
        es: "un paquete comprimido ZIP (quizás un libro XLSX)",
        zh: "一个 ZIP 压缩包（可能是 XLSX 工作簿）",
    }
    KIND_XLS = "ingest.decode.kind.xls" {
        en: "an old Excel .xls workbook",
        es: "un libro de Excel .xls antiguo",
        zh: "一个旧版 Excel .xls 工作簿",
    }
    ADVICE_PDF = "ingest.decode.advice.pdf" {
        en: "download the report as CSV or XLSX instead of PDF",
        es: "descargue el reporte como CSV o XLSX en lugar de PDF",
        zh: "请将报表下载为 CSV 或 XLSX，而不是 PDF",
    }
    ADVICE_SCREENSHOT = "ingest.decode.advice.screenshot" {
        en: "choose the CSV or XLSX export, not a screenshot",
        es: "elija la exportación CSV o XLSX, no una captura de pantalla",
        zh: "请选择 CSV 或 XLSX 导出文件，而不是截图",
    }
    ADVICE_PHOTO = "ingest.decode.advice.photo" {
        en: "choose the CSV or XLSX export, not a photo",
        es: "elija la exportación CSV o XLSX, no una foto",
        zh: "请选择 CSV 或 XLSX 导出文件，而不是照片",
    }
    ADVICE_PROGRAM = "ingest.decode.advice.program" {
        en: "choose the report file you exported",
        es: "elija el archivo del reporte que exportó",
        zh: "请选择您导出的报表文件",
    }
    ADVICE_GZIP = "ingest.decode.advice.gzip" {
        en: "unpack it first and import the CSV inside",
        es: "descomprímalo primero e importe el CSV que contiene",
        zh: "请先解压，再导入其中的 CSV",
    }
    ADVICE_ZIP = "ingest.decode.advice.zip" {
        en: "import it as a workbook, or unpack it and import the CSV inside",
        es: "impórtelo como libro de Excel, o descomprímalo e importe el CSV que contiene",
        zh: "请作为工作簿导入，或解压后导入其中的 CSV",
    }
    ADVICE_XLS = "ingest.decode.advice.xls" {
        en: "open it in Excel and save it as .xlsx or CSV UTF-8",
        es: "ábralo en Excel y guárdelo como .xlsx o CSV UTF-8",
        zh: "请用 Excel 打开并另存为 .xlsx 或 CSV UTF-8",
    }
    /// {0} byte offset, {1} the line it is on.
    DECODE_INVALID_UTF8 = "ingest.decode.invalid_utf8" {
        en: "the file says it is UTF-8 but line {1} (byte offset {0}) holds bytes that are not valid UTF-8: save it again as 'CSV UTF-8'",
        es: "el archivo indica que es UTF-8, pero la línea {1} (posición {0}) contiene bytes que no son UTF-8 válido: guárdelo de nuevo como 'CSV UTF-8'",
        zh: "文件声明为 UTF-8，但第 {1} 行（偏移量 {0}）含有无效的 UTF-8 字节：请重新另存为“CSV UTF-8”",
    }
    DECODE_INVALID_UTF16 = "ingest.decode.invalid_utf16" {
        en: "the file looks like UTF-16 text but is damaged (odd length or broken characters): save it again as 'CSV UTF-8'",
        es: "el archivo parece texto UTF-16, pero está dañado (longitud impar o caracteres rotos): guárdelo de nuevo como 'CSV UTF-8'",
        zh: "文件看起来是 UTF-16 文本，但已损坏（长度为奇数或字符残缺）：请重新另存为“CSV UTF-8”",
    }

    // Cells that are not amounts (`crate::money`).
    AMOUNT_BLANK = "ingest.amount.blank" {
        en: "the amount is blank",
        es: "el monto está vacío",
        zh: "金额为空",
    }
    /// {0} the text as written, {1} why (one of the reasons below).
    AMOUNT_INVALID = "ingest.amount.invalid" {
        en: "'{0}' is not an amount: {1}",
        es: "'{0}' no es un monto: {1}",
        zh: "“{0}”不是有效金额：{1}",
    }
    /// {0} the text as written.
    AMOUNT_OUT_OF_RANGE = "ingest.amount.out_of_range" {
        en: "'{0}' is too large or has too many decimals to keep exactly (at most 28 digits): check that the right column is mapped as an amount",
        es: "'{0}' es demasiado grande o tiene demasiados decimales para guardarlo con exactitud (máximo 28 dígitos): verifique que la columna asignada como monto sea la correcta",
        zh: "“{0}”数值过大或小数位过多，无法精确保存（最多 28 位数字）：请检查映射为金额的列是否正确",
    }
    AMOUNT_TWO_OPENING_PARENS = "ingest.amount.two_opening_parens" {
        en: "it has two opening parentheses",
        es: "tiene dos paréntesis de apertura",
        zh: "有两个左括号",
    }
    AMOUNT_TWO_CLOSING_PARENS = "ingest.amount.two_closing_parens" {
        en: "it has two closing parentheses",
        es: "tiene dos paréntesis de cierre",
        zh: "有两个右括号",
    }
    AMOUNT_UNBALANCED_PARENS = "ingest.amount.unbalanced_parens" {
        en: "its parentheses are not balanced",
        es: "sus paréntesis no están balanceados",
        zh: "括号不成对",
    }
    AMOUNT_TWO_MINUS = "ingest.amount.two_minus" {
        en: "it has two minus signs",
        es: "tiene dos signos menos",
        zh: "有两个负号",
    }
    AMOUNT_SEVERAL_SIGNS = "ingest.amount.several_signs" {
        en: "it has more than one sign (minus, plus or parentheses); keep only one",
        es: "tiene más de un signo (menos, más o paréntesis); deje solo uno",
        zh: "有多个符号（负号、正号或括号）；请只保留一个",
    }
    AMOUNT_NO_DIGITS = "ingest.amount.no_digits" {
        en: "it has no digits",
        es: "no tiene dígitos",
        zh: "没有数字",
    }
    /// {0} the letters found.
    AMOUNT_UNKNOWN_CURRENCY = "ingest.amount.unknown_currency" {
        en: "'{0}' is not a known currency code or symbol; fix the cell or map the right column",
        es: "'{0}' no es un código ni un símbolo de moneda conocido; corrija la celda o asigne la columna correcta",
        zh: "“{0}”不是已知的币种代码或符号；请更正该单元格，或映射正确的列",
    }
    AMOUNT_MINUS_INSIDE = "ingest.amount.minus_inside" {
        en: "it has a minus sign in the middle",
        es: "tiene un signo menos en medio",
        zh: "中间有负号",
    }
    /// {0} the character.
    AMOUNT_UNEXPECTED_CHAR = "ingest.amount.unexpected_char" {
        en: "unexpected character '{0}'",
        es: "tiene un carácter inesperado: '{0}'",
        zh: "包含意外字符“{0}”",
    }
    AMOUNT_TWO_SYMBOLS = "ingest.amount.two_symbols" {
        en: "it has two currency symbols",
        es: "tiene dos símbolos de moneda",
        zh: "有两个货币符号",
    }
    /// {0} and {1} currency codes.
    AMOUNT_TWO_CURRENCIES = "ingest.amount.two_currencies" {
        en: "it names two currencies ({0} and {1})",
        es: "menciona dos monedas ({0} y {1})",
        zh: "包含两种币种（{0} 和 {1}）",
    }
    AMOUNT_CURRENCY_TWICE = "ingest.amount.currency_twice" {
        en: "it names its currency twice",
        es: "menciona su moneda dos veces",
        zh: "币种出现了两次",
    }
    AMOUNT_SIGN_INSIDE = "ingest.amount.sign_inside" {
        en: "it has a sign in the middle",
        es: "tiene un signo en medio",
        zh: "中间有正负号",
    }
    AMOUNT_BAD_EXPONENT = "ingest.amount.bad_exponent" {
        en: "its exponent is not a whole number (expected something like 1.5E+05)",
        es: "su exponente no es un número entero (se esperaba algo como 1.5E+05)",
        zh: "指数不是整数（应类似 1.5E+05）",
    }
    AMOUNT_EXPONENT_GROUPING = "ingest.amount.exponent_grouping" {
        en: "scientific notation cannot have digit grouping",
        es: "la notación científica no puede tener separadores de miles",
        zh: "科学计数法中不能有千位分隔符",
    }
    AMOUNT_MARK_BEFORE_GROUPING = "ingest.amount.mark_before_grouping" {
        en: "its decimal mark must come after the digit grouping",
        es: "su separador decimal debe ir después de los separadores de miles",
        zh: "小数点必须位于千位分隔符之后",
    }
    AMOUNT_SPACE_AND_MARK_GROUPING = "ingest.amount.space_and_mark_grouping" {
        en: "it mixes space grouping with '.' or ',' grouping",
        es: "mezcla espacios con '.' o ',' como separadores de miles",
        zh: "混用了空格和“.”或“,”作为千位分隔符",
    }
    /// {0} the separator.
    AMOUNT_INCONSISTENT_GROUPING = "ingest.amount.inconsistent_grouping" {
        en: "'{0}' appears several times and also as the decimal mark; the grouping is inconsistent",
        es: "'{0}' aparece varias veces y también como separador decimal; los separadores de miles no son coherentes",
        zh: "“{0}”出现多次，同时又作为小数点；千位分隔不一致",
    }
    AMOUNT_ENDS_WITH_MARK = "ingest.amount.ends_with_mark" {
        en: "it ends with a decimal mark",
        es: "termina en separador decimal",
        zh: "以小数点结尾",
    }
    AMOUNT_SEPARATOR_IN_DECIMALS = "ingest.amount.separator_in_decimals" {
        en: "its decimals contain a separator",
        es: "sus decimales contienen un separador",
        zh: "小数部分包含分隔符",
    }
    AMOUNT_MIXED_GROUPING = "ingest.amount.mixed_grouping" {
        en: "it mixes two digit-grouping characters",
        es: "mezcla dos caracteres distintos como separadores de miles",
        zh: "混用了两种千位分隔符",
    }
    AMOUNT_NOT_THOUSANDS = "ingest.amount.not_thousands" {
        en: "its digit grouping is not in thousands (groups of 3 digits after the first); check the file's decimal mark setting",
        es: "sus separadores de miles no agrupan de a tres dígitos (grupos de 3 dígitos después del primero); revise la configuración del separador decimal del archivo",
        zh: "数字不是按千位分组（第一组之后每组 3 位）；请检查该文件的小数点符号设置",
    }

    // Cells that are not dates (`crate::time`).
    DATE_BLANK = "ingest.date.blank" {
        en: "the date is blank",
        es: "la fecha está vacía",
        zh: "日期为空",
    }
    /// {0} the text as written, {1} why (one of the reasons below).
    DATE_INVALID = "ingest.date.invalid" {
        en: "'{0}' is not a date or time: {1}",
        es: "'{0}' no es una fecha ni una hora: {1}",
        zh: "“{0}”不是有效的日期或时间：{1}",
    }
    /// {0} the text as written, {1} the zone.
    DATE_SKIPPED_BY_DST = "ingest.date.skipped_by_dst" {
        en: "'{0}' never happened in {1}: the clocks jumped over it for daylight saving; check the time zone set for this file",
        es: "'{0}' nunca existió en {1}: los relojes se adelantaron y saltaron esa hora por el horario de verano; revise la zona horaria configurada para este archivo",
        zh: "“{0}”在 {1} 并不存在：夏令时调整时钟跳过了这一时刻；请检查为此文件设置的时区",
    }
    /// {0} the name given.
    DATE_UNKNOWN_ZONE = "ingest.date.unknown_zone" {
        en: "'{0}' is not a known time zone: use an IANA name such as America/Bogota",
        es: "'{0}' no es una zona horaria conocida: use un nombre IANA como America/Bogota",
        zh: "“{0}”不是已知时区：请使用 IANA 名称，例如 America/Bogota",
    }
    /// {0} the format given, {1} the date library's error.
    DATE_BAD_FORMAT = "ingest.date.bad_format" {
        en: "the date format '{0}' is not valid ({1}): use strftime codes such as %d/%m/%Y %H:%M",
        es: "el formato de fecha '{0}' no es válido ({1}): use códigos strftime como %d/%m/%Y %H:%M",
        zh: "日期格式“{0}”无效（{1}）：请使用 strftime 代码，例如 %d/%m/%Y %H:%M",
    }
    DATE_BAD_SERIAL = "ingest.date.bad_serial" {
        en: "as a number it would be an Excel date serial, but it is not a valid one (1 to 2958465; 60 is Excel's nonexistent 29 Feb 1900); format the column as a date",
        es: "como número sería una fecha serial de Excel, pero no es válida (de 1 a 2958465; 60 es el inexistente 29 de febrero de 1900 de Excel); dé formato de fecha a la columna",
        zh: "作为数字它应是 Excel 日期序列号，但不是有效值（1 到 2958465；60 是 Excel 中并不存在的 1900 年 2 月 29 日）；请将该列设置为日期格式",
    }
    DATE_TEXT_AFTER_DATE = "ingest.date.text_after_date" {
        en: "unexpected text after the date (expected a time like 14:30)",
        es: "hay texto inesperado después de la fecha (se esperaba una hora como 14:30)",
        zh: "日期后有意外文本（应为时间，例如 14:30）",
    }
    DATE_OUT_OF_RANGE = "ingest.date.out_of_range" {
        en: "the date-time is out of range",
        es: "la fecha y hora está fuera de rango",
        zh: "日期时间超出范围",
    }
    DATE_SHAPE = "ingest.date.shape" {
        en: "expected a date like 1/5/2026, 2026-05-01 or 1-may-2026",
        es: "se esperaba una fecha como 1/5/2026, 2026-05-01 o 1-may-2026",
        zh: "应为日期，例如 1/5/2026、2026-05-01 或 1-may-2026",
    }
    /// {0} the word as written.
    DATE_NOT_A_MONTH = "ingest.date.not_a_month" {
        en: "'{0}' is not a month name",
        es: "'{0}' no es el nombre de un mes",
        zh: "“{0}”不是月份名称",
    }
    DATE_YEAR_LAST = "ingest.date.year_last" {
        en: "the year comes last but this file's dates are set to year/month/day; change the date order setting",
        es: "el año va al final, pero las fechas de este archivo están configuradas como año/mes/día; cambie la configuración del orden de las fechas",
        zh: "年份在最后，但此文件的日期设置为“年/月/日”；请更改日期顺序设置",
    }
    /// {0} the year as written.
    DATE_BAD_YEAR = "ingest.date.bad_year" {
        en: "'{0}' is not a year (use 4 digits)",
        es: "'{0}' no es un año (use 4 dígitos)",
        zh: "“{0}”不是年份（请使用 4 位数字）",
    }
    /// {0} the date as written, {1} its two-digit year part.
    DATE_TWO_DIGIT_YEAR = "ingest.date.two_digit_year" {
        en: "'{0}' writes its year with two digits ('{1}'): which part is the year, and its century, would be a guess, and Cuadra does not guess dates, so nothing of the file was imported. Export the file with four-digit years, or import it with a profile that states the date format (for example %d/%m/%y)",
        es: "'{0}' escribe el año con dos dígitos ('{1}'): qué parte es el año, y su siglo, serían una suposición, y Cuadra no adivina fechas, así que no se importó nada del archivo. Exporte el archivo con años de cuatro dígitos o impórtelo con un perfil que indique el formato de fecha (por ejemplo %d/%m/%y)",
        zh: "“{0}”的年份只有两位数字（“{1}”）：哪一部分是年份以及属于哪个世纪都只能靠猜，而 Cuadra 不猜测日期，因此文件未导入任何内容。请以四位数年份重新导出文件，或使用指定了日期格式（例如 %d/%m/%y）的导入模板导入",
    }
    /// {0} the month number, {1} the date order (ORDER_*).
    DATE_NO_SUCH_MONTH = "ingest.date.no_such_month" {
        en: "there is no month {0} (dates are read as {1}); check the date order setting",
        es: "no existe el mes {0} (las fechas se leen como {1}); revise la configuración del orden de las fechas",
        zh: "不存在 {0} 月（日期按“{1}”读取）；请检查日期顺序设置",
    }
    ORDER_DMY = "ingest.date.order.dmy" {
        en: "day/month/year",
        es: "día/mes/año",
        zh: "日/月/年",
    }
    ORDER_MDY = "ingest.date.order.mdy" {
        en: "month/day/year",
        es: "mes/día/año",
        zh: "月/日/年",
    }
    ORDER_YMD = "ingest.date.order.ymd" {
        en: "year/month/day",
        es: "año/mes/día",
        zh: "年/月/日",
    }
    /// {0} the day, {1} the year and month (`2026-02`).
    DATE_NO_SUCH_DAY = "ingest.date.no_such_day" {
        en: "day {0} does not exist in {1}",
        es: "el día {0} no existe en {1}",
        zh: "{1} 没有 {0} 日",
    }
    TIME_SHAPE = "ingest.date.time_shape" {
        en: "expected a time like 14:30, 14:30:05 or 2:30 p. m.",
        es: "se esperaba una hora como 14:30, 14:30:05 o 2:30 p. m.",
        zh: "应为时间，例如 14:30、14:30:05 或 2:30 p. m.",
    }
    TIME_LONG_FRACTION = "ingest.date.long_fraction" {
        en: "more than 9 digits of fractional seconds",
        es: "tiene más de 9 dígitos en las fracciones de segundo",
        zh: "秒的小数部分超过 9 位",
    }
    /// {0} the hour.
    TIME_MERIDIEM_HOUR = "ingest.date.meridiem_hour" {
        en: "hour {0} cannot be written with a.m./p.m.",
        es: "la hora {0} no se puede escribir con a. m./p. m.",
        zh: "{0} 点不能与 a.m./p.m. 一起使用",
    }
    /// {0} the time as written (`25:10`).
    TIME_NOT_A_TIME_AT = "ingest.date.not_a_time_at" {
        en: "{0} is not a time of day",
        es: "{0} no es una hora del día válida",
        zh: "{0} 不是有效的时刻",
    }
    TIME_NOT_A_TIME = "ingest.date.not_a_time" {
        en: "not a time of day",
        es: "no es una hora del día válida",
        zh: "不是有效的时刻",
    }
    TIME_TEXT_AFTER_TIME = "ingest.date.text_after_time" {
        en: "unexpected text after the time (expected an offset like -05:00, -0500 or Z)",
        es: "hay texto inesperado después de la hora (se esperaba un desfase horario como -05:00, -0500 o Z)",
        zh: "时间后有意外文本（应为时差，例如 -05:00、-0500 或 Z）",
    }
    TIME_OFFSET_OUT_OF_RANGE = "ingest.date.offset_out_of_range" {
        en: "the offset is out of range",
        es: "el desfase horario está fuera de rango",
        zh: "时差超出范围",
    }
    /// {0} the format, {1} the date library's error.
    DATE_FORMAT_MISMATCH = "ingest.date.format_mismatch" {
        en: "it does not match the format '{0}' ({1})",
        es: "no coincide con el formato '{0}' ({1})",
        zh: "与格式“{0}”不符（{1}）",
    }
    /// {0} the date library's error.
    DATE_NOT_STORED = "ingest.date.not_stored" {
        en: "not a stored date or RFC 3339 time ({0})",
        es: "no es una fecha guardada ni una hora RFC 3339 ({0})",
        zh: "不是已存储的日期或 RFC 3339 时间（{0}）",
    }

    // Bank statements (camt.053, MT940): `ingest::bank`.
    /// {0} the decoder's error.
    STATEMENT_NOT_UTF8 = "ingest.bank.not_utf8" {
        en: "the bank statement is not UTF-8 text, which ISO 20022 requires ({0}): download it again from the bank",
        es: "el extracto bancario no es texto UTF-8, como exige ISO 20022 ({0}): descárguelo de nuevo desde el banco",
        zh: "该银行对账单不是 ISO 20022 要求的 UTF-8 文本（{0}）：请从银行重新下载",
    }
    /// {0} statement reference, {1} account, {2} opening balance, {3} credits, {4} debits,
    /// {5} what they add up to, {6} the closing balance the bank states.
    STATEMENT_UNBALANCED = "ingest.bank.unbalanced" {
        en: "statement '{0}' of account {1} does not add up: opening balance {2} + credits {3} − debits {4} = {5}, but the bank states a closing balance of {6}. Entries are missing or misread, so nothing of the file was imported: download the statement again from the bank",
        es: "el extracto '{0}' de la cuenta {1} no cuadra: saldo inicial {2} + créditos {3} − débitos {4} = {5}, pero el banco indica un saldo final de {6}. Faltan movimientos o se leyeron mal, así que no se importó nada del archivo: descargue el extracto de nuevo desde el banco",
        zh: "账户 {1} 的对账单“{0}”不平：期初余额 {2} + 贷方发生额 {3} − 借方发生额 {4} = {5}，但银行给出的期末余额为 {6}。说明有交易记录缺失或读取有误，因此未导入该文件的任何内容：请从银行重新下载该对账单",
    }
    STATEMENT_REFUSED = "ingest.bank.refused" {
        en: "nothing of this bank statement file was imported: a statement is imported whole or not at all, since its balances prove that no entry is missing (--skip-bad-rows does not apply). Correct what the problems above name, or download the file again from the bank, and import it again",
        es: "no se importó nada de este archivo de extractos bancarios: un extracto se importa completo o no se importa, porque sus saldos prueban que no falta ningún movimiento (--skip-bad-rows no aplica). Corrija lo que indican los problemas anteriores, o descargue el archivo de nuevo desde el banco, e impórtelo otra vez",
        zh: "该银行对账单文件未导入任何内容：对账单只能整体导入，因为其余额用于证明没有遗漏交易记录（--skip-bad-rows 不适用）。请修正上面所列问题，或从银行重新下载文件，然后再次导入",
    }
    /// {0} the bank's reference, {1} the file that brought the entry first, {2} its row.
    ENTRY_CONFLICT = "ingest.bank.entry_conflict" {
        en: "the bank reference {0} is already in the workspace with another amount, date or text (file {1}, row {2}): the entry imported first is kept and this one is not; ask the bank which is right",
        es: "la referencia bancaria {0} ya está en el espacio de trabajo con otro valor, fecha o texto (archivo {1}, fila {2}): se conserva el movimiento importado primero y este no se importa; pregunte al banco cuál es el correcto",
        zh: "银行参考号 {0} 已存在于工作区，但金额、日期或摘要不同（文件 {1}，第 {2} 行）：保留先导入的交易记录，本条不导入；请向银行核实哪一条正确",
    }
    /// {0} the opening balance's currency, {1} the other one.
    STATEMENT_CURRENCY_MIXED = "ingest.bank.currency_mixed" {
        en: "the statement is in {0} but this is in {1}: a statement has one currency; download it again from the bank",
        es: "el extracto está en {0} pero esto está en {1}: un extracto tiene una sola moneda; descárguelo de nuevo desde el banco",
        zh: "该对账单币种为 {0}，此处却为 {1}：一份对账单只有一种币种；请从银行重新下载",
    }
    /// {0} the tag.
    MT940_BEFORE_20 = "ingest.mt940.before_20" {
        en: "the field {0} comes before any :20: (the statement's reference): the file does not start as an MT940 statement does; download it again from the bank",
        es: "el campo {0} aparece antes de cualquier :20: (la referencia del extracto): el archivo no empieza como un extracto MT940; descárguelo de nuevo desde el banco",
        zh: "字段 {0} 出现在任何 20 号字段（对账单参考号）之前：该文件的开头不符合 MT940 对账单格式；请从银行重新下载",
    }
    MT940_NO_STATEMENT = "ingest.mt940.no_statement" {
        en: "no MT940 statement (:20: to :62F:) was found in the file: download it again from the bank",
        es: "no se encontró ningún extracto MT940 (:20: a :62F:) en el archivo: descárguelo de nuevo desde el banco",
        zh: "文件中未找到 MT940 对账单（从 20 号字段至 62F 号字段）：请从银行重新下载",
    }
    /// {0} the line as written.
    MT940_STRAY_LINE = "ingest.mt940.stray_line" {
        en: "'{0}' is outside every field (an MT940 field starts with a tag such as :61:): the file was damaged or edited; download it again from the bank",
        es: "'{0}' está fuera de todo campo (un campo MT940 empieza con una etiqueta como :61:): el archivo se dañó o se editó; descárguelo de nuevo desde el banco",
        zh: "“{0}”不属于任何字段（MT940 的每个字段都以冒号包围的标签开头，例如 61）：文件已损坏或被编辑过；请从银行重新下载",
    }
    /// {0} the tag.
    MT940_UNKNOWN_TAG = "ingest.mt940.unknown_tag" {
        en: "{0} is not a field of an MT940 statement: download the statement again from the bank as MT940",
        es: "{0} no es un campo de un extracto MT940: descargue el extracto de nuevo desde el banco en formato MT940",
        zh: "{0} 不是 MT940 对账单的字段：请从银行重新下载 MT940 格式的对账单",
    }
    /// {0} the tag, {1} the statement's reference.
    MT940_MISSING_FIELD = "ingest.mt940.missing_field" {
        en: "statement '{1}' has no {0} field, which every MT940 statement has: the file is cut short or damaged; download it again from the bank",
        es: "el extracto '{1}' no tiene el campo {0}, que todo extracto MT940 tiene: el archivo está incompleto o dañado; descárguelo de nuevo desde el banco",
        zh: "对账单“{1}”缺少每份 MT940 对账单都有的 {0} 字段：文件不完整或已损坏；请从银行重新下载",
    }
    /// {0} the field as written.
    MT940_BAD_BALANCE = "ingest.mt940.bad_balance" {
        en: "'{0}' is not a balance as MT940 writes it (C or D, the date as YYMMDD, the currency, the amount with a decimal comma, e.g. C260105USD1234,56): correct the file or download it again from the bank",
        es: "'{0}' no es un saldo como lo escribe MT940 (C o D, la fecha AAMMDD, la moneda y el valor con coma decimal, p. ej. C260105USD1234,56): corrija el archivo o descárguelo de nuevo desde el banco",
        zh: "“{0}”不是 MT940 格式的余额（C 或 D、YYMMDD 格式的日期、币种、以逗号作小数点的金额，例如 C260105USD1234,56）：请更正文件或从银行重新下载",
    }
    /// {0} the date as written.
    MT940_BAD_DATE = "ingest.mt940.bad_date" {
        en: "'{0}' is not a date as MT940 writes it (YYMMDD; MMDD for the entry date): download the statement again from the bank",
        es: "'{0}' no es una fecha como la escribe MT940 (AAMMDD; MMDD para la fecha de asiento): descargue el extracto de nuevo desde el banco",
        zh: "“{0}”不是 MT940 格式的日期（YYMMDD；记账日期为 MMDD）：请从银行重新下载该对账单",
    }
    /// {0} the rest of the line from where the mark should be.
    MT940_BAD_MARK = "ingest.mt940.bad_mark" {
        en: "the statement line does not say credit or debit (C, D, RC or RD) where '{0}' begins: download the statement again from the bank",
        es: "la línea del extracto no indica crédito o débito (C, D, RC o RD) donde empieza '{0}': descargue el extracto de nuevo desde el banco",
        zh: "该交易行在“{0}”开头处未标明贷记或借记（C、D、RC 或 RD）：请从银行重新下载该对账单",
    }
    /// {0} the amount as written.
    MT940_BAD_AMOUNT = "ingest.mt940.bad_amount" {
        en: "'{0}' is not an amount as MT940 writes it (digits with one decimal comma, e.g. 1234,56): correct the file or download it again from the bank",
        es: "'{0}' no es un valor como lo escribe MT940 (dígitos con una coma decimal, p. ej. 1234,56): corrija el archivo o descárguelo de nuevo desde el banco",
        zh: "“{0}”不是 MT940 格式的金额（数字加一个小数逗号，例如 1234,56）：请更正文件或从银行重新下载",
    }
    /// {0} the rest of the line from where the type should be.
    MT940_BAD_TYPE = "ingest.mt940.bad_type" {
        en: "the transaction type (N, S or F and three characters, e.g. NTRF) is missing where '{0}' begins: download the statement again from the bank",
        es: "falta el tipo de transacción (N, S o F y tres caracteres, p. ej. NTRF) donde empieza '{0}': descargue el extracto de nuevo desde el banco",
        zh: "在“{0}”开头处缺少交易类型（N、S 或 F 加三个字符，例如 NTRF）：请从银行重新下载该对账单",
    }
    MT940_NO_REFERENCE = "ingest.mt940.no_reference" {
        en: "the statement line has no customer reference (banks write NONREF when there is none): download the statement again from the bank",
        es: "la línea del extracto no tiene referencia del cliente (los bancos escriben NONREF cuando no hay): descargue el extracto de nuevo desde el banco",
        zh: "该交易行没有客户参考号（无参考号时银行会写 NONREF）：请从银行重新下载该对账单",
    }
    /// {0} the XML reader's error.
    CAMT_BROKEN = "ingest.camt.broken" {
        en: "the XML cannot be read here ({0}): the file is damaged or cut short; download the statement again from the bank",
        es: "el XML no se puede leer aquí ({0}): el archivo está dañado o incompleto; descargue el extracto de nuevo desde el banco",
        zh: "此处的 XML 无法读取（{0}）：文件已损坏或不完整；请从银行重新下载该对账单",
    }
    /// {0} the element left open.
    CAMT_CUT_OFF = "ingest.camt.cut_off" {
        en: "the XML ends inside <{0}>: the file was cut short; download the statement again from the bank",
        es: "el XML termina dentro de <{0}>: el archivo quedó incompleto; descargue el extracto de nuevo desde el banco",
        zh: "XML 在 <{0}> 内部结束：文件不完整；请从银行重新下载该对账单",
    }
    /// {0} the element, {1} the statement or entry it belongs to.
    CAMT_MISSING = "ingest.camt.missing" {
        en: "{1} has no {0}, which Cuadra needs to read a statement: download the statement again from the bank",
        es: "{1} no tiene {0}, que Cuadra necesita para leer un extracto: descargue el extracto de nuevo desde el banco",
        zh: "{1} 缺少 {0}，Cuadra 读取对账单需要该元素：请从银行重新下载该对账单",
    }
    /// {0} the amount as written.
    CAMT_BAD_AMOUNT = "ingest.camt.bad_amount" {
        en: "'{0}' is not an ISO 20022 amount (digits with a decimal point, e.g. 1234.56, no sign): correct the file or download it again from the bank",
        es: "'{0}' no es un valor ISO 20022 (dígitos con punto decimal, p. ej. 1234.56, sin signo): corrija el archivo o descárguelo de nuevo desde el banco",
        zh: "“{0}”不是 ISO 20022 格式的金额（数字加小数点，例如 1234.56，不带正负号）：请更正文件或从银行重新下载",
    }
    /// {0} the date as written.
    CAMT_BAD_DATE = "ingest.camt.bad_date" {
        en: "'{0}' is not an ISO 20022 date (YYYY-MM-DD): correct the file or download it again from the bank",
        es: "'{0}' no es una fecha ISO 20022 (AAAA-MM-DD): corrija el archivo o descárguelo de nuevo desde el banco",
        zh: "“{0}”不是 ISO 20022 格式的日期（YYYY-MM-DD）：请更正文件或从银行重新下载",
    }
    /// {0} the value as written.
    CAMT_BAD_INDICATOR = "ingest.camt.bad_indicator" {
        en: "'{0}' is neither CRDT (credit) nor DBIT (debit): correct the file or download it again from the bank",
        es: "'{0}' no es CRDT (crédito) ni DBIT (débito): corrija el archivo o descárguelo de nuevo desde el banco",
        zh: "“{0}”既不是 CRDT（贷记）也不是 DBIT（借记）：请更正文件或从银行重新下载",
    }
    /// {0} the entry's currency, {1} the account's.
    CAMT_ENTRY_CURRENCY = "ingest.camt.entry_currency" {
        en: "the entry is in {0} but the account is in {1}: a statement has one currency; download it again from the bank",
        es: "el movimiento está en {0} pero la cuenta está en {1}: un extracto tiene una sola moneda; descárguelo de nuevo desde el banco",
        zh: "该交易记录币种为 {0}，但账户币种为 {1}：一份对账单只有一种币种；请从银行重新下载",
    }
    /// {0} the entry's status code.
    CAMT_NOT_BOOKED = "ingest.camt.not_booked" {
        en: "the entry's status is {0}, not booked (BOOK): it is left out, and not counted in the balances",
        es: "el estado del movimiento es {0}, no contabilizado (BOOK): no se importa ni se cuenta en los saldos",
        zh: "该交易记录状态为 {0}，并非已记账（BOOK）：不导入，也不计入余额",
    }
    CAMT_NO_STATEMENT = "ingest.camt.no_statement" {
        en: "the camt.053 message holds no statement (Stmt): download it again from the bank",
        es: "el mensaje camt.053 no contiene ningún extracto (Stmt): descárguelo de nuevo desde el banco",
        zh: "该 camt.053 报文不含任何对账单（Stmt）：请从银行重新下载",
    }

    // The import's own errors (`IngestError`).
    /// {0} the profile asked for, {1} the built-in ones.
    UNKNOWN_PROFILE = "ingest.unknown_profile" {
        en: "there is no profile named '{0}': the built-in ones are {1}; check the name, or create the profile first",
        es: "no hay ningún perfil llamado '{0}': los integrados son {1}; revise el nombre o cree el perfil primero",
        zh: "没有名为“{0}”的导入模板：内置导入模板有 {1}；请检查名称，或先创建该导入模板",
    }
    CANCELLED = "ingest.cancelled" {
        en: "the import was cancelled; nothing of the file was written",
        es: "la importación se canceló; no se guardó nada del archivo",
        zh: "导入已取消；该文件的任何内容都未写入",
    }
}
