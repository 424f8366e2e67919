//! Why an act on a case was refused, in Spanish (Colombia), English and Simplified Chinese (see
//! `crate::words`). Case keys, ids and reason codes are arguments shown as they are.
//!
//! Spanish is formal ("usted"); Chinese is Simplified. The acts are named as the app's buttons
//! name them (Confirmar sugerencia / 确认匹配, Vincular / 匹配, Reabrir / 重新打开).

crate::catalog! {
    pub static ENTRIES;

    /// {0} the case key.
    NO_SUCH_CASE = "review.no_such_case" {
        en: "there is no case {0}; reconcile again and pick it from the list",
        es: "no existe el caso {0}; concilie de nuevo y elíjalo de la lista",
        zh: "不存在对账项 {0}；请重新对账，并从列表中选择",
    }
    /// {0} the case key, {1} its period.
    LOCKED = "review.locked" {
        en: "case {0} is in period {1}, which is closed; reopen the period with a reason first",
        es: "el caso {0} pertenece al periodo {1}, que está cerrado; primero reabra el periodo indicando un motivo",
        zh: "对账项 {0} 属于已结账的期间 {1}；请先填写原因反结账",
    }
    /// {0} the case key.
    STALE = "review.stale" {
        en: "case {0} changed since you opened it (its order or lines are not those you saw); open it again and redo the act",
        es: "el caso {0} cambió desde que usted lo abrió (su pedido o sus líneas ya no son los que vio); ábralo de nuevo y repita la acción",
        zh: "对账项 {0} 在您打开后已发生变化（其订单或结算行已不是您看到的）；请重新打开并再次操作",
    }
    NOT_RECONCILED = "review.not_reconciled" {
        en: "the workspace has not been reconciled yet; run a reconciliation first",
        es: "el espacio de trabajo aún no se ha conciliado; primero ejecute una conciliación",
        zh: "工作区尚未对账；请先运行一次对账",
    }
    /// {0} the reason given, {1} the reason codes.
    BAD_REASON = "review.bad_reason" {
        en: "'{0}' is not a reason code; use one of: {1}",
        es: "'{0}' no es un código de motivo; use uno de estos: {1}",
        zh: "“{0}”不是原因代码；请使用以下之一：{1}",
    }

    // Acts that do not apply to the case.
    /// {0} the case key.
    NOT_SUGGESTED = "review.not_suggested" {
        en: "case {0} is not a suggested match: only a suggestion can be confirmed; use Match to link lines by hand",
        es: "el caso {0} no es una coincidencia sugerida: solo una sugerencia se puede confirmar; use Vincular para unir líneas manualmente",
        zh: "对账项 {0} 不是待确认匹配：只有待确认匹配才能确认；请使用“匹配”手动关联结算行",
    }
    SUGGESTION_WITHOUT_ORDER = "review.suggestion_without_order" {
        en: "a suggestion without an order cannot be confirmed; use Match to link its line with an order",
        es: "una sugerencia sin pedido no se puede confirmar; use Vincular para unir su línea con un pedido",
        zh: "没有订单的待确认匹配无法确认；请使用“匹配”将其结算行与订单关联",
    }
    MATCH_NEEDS_ORDER = "review.match_needs_order" {
        en: "this case has no order: choose the order to match its line with (search by number, customer or amount)",
        es: "este caso no tiene pedido: elija el pedido con el que se vincula su línea (busque por número, cliente o monto)",
        zh: "此对账项没有订单：请选择要与其结算行匹配的订单（可按编号、客户或金额搜索）",
    }
    /// {0} the order id given.
    NO_SUCH_ORDER = "review.no_such_order" {
        en: "there is no order with id {0}; check the id",
        es: "no existe ningún pedido con el id {0}; revise el id",
        zh: "不存在 ID 为 {0} 的订单；请检查该 ID",
    }
    /// {0} the order number as typed.
    NO_ORDER_NUMBERED = "review.no_order_numbered" {
        en: "no imported order is numbered {0}: check the number (as the shop shows it, e.g. #4622), or import the orders export that holds it",
        es: "ningún pedido importado tiene el número {0}: revise el número (como lo muestra la tienda, p. ej. #4622) o importe la exportación de pedidos que lo contiene",
        zh: "没有编号为 {0} 的已导入订单：请检查编号（按店铺显示的格式，例如 #4622），或导入包含该订单的订单导出文件",
    }
    /// {0} the order number as typed, {1} the orders it names (platform and number).
    ORDER_NUMBER_AMBIGUOUS = "review.order_number_ambiguous" {
        en: "{0} names more than one order ({1}): pick the order in the list instead of typing its number",
        es: "{0} corresponde a más de un pedido ({1}): elija el pedido en la lista en lugar de escribir su número",
        zh: "{0} 对应多个订单（{1}）：请在列表中选择订单，而不是输入其编号",
    }
    UNMATCH_NO_ORDER = "review.unmatch_no_order" {
        en: "this case has no order to unmatch its lines from",
        es: "este caso no tiene un pedido del cual desvincular sus líneas",
        zh: "此对账项没有可取消匹配的订单",
    }
    /// {0} the case key.
    ALREADY_RESOLVED = "review.already_resolved" {
        en: "case {0} is already resolved; reopen it first to change the resolution",
        es: "el caso {0} ya está resuelto; reábralo primero para cambiar la resolución",
        zh: "对账项 {0} 已处理；如需更改处理结果，请先重新打开",
    }
    /// {0} the case key.
    ALREADY_OPEN = "review.already_open" {
        en: "case {0} is open already, so there is nothing to reopen",
        es: "el caso {0} ya está abierto, así que no hay nada que reabrir",
        zh: "对账项 {0} 尚未处理，无需重新打开",
    }
    /// {0} the case key.
    SELECTED_TWICE = "review.selected_twice" {
        en: "case {0} is in the selection twice; select each case once",
        es: "el caso {0} está dos veces en la selección; seleccione cada caso una sola vez",
        zh: "对账项 {0} 在所选内容中出现了两次；每项只能选择一次",
    }
    /// {0} the case key.
    SELECTED_RESOLVED = "review.selected_resolved" {
        en: "case {0} is already resolved; leave it out of the selection",
        es: "el caso {0} ya está resuelto; quítelo de la selección",
        zh: "对账项 {0} 已处理；请将其从所选内容中移除",
    }

    // What the act needs.
    MATCH_REASON = "review.match_reason" {
        en: "say why these lines belong to this order (reason)",
        es: "explique por qué estas líneas pertenecen a este pedido (motivo)",
        zh: "请说明这些结算行为何属于此订单（原因）",
    }
    UNMATCH_REASON = "review.unmatch_reason" {
        en: "say why these lines do not belong to this order (reason)",
        es: "explique por qué estas líneas no pertenecen a este pedido (motivo)",
        zh: "请说明这些结算行为何不属于此订单（原因）",
    }
    RESOLVE_REASON = "review.resolve_reason" {
        en: "choose a reason code to resolve the case",
        es: "elija un motivo para resolver el caso",
        zh: "请选择一个原因以处理此对账项",
    }
    REOPEN_REASON = "review.reopen_reason" {
        en: "say why the case is reopened (reason)",
        es: "explique por qué se reabre el caso (motivo)",
        zh: "请说明重新打开此对账项的原因",
    }
    OTHER_NEEDS_NOTE = "review.other_needs_note" {
        en: "the reason 'other' needs a note saying what was done",
        es: "el motivo 'Otro' necesita una nota que explique qué se hizo",
        zh: "原因“其他”需要一条说明所做处理的备注",
    }
    NOTE_EMPTY = "review.note_empty" {
        en: "write the note",
        es: "escriba la nota",
        zh: "请填写备注内容",
    }

    // The lines of the act.
    NAME_LINES = "review.name_lines" {
        en: "choose the settlement lines to match",
        es: "elija las líneas de liquidación que desea vincular",
        zh: "请选择要匹配的结算行",
    }
    /// {0} the line id.
    NO_SUCH_LINE = "review.no_such_line" {
        en: "there is no settlement line {0}; search for the line again",
        es: "no existe la línea de liquidación {0}; busque la línea de nuevo",
        zh: "不存在结算行 {0}；请重新搜索该结算行",
    }
    NOTHING_TO_UNMATCH = "review.nothing_to_unmatch" {
        en: "this case holds no settlement line to unmatch",
        es: "este caso no tiene ninguna línea de liquidación que desvincular",
        zh: "此对账项没有可取消匹配的结算行",
    }
    /// {0} the line id, {1} the case key.
    LINE_NOT_IN_CASE = "review.line_not_in_case" {
        en: "line {0} is not in case {1}; open the case again to see its lines",
        es: "la línea {0} no está en el caso {1}; abra el caso de nuevo para ver sus líneas",
        zh: "结算行 {0} 不在对账项 {1} 中；请重新打开该对账项查看其结算行",
    }

    // Undo of the last act.
    /// {0} the act undone (its name), {1} its audit event number.
    UNDO_OF = "review.undo_of" {
        en: "undo of the act \u{201c}{0}\u{201d} recorded as audit event #{1}",
        es: "deshace la acción \u{201c}{0}\u{201d} registrada como evento de auditoría #{1}",
        zh: "撤销审计事件 #{1} 记录的操作\u{201c}{0}\u{201d}",
    }
    NOTHING_TO_UNDO = "review.nothing_to_undo" {
        en: "you have not acted on any case yet: there is nothing to undo",
        es: "usted aún no ha actuado sobre ningún caso: no hay nada que deshacer",
        zh: "您尚未对任何对账项进行操作，没有可撤销的操作",
    }
    /// {0} the audit event number the person saw, {1} the one that is last now.
    UNDO_MOVED = "review.undo_moved" {
        en: "your last act is now audit event #{1}, not #{0} as shown; look at it again before undoing",
        es: "su última acción es ahora el evento de auditoría #{1}, no el #{0} que se mostraba; revísela antes de deshacer",
        zh: "您的最后一次操作现在是审计事件 #{1}，而不是显示的 #{0}；请先查看再撤销",
    }
    NOTE_NOT_UNDONE = "review.note_not_undone" {
        en: "a note cannot be undone: the audit trail keeps it; write another note that corrects it",
        es: "una nota no se puede deshacer: la auditoría la conserva; escriba otra nota que la corrija",
        zh: "备注无法撤销，审计追踪会保留它；请另写一条备注加以更正",
    }
    ACT_CONFIRM = "review.act.confirm" { en: "confirm match", es: "confirmar vínculo", zh: "确认匹配" }
    ACT_MATCH = "review.act.match" { en: "match", es: "vincular", zh: "匹配" }
    ACT_UNMATCH = "review.act.unmatch" { en: "unmatch", es: "desvincular", zh: "取消匹配" }
    ACT_RESOLVE = "review.act.resolve" { en: "resolve", es: "resolver", zh: "处理" }
    ACT_REOPEN = "review.act.reopen" { en: "reopen", es: "reabrir", zh: "重新打开" }
    // Evidence attached to a case (`review::attach`).
    /// {0} the file's name.
    ATTACH_NOT_EVIDENCE = "review.attach_not_evidence" {
        en: "{0} is not a PDF, PNG, JPEG, WebP or GIF file (its first bytes say so, whatever its name ends with); save the ticket or receipt as a PDF or an image and attach that",
        es: "{0} no es un archivo PDF, PNG, JPEG, WebP ni GIF (así lo indican sus primeros bytes, sin importar cómo termine su nombre); guarde el tiquete o el recibo como PDF o como imagen y adjunte ese archivo",
        zh: "{0} 不是 PDF、PNG、JPEG、WebP 或 GIF 文件（由其开头字节判断，与文件名后缀无关）；请将票据或收据另存为 PDF 或图片后再附加",
    }
    /// {0} the file's name.
    ATTACH_EMPTY = "review.attach_empty" {
        en: "{0} is empty (0 bytes); attach the file again from where it was saved or downloaded",
        es: "{0} está vacío (0 bytes); adjunte de nuevo el archivo desde donde se guardó o descargó",
        zh: "{0} 是空文件（0 字节）；请从保存或下载该文件的位置重新附加",
    }
    /// {0} the file's name, {1} the limit in MB.
    ATTACH_TOO_LARGE = "review.attach_too_large" {
        en: "{0} is larger than {1} MB, the most a case can keep per file; attach a smaller copy (the PSP's own PDF, or a scan at a lower resolution)",
        es: "{0} pesa más de {1} MB, el máximo que un caso guarda por archivo; adjunte una copia más liviana (el PDF que envía el PSP, o un escaneo de menor resolución)",
        zh: "{0} 超过 {1} MB，即每个对账项单个文件的上限；请附加较小的副本（PSP 提供的 PDF，或较低分辨率的扫描件）",
    }
}
