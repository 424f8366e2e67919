// Generated from the Rust message catalog (crates/cuadra-core/src/words) by
// src-tauri/generated.rs: do not edit. Regenerate with
// `UPDATE_GENERATED=1 cargo test --lib generated`.

import type { Msg } from "../../ipc/types";

export const BACKEND_MESSAGES: Record<string, { en: string; es: string; zh: string }> = {
  "app.actor_length": {
    "en": "your name for the records must have 1 to 100 characters",
    "es": "su nombre para los registros debe tener entre 1 y 100 caracteres",
    "zh": "用于记录的姓名须为 1 到 100 个字符"
  },
  "app.as_of_future": {
    "en": "{0} has not come yet: judged as of a later day, vouchers still valid today would count as expired. Choose today or an earlier day",
    "es": "{0} aún no ha llegado: con un corte posterior, los códigos de pago aún vigentes hoy contarían como vencidos. Elija hoy o un día anterior",
    "zh": "{0} 尚未到来：若数据截至更晚的日期，今天仍有效的付款码会被算作已过期。请选择今天或更早的日期"
  },
  "app.bad_action": {
    "en": "'{0}' is not an action: confirm, match, unmatch, resolve, reopen or note",
    "es": "'{0}' no es una acción: confirm, match, unmatch, resolve, reopen o note",
    "zh": "“{0}”不是操作：应为 confirm、match、unmatch、resolve、reopen 或 note"
  },
  "app.bad_as_of": {
    "en": "'{0}' is not a date to reconcile as of: choose a day (2026-05-31)",
    "es": "'{0}' no es una fecha de corte: elija un día (2026-05-31)",
    "zh": "“{0}”不是有效的数据截至日期：请选择一天（2026-05-31）"
  },
  "app.bad_format": {
    "en": "'{0}' is not a format: use xlsx or csv",
    "es": "'{0}' no es un formato: use xlsx o csv",
    "zh": "“{0}”不是有效格式：请使用 xlsx 或 csv"
  },
  "app.bad_language": {
    "en": "'{0}' is not a language: use es (español), en (English) or zh (中文)",
    "es": "'{0}' no es un idioma: use es (español), en (English) o zh (中文)",
    "zh": "“{0}”不是有效语言：请使用 es（español）、en（English）或 zh（中文）"
  },
  "app.bad_line_id": {
    "en": "'{0}' is not a settlement line id",
    "es": "'{0}' no es un id de línea de liquidación",
    "zh": "“{0}”不是结算行 ID"
  },
  "app.bad_order_id": {
    "en": "'{0}' is not an order id",
    "es": "'{0}' no es un id de pedido",
    "zh": "“{0}”不是订单 ID"
  },
  "app.bad_report": {
    "en": "'{0}' is not a kind of report",
    "es": "'{0}' no es un tipo de reporte",
    "zh": "“{0}”不是报表类型"
  },
  "app.bad_screen": {
    "en": "'{0}' is not a screen that reports readiness",
    "es": "'{0}' no es una pantalla que informe cuándo está lista",
    "zh": "“{0}”不是会报告就绪状态的界面"
  },
  "app.bad_since": {
    "en": "'{0}' is not a date like 2026-10-31 or a time like 2026-10-31T08:00:00-05:00",
    "es": "'{0}' no es una fecha como 2026-10-31 ni una hora como 2026-10-31T08:00:00-05:00",
    "zh": "“{0}”不是有效日期（如 2026-10-31）或时间（如 2026-10-31T08:00:00-05:00）"
  },
  "app.bad_sort": {
    "en": "the cases cannot be sorted by '{0}'",
    "es": "los casos no se pueden ordenar por '{0}'",
    "zh": "对账项不能按“{0}”排序"
  },
  "app.case_gone": {
    "en": "case {0} is no longer there after the act: reload the list of cases",
    "es": "el caso {0} ya no existe después de la acción: vuelva a cargar la lista de casos",
    "zh": "操作后对账项 {0} 已不存在：请重新加载对账项列表"
  },
  "app.demo_failed": {
    "en": "the demo file {0} did not import: {1}",
    "es": "el archivo de demostración {0} no se importó: {1}",
    "zh": "演示文件 {0} 未能导入：{1}"
  },
  "app.import_running": {
    "en": "an import is already running: wait for it to finish or cancel it",
    "es": "ya hay una importación en curso: espere a que termine o cancélela",
    "zh": "已有导入正在进行：请等待其完成或将其取消"
  },
  "app.internal": {
    "en": "something went wrong inside Cuadra ({0}); try again, and report it if it happens again",
    "es": "algo falló dentro de Cuadra ({0}); intente de nuevo y, si vuelve a ocurrir, repórtelo",
    "zh": "Cuadra 内部出错（{0}）；请重试，如果再次出现请报告此问题"
  },
  "app.no_files": {
    "en": "choose at least one file to import",
    "es": "elija al menos un archivo para importar",
    "zh": "请至少选择一个要导入的文件"
  },
  "app.no_such_workspace": {
    "en": "{0} does not exist: choose an existing workspace file, or create a new one",
    "es": "{0} no existe: elija un archivo de espacio de trabajo existente o cree uno nuevo",
    "zh": "{0} 不存在：请选择现有的工作区文件，或新建一个"
  },
  "app.no_workspace": {
    "en": "no workspace is open: create one or open an existing one first",
    "es": "no hay un espacio de trabajo abierto: primero cree uno o abra uno existente",
    "zh": "尚未打开工作区：请先新建一个或打开现有的工作区"
  },
  "app.no_workspace_path": {
    "en": "the system gives no folder for the workspace: set the CUADRA_DB environment variable to the workspace file's path",
    "es": "el sistema no ofrece una carpeta para el espacio de trabajo: defina la variable de entorno CUADRA_DB con la ruta del archivo del espacio de trabajo",
    "zh": "系统未提供存放工作区的文件夹：请将环境变量 CUADRA_DB 设为工作区文件的路径"
  },
  "app.not_a_file": {
    "en": "{0} is not a file that can be read: choose the file again",
    "es": "{0} no es un archivo que se pueda leer: elija el archivo de nuevo",
    "zh": "{0} 不是可读取的文件：请重新选择文件"
  },
  "app.page_of_cases": {
    "en": "a page holds 1 to {0} cases, not {1}",
    "es": "una página contiene de 1 a {0} casos, no {1}",
    "zh": "每页可显示 1 到 {0} 项，而不是 {1} 项"
  },
  "app.page_of_events": {
    "en": "a page holds 1 to {0} events, not {1}",
    "es": "una página contiene de 1 a {0} eventos, no {1}",
    "zh": "每页可显示 1 到 {0} 条事件，而不是 {1} 条"
  },
  "app.prefs_not_saved": {
    "en": "cannot save your preferences ({0}): check that your user folder is writable and has space",
    "es": "no se pueden guardar sus preferencias ({0}): verifique que su carpeta de usuario permita escribir y tenga espacio",
    "zh": "无法保存您的偏好设置（{0}）：请确认您的用户文件夹可写入且有足够空间"
  },
  "audit.actor.empty": {
    "en": "no one is named as the person acting: give your name with --actor NAME (or the actor setting)",
    "es": "no se indicó quién realiza la acción: escriba su nombre con --actor NOMBRE (o en el ajuste actor)",
    "zh": "未指明操作人：请用 --actor 姓名（或 actor 设置）填写您的名字"
  },
  "audit.actor.not_printable": {
    "en": "the name of the person acting holds a line break or another invisible character, which could forge a line of the audit log: give the name on one line, in visible characters",
    "es": "el nombre de quien realiza la acción contiene un salto de línea u otro carácter invisible, con el que se podría falsear una línea del registro de auditoría: escriba el nombre en una sola línea, con caracteres visibles",
    "zh": "操作人姓名包含换行或其他不可见字符，可能伪造审计日志中的一行：请在一行内用可见字符填写姓名"
  },
  "audit.actor.too_long": {
    "en": "the name of the person acting is longer than {0} characters: give a shorter name",
    "es": "el nombre de quien realiza la acción tiene más de {0} caracteres: escriba un nombre más corto",
    "zh": "操作人姓名超过 {0} 个字符：请使用更短的名字"
  },
  "audit.why.bad_hash": {
    "en": "its stored hash is not 64 hex digits",
    "es": "su hash guardado no tiene 64 dígitos hexadecimales",
    "zh": "其存储的哈希不是 64 位十六进制数字"
  },
  "audit.why.content": {
    "en": "its content does not match its hash: it was changed after it was written",
    "es": "su contenido no coincide con su hash: se modificó después de registrarse",
    "zh": "其内容与哈希不符：写入后被修改过"
  },
  "audit.why.not_text": {
    "en": "its fields are not text as written: it was changed after it was written",
    "es": "sus campos no son texto como se escribieron: se modificó después de registrarse",
    "zh": "其字段已不是写入时的文本：写入后被修改过"
  },
  "audit.why.prev_hash": {
    "en": "its prev_hash is not the hash of the event before it",
    "es": "su prev_hash no es el hash del evento anterior",
    "zh": "其 prev_hash 不是前一个事件的哈希"
  },
  "audit.why.seq_jump": {
    "en": "the sequence jumps from {0} to {1}: events are missing",
    "es": "la numeración salta de {0} a {1}: faltan eventos",
    "zh": "序号从 {0} 跳到 {1}：有事件缺失"
  },
  "case.at": {
    "en": "at {0}",
    "es": "el {0}",
    "zh": "{0}"
  },
  "case.at_bogota": {
    "en": "at {0} (Bogotá)",
    "es": "el {0} (Bogotá)",
    "zh": "{0}（哥伦比亚时间）"
  },
  "case.at_unknown": {
    "en": "at an unknown time",
    "es": "en una fecha desconocida",
    "zh": "时间未知"
  },
  "case.at_zone": {
    "en": "at {0} ({1})",
    "es": "el {0} ({1})",
    "zh": "{0}（{1} 时间）"
  },
  "case.awaiting_payment": {
    "en": "{0} of {1} has no payment yet; its voucher is valid until {2}.",
    "es": "el {0} de {1} aún no tiene pago; su cupón de pago vence el {2}.",
    "zh": "{0}（订单金额 {1}）尚未付款；其付款码有效期至 {2}。"
  },
  "case.awaiting_payment.no_expiry": {
    "en": "{0} of {1} has no payment yet, and its voucher expiry is unknown (no creation time and no expiry in the files).",
    "es": "el {0} de {1} aún no tiene pago, y no se sabe cuándo vence su cupón de pago (los archivos no traen fecha de creación ni de vencimiento).",
    "zh": "{0}（订单金额 {1}）尚未付款，且付款码过期时间未知（文件中没有创建时间，也没有过期时间）。"
  },
  "case.awaiting_settlement": {
    "en": "The shop shows {0} of {1} paid {2}, but no settlement line has arrived yet; that is expected until {3} ({4} days' grace).",
    "es": "La tienda muestra el {0} de {1} como pagado {2}, pero aún no ha llegado ninguna línea de liquidación; es normal hasta el {3} ({4} días de gracia).",
    "zh": "{2}，店铺显示{0}（订单金额 {1}）已付款，但尚未收到结算明细；在 {3} 之前属正常情况（宽限期 {4} 天）。"
  },
  "case.bank.credit_unexplained": {
    "en": "Bank credit {0} of {1} on {2} to account {3} comes from {4} ({5}), but no payout in the imported settlement files explains it: import the PSP's settlement file for it, or find out what the PSP paid.",
    "es": "El abono bancario {0} por {1} del {2} en la cuenta {3} viene de {4} ({5}), pero ningún pago de los archivos de liquidación importados lo explica: importe el archivo de liquidación del PSP correspondiente, o averigüe qué pagó el PSP.",
    "zh": "{2} 账户 {3} 收到来自 {4} 的银行入账 {0}（{1}，附言：{5}），但已导入的结算文件中没有任何结算款能解释这笔到账：请导入对应的支付服务商结算文件，或查明支付服务商支付的内容。"
  },
  "case.batch": {
    "en": "batch {0}",
    "es": "el lote {0}",
    "zh": "批次 {0}"
  },
  "case.batch.differs": {
    "en": "{0} ({1}) does not add up to its own summary: {2}. Check whether the file was cut short or lines are missing, and ask the PSP before booking it.",
    "es": "{0} ({1}) no cuadra con su propio resumen: {2}. Revise si el archivo quedó incompleto o faltan líneas, y consulte al PSP antes de contabilizarlo.",
    "zh": "{0}（{1}）与其自身的汇总不符：{2}。请检查文件是否被截断或缺少明细，并在入账前向支付服务商确认。"
  },
  "case.batch.fees": {
    "en": "fee total",
    "es": "total de comisiones",
    "zh": "手续费合计"
  },
  "case.batch.gross": {
    "en": "gross",
    "es": "bruto",
    "zh": "结算总额"
  },
  "case.batch.net": {
    "en": "net total",
    "es": "total neto",
    "zh": "净额合计"
  },
  "case.batch.off_amount": {
    "en": "its {0} is stated as {1} but its lines add up to {2} ({3} apart)",
    "es": "su {0} declarado es {1}, pero sus líneas suman {2} (diferencia de {3})",
    "zh": "其{0}汇总为 {1}，但明细合计为 {2}（相差 {3}）"
  },
  "case.batch.off_items": {
    "en": "it states {0} items but holds {1} lines",
    "es": "declara {0} registros pero contiene {1} líneas",
    "zh": "汇总为 {0} 笔，但文件中有 {1} 条明细"
  },
  "case.batch.off_relisted": {
    "en": "it lists again {0} row(s) already settled in another batch ({1}), so the PSP may have paid them twice",
    "es": "lista de nuevo {0} fila(s) ya liquidadas en otro lote ({1}), así que el PSP pudo haberlas pagado dos veces",
    "zh": "其中 {0} 条明细已在另一批次结算过（{1}），支付服务商可能重复支付了这些款项"
  },
  "case.batch.rounding": {
    "en": "{0} ({1}) states a net total of {2}; its {3} lines add up to {4}. The difference of {5} is rounding, booked here so the lines tie out to the file.",
    "es": "{0} ({1}) declara un total neto de {2}; sus {3} líneas suman {4}. La diferencia de {5} es redondeo y se registra aquí para que las líneas cuadren con el archivo.",
    "zh": "{0}（{1}）声明的净额合计为 {2}；其 {3} 条明细合计 {4}。差额 {5} 为尾差，记录于此，使明细与文件相符。"
  },
  "case.batch_of_file": {
    "en": "the batch of file {0}",
    "es": "el lote del archivo {0}",
    "zh": "文件 {0} 的批次"
  },
  "case.before_expiry": {
    "en": "before its voucher expired at {0}",
    "es": "antes de que venciera su cupón de pago ({0})",
    "zh": "在付款码过期（{0}）之前"
  },
  "case.by_hand.matched": {
    "en": "Matched by hand by {0}. {1}",
    "es": "Vinculado a mano por {0}. {1}",
    "zh": "由 {0} 手动匹配。{1}"
  },
  "case.by_hand.unmatched": {
    "en": "Taken out of its order by hand by {0}. {1}",
    "es": "Separado de su pedido a mano por {0}. {1}",
    "zh": "由 {0} 手动从其订单中移出。{1}"
  },
  "case.charged_back": {
    "en": "{0} of {1} {2}, and chargeback {3} took back {4} after a payer's dispute.",
    "es": "el {0} de {1} {2}, y el contracargo {3} retiró {4} tras un reclamo del pagador.",
    "zh": "{0}（订单金额 {1}）：{2}；因付款人争议，拒付单 {3} 扣回 {4}。"
  },
  "case.charged_back.status": {
    "en": "{0} of {1} {2}, and the PSP reports that payment as charged back (no chargeback line yet).",
    "es": "el {0} de {1} {2}, y el PSP reporta ese pago como contracargado (aún sin línea de contracargo).",
    "zh": "{0}（订单金额 {1}）：{2}；支付服务商报告该笔付款已被拒付（尚无拒付明细）。"
  },
  "case.currency_mismatch": {
    "en": "{0}: the payment is in {1} and the order in {2}, so the amounts cannot be compared.",
    "es": "{0}: el pago está en {1} y el pedido en {2}, así que los montos no se pueden comparar.",
    "zh": "{0}：付款币种为 {1}，订单币种为 {2}，因此无法比较金额。"
  },
  "case.disputed": {
    "en": "{0} of {1} {2}, and the PSP holds {3} of it for a buyer's claim ({4}) that is still open: follow the claim; the money is lost only if it ends in a refund or a chargeback.",
    "es": "el {0} de {1} {2}, y el PSP retiene {3} por un reclamo del comprador ({4}) que sigue abierto: haga seguimiento al reclamo; el dinero solo se pierde si termina en un reembolso o un contracargo.",
    "zh": "{0}（订单金额 {1}）：{2}；因买家投诉（{4}）尚未了结，支付服务商冻结了其中 {3}：请跟进投诉；只有投诉以退款或拒付结束时，这笔钱才会被扣回。"
  },
  "case.duplicate.each": {
    "en": "{0} of {1} {2}",
    "es": "{0} por {1} {2}",
    "zh": "{0}：{1}，{2}"
  },
  "case.duplicate_payment": {
    "en": "{0} of {1} was paid {2} times ({3}), {4} in total: refund or apply the extra payment.",
    "es": "el {0} de {1} se pagó {2} veces ({3}), {4} en total: reembolse o aplique el pago de más.",
    "zh": "{0}（订单金额 {1}）共支付了 {2} 次，合计 {4}：{3}。请退还或冲抵多付的款项。"
  },
  "case.expired_unpaid": {
    "en": "{0} of {1} was never paid and its voucher expired at {2}; the shop shows it {3}: close the order.",
    "es": "el {0} de {1} nunca se pagó y su cupón de pago venció el {2}; la tienda lo muestra {3}: cierre el pedido.",
    "zh": "{0}（订单金额 {1}）从未付款，其付款码已过期（过期时间 {2}）；店铺显示为“{3}”：请关闭该订单。"
  },
  "case.gone.batch_adds_up": {
    "en": "its batch now adds up to the total its file states",
    "es": "su lote ahora suma el total que declara su archivo",
    "zh": "其批次现在与文件声明的合计相符"
  },
  "case.gone.credit_explained": {
    "en": "a payout now explains this bank credit",
    "es": "ahora un pago del PSP explica este abono bancario",
    "zh": "现已有结算款能解释这笔银行入账"
  },
  "case.gone.nowhere": {
    "en": "its order and settlement lines are no longer in the workspace",
    "es": "su pedido y sus líneas de liquidación ya no están en el espacio de trabajo",
    "zh": "其订单和结算明细已不在工作区中"
  },
  "case.gone.payout_not_judged": {
    "en": "the payout is no longer judged (inside its window at this as-of, or no statement covers it)",
    "es": "el pago ya no se juzga (está dentro de su plazo a esta fecha de corte, o ningún extracto lo cubre)",
    "zh": "该结算款已不再判定（在此数据截至时间仍处于到账期限内，或没有银行对账单覆盖）"
  },
  "case.gone.to_case": {
    "en": "its order and settlement lines now belong to case {0}",
    "es": "su pedido y sus líneas de liquidación ahora pertenecen al caso {0}",
    "zh": "其订单和结算明细现在属于对账项 {0}"
  },
  "case.gone.to_cases": {
    "en": "its order and settlement lines now belong to cases {0}",
    "es": "su pedido y sus líneas de liquidación ahora pertenecen a los casos {0}",
    "zh": "其订单和结算明细现在属于对账项 {0}"
  },
  "case.line.ambiguous": {
    "en": "{0} {1} of {2} {3} quotes keys that name several orders ({4}), so it was not assigned to any: choose the order by hand.",
    "es": "{0} {1} por {2} {3} cita claves que nombran varios pedidos ({4}), así que no se asignó a ninguno: elija el pedido a mano.",
    "zh": "{3}，{0} {1}（{2}）引用的参考号指向多个订单（{4}），因此未分配给任何订单：请手动选择订单。"
  },
  "case.line.charge_batch": {
    "en": "{0} {1} of {2} belongs to batch {3}, not to an order.",
    "es": "{0} {1} por {2} pertenece al lote {3}, no a un pedido.",
    "zh": "{0} {1}（{2}）属于批次 {3}，而不属于某个订单。"
  },
  "case.line.charge_settlement": {
    "en": "{0} {1} of {2} belongs to its settlement, not to an order.",
    "es": "{0} {1} por {2} pertenece a su liquidación, no a un pedido.",
    "zh": "{0} {1}（{2}）属于其结算，而不属于某个订单。"
  },
  "case.line.hold": {
    "en": "Hold {0} of {1} {2}: the PSP held or released this money for a buyer's claim, and it quotes no known order ({3}): find the payment it belongs to.",
    "es": "La retención {0} por {1} {2}: el PSP retuvo o liberó este dinero por un reclamo del comprador, y no cita ningún pedido conocido ({3}): busque el pago al que pertenece.",
    "zh": "{2}，冻结款明细 {0}（{1}）：支付服务商因买家投诉冻结或解冻了这笔钱，但它未引用任何已知订单（{3}）：请找出它所属的付款。"
  },
  "case.line.no_order": {
    "en": "{0} {1} of {2} {3} quotes no known order ({4}) and no order is a likely match: import the missing orders or link it by hand.",
    "es": "{0} {1} por {2} {3} no cita ningún pedido conocido ({4}) y ningún pedido es una coincidencia probable: importe los pedidos que faltan o vincúlelo a mano.",
    "zh": "{3}，{0} {1}（{2}）未引用任何已知订单（{4}），也没有可能匹配的订单：请导入缺失的订单或手动关联。"
  },
  "case.line.reference_unreadable": {
    "en": "{0} {1} of {2} {3} quotes {4}, a reference a spreadsheet turned into a number in scientific notation, so its digits are lost and it cannot be matched: ask the PSP for the original file, or link it by hand.",
    "es": "{0} {1} por {2} {3} cita {4}, una referencia que una hoja de cálculo convirtió en un número en notación científica, así que sus dígitos se perdieron y no se puede vincular: pida al PSP el archivo original o vincúlela a mano.",
    "zh": "{3}，{0} {1}（{2}）引用的 {4} 是被电子表格转成科学计数法的数字，原有数字已丢失，无法匹配：请向支付服务商索取原始文件，或手动关联。"
  },
  "case.line.reversal": {
    "en": "{0} {1} of {2} {3} quotes no known order ({4}): find the payment it reverses.",
    "es": "{0} {1} por {2} {3} no cita ningún pedido conocido ({4}): busque el pago que revierte.",
    "zh": "{3}，{0} {1}（{2}）未引用任何已知订单（{4}）：请找出它所冲回的付款。"
  },
  "case.line.status_unknown": {
    "en": "{0} {1} of {2} carries the status {3}, which Cuadra does not know, and quotes no known order ({4}); no money is counted for it: ask the PSP what the status means.",
    "es": "{0} {1} por {2} tiene el estado {3}, que Cuadra no conoce, y no cita ningún pedido conocido ({4}); no se cuenta ningún dinero por ella: pregunte al PSP qué significa ese estado.",
    "zh": "{0} {1}（{2}）的状态为“{3}”，Cuadra 不认识该状态，且未引用任何已知订单（{4}）；不计入任何款项：请向支付服务商确认该状态的含义。"
  },
  "case.line.tied": {
    "en": "{0} {1} of {2} {3} quotes no known order; it is one edit away from {4}, but not as a unique best match, so nothing was suggested: link it by hand.",
    "es": "{0} {1} por {2} {3} no cita ningún pedido conocido; está a una edición del {4}, pero no como única mejor coincidencia, así que no se sugirió nada: vincúlelo a mano.",
    "zh": "{3}，{0} {1}（{2}）未引用任何已知订单；它与{4}仅差一个字符（疑似录入错误），但并非唯一最佳匹配，因此未生成待确认匹配：请手动关联。"
  },
  "case.line.unpaid": {
    "en": "Payment line {0} of {1} with status {2} quotes no known order ({3}); no money moved.",
    "es": "La línea de pago {0} por {1} con estado {2} no cita ningún pedido conocido ({3}); no hubo movimiento de dinero.",
    "zh": "状态为“{2}”的付款明细 {0}（{1}）未引用任何已知订单（{3}）；没有资金变动。"
  },
  "case.line_id": {
    "en": "(id {0})",
    "es": "(id {0})",
    "zh": "（id {0}）"
  },
  "case.matched": {
    "en": "{0}, {1}.",
    "es": "{0}, {1}.",
    "zh": "{0}，{1}。"
  },
  "case.matched.amount_unknown": {
    "en": "{0}, {1}; the amounts could not be compared because one is missing.",
    "es": "{0}, {1}; los montos no se pudieron comparar porque falta uno.",
    "zh": "{0}，{1}；由于缺少其中一个金额，无法比较金额。"
  },
  "case.matched.within_tolerance": {
    "en": "{0} ({1} off, within the tolerance of {2}), {3}.",
    "es": "{0} (diferencia de {1}, dentro de la tolerancia de {2}), {3}.",
    "zh": "{0}（相差 {1}，在容差 {2} 以内），{3}。"
  },
  "case.missing_settlement": {
    "en": "The shop shows {0} of {1} paid {2}, but no settlement line arrived within the {3}-day grace that ended at {4}: ask the PSP for the payment.",
    "es": "La tienda muestra el {0} de {1} como pagado {2}, pero no llegó ninguna línea de liquidación en los {3} días de gracia, que terminaron el {4}: pida el pago al PSP.",
    "zh": "{2}，店铺显示{0}（订单金额 {1}）已付款，但在 {3} 天宽限期内（截至 {4}）未收到结算明细，已超期未结算：请向支付服务商追讨这笔款项。"
  },
  "case.no_known_expiry": {
    "en": "with no known voucher expiry",
    "es": "sin vencimiento conocido del cupón de pago",
    "zh": "付款码过期时间未知"
  },
  "case.no_reference": {
    "en": "no reference at all",
    "es": "ninguna referencia",
    "zh": "没有任何参考号"
  },
  "case.order": {
    "en": "order {0}",
    "es": "pedido {0}",
    "zh": "订单 {0}"
  },
  "case.order_id": {
    "en": "order (id {0})",
    "es": "pedido (id {0})",
    "zh": "订单（id {0}）"
  },
  "case.overpaid": {
    "en": "{0}: {1} more than the total, beyond the tolerance of {2}.",
    "es": "{0}: {1} más que el total, más allá de la tolerancia de {2}.",
    "zh": "{0}：比订单金额多付 {1}，超出容差 {2}。"
  },
  "case.paid.no_line": {
    "en": "has no payment line in the imported files",
    "es": "no tiene línea de pago en los archivos importados",
    "zh": "在已导入的文件中没有付款明细"
  },
  "case.paid.once": {
    "en": "was paid {0} {1}",
    "es": "se pagó con {0} {1}",
    "zh": "{1}，支付了 {0}"
  },
  "case.paid.times": {
    "en": "was paid {0} times, {1} in total",
    "es": "se pagó {0} veces, {1} en total",
    "zh": "共支付了 {0} 次，合计 {1}"
  },
  "case.paid_after_expiry": {
    "en": "{0}, after its voucher expired at {1}: accept the late payment or refund it.",
    "es": "{0}, después de que venciera su cupón de pago ({1}): acepte el pago tardío o reembólselo.",
    "zh": "{0}，付款时付款码已过期（过期时间 {1}）：请接受过期付款或予以退款。"
  },
  "case.paid_for": {
    "en": "paid {0} {1} for {2} of {3}",
    "es": "pago de {0} {1} por el {2} de {3}",
    "zh": "{1}，{2}（订单金额 {3}）支付了 {0}"
  },
  "case.paid_shop_pending": {
    "en": "{0}, {1}, but the shop still shows it {2}: mark it paid and ship it.",
    "es": "{0}, {1}, pero la tienda aún lo muestra {2}: márquelo como pagado y despáchelo.",
    "zh": "{0}，{1}，但店铺仍显示为“{2}”：请将其标记为已付款并发货。"
  },
  "case.partially_refunded": {
    "en": "{0} of {1} {2}, and {3} of it was refunded.",
    "es": "el {0} de {1} {2}, y se reembolsó {3} de ese pago.",
    "zh": "{0}（订单金额 {1}）：{2}；其中 {3} 已退款。"
  },
  "case.partially_refunded.leaving": {
    "en": "{0} of {1} {2}, and {3} of it was refunded, leaving {4}.",
    "es": "el {0} de {1} {2}, y se reembolsó {3} de ese pago; quedan {4}.",
    "zh": "{0}（订单金额 {1}）：{2}；其中 {3} 已退款，剩余 {4}。"
  },
  "case.payout.debit_charge": {
    "en": "{0} of bank charges",
    "es": "{0} de cargos bancarios",
    "zh": "银行手续费 {0}"
  },
  "case.payout.debit_gmf": {
    "en": "{0} of GMF (4x1000)",
    "es": "{0} de GMF (4x1000)",
    "zh": "GMF 千分之四税 {0}"
  },
  "case.payout.fx": {
    "en": "The {0} payout {1} of {2}, transferred on {3}, arrived converted: {4} credited on {5} to account {6} (bank reference {7}), {8}; the bank's effective rate is {9} {11} per {10} (credited / net).",
    "es": "El pago de {0} {1} por {2}, transferido el {3}, llegó convertido: {4} abonados el {5} en la cuenta {6} (referencia del banco {7}), {8}; la tasa efectiva del banco es {9} {11} por {10} (abonado / neto).",
    "zh": "{3} 转出的 {0} 结算款 {1}（{2}）已换汇到账：{5} 账户 {6} 收到 {4}（银行参考号 {7}），{8}；银行实际汇率为 1 {10} = {9} {11}（到账金额 / 净额）。"
  },
  "case.payout.how_amount": {
    "en": "taken by its amount within {0} day(s) of the transfer (the bank names no transfer)",
    "es": "tomado por su monto dentro de {0} día(s) de la transferencia (el banco no nombra ninguna transferencia)",
    "zh": "银行未注明转账编号，按金额在转账后 {0} 天内匹配"
  },
  "case.payout.how_reference": {
    "en": "whose bank text names the transfer",
    "es": "cuyo texto bancario nombra la transferencia",
    "zh": "银行附言注明了该转账编号"
  },
  "case.payout.matched": {
    "en": "The {0} payout {1} of {2}, transferred on {3}, arrived: {4} credited on {5} to account {6} (bank reference {7}), {8}.",
    "es": "El pago de {0} {1} por {2}, transferido el {3}, llegó: {4} abonados el {5} en la cuenta {6} (referencia del banco {7}), {8}.",
    "zh": "{3} 转出的 {0} 结算款 {1}（{2}）已到账：{5} 账户 {6} 收到 {4}（银行参考号 {7}），{8}。"
  },
  "case.payout.missing": {
    "en": "The {0} payout {1} of {2}, transferred on {3}, has no bank credit within {4} day(s) (by {5}); the imported statements run to {6}: import the later statements, or ask the PSP for proof of the transfer and the bank whether it arrived.",
    "es": "El pago de {0} {1} por {2}, transferido el {3}, no tiene abono bancario dentro de {4} día(s) (hasta el {5}); los extractos importados llegan al {6}: importe los extractos siguientes, o pida al PSP el soporte de la transferencia y al banco si llegó.",
    "zh": "{3} 转出的 {0} 结算款 {1}（{2}）在 {4} 天内（截至 {5}）仍未到账；已导入的银行对账单截至 {6}：请导入之后的对账单，或向支付服务商索取转账证明并向银行确认是否到账。"
  },
  "case.payout.over": {
    "en": "The {0} payout {1} of {2}, transferred on {3}, arrived over: {4} credited on {5} to account {6} (bank reference {7}), {8}; {9} more than the PSP's net: ask the PSP and the bank whether other money was paid in the same credit.",
    "es": "El pago de {0} {1} por {2}, transferido el {3}, llegó con exceso: {4} abonados el {5} en la cuenta {6} (referencia del banco {7}), {8}; {9} más que el neto del PSP: pregunte al PSP y al banco si otro dinero llegó en el mismo abono.",
    "zh": "{3} 转出的 {0} 结算款 {1}（{2}）到账金额超出：{5} 账户 {6} 收到 {4}（银行参考号 {7}），{8}；比支付服务商的净额多 {9}：请向支付服务商和银行确认同一笔入账是否包含其他款项。"
  },
  "case.payout.shared_credit": {
    "en": "The {0} payout {1} of {2}, transferred on {3}, and payout(s) {4} fit the same bank credit {5}: Cuadra does not choose between them; check which transfer it pays and resolve the case with a note.",
    "es": "El pago de {0} {1} por {2}, transferido el {3}, y el/los pago(s) {4} encajan con el mismo abono bancario {5}: Cuadra no elige entre ellos; revise qué transferencia paga y resuelva el caso con una nota.",
    "zh": "{3} 转出的 {0} 结算款 {1}（{2}）与结算款 {4} 都与同一笔银行入账 {5} 相符：Cuadra 不会从中任选；请核实该入账对应哪一笔转账，并在备注中说明后处理此对账项。"
  },
  "case.payout.short": {
    "en": "The {0} payout {1} of {2}, transferred on {3}, arrived short: {4} credited on {5} to account {6} (bank reference {7}), {8}; {9} less than the PSP's net, most likely a bank charge withheld before crediting: confirm it with the bank, then resolve the case.",
    "es": "El pago de {0} {1} por {2}, transferido el {3}, llegó incompleto: {4} abonados el {5} en la cuenta {6} (referencia del banco {7}), {8}; {9} menos que el neto del PSP, muy probablemente un cargo bancario descontado antes del abono: confírmelo con el banco y resuelva el caso.",
    "zh": "{3} 转出的 {0} 结算款 {1}（{2}）到账金额不足：{5} 账户 {6} 收到 {4}（银行参考号 {7}），{8}；比支付服务商的净额少 {9}，很可能是入账前扣除的银行手续费：请向银行确认后处理此对账项。"
  },
  "case.payout.two_credits": {
    "en": "The {0} payout {1} of {2}, transferred on {3}, fits {4} bank credits ({5}): Cuadra does not choose between them; check which one pays this transfer and resolve the case with a note.",
    "es": "El pago de {0} {1} por {2}, transferido el {3}, encaja con {4} abonos bancarios ({5}): Cuadra no elige entre ellos; revise cuál paga esta transferencia y resuelva el caso con una nota.",
    "zh": "{3} 转出的 {0} 结算款 {1}（{2}）与 {4} 笔银行入账（{5}）都相符：Cuadra 不会从中任选一笔；请核实哪一笔是该转账的到账，并在备注中说明后处理此对账项。"
  },
  "case.payout.with_debits": {
    "en": "{0} The same day the account was also debited {1}.",
    "es": "{0} El mismo día la cuenta tuvo además débitos de {1}.",
    "zh": "{0}同日该账户另有扣款：{1}。"
  },
  "case.psp.authorized": {
    "en": "authorized",
    "es": "autorizado",
    "zh": "已授权"
  },
  "case.psp.cancelled": {
    "en": "cancelled",
    "es": "cancelado",
    "zh": "已取消"
  },
  "case.psp.charged_back": {
    "en": "charged back",
    "es": "contracargado",
    "zh": "已拒付"
  },
  "case.psp.expired": {
    "en": "expired",
    "es": "vencido",
    "zh": "已过期"
  },
  "case.psp.in_mediation": {
    "en": "in mediation",
    "es": "en mediación",
    "zh": "调解中"
  },
  "case.psp.paid": {
    "en": "paid",
    "es": "pagado",
    "zh": "已支付"
  },
  "case.psp.pending": {
    "en": "pending",
    "es": "pendiente",
    "zh": "处理中"
  },
  "case.psp.refunded": {
    "en": "refunded",
    "es": "reembolsado",
    "zh": "已退款"
  },
  "case.psp.rejected": {
    "en": "rejected",
    "es": "rechazado",
    "zh": "已拒绝"
  },
  "case.psp.unknown": {
    "en": "unknown",
    "es": "desconocido",
    "zh": "未知"
  },
  "case.psp_status_unknown": {
    "en": "{0} of {1}: the PSP reports {2}, a status Cuadra does not know, so no money is counted for it: ask the PSP what it means, then resolve the case.",
    "es": "el {0} de {1}: el PSP reporta {2}, un estado que Cuadra no conoce, así que no se cuenta ningún dinero por ello: pregunte al PSP qué significa y luego resuelva el caso.",
    "zh": "{0}（订单金额 {1}）：支付服务商报告了{2}，Cuadra 不认识该状态，因此不计入任何款项：请向支付服务商确认其含义，然后处理该对账项。"
  },
  "case.quoted": {
    "en": "'{0}'",
    "es": "«{0}»",
    "zh": "“{0}”"
  },
  "case.reason.accepted_late_payment": {
    "en": "late payment accepted",
    "es": "pago tardío aceptado",
    "zh": "接受过期付款"
  },
  "case.reason.not_our_order": {
    "en": "not our order",
    "es": "no es pedido nuestro",
    "zh": "非本店订单"
  },
  "case.reason.other": {
    "en": "other",
    "es": "otro",
    "zh": "其他"
  },
  "case.reason.refund_pending_at_psp": {
    "en": "refund pending at the PSP",
    "es": "reembolso pendiente en el PSP",
    "zh": "支付服务商退款处理中"
  },
  "case.reason.refunded_to_buyer": {
    "en": "refunded to the buyer",
    "es": "reembolsado al comprador",
    "zh": "已退款给买家"
  },
  "case.reason.shop_corrected": {
    "en": "corrected in the shop",
    "es": "corregido en la tienda",
    "zh": "已在店铺更正"
  },
  "case.reason.written_off": {
    "en": "written off",
    "es": "castigado como pérdida",
    "zh": "差额已核销（计入损益）"
  },
  "case.refunded": {
    "en": "{0} of {1} {2}, and {3} was refunded, the whole amount.",
    "es": "el {0} de {1} {2}, y se reembolsó {3}, el monto completo.",
    "zh": "{0}（订单金额 {1}）：{2}；已全额退款 {3}。"
  },
  "case.refunded.status": {
    "en": "{0} of {1} {2}, and the PSP reports that payment as refunded (no refund line yet).",
    "es": "el {0} de {1} {2}, y el PSP reporta ese pago como reembolsado (aún sin línea de reembolso).",
    "zh": "{0}（订单金额 {1}）：{2}；支付服务商报告该笔付款已退款（尚无退款明细）。"
  },
  "case.reopen_judged_again": {
    "en": "Cuadra judges it differently since it was resolved (new data, settings or rules)",
    "es": "Cuadra lo juzga de otra forma desde que se resolvió (datos, ajustes o reglas nuevos)",
    "zh": "自处理以来，Cuadra 对其判定已改变（新数据、设置或规则）"
  },
  "case.reopen_why": {
    "en": "its order or settlement lines changed after it was resolved",
    "es": "su pedido o sus líneas de liquidación cambiaron después de resolverse",
    "zh": "其订单或结算明细在处理后发生了变化"
  },
  "case.reopened_by": {
    "en": "Reopened by {0} on {1}. {2}",
    "es": "Reabierto por {0} el {1}. {2}",
    "zh": "{1}，{0} 重新打开了此对账项。{2}"
  },
  "case.reopened_by.because": {
    "en": "Reopened by {0} on {1}: {2}. {3}",
    "es": "Reabierto por {0} el {1}: {2}. {3}",
    "zh": "{1}，{0} 重新打开了此对账项：{2}。{3}"
  },
  "case.resolved_by": {
    "en": "Resolved ({0}) by {1} on {2}. {3}",
    "es": "Resuelto ({0}) por {1} el {2}. {3}",
    "zh": "{2}，{1} 已处理此对账项，原因：{0}。{3}"
  },
  "case.resolved_by.no_reason": {
    "en": "Resolved by {0} on {1}. {2}",
    "es": "Resuelto por {0} el {1}. {2}",
    "zh": "{1}，{0} 已处理此对账项。{2}"
  },
  "case.row.adjustment": {
    "en": "adjustment line",
    "es": "la línea de ajuste",
    "zh": "调整明细"
  },
  "case.row.chargeback": {
    "en": "chargeback",
    "es": "el contracargo",
    "zh": "拒付"
  },
  "case.row.chargeback_reversal": {
    "en": "chargeback reversal",
    "es": "la reversión de contracargo",
    "zh": "拒付撤销"
  },
  "case.row.fee": {
    "en": "fee line",
    "es": "la línea de comisión",
    "zh": "手续费明细"
  },
  "case.row.hold": {
    "en": "hold",
    "es": "la retención",
    "zh": "冻结款明细"
  },
  "case.row.payment": {
    "en": "payment",
    "es": "el pago",
    "zh": "付款"
  },
  "case.row.payout": {
    "en": "payout line",
    "es": "la línea de desembolso",
    "zh": "打款明细"
  },
  "case.row.refund": {
    "en": "refund",
    "es": "el reembolso",
    "zh": "退款"
  },
  "case.row.tax": {
    "en": "tax line",
    "es": "la línea de impuesto",
    "zh": "税费明细"
  },
  "case.settlement.unknown_time": {
    "en": "The shop shows {0} of {1} paid, at an unknown time, and no settlement line has arrived: ask the PSP for the payment.",
    "es": "La tienda muestra el {0} de {1} como pagado, en una fecha desconocida, y no ha llegado ninguna línea de liquidación: pida el pago al PSP.",
    "zh": "店铺显示{0}（订单金额 {1}）已付款，但付款时间未知，且未收到结算明细：请向支付服务商追讨这笔款项。"
  },
  "case.settlement_lines_only": {
    "en": "{0} has settlement lines only.",
    "es": "el {0} solo tiene líneas de liquidación.",
    "zh": "{0}只有结算明细。"
  },
  "case.shop.authorized": {
    "en": "authorized",
    "es": "autorizado",
    "zh": "已授权"
  },
  "case.shop.cancelled": {
    "en": "cancelled",
    "es": "cancelado",
    "zh": "已取消"
  },
  "case.shop.expired": {
    "en": "expired",
    "es": "vencido",
    "zh": "已过期"
  },
  "case.shop.failed": {
    "en": "failed",
    "es": "fallido",
    "zh": "失败"
  },
  "case.shop.paid": {
    "en": "paid",
    "es": "pagado",
    "zh": "已付款"
  },
  "case.shop.partially_paid": {
    "en": "partially paid",
    "es": "pagado en parte",
    "zh": "部分付款"
  },
  "case.shop.partially_refunded": {
    "en": "partially refunded",
    "es": "reembolsado en parte",
    "zh": "部分退款"
  },
  "case.shop.pending": {
    "en": "pending",
    "es": "pendiente",
    "zh": "待付款"
  },
  "case.shop.refunded": {
    "en": "refunded",
    "es": "reembolsado",
    "zh": "已退款"
  },
  "case.shop.unknown": {
    "en": "in an unknown state",
    "es": "en un estado desconocido",
    "zh": "状态未知"
  },
  "case.shop.voided": {
    "en": "voided",
    "es": "anulado",
    "zh": "已作废"
  },
  "case.status_unknown.each": {
    "en": "{0} {1} with the status {2}",
    "es": "{0} {1} con el estado {2}",
    "zh": "状态为“{2}”的{0} {1}"
  },
  "case.stray_lines": {
    "en": "{0} Settlement line {1} quotes keys that name this order and other orders too, so it was left in its own case.",
    "es": "{0} La línea de liquidación {1} cita claves que nombran este pedido y también otros, así que quedó en un caso propio.",
    "zh": "{0}结算明细 {1} 引用的参考号同时指向本订单和其他订单，因此单独列为一个对账项。"
  },
  "case.suggested": {
    "en": "No settlement line quotes {0} of {1}, but payment {2} of {3} {4} quotes '{5}', one edit away from '{6}', with the same amount inside the voucher window: confirm or reject the link.",
    "es": "Ninguna línea de liquidación cita el {0} de {1}, pero el pago {2} por {3} {4} cita «{5}», a una edición de «{6}», con el mismo monto y dentro de la vigencia del cupón: confirme o rechace el vínculo.",
    "zh": "没有结算明细引用{0}（订单金额 {1}）；{4}，付款 {2}（{3}）引用了“{5}”，与“{6}”仅差一个字符（疑似录入错误），金额相同且在付款码有效期内：请确认匹配或拒绝此关联。"
  },
  "case.suggested.bare": {
    "en": "{0} has a likely payment.",
    "es": "el {0} tiene un pago probable.",
    "zh": "{0}有一笔可能对应的付款。"
  },
  "case.underpaid": {
    "en": "{0}: {1} short, beyond the tolerance of {2}.",
    "es": "{0}: faltan {1}, más allá de la tolerancia de {2}.",
    "zh": "{0}：少付 {1}，超出容差 {2}。"
  },
  "case.unknown_amount": {
    "en": "an unknown amount",
    "es": "un monto desconocido",
    "zh": "未知金额"
  },
  "case.unknown_time": {
    "en": "an unknown time",
    "es": "una hora desconocida",
    "zh": "未知"
  },
  "case.unknown_total": {
    "en": "an unknown total",
    "es": "un total desconocido",
    "zh": "未知"
  },
  "cases.bad_amount_max": {
    "en": "the maximum amount '{0}' is not an amount like 150000 or 12.50",
    "es": "el monto máximo '{0}' no es un monto como 150000 o 12.50",
    "zh": "最高金额“{0}”不是有效金额，格式应如 150000 或 12.50"
  },
  "cases.bad_amount_min": {
    "en": "the minimum amount '{0}' is not an amount like 150000 or 12.50",
    "es": "el monto mínimo '{0}' no es un monto como 150000 o 12.50",
    "zh": "最低金额“{0}”不是有效金额，格式应如 150000 或 12.50"
  },
  "cases.bad_as_of": {
    "en": "the time of the last reconciliation ('{0}') cannot be read: reconcile again",
    "es": "no se puede leer la hora de la última conciliación ('{0}'): concilie de nuevo",
    "zh": "无法读取上次对账的时间（“{0}”）：请重新对账"
  },
  "cases.bad_from": {
    "en": "the start date '{0}' is not a date like 2026-10-31",
    "es": "la fecha inicial '{0}' no es una fecha como 2026-10-31",
    "zh": "开始日期“{0}”不是有效日期，格式应如 2026-10-31"
  },
  "cases.bad_to": {
    "en": "the end date '{0}' is not a date like 2026-10-31",
    "es": "la fecha final '{0}' no es una fecha como 2026-10-31",
    "zh": "结束日期“{0}”不是有效日期，格式应如 2026-10-31"
  },
  "cases.lines_not_partitioned": {
    "en": "the reconciliation gave its cases {0} settlement lines but {1} were stored: a line would sit in two cases, so nothing was saved; keep the workspace and report this",
    "es": "la conciliación dio a sus casos {0} líneas de liquidación pero se guardaron {1}: una línea quedaría en dos casos, así que no se guardó nada; conserve el espacio de trabajo y reporte esto",
    "zh": "本次对账的对账项包含 {0} 条结算明细，但保存了 {1} 条：某条明细会同时属于两个对账项，因此未保存任何内容；请保留该工作区并报告此问题"
  },
  "ingest.amount.bad_exponent": {
    "en": "its exponent is not a whole number (expected something like 1.5E+05)",
    "es": "su exponente no es un número entero (se esperaba algo como 1.5E+05)",
    "zh": "指数不是整数（应类似 1.5E+05）"
  },
  "ingest.amount.blank": {
    "en": "the amount is blank",
    "es": "el monto está vacío",
    "zh": "金额为空"
  },
  "ingest.amount.currency_twice": {
    "en": "it names its currency twice",
    "es": "menciona su moneda dos veces",
    "zh": "币种出现了两次"
  },
  "ingest.amount.ends_with_mark": {
    "en": "it ends with a decimal mark",
    "es": "termina en separador decimal",
    "zh": "以小数点结尾"
  },
  "ingest.amount.exponent_grouping": {
    "en": "scientific notation cannot have digit grouping",
    "es": "la notación científica no puede tener separadores de miles",
    "zh": "科学计数法中不能有千位分隔符"
  },
  "ingest.amount.inconsistent_grouping": {
    "en": "'{0}' appears several times and also as the decimal mark; the grouping is inconsistent",
    "es": "'{0}' aparece varias veces y también como separador decimal; los separadores de miles no son coherentes",
    "zh": "“{0}”出现多次，同时又作为小数点；千位分隔不一致"
  },
  "ingest.amount.invalid": {
    "en": "'{0}' is not an amount: {1}",
    "es": "'{0}' no es un monto: {1}",
    "zh": "“{0}”不是有效金额：{1}"
  },
  "ingest.amount.mark_before_grouping": {
    "en": "its decimal mark must come after the digit grouping",
    "es": "su separador decimal debe ir después de los separadores de miles",
    "zh": "小数点必须位于千位分隔符之后"
  },
  "ingest.amount.minus_inside": {
    "en": "it has a minus sign in the middle",
    "es": "tiene un signo menos en medio",
    "zh": "中间有负号"
  },
  "ingest.amount.mixed_grouping": {
    "en": "it mixes two digit-grouping characters",
    "es": "mezcla dos caracteres distintos como separadores de miles",
    "zh": "混用了两种千位分隔符"
  },
  "ingest.amount.no_digits": {
    "en": "it has no digits",
    "es": "no tiene dígitos",
    "zh": "没有数字"
  },
  "ingest.amount.not_thousands": {
    "en": "its digit grouping is not in thousands (groups of 3 digits after the first); check the file's decimal mark setting",
    "es": "sus separadores de miles no agrupan de a tres dígitos (grupos de 3 dígitos después del primero); revise la configuración del separador decimal del archivo",
    "zh": "数字不是按千位分组（第一组之后每组 3 位）；请检查该文件的小数点符号设置"
  },
  "ingest.amount.out_of_range": {
    "en": "'{0}' is too large or has too many decimals to keep exactly (at most 28 digits): check that the right column is mapped as an amount",
    "es": "'{0}' es demasiado grande o tiene demasiados decimales para guardarlo con exactitud (máximo 28 dígitos): verifique que la columna asignada como monto sea la correcta",
    "zh": "“{0}”数值过大或小数位过多，无法精确保存（最多 28 位数字）：请检查映射为金额的列是否正确"
  },
  "ingest.amount.separator_in_decimals": {
    "en": "its decimals contain a separator",
    "es": "sus decimales contienen un separador",
    "zh": "小数部分包含分隔符"
  },
  "ingest.amount.several_signs": {
    "en": "it has more than one sign (minus, plus or parentheses); keep only one",
    "es": "tiene más de un signo (menos, más o paréntesis); deje solo uno",
    "zh": "有多个符号（负号、正号或括号）；请只保留一个"
  },
  "ingest.amount.sign_inside": {
    "en": "it has a sign in the middle",
    "es": "tiene un signo en medio",
    "zh": "中间有正负号"
  },
  "ingest.amount.space_and_mark_grouping": {
    "en": "it mixes space grouping with '.' or ',' grouping",
    "es": "mezcla espacios con '.' o ',' como separadores de miles",
    "zh": "混用了空格和“.”或“,”作为千位分隔符"
  },
  "ingest.amount.two_closing_parens": {
    "en": "it has two closing parentheses",
    "es": "tiene dos paréntesis de cierre",
    "zh": "有两个右括号"
  },
  "ingest.amount.two_currencies": {
    "en": "it names two currencies ({0} and {1})",
    "es": "menciona dos monedas ({0} y {1})",
    "zh": "包含两种币种（{0} 和 {1}）"
  },
  "ingest.amount.two_minus": {
    "en": "it has two minus signs",
    "es": "tiene dos signos menos",
    "zh": "有两个负号"
  },
  "ingest.amount.two_opening_parens": {
    "en": "it has two opening parentheses",
    "es": "tiene dos paréntesis de apertura",
    "zh": "有两个左括号"
  },
  "ingest.amount.two_symbols": {
    "en": "it has two currency symbols",
    "es": "tiene dos símbolos de moneda",
    "zh": "有两个货币符号"
  },
  "ingest.amount.unbalanced_parens": {
    "en": "its parentheses are not balanced",
    "es": "sus paréntesis no están balanceados",
    "zh": "括号不成对"
  },
  "ingest.amount.unexpected_char": {
    "en": "unexpected character '{0}'",
    "es": "tiene un carácter inesperado: '{0}'",
    "zh": "包含意外字符“{0}”"
  },
  "ingest.amount.unknown_currency": {
    "en": "'{0}' is not a known currency code or symbol; fix the cell or map the right column",
    "es": "'{0}' no es un código ni un símbolo de moneda conocido; corrija la celda o asigne la columna correcta",
    "zh": "“{0}”不是已知的币种代码或符号；请更正该单元格，或映射正确的列"
  },
  "ingest.amount_too_large": {
    "en": "'{0}' is too large",
    "es": "'{0}' es demasiado grande",
    "zh": "“{0}”数值过大"
  },
  "ingest.bad_amount": {
    "en": "{0}. Correct the cell, or import with a profile that states the decimal mark",
    "es": "{0}. Corrija la celda o importe con un perfil que indique el separador decimal",
    "zh": "{0}。请更正该单元格，或使用指定了小数点符号的导入模板导入"
  },
  "ingest.bad_csv": {
    "en": "the row cannot be read as CSV: {0}",
    "es": "la fila no se puede leer como CSV: {0}",
    "zh": "该行无法按 CSV 读取：{0}"
  },
  "ingest.bad_date": {
    "en": "{0}. Correct the cell, or import with a profile that states the date format",
    "es": "{0}. Corrija la celda o importe con un perfil que indique el formato de fecha",
    "zh": "{0}。请更正该单元格，或使用指定了日期格式的导入模板导入"
  },
  "ingest.bank.currency_mixed": {
    "en": "the statement is in {0} but this is in {1}: a statement has one currency; download it again from the bank",
    "es": "el extracto está en {0} pero esto está en {1}: un extracto tiene una sola moneda; descárguelo de nuevo desde el banco",
    "zh": "该对账单币种为 {0}，此处却为 {1}：一份对账单只有一种币种；请从银行重新下载"
  },
  "ingest.bank.entry_conflict": {
    "en": "the bank reference {0} is already in the workspace with another amount, date or text (file {1}, row {2}): the entry imported first is kept and this one is not; ask the bank which is right",
    "es": "la referencia bancaria {0} ya está en el espacio de trabajo con otro valor, fecha o texto (archivo {1}, fila {2}): se conserva el movimiento importado primero y este no se importa; pregunte al banco cuál es el correcto",
    "zh": "银行参考号 {0} 已存在于工作区，但金额、日期或摘要不同（文件 {1}，第 {2} 行）：保留先导入的交易记录，本条不导入；请向银行核实哪一条正确"
  },
  "ingest.bank.not_utf8": {
    "en": "the bank statement is not UTF-8 text, which ISO 20022 requires ({0}): download it again from the bank",
    "es": "el extracto bancario no es texto UTF-8, como exige ISO 20022 ({0}): descárguelo de nuevo desde el banco",
    "zh": "该银行对账单不是 ISO 20022 要求的 UTF-8 文本（{0}）：请从银行重新下载"
  },
  "ingest.bank.refused": {
    "en": "nothing of this bank statement file was imported: a statement is imported whole or not at all, since its balances prove that no entry is missing (--skip-bad-rows does not apply). Correct what the problems above name, or download the file again from the bank, and import it again",
    "es": "no se importó nada de este archivo de extractos bancarios: un extracto se importa completo o no se importa, porque sus saldos prueban que no falta ningún movimiento (--skip-bad-rows no aplica). Corrija lo que indican los problemas anteriores, o descargue el archivo de nuevo desde el banco, e impórtelo otra vez",
    "zh": "该银行对账单文件未导入任何内容：对账单只能整体导入，因为其余额用于证明没有遗漏交易记录（--skip-bad-rows 不适用）。请修正上面所列问题，或从银行重新下载文件，然后再次导入"
  },
  "ingest.bank.unbalanced": {
    "en": "statement '{0}' of account {1} does not add up: opening balance {2} + credits {3} − debits {4} = {5}, but the bank states a closing balance of {6}. Entries are missing or misread, so nothing of the file was imported: download the statement again from the bank",
    "es": "el extracto '{0}' de la cuenta {1} no cuadra: saldo inicial {2} + créditos {3} − débitos {4} = {5}, pero el banco indica un saldo final de {6}. Faltan movimientos o se leyeron mal, así que no se importó nada del archivo: descargue el extracto de nuevo desde el banco",
    "zh": "账户 {1} 的对账单“{0}”不平：期初余额 {2} + 贷方发生额 {3} − 借方发生额 {4} = {5}，但银行给出的期末余额为 {6}。说明有交易记录缺失或读取有误，因此未导入该文件的任何内容：请从银行重新下载该对账单"
  },
  "ingest.block_total_differs": {
    "en": "the movement's TOTAL is {0} but its concepts add up to {1}; check the file",
    "es": "el TOTAL del movimiento es {0} pero sus conceptos suman {1}; revise el archivo",
    "zh": "该笔变动的 TOTAL 为 {0}，但各项目合计为 {1}；请检查文件"
  },
  "ingest.camt.bad_amount": {
    "en": "'{0}' is not an ISO 20022 amount (digits with a decimal point, e.g. 1234.56, no sign): correct the file or download it again from the bank",
    "es": "'{0}' no es un valor ISO 20022 (dígitos con punto decimal, p. ej. 1234.56, sin signo): corrija el archivo o descárguelo de nuevo desde el banco",
    "zh": "“{0}”不是 ISO 20022 格式的金额（数字加小数点，例如 1234.56，不带正负号）：请更正文件或从银行重新下载"
  },
  "ingest.camt.bad_date": {
    "en": "'{0}' is not an ISO 20022 date (YYYY-MM-DD): correct the file or download it again from the bank",
    "es": "'{0}' no es una fecha ISO 20022 (AAAA-MM-DD): corrija el archivo o descárguelo de nuevo desde el banco",
    "zh": "“{0}”不是 ISO 20022 格式的日期（YYYY-MM-DD）：请更正文件或从银行重新下载"
  },
  "ingest.camt.bad_indicator": {
    "en": "'{0}' is neither CRDT (credit) nor DBIT (debit): correct the file or download it again from the bank",
    "es": "'{0}' no es CRDT (crédito) ni DBIT (débito): corrija el archivo o descárguelo de nuevo desde el banco",
    "zh": "“{0}”既不是 CRDT（贷记）也不是 DBIT（借记）：请更正文件或从银行重新下载"
  },
  "ingest.camt.broken": {
    "en": "the XML cannot be read here ({0}): the file is damaged or cut short; download the statement again from the bank",
    "es": "el XML no se puede leer aquí ({0}): el archivo está dañado o incompleto; descargue el extracto de nuevo desde el banco",
    "zh": "此处的 XML 无法读取（{0}）：文件已损坏或不完整；请从银行重新下载该对账单"
  },
  "ingest.camt.cut_off": {
    "en": "the XML ends inside <{0}>: the file was cut short; download the statement again from the bank",
    "es": "el XML termina dentro de <{0}>: el archivo quedó incompleto; descargue el extracto de nuevo desde el banco",
    "zh": "XML 在 <{0}> 内部结束：文件不完整；请从银行重新下载该对账单"
  },
  "ingest.camt.entry_currency": {
    "en": "the entry is in {0} but the account is in {1}: a statement has one currency; download it again from the bank",
    "es": "el movimiento está en {0} pero la cuenta está en {1}: un extracto tiene una sola moneda; descárguelo de nuevo desde el banco",
    "zh": "该交易记录币种为 {0}，但账户币种为 {1}：一份对账单只有一种币种；请从银行重新下载"
  },
  "ingest.camt.missing": {
    "en": "{1} has no {0}, which Cuadra needs to read a statement: download the statement again from the bank",
    "es": "{1} no tiene {0}, que Cuadra necesita para leer un extracto: descargue el extracto de nuevo desde el banco",
    "zh": "{1} 缺少 {0}，Cuadra 读取对账单需要该元素：请从银行重新下载该对账单"
  },
  "ingest.camt.no_statement": {
    "en": "the camt.053 message holds no statement (Stmt): download it again from the bank",
    "es": "el mensaje camt.053 no contiene ningún extracto (Stmt): descárguelo de nuevo desde el banco",
    "zh": "该 camt.053 报文不含任何对账单（Stmt）：请从银行重新下载"
  },
  "ingest.camt.not_booked": {
    "en": "the entry's status is {0}, not booked (BOOK): it is left out, and not counted in the balances",
    "es": "el estado del movimiento es {0}, no contabilizado (BOOK): no se importa ni se cuenta en los saldos",
    "zh": "该交易记录状态为 {0}，并非已记账（BOOK）：不导入，也不计入余额"
  },
  "ingest.cancelled": {
    "en": "the import was cancelled; nothing of the file was written",
    "es": "la importación se canceló; no se guardó nada del archivo",
    "zh": "导入已取消；该文件的任何内容都未写入"
  },
  "ingest.compression_failed": {
    "en": "the original file could not be compressed for safekeeping; nothing was imported",
    "es": "el archivo original no se pudo comprimir para conservarlo; no se importó nada",
    "zh": "无法压缩原始文件以便留存；未导入任何内容"
  },
  "ingest.conflicting_row": {
    "en": "a line with the same identity ({0}) was imported from {1} row {2} with different content; both are kept and the line is flagged for review",
    "es": "una línea con la misma identidad ({0}) se importó desde {1}, fila {2}, con otro contenido; se conservan ambas y la línea queda marcada para revisión",
    "zh": "相同标识（{0}）的一条记录已从 {1} 第 {2} 行导入，但内容不同；两条均已保留，该记录已标记为待复核"
  },
  "ingest.database_error": {
    "en": "workspace database error: {0}",
    "es": "error de la base de datos del espacio de trabajo: {0}",
    "zh": "工作区数据库错误：{0}"
  },
  "ingest.date.bad_format": {
    "en": "the date format '{0}' is not valid ({1}): use strftime codes such as %d/%m/%Y %H:%M",
    "es": "el formato de fecha '{0}' no es válido ({1}): use códigos strftime como %d/%m/%Y %H:%M",
    "zh": "日期格式“{0}”无效（{1}）：请使用 strftime 代码，例如 %d/%m/%Y %H:%M"
  },
  "ingest.date.bad_serial": {
    "en": "as a number it would be an Excel date serial, but it is not a valid one (1 to 2958465; 60 is Excel's nonexistent 29 Feb 1900); format the column as a date",
    "es": "como número sería una fecha serial de Excel, pero no es válida (de 1 a 2958465; 60 es el inexistente 29 de febrero de 1900 de Excel); dé formato de fecha a la columna",
    "zh": "作为数字它应是 Excel 日期序列号，但不是有效值（1 到 2958465；60 是 Excel 中并不存在的 1900 年 2 月 29 日）；请将该列设置为日期格式"
  },
  "ingest.date.bad_year": {
    "en": "'{0}' is not a year (use 4 digits)",
    "es": "'{0}' no es un año (use 4 dígitos)",
    "zh": "“{0}”不是年份（请使用 4 位数字）"
  },
  "ingest.date.blank": {
    "en": "the date is blank",
    "es": "la fecha está vacía",
    "zh": "日期为空"
  },
  "ingest.date.format_mismatch": {
    "en": "it does not match the format '{0}' ({1})",
    "es": "no coincide con el formato '{0}' ({1})",
    "zh": "与格式“{0}”不符（{1}）"
  },
  "ingest.date.invalid": {
    "en": "'{0}' is not a date or time: {1}",
    "es": "'{0}' no es una fecha ni una hora: {1}",
    "zh": "“{0}”不是有效的日期或时间：{1}"
  },
  "ingest.date.long_fraction": {
    "en": "more than 9 digits of fractional seconds",
    "es": "tiene más de 9 dígitos en las fracciones de segundo",
    "zh": "秒的小数部分超过 9 位"
  },
  "ingest.date.meridiem_hour": {
    "en": "hour {0} cannot be written with a.m./p.m.",
    "es": "la hora {0} no se puede escribir con a. m./p. m.",
    "zh": "{0} 点不能与 a.m./p.m. 一起使用"
  },
  "ingest.date.no_such_day": {
    "en": "day {0} does not exist in {1}",
    "es": "el día {0} no existe en {1}",
    "zh": "{1} 没有 {0} 日"
  },
  "ingest.date.no_such_month": {
    "en": "there is no month {0} (dates are read as {1}); check the date order setting",
    "es": "no existe el mes {0} (las fechas se leen como {1}); revise la configuración del orden de las fechas",
    "zh": "不存在 {0} 月（日期按“{1}”读取）；请检查日期顺序设置"
  },
  "ingest.date.not_a_month": {
    "en": "'{0}' is not a month name",
    "es": "'{0}' no es el nombre de un mes",
    "zh": "“{0}”不是月份名称"
  },
  "ingest.date.not_a_time": {
    "en": "not a time of day",
    "es": "no es una hora del día válida",
    "zh": "不是有效的时刻"
  },
  "ingest.date.not_a_time_at": {
    "en": "{0} is not a time of day",
    "es": "{0} no es una hora del día válida",
    "zh": "{0} 不是有效的时刻"
  },
  "ingest.date.not_stored": {
    "en": "not a stored date or RFC 3339 time ({0})",
    "es": "no es una fecha guardada ni una hora RFC 3339 ({0})",
    "zh": "不是已存储的日期或 RFC 3339 时间（{0}）"
  },
  "ingest.date.offset_out_of_range": {
    "en": "the offset is out of range",
    "es": "el desfase horario está fuera de rango",
    "zh": "时差超出范围"
  },
  "ingest.date.order.dmy": {
    "en": "day/month/year",
    "es": "día/mes/año",
    "zh": "日/月/年"
  },
  "ingest.date.order.mdy": {
    "en": "month/day/year",
    "es": "mes/día/año",
    "zh": "月/日/年"
  },
  "ingest.date.order.ymd": {
    "en": "year/month/day",
    "es": "año/mes/día",
    "zh": "年/月/日"
  },
  "ingest.date.out_of_range": {
    "en": "the date-time is out of range",
    "es": "la fecha y hora está fuera de rango",
    "zh": "日期时间超出范围"
  },
  "ingest.date.shape": {
    "en": "expected a date like 1/5/2026, 2026-05-01 or 1-may-2026",
    "es": "se esperaba una fecha como 1/5/2026, 2026-05-01 o 1-may-2026",
    "zh": "应为日期，例如 1/5/2026、2026-05-01 或 1-may-2026"
  },
  "ingest.date.skipped_by_dst": {
    "en": "'{0}' never happened in {1}: the clocks jumped over it for daylight saving; check the time zone set for this file",
    "es": "'{0}' nunca existió en {1}: los relojes se adelantaron y saltaron esa hora por el horario de verano; revise la zona horaria configurada para este archivo",
    "zh": "“{0}”在 {1} 并不存在：夏令时调整时钟跳过了这一时刻；请检查为此文件设置的时区"
  },
  "ingest.date.text_after_date": {
    "en": "unexpected text after the date (expected a time like 14:30)",
    "es": "hay texto inesperado después de la fecha (se esperaba una hora como 14:30)",
    "zh": "日期后有意外文本（应为时间，例如 14:30）"
  },
  "ingest.date.text_after_time": {
    "en": "unexpected text after the time (expected an offset like -05:00, -0500 or Z)",
    "es": "hay texto inesperado después de la hora (se esperaba un desfase horario como -05:00, -0500 o Z)",
    "zh": "时间后有意外文本（应为时差，例如 -05:00、-0500 或 Z）"
  },
  "ingest.date.time_shape": {
    "en": "expected a time like 14:30, 14:30:05 or 2:30 p. m.",
    "es": "se esperaba una hora como 14:30, 14:30:05 o 2:30 p. m.",
    "zh": "应为时间，例如 14:30、14:30:05 或 2:30 p. m."
  },
  "ingest.date.two_digit_year": {
    "en": "'{0}' writes its year with two digits ('{1}'): which part is the year, and its century, would be a guess, and Cuadra does not guess dates, so nothing of the file was imported. Export the file with four-digit years, or import it with a profile that states the date format (for example %d/%m/%y)",
    "es": "'{0}' escribe el año con dos dígitos ('{1}'): qué parte es el año, y su siglo, serían una suposición, y Cuadra no adivina fechas, así que no se importó nada del archivo. Exporte el archivo con años de cuatro dígitos o impórtelo con un perfil que indique el formato de fecha (por ejemplo %d/%m/%y)",
    "zh": "“{0}”的年份只有两位数字（“{1}”）：哪一部分是年份以及属于哪个世纪都只能靠猜，而 Cuadra 不猜测日期，因此文件未导入任何内容。请以四位数年份重新导出文件，或使用指定了日期格式（例如 %d/%m/%y）的导入模板导入"
  },
  "ingest.date.unknown_zone": {
    "en": "'{0}' is not a known time zone: use an IANA name such as America/Bogota",
    "es": "'{0}' no es una zona horaria conocida: use un nombre IANA como America/Bogota",
    "zh": "“{0}”不是已知时区：请使用 IANA 名称，例如 America/Bogota"
  },
  "ingest.date.year_last": {
    "en": "the year comes last but this file's dates are set to year/month/day; change the date order setting",
    "es": "el año va al final, pero las fechas de este archivo están configuradas como año/mes/día; cambie la configuración del orden de las fechas",
    "zh": "年份在最后，但此文件的日期设置为“年/月/日”；请更改日期顺序设置"
  },
  "ingest.date_order_ambiguous": {
    "en": "'{0}' reads as {1} day first or {2} month first, and no date in this column says which: nothing of the file was imported. Import it with a profile that states the date order (day/month/year), or export the dates as year-month-day",
    "es": "'{0}' se lee como {1} con el día primero o como {2} con el mes primero, y ninguna fecha de esta columna indica cuál: no se importó nada del archivo. Impórtelo con un perfil que indique el orden de las fechas (día/mes/año) o exporte las fechas como año-mes-día",
    "zh": "“{0}”按日在前读为 {1}，按月在前读为 {2}，而此列中没有任何日期能说明是哪一种：文件未导入任何内容。请使用指定了日期顺序（日/月/年）的导入模板导入，或将日期导出为年-月-日格式"
  },
  "ingest.date_order_contradicted": {
    "en": "'{0}' only reads as {1}, but this layout reads dates as {2}, so the other dates of this column may have been read with day and month swapped: nothing of the file was imported. Import it with a profile that states the date order",
    "es": "'{0}' solo se lee como {1}, pero este formato lee las fechas como {2}, así que las demás fechas de esta columna pudieron leerse con el día y el mes intercambiados: no se importó nada del archivo. Impórtelo con un perfil que indique el orden de las fechas",
    "zh": "“{0}”只能按 {1} 读取，但此格式按 {2} 读取日期，此列的其他日期可能被颠倒了日和月：文件未导入任何内容。请使用指定了日期顺序的导入模板导入"
  },
  "ingest.date_order_mixed": {
    "en": "this column has dates that only read day first ('{0}', row {1}) and dates that only read month first ('{2}', this row), so its other dates cannot be read safely: nothing of the file was imported. Correct the dates or export the file again",
    "es": "esta columna tiene fechas que solo se leen con el día primero ('{0}', fila {1}) y fechas que solo se leen con el mes primero ('{2}', esta fila), así que sus demás fechas no se pueden leer con seguridad: no se importó nada del archivo. Corrija las fechas o exporte el archivo de nuevo",
    "zh": "此列既有只能按日在前读取的日期（“{0}”，第 {1} 行），也有只能按月在前读取的日期（“{2}”，本行），其余日期无法可靠读取：文件未导入任何内容。请更正日期或重新导出文件"
  },
  "ingest.decode.advice.gzip": {
    "en": "unpack it first and import the CSV inside",
    "es": "descomprímalo primero e importe el CSV que contiene",
    "zh": "请先解压，再导入其中的 CSV"
  },
  "ingest.decode.advice.pdf": {
    "en": "download the report as CSV or XLSX instead of PDF",
    "es": "descargue el reporte como CSV o XLSX en lugar de PDF",
    "zh": "请将报表下载为 CSV 或 XLSX，而不是 PDF"
  },
  "ingest.decode.advice.photo": {
    "en": "choose the CSV or XLSX export, not a photo",
    "es": "elija la exportación CSV o XLSX, no una foto",
    "zh": "请选择 CSV 或 XLSX 导出文件，而不是照片"
  },
  "ingest.decode.advice.program": {
    "en": "choose the report file you exported",
    "es": "elija el archivo del reporte que exportó",
    "zh": "请选择您导出的报表文件"
  },
  "ingest.decode.advice.screenshot": {
    "en": "choose the CSV or XLSX export, not a screenshot",
    "es": "elija la exportación CSV o XLSX, no una captura de pantalla",
    "zh": "请选择 CSV 或 XLSX 导出文件，而不是截图"
  },
  "ingest.decode.advice.xls": {
    "en": "open it in Excel and save it as .xlsx or CSV UTF-8",
    "es": "ábralo en Excel y guárdelo como .xlsx o CSV UTF-8",
    "zh": "请用 Excel 打开并另存为 .xlsx 或 CSV UTF-8"
  },
  "ingest.decode.advice.zip": {
    "en": "import it as a workbook, or unpack it and import the CSV inside",
    "es": "impórtelo como libro de Excel, o descomprímalo e importe el CSV que contiene",
    "zh": "请作为工作簿导入，或解压后导入其中的 CSV"
  },
  "ingest.decode.binary": {
    "en": "the file looks binary (byte 0x00 on line {1}, byte offset {0}): export it again as CSV or XLSX",
    "es": "el archivo parece binario (byte 0x00 en la línea {1}, posición {0}): expórtelo de nuevo como CSV o XLSX",
    "zh": "文件看起来是二进制文件（第 {1} 行、偏移量 {0} 处有字节 0x00）：请重新导出为 CSV 或 XLSX"
  },
  "ingest.decode.control_bytes": {
    "en": "the file looks binary (control byte 0x{0} on line {2}, byte offset {1}, and many more): export it again as CSV or XLSX",
    "es": "el archivo parece binario (byte de control 0x{0} en la línea {2}, posición {1}, y muchos más): expórtelo de nuevo como CSV o XLSX",
    "zh": "文件看起来是二进制文件（第 {2} 行、偏移量 {1} 处有控制字节 0x{0}，另有许多）：请重新导出为 CSV 或 XLSX"
  },
  "ingest.decode.empty": {
    "en": "the file is empty: export the report again and check that it has rows",
    "es": "el archivo está vacío: exporte el reporte de nuevo y verifique que tenga filas",
    "zh": "文件为空：请重新导出报表，并确认其中有数据行"
  },
  "ingest.decode.invalid_utf16": {
    "en": "the file looks like UTF-16 text but is damaged (odd length or broken characters): save it again as 'CSV UTF-8'",
    "es": "el archivo parece texto UTF-16, pero está dañado (longitud impar o caracteres rotos): guárdelo de nuevo como 'CSV UTF-8'",
    "zh": "文件看起来是 UTF-16 文本，但已损坏（长度为奇数或字符残缺）：请重新另存为“CSV UTF-8”"
  },
  "ingest.decode.invalid_utf8": {
    "en": "the file says it is UTF-8 but line {1} (byte offset {0}) holds bytes that are not valid UTF-8: save it again as 'CSV UTF-8'",
    "es": "el archivo indica que es UTF-8, pero la línea {1} (posición {0}) contiene bytes que no son UTF-8 válido: guárdelo de nuevo como 'CSV UTF-8'",
    "zh": "文件声明为 UTF-8，但第 {1} 行（偏移量 {0}）含有无效的 UTF-8 字节：请重新另存为“CSV UTF-8”"
  },
  "ingest.decode.kind.gzip": {
    "en": "a GZIP archive",
    "es": "un paquete comprimido GZIP",
    "zh": "一个 GZIP 压缩包"
  },
  "ingest.decode.kind.jpeg": {
    "en": "a JPEG image",
    "es": "una imagen JPEG",
    "zh": "一张 JPEG 图片"
  },
  "ingest.decode.kind.pdf": {
    "en": "a PDF document",
    "es": "un documento PDF",
    "zh": "一份 PDF 文档"
  },
  "ingest.decode.kind.png": {
    "en": "a PNG image",
    "es": "una imagen PNG",
    "zh": "一张 PNG 图片"
  },
  "ingest.decode.kind.program": {
    "en": "a program",
    "es": "un programa",
    "zh": "一个可执行程序"
  },
  "ingest.decode.kind.xls": {
    "en": "an old Excel .xls workbook",
    "es": "un libro de Excel .xls antiguo",
    "zh": "一个旧版 Excel .xls 工作簿"
  },
  "ingest.decode.kind.zip": {
    "en": "a ZIP archive (perhaps an XLSX workbook)",
    "es": "un paquete comprimido ZIP (quizás un libro XLSX)",
    "zh": "一个 ZIP 压缩包（可能是 XLSX 工作簿）"
  },
  "ingest.decode.not_text": {
    "en": "the file is {0}, not a CSV or text export: {1}",
    "es": "el archivo es {0}, no una exportación CSV o de texto: {1}",
    "zh": "该文件是{0}，不是 CSV 或文本导出文件：{1}"
  },
  "ingest.file_blank": {
    "en": "the file holds only blank lines: export it again from the PSP or the shop",
    "es": "el archivo solo contiene líneas en blanco: expórtelo de nuevo desde la pasarela de pagos o la tienda",
    "zh": "文件只有空行：请从支付服务商或店铺后台重新导出"
  },
  "ingest.file_cut_off": {
    "en": "the file ends in the middle of this row (it has {0} of the header's {1} cells and no line break after it): the file was cut off while downloading or copying, and nothing of it was imported. Download or export it again and import the new copy",
    "es": "el archivo termina en medio de esta fila (tiene {0} de las {1} celdas del encabezado y ningún salto de línea al final): el archivo quedó cortado al descargarlo o copiarlo, y no se importó nada de él. Descárguelo o expórtelo de nuevo e importe la copia nueva",
    "zh": "文件在此行中间结束（该行只有表头 {1} 个单元格中的 {0} 个，且其后没有换行）：文件在下载或复制时被截断，未导入任何内容。请重新下载或导出，并导入新的副本"
  },
  "ingest.file_empty": {
    "en": "the file is empty: export it again from the PSP or the shop",
    "es": "el archivo está vacío: expórtelo de nuevo desde la pasarela de pagos o la tienda",
    "zh": "文件为空：请从支付服务商或店铺后台重新导出"
  },
  "ingest.file_number": {
    "en": "file {0}",
    "es": "el archivo {0}",
    "zh": "文件 {0}"
  },
  "ingest.fingerprint": {
    "en": "fingerprint",
    "es": "huella de contenido",
    "zh": "内容指纹"
  },
  "ingest.first_row": {
    "en": "first row: {0}",
    "es": "primera fila: {0}",
    "zh": "第一行：{0}"
  },
  "ingest.first_row_in_sheet": {
    "en": "sheet {0}, first row: {1}",
    "es": "hoja {0}, primera fila: {1}",
    "zh": "工作表 {0}，第一行：{1}"
  },
  "ingest.float_rounded": {
    "en": "the workbook stores this number as the binary fraction {0}; it was read as {1} (rounded to {2} decimals)",
    "es": "el libro guarda este número como la fracción binaria {0}; se leyó como {1} (redondeado a {2} decimales)",
    "zh": "工作簿以二进制小数 {0} 存储此数字；已读取为 {1}（四舍五入到 {2} 位小数）"
  },
  "ingest.huge_cell": {
    "en": "the cell holds {0} bytes: the file is probably damaged or has an unclosed quote; export it again",
    "es": "la celda contiene {0} bytes: probablemente el archivo está dañado o tiene unas comillas sin cerrar; expórtelo de nuevo",
    "zh": "该单元格有 {0} 字节：文件可能已损坏或存在未闭合的引号；请重新导出"
  },
  "ingest.huge_line": {
    "en": "line {0} is {1} MB long: no export writes lines like that, so the file is damaged or is not a CSV export; export it again",
    "es": "la línea {0} ocupa {1} MB: ninguna exportación escribe líneas así, de modo que el archivo está dañado o no es una exportación CSV; expórtelo de nuevo",
    "zh": "第 {0} 行长达 {1} MB：正常导出不会产生这样的行，因此文件已损坏或不是 CSV 导出文件；请重新导出"
  },
  "ingest.known_conflict": {
    "en": "this version of {0} was already kept as a conflict with row {1} of an earlier import; it was counted once",
    "es": "esta versión de {0} ya se había conservado como conflicto con la fila {1} de una importación anterior; se contó una sola vez",
    "zh": "{0} 的这一版本此前已作为与先前导入第 {1} 行的冲突保留；只计一次"
  },
  "ingest.known_conflict_line": {
    "en": "this version of the line was already kept as a conflict with row {0} of an earlier import; it was counted once",
    "es": "esta versión de la línea ya se había conservado como conflicto con la fila {0} de una importación anterior; se contó una sola vez",
    "zh": "该记录的这一版本此前已作为与先前导入第 {0} 行的冲突保留；只计一次"
  },
  "ingest.line_too_long": {
    "en": "a line of {0} MB: no export writes lines like that, so the file is damaged or is not a CSV export; export it again",
    "es": "hay una línea de {0} MB: ninguna exportación escribe líneas así, de modo que el archivo está dañado o no es una exportación CSV; expórtelo de nuevo",
    "zh": "有一行长达 {0} MB：正常导出不会产生这样的行，因此文件已损坏或不是 CSV 导出文件；请重新导出"
  },
  "ingest.lines_above_header": {
    "en": "rows {0} sit above the column header and were not read as data (titles?)",
    "es": "las filas {0} están encima del encabezado de las columnas y no se leyeron como datos (¿títulos?)",
    "zh": "第 {0} 行位于列标题上方，未作为数据读取（可能是标题？）"
  },
  "ingest.missing_money_column": {
    "en": "the header has no column {0}, an amount every {1} file carries: without it every such amount would be read as blank, so nothing was imported. Was the column renamed or deleted? Give it back its name and import again",
    "es": "el encabezado no tiene la columna {0}, un importe que todo archivo {1} trae: sin ella todos esos importes se leerían vacíos, así que no se importó nada. ¿Se renombró o se borró la columna? Devuélvale su nombre e importe de nuevo",
    "zh": "表头中没有 {0} 列，而每个 {1} 文件都有这一金额列：缺少它，所有这类金额都会被读为空白，因此未导入任何内容。该列是否被重命名或删除？请恢复其名称后重新导入"
  },
  "ingest.more_problems": {
    "en": "{0} more problems are not listed",
    "es": "hay {0} problemas más que no se listan",
    "zh": "另有 {0} 项问题未列出"
  },
  "ingest.mt940.bad_amount": {
    "en": "'{0}' is not an amount as MT940 writes it (digits with one decimal comma, e.g. 1234,56): correct the file or download it again from the bank",
    "es": "'{0}' no es un valor como lo escribe MT940 (dígitos con una coma decimal, p. ej. 1234,56): corrija el archivo o descárguelo de nuevo desde el banco",
    "zh": "“{0}”不是 MT940 格式的金额（数字加一个小数逗号，例如 1234,56）：请更正文件或从银行重新下载"
  },
  "ingest.mt940.bad_balance": {
    "en": "'{0}' is not a balance as MT940 writes it (C or D, the date as YYMMDD, the currency, the amount with a decimal comma, e.g. C260105USD1234,56): correct the file or download it again from the bank",
    "es": "'{0}' no es un saldo como lo escribe MT940 (C o D, la fecha AAMMDD, la moneda y el valor con coma decimal, p. ej. C260105USD1234,56): corrija el archivo o descárguelo de nuevo desde el banco",
    "zh": "“{0}”不是 MT940 格式的余额（C 或 D、YYMMDD 格式的日期、币种、以逗号作小数点的金额，例如 C260105USD1234,56）：请更正文件或从银行重新下载"
  },
  "ingest.mt940.bad_date": {
    "en": "'{0}' is not a date as MT940 writes it (YYMMDD; MMDD for the entry date): download the statement again from the bank",
    "es": "'{0}' no es una fecha como la escribe MT940 (AAMMDD; MMDD para la fecha de asiento): descargue el extracto de nuevo desde el banco",
    "zh": "“{0}”不是 MT940 格式的日期（YYMMDD；记账日期为 MMDD）：请从银行重新下载该对账单"
  },
  "ingest.mt940.bad_mark": {
    "en": "the statement line does not say credit or debit (C, D, RC or RD) where '{0}' begins: download the statement again from the bank",
    "es": "la línea del extracto no indica crédito o débito (C, D, RC o RD) donde empieza '{0}': descargue el extracto de nuevo desde el banco",
    "zh": "该交易行在“{0}”开头处未标明贷记或借记（C、D、RC 或 RD）：请从银行重新下载该对账单"
  },
  "ingest.mt940.bad_type": {
    "en": "the transaction type (N, S or F and three characters, e.g. NTRF) is missing where '{0}' begins: download the statement again from the bank",
    "es": "falta el tipo de transacción (N, S o F y tres caracteres, p. ej. NTRF) donde empieza '{0}': descargue el extracto de nuevo desde el banco",
    "zh": "在“{0}”开头处缺少交易类型（N、S 或 F 加三个字符，例如 NTRF）：请从银行重新下载该对账单"
  },
  "ingest.mt940.before_20": {
    "en": "the field {0} comes before any :20: (the statement's reference): the file does not start as an MT940 statement does; download it again from the bank",
    "es": "el campo {0} aparece antes de cualquier :20: (la referencia del extracto): el archivo no empieza como un extracto MT940; descárguelo de nuevo desde el banco",
    "zh": "字段 {0} 出现在任何 20 号字段（对账单参考号）之前：该文件的开头不符合 MT940 对账单格式；请从银行重新下载"
  },
  "ingest.mt940.missing_field": {
    "en": "statement '{1}' has no {0} field, which every MT940 statement has: the file is cut short or damaged; download it again from the bank",
    "es": "el extracto '{1}' no tiene el campo {0}, que todo extracto MT940 tiene: el archivo está incompleto o dañado; descárguelo de nuevo desde el banco",
    "zh": "对账单“{1}”缺少每份 MT940 对账单都有的 {0} 字段：文件不完整或已损坏；请从银行重新下载"
  },
  "ingest.mt940.no_reference": {
    "en": "the statement line has no customer reference (banks write NONREF when there is none): download the statement again from the bank",
    "es": "la línea del extracto no tiene referencia del cliente (los bancos escriben NONREF cuando no hay): descargue el extracto de nuevo desde el banco",
    "zh": "该交易行没有客户参考号（无参考号时银行会写 NONREF）：请从银行重新下载该对账单"
  },
  "ingest.mt940.no_statement": {
    "en": "no MT940 statement (:20: to :62F:) was found in the file: download it again from the bank",
    "es": "no se encontró ningún extracto MT940 (:20: a :62F:) en el archivo: descárguelo de nuevo desde el banco",
    "zh": "文件中未找到 MT940 对账单（从 20 号字段至 62F 号字段）：请从银行重新下载"
  },
  "ingest.mt940.stray_line": {
    "en": "'{0}' is outside every field (an MT940 field starts with a tag such as :61:): the file was damaged or edited; download it again from the bank",
    "es": "'{0}' está fuera de todo campo (un campo MT940 empieza con una etiqueta como :61:): el archivo se dañó o se editó; descárguelo de nuevo desde el banco",
    "zh": "“{0}”不属于任何字段（MT940 的每个字段都以冒号包围的标签开头，例如 61）：文件已损坏或被编辑过；请从银行重新下载"
  },
  "ingest.mt940.unknown_tag": {
    "en": "{0} is not a field of an MT940 statement: download the statement again from the bank as MT940",
    "es": "{0} no es un campo de un extracto MT940: descargue el extracto de nuevo desde el banco en formato MT940",
    "zh": "{0} 不是 MT940 对账单的字段：请从银行重新下载 MT940 格式的对账单"
  },
  "ingest.no_order_key": {
    "en": "the row has no order name or id, so it cannot belong to an order; fill it in",
    "es": "la fila no tiene nombre ni ID de pedido, así que no puede pertenecer a ningún pedido; complételo",
    "zh": "该行没有订单名称或编号，无法归属到任何订单；请补填"
  },
  "ingest.no_readable_rows": {
    "en": "no row of the file could be read: see the problems above",
    "es": "no se pudo leer ninguna fila del archivo: vea los problemas anteriores",
    "zh": "文件中没有任何一行可以读取：请查看上面列出的问题"
  },
  "ingest.no_rows": {
    "en": "the file has a header but no data rows: there is nothing to import",
    "es": "el archivo tiene encabezado pero ninguna fila de datos: no hay nada que importar",
    "zh": "文件有表头但没有数据行：没有可导入的内容"
  },
  "ingest.no_rows_seen": {
    "en": "no row with data was found",
    "es": "no se encontró ninguna fila con datos",
    "zh": "未找到包含数据的行"
  },
  "ingest.not_a_count": {
    "en": "'{0}' is not a count",
    "es": "'{0}' no es una cantidad",
    "zh": "“{0}”不是有效的笔数"
  },
  "ingest.not_a_settlement": {
    "en": "this report ({0}) lists what buyers paid, with no fee and no net: it proves a buyer paid, not what the PSP settled to you; import the PSP's settlement-side report to tie out the money",
    "es": "este reporte ({0}) lista lo que pagaron los compradores, sin comisión ni neto: prueba que un comprador pagó, no lo que el PSP le liquidó; importe el reporte de liquidación del PSP para cuadrar el dinero",
    "zh": "此报表（{0}）只列出买家的付款，没有手续费和净额：它证明买家已付款，但不能证明支付服务商实际结算给您的金额；请导入支付服务商的结算类报表来核对资金"
  },
  "ingest.not_minor_units": {
    "en": "'{0}' should be a whole number of minor units (cents) in this format",
    "es": "'{0}' debería ser un número entero de unidades menores (centavos) en este formato",
    "zh": "在此格式中，“{0}”应为以最小货币单位（分）表示的整数"
  },
  "ingest.old_excel": {
    "en": "this is an old Excel 97-2003 (.xls) workbook: open it in Excel or LibreOffice and save it as .xlsx or CSV",
    "es": "este es un libro de Excel 97-2003 (.xls), un formato antiguo: ábralo en Excel o LibreOffice y guárdelo como .xlsx o CSV",
    "zh": "这是旧版 Excel 97-2003（.xls）工作簿：请用 Excel 或 LibreOffice 打开，并另存为 .xlsx 或 CSV"
  },
  "ingest.open_quote": {
    "en": "a quote opens in this cell ({0}) and is never closed, so every row after it would be read as part of this cell: nothing of the file was imported. Close the quote, or export the file again, and import it again",
    "es": "en esta celda ({0}) se abren unas comillas que nunca se cierran, así que todas las filas siguientes se leerían como parte de esta celda: no se importó nada del archivo. Cierre las comillas, o exporte el archivo de nuevo, e impórtelo otra vez",
    "zh": "此单元格（{0}）中的引号打开后从未闭合，其后的所有行都会被当作此单元格的一部分读取：文件未导入任何内容。请闭合引号或重新导出文件，然后再次导入"
  },
  "ingest.order_fields_differ": {
    "en": "order {0} repeats its order fields on this row with other values; row {1} was used",
    "es": "el pedido {0} repite sus campos de pedido en esta fila con otros valores; se usó la fila {1}",
    "zh": "订单 {0} 在此行重复了订单字段，但取值不同；已采用第 {1} 行"
  },
  "ingest.order_without_totals": {
    "en": "order {0} has no row with its status and total (its first row is missing?): export the order again",
    "es": "el pedido {0} no tiene ninguna fila con su estado y su total (¿falta su primera fila?): exporte el pedido de nuevo",
    "zh": "订单 {0} 没有包含其状态和订单金额的行（缺少第一行？）：请重新导出该订单"
  },
  "ingest.orphan_concept": {
    "en": "a row of concepts with no movement above it; nothing of it was read",
    "es": "una fila de conceptos sin un movimiento encima; no se leyó nada de ella",
    "zh": "一行项目明细上方没有对应的变动；该行未被读取"
  },
  "ingest.profile.bad_zone": {
    "en": "'{0}' is not a time zone name like America/Bogota",
    "es": "'{0}' no es un nombre de zona horaria como America/Bogota",
    "zh": "“{0}”不是有效的时区名称（例如 America/Bogota）"
  },
  "ingest.profile.exists": {
    "en": "a profile named '{0}' already exists (built in or saved); choose another name",
    "es": "ya existe un perfil llamado '{0}' (incorporado o guardado); elija otro nombre",
    "zh": "已存在名为“{0}”的导入模板（内置或已保存）；请换一个名称"
  },
  "ingest.profile.missing_column": {
    "en": "the sample file has no column '{0}' (its header is: {1}); the mapping {2}={0} cannot be used",
    "es": "el archivo de muestra no tiene la columna '{0}' (su encabezado es: {1}); la asignación {2}={0} no se puede usar",
    "zh": "示例文件中没有列“{0}”（其表头为：{1}）；无法使用映射 {2}={0}"
  },
  "ingest.profile.needs_amount": {
    "en": "a settlement profile needs an amount column (amount=COLUMN or net_amount=COLUMN)",
    "es": "un perfil de liquidación necesita una columna de monto (amount=COLUMNA o net_amount=COLUMNA)",
    "zh": "结算导入模板需要一个金额列（amount=列名 或 net_amount=列名）"
  },
  "ingest.profile.needs_order": {
    "en": "an orders profile needs an order column (order_name=COLUMN or order_id=COLUMN)",
    "es": "un perfil de pedidos necesita una columna de pedido (order_name=COLUMNA o order_id=COLUMNA)",
    "zh": "订单导入模板需要一个订单列（order_name=列名 或 order_id=列名）"
  },
  "ingest.profile.needs_reference": {
    "en": "a settlement profile needs a reference column (reference=COLUMN or psp_txn_id=COLUMN)",
    "es": "un perfil de liquidación necesita una columna de referencia (reference=COLUMNA o psp_txn_id=COLUMNA)",
    "zh": "结算导入模板需要一个参考号列（reference=列名 或 psp_txn_id=列名）"
  },
  "ingest.profile.needs_total": {
    "en": "an orders profile needs a total column (total=COLUMN)",
    "es": "un perfil de pedidos necesita una columna de total (total=COLUMNA)",
    "zh": "订单导入模板需要一个订单金额列（total=列名）"
  },
  "ingest.profile.sample_no_data": {
    "en": "no data",
    "es": "no tiene datos",
    "zh": "没有数据"
  },
  "ingest.profile.sample_no_header": {
    "en": "no header row found",
    "es": "no se encontró la fila de encabezado",
    "zh": "未找到表头行"
  },
  "ingest.profile.sample_unreadable": {
    "en": "the sample file cannot be read: {0}",
    "es": "no se puede leer el archivo de muestra: {0}",
    "zh": "无法读取示例文件：{0}"
  },
  "ingest.profile.unknown_field": {
    "en": "'{0}' is not a field Cuadra knows; fields are: {1} (aliases: reference, id, amount, currency, date, status, fee, net)",
    "es": "'{0}' no es un campo que Cuadra conozca; los campos son: {1} (alias: reference, id, amount, currency, date, status, fee, net)",
    "zh": "“{0}”不是 Cuadra 已知的字段；可用字段：{1}（别名：reference、id、amount、currency、date、status、fee、net）"
  },
  "ingest.profile.unknown_row_type": {
    "en": "'{0}' is not a row type; row types are payment, refund, chargeback, chargeback_reversal, fee, adjustment, tax, payout, hold",
    "es": "'{0}' no es un tipo de fila; los tipos de fila son payment, refund, chargeback, chargeback_reversal, fee, adjustment, tax, payout, hold",
    "zh": "“{0}”不是行类型；行类型包括 payment、refund、chargeback、chargeback_reversal、fee、adjustment、tax、payout、hold"
  },
  "ingest.quote_closed_early": {
    "en": "a quote opens in this cell ({0}) and closes only on line {1}, in the middle of a cell: the rows between would be read as part of this cell (a quote inside a quoted cell must be written twice), so nothing of the file was imported. Fix the quotes, or export the file again, and import it again",
    "es": "en esta celda ({0}) se abren unas comillas que solo se cierran en la línea {1}, en medio de una celda: las filas intermedias se leerían como parte de esta celda (unas comillas dentro de una celda entre comillas se escriben dobles), así que no se importó nada del archivo. Corrija las comillas, o exporte el archivo de nuevo, e impórtelo otra vez",
    "zh": "此单元格（{0}）中的引号直到第 {1} 行的某个单元格中间才闭合：其间的行会被当作此单元格的一部分读取（带引号单元格内的引号必须写两次），因此文件未导入任何内容。请修正引号或重新导出文件，然后再次导入"
  },
  "ingest.ragged_row": {
    "en": "the row has {0} cells but the header has {1}: a value sits outside any column (a stray delimiter?); fix the row",
    "es": "la fila tiene {0} celdas, pero el encabezado tiene {1}: hay un valor fuera de toda columna (¿un separador de más?); corrija la fila",
    "zh": "该行有 {0} 个单元格，但表头只有 {1} 个：有值位于所有列之外（多了分隔符？）；请修正该行"
  },
  "ingest.read_interrupted": {
    "en": "the file could not be read any further: {0}",
    "es": "no se pudo seguir leyendo el archivo: {0}",
    "zh": "无法继续读取文件：{0}"
  },
  "ingest.record_too_long": {
    "en": "a line (or a quoted cell) runs for more than {0} MB: the file is damaged or is not a CSV export; export it again",
    "es": "una línea (o una celda entre comillas) ocupa más de {0} MB: el archivo está dañado o no es una exportación CSV; expórtelo de nuevo",
    "zh": "某一行（或带引号的单元格）超过 {0} MB：文件已损坏或不是 CSV 导出文件；请重新导出"
  },
  "ingest.reopen_failed": {
    "en": "the file could not be opened again: {0}",
    "es": "el archivo no se pudo abrir de nuevo: {0}",
    "zh": "无法再次打开文件：{0}"
  },
  "ingest.repeated_row": {
    "en": "this row repeats row {0} of the same file (same transaction id): it was counted once",
    "es": "esta fila repite la fila {0} del mismo archivo (mismo ID de transacción): se contó una sola vez",
    "zh": "此行与同一文件第 {0} 行重复（交易编号相同）：只计一次"
  },
  "ingest.row_too_short": {
    "en": "the row has {0} cells but the header has {1}, so its values may sit under the wrong columns (a lost delimiter, a row cut short): nothing of the file was imported. Fix the row or export the file again",
    "es": "la fila tiene {0} celdas, pero el encabezado tiene {1}, así que sus valores pueden quedar bajo columnas equivocadas (un separador perdido, una fila cortada): no se importó nada del archivo. Corrija la fila o exporte el archivo de nuevo",
    "zh": "该行有 {0} 个单元格，但表头有 {1} 个，其值可能落在错误的列下（丢失了分隔符或该行被截断）：文件未导入任何内容。请修正该行或重新导出文件"
  },
  "ingest.row_too_wide": {
    "en": "the row has {0} cells but the header has {1} (the extra ones are blank), so a stray delimiter may have moved its values to the wrong columns: nothing of the file was imported. Fix the row or export the file again",
    "es": "la fila tiene {0} celdas, pero el encabezado tiene {1} (las de más están vacías), así que un separador de más pudo mover sus valores a columnas equivocadas: no se importó nada del archivo. Corrija la fila o exporte el archivo de nuevo",
    "zh": "该行有 {0} 个单元格，但表头有 {1} 个（多出的单元格为空），多余的分隔符可能把其值移到了错误的列：文件未导入任何内容。请修正该行或重新导出文件"
  },
  "ingest.rows_rejected": {
    "en": "{0} of {1} rows could not be read, so nothing was imported. Fix those rows and import again, or import with --skip-bad-rows to take the readable rows now",
    "es": "{0} de {1} filas no se pudieron leer, por lo que no se importó nada. Corrija esas filas e importe de nuevo, o importe con --skip-bad-rows para importar ahora las filas legibles",
    "zh": "{1} 行中有 {0} 行无法读取，因此未导入任何内容。请修正这些行后重新导入，或使用 --skip-bad-rows 立即导入可读取的行"
  },
  "ingest.short_row": {
    "en": "the row has {0} cells but the header has {1}; the missing cells were read as blank",
    "es": "la fila tiene {0} celdas, pero el encabezado tiene {1}; las celdas faltantes se leyeron como vacías",
    "zh": "该行有 {0} 个单元格，但表头有 {1} 个；缺少的单元格按空白读取"
  },
  "ingest.spoiled_reference": {
    "en": "'{0}' is an identifier a spreadsheet turned into a number in scientific notation: its digits are lost, so this row will never be matched; export the report again without opening it in a spreadsheet, or type the full reference",
    "es": "'{0}' es un identificador que una hoja de cálculo convirtió en un número en notación científica: sus dígitos se perdieron, así que esta fila nunca se vinculará; exporte el reporte de nuevo sin abrirlo en una hoja de cálculo o escriba la referencia completa",
    "zh": "“{0}”是被电子表格转成科学计数法的标识符：原有数字已丢失，此行永远无法匹配；请重新导出报表且不要用电子表格打开，或填写完整的参考号"
  },
  "ingest.structure_broken": {
    "en": "the file cannot be read safely as it is (see the problems above), so nothing of it was imported, not even with --skip-bad-rows: fix what they name, or export the file again, and import it again",
    "es": "el archivo no se puede leer con seguridad tal como está (vea los problemas anteriores), así que no se importó nada de él, ni siquiera con --skip-bad-rows: corrija lo que indican, o exporte el archivo de nuevo, e impórtelo otra vez",
    "zh": "该文件按现状无法可靠读取（见上面的问题），因此未导入任何内容，即使使用 --skip-bad-rows 也不会导入：请修正所列问题或重新导出文件，然后再次导入"
  },
  "ingest.subtotal_differs": {
    "en": "the subtotal of '{0}' says {1}, but the file's '{0}' rows add up to {2}; check that the file is complete",
    "es": "el subtotal de '{0}' indica {1}, pero las filas '{0}' del archivo suman {2}; verifique que el archivo esté completo",
    "zh": "“{0}”的小计为 {1}，但文件中“{0}”行合计为 {2}；请检查文件是否完整"
  },
  "ingest.summary_count_differs": {
    "en": "the summary says {0} items but the file has {1} transaction rows; check that the file is complete",
    "es": "el resumen indica {0} registros, pero el archivo tiene {1} filas de transacciones; verifique que el archivo esté completo",
    "zh": "汇总显示共 {0} 笔，但文件中有 {1} 行交易；请检查文件是否完整"
  },
  "ingest.this_file": {
    "en": "this file",
    "es": "este archivo",
    "zh": "本文件"
  },
  "ingest.unknown_concept": {
    "en": "'{0}' is not a concept of PayU's documented statement: it counts in the movement's net only, not as gross, fee or withholding",
    "es": "'{0}' no es un concepto documentado del balance de PayU: cuenta solo en el neto del movimiento, no como bruto, comisión o retención",
    "zh": "“{0}”不是 PayU 对账单文档中的项目：只计入该笔变动的净额，不计入结算总额、手续费或代扣税"
  },
  "ingest.unknown_layout": {
    "en": "no known layout matches this file ({0}). Map its columns once with a generic profile: `cuadra-cli profile create NAME --from FILE --kind settlement|orders --map field=COLUMN ...`, then import again",
    "es": "ningún formato conocido coincide con este archivo ({0}). Asigne sus columnas una sola vez con un perfil genérico: `cuadra-cli profile create NOMBRE --from ARCHIVO --kind settlement|orders --map campo=COLUMNA ...` y luego impórtelo de nuevo",
    "zh": "没有已知格式与此文件匹配（{0}）。请用通用导入模板将其列映射一次：`cuadra-cli profile create 名称 --from 文件 --kind settlement|orders --map 字段=列名 ...`，然后重新导入"
  },
  "ingest.unknown_layout_forced": {
    "en": "the file does not have the columns the requested profile needs ({0}); check the profile or the file",
    "es": "el archivo no tiene las columnas que necesita el perfil indicado ({0}); revise el perfil o el archivo",
    "zh": "文件缺少所指定导入模板需要的列（{0}）；请检查导入模板或文件"
  },
  "ingest.unknown_profile": {
    "en": "there is no profile named '{0}': the built-in ones are {1}; check the name, or create the profile first",
    "es": "no hay ningún perfil llamado '{0}': los integrados son {1}; revise el nombre o cree el perfil primero",
    "zh": "没有名为“{0}”的导入模板：内置导入模板有 {1}；请检查名称，或先创建该导入模板"
  },
  "ingest.unknown_record_type": {
    "en": "'{0}' is not a record type this format knows ({1}); nothing of the row was read: ask for support",
    "es": "'{0}' no es un tipo de registro que este formato conozca ({1}); no se leyó nada de la fila: solicite soporte",
    "zh": "“{0}”不是此格式已知的记录类型（{1}）；该行未被读取：请联系技术支持"
  },
  "ingest.unknown_row_type": {
    "en": "'{0}' is not a row type this format knows; map it in a profile or ask for support",
    "es": "'{0}' no es un tipo de fila que este formato conozca; asígnelo en un perfil o solicite soporte",
    "zh": "“{0}”不是此格式已知的行类型；请在导入模板中映射它，或联系技术支持"
  },
  "ingest.unknown_row_type_value": {
    "en": "{0} row(s) hold '{1}', which Cuadra does not know as a row type: they were read as adjustments",
    "es": "{0} fila(s) contienen '{1}', que Cuadra no reconoce como tipo de fila: se leyeron como ajustes",
    "zh": "有 {0} 行包含“{1}”，Cuadra 无法将其识别为行类型：已按调整项读取"
  },
  "ingest.unknown_status_value": {
    "en": "{0} row(s) hold '{1}', which Cuadra does not know as a status: they were read as 'unknown' and will be flagged for review",
    "es": "{0} fila(s) contienen '{1}', que Cuadra no reconoce como estado: se leyeron como 'desconocido' y quedarán marcadas para revisión",
    "zh": "有 {0} 行包含“{1}”，Cuadra 无法将其识别为状态：已按“未知”读取，并将标记为待复核"
  },
  "ingest.unreadable_file": {
    "en": "cannot read the file: {0}",
    "es": "no se puede leer el archivo: {0}",
    "zh": "无法读取文件：{0}"
  },
  "ingest.unreadable_sheet": {
    "en": "this sheet could not be read and was skipped: {0}",
    "es": "esta hoja no se pudo leer y se omitió: {0}",
    "zh": "无法读取此工作表，已跳过：{0}"
  },
  "ingest.unreadable_workbook": {
    "en": "cannot read the workbook ({0}): save it again as .xlsx or CSV",
    "es": "no se puede leer el libro de Excel ({0}): guárdelo de nuevo como .xlsx o CSV",
    "zh": "无法读取该工作簿（{0}）：请重新另存为 .xlsx 或 CSV"
  },
  "ingest.workbook_empty": {
    "en": "the workbook has no sheet with data",
    "es": "el libro no tiene ninguna hoja con datos",
    "zh": "工作簿中没有包含数据的工作表"
  },
  "ingest.workbook_too_big": {
    "en": "the workbook unpacks to more than {0} MB, more than any export Cuadra reads as a workbook (or it was built to exhaust memory): it was refused before being read. Save it as CSV, which Cuadra reads at any size, and import that",
    "es": "el libro se descomprime en más de {0} MB, más que cualquier exportación que Cuadra lea como libro de Excel (o se construyó para agotar la memoria): se rechazó antes de leerlo. Guárdelo como CSV, que Cuadra lee sin importar su tamaño, e importe ese archivo",
    "zh": "该工作簿解压后超过 {0} MB，超出 Cuadra 作为工作簿读取的任何导出文件（或它被构造来耗尽内存）：已在读取前拒绝。请另存为 CSV（Cuadra 可读取任意大小的 CSV）后导入"
  },
  "ingest.workbook_too_many_cells": {
    "en": "the sheet '{0}' spans more than {1} cells, more than Cuadra reads from a workbook: it was refused before memory ran out. Save it as CSV, which Cuadra reads at any size, and import that",
    "es": "la hoja '{0}' abarca más de {1} celdas, más de las que Cuadra lee de un libro de Excel: se rechazó antes de agotar la memoria. Guárdela como CSV, que Cuadra lee sin importar su tamaño, e importe ese archivo",
    "zh": "工作表“{0}”超过 {1} 个单元格，超出 Cuadra 从工作簿读取的上限：已在内存耗尽前拒绝。请另存为 CSV（Cuadra 可读取任意大小的 CSV）后导入"
  },
  "period.already_closed": {
    "en": "period {0} is already closed (sealed by {1} on {2}): nothing was changed. To change its cases, reopen it with a reason first",
    "es": "el periodo {0} ya está cerrado (lo selló {1} el {2}): no se cambió nada. Para cambiar sus casos, primero reábralo indicando un motivo",
    "zh": "期间 {0} 已结账（结账人 {1}，{2}）：未做任何更改。如需修改其中的对账项，请先填写原因反结账"
  },
  "period.chain_broken": {
    "en": "the audit trail is broken at event {0} ({1}), so a seal over it would prove nothing: verify the audit trail and restore the workspace from a backup",
    "es": "la cadena de auditoría está rota en el evento {0} ({1}), así que un sello sobre ella no probaría nada: verifique la cadena y restaure el espacio de trabajo desde una copia de seguridad",
    "zh": "审计日志在事件 {0} 处断裂（{1}），在其上结账无法证明任何内容：请验证审计日志，并从备份恢复工作区"
  },
  "period.never_closed": {
    "en": "period {0} was never closed, so it has no seal to check; close it first",
    "es": "el periodo {0} nunca se ha cerrado, así que no tiene sello que verificar; ciérrelo primero",
    "zh": "期间 {0} 从未结账，因此没有可校验的结账记录；请先结账"
  },
  "period.not_a_period": {
    "en": "'{0}' is not a period: write it as YYYY-MM, like 2026-10",
    "es": "'{0}' no es un periodo: escríbalo como AAAA-MM, por ejemplo 2026-10",
    "zh": "“{0}”不是期间：请按 YYYY-MM 格式填写，例如 2026-10"
  },
  "period.not_closed": {
    "en": "period {0} is not closed, so there is nothing to reopen",
    "es": "el periodo {0} no está cerrado, así que no hay nada que reabrir",
    "zh": "期间 {0} 未结账，无需反结账"
  },
  "period.not_ended": {
    "en": "period {0} has not ended yet (its last day is {1}, {2} time): close it once it has ended",
    "es": "el periodo {0} aún no ha terminado (su último día es el {1}, hora de {2}): ciérrelo cuando haya terminado",
    "zh": "期间 {0} 尚未结束（最后一天为 {1}，{2} 时间）：请在期间结束后再结账"
  },
  "period.reason_required": {
    "en": "reopening period {0} needs a reason: say why in words, e.g. 'late refund from the PSP'",
    "es": "para reabrir el periodo {0} se necesita un motivo: explique por qué con sus palabras, por ejemplo 'reembolso tardío del PSP'",
    "zh": "期间 {0} 反结账需要填写原因：请用文字说明原因，例如“支付服务商延迟退款”"
  },
  "period.record_missing": {
    "en": "the period record just written cannot be read back: try again",
    "es": "no se pudo volver a leer el registro del periodo recién escrito: intente de nuevo",
    "zh": "无法读回刚写入的期间记录：请重试"
  },
  "report.bad_net_total": {
    "en": "the stored net total '{0}' of batch {1} is not a decimal number: import the file again",
    "es": "el total neto guardado '{0}' del lote {1} no es un número decimal: importe el archivo de nuevo",
    "zh": "批次 {1} 存储的净额“{0}”不是十进制数字：请重新导入该文件"
  },
  "report.bad_status": {
    "en": "'{0}' is not a case status; use one of: {1}",
    "es": "'{0}' no es un estado de caso; use uno de estos: {1}",
    "zh": "“{0}”不是对账项状态；请使用以下之一：{1}"
  },
  "report.bundle_is_zip": {
    "en": "an evidence bundle is a ZIP file, not {0}: save it as a .zip",
    "es": "un paquete de evidencia es un archivo ZIP, no {0}: guárdelo como .zip",
    "zh": "审计资料包是 ZIP 文件，而不是 {0}：请保存为 .zip"
  },
  "report.bundle_needs_period": {
    "en": "an evidence bundle is for one period: choose the period first, e.g. 2026-10",
    "es": "un paquete de evidencia es de un solo periodo: elija primero el periodo, por ejemplo 2026-10",
    "zh": "审计资料包只针对一个期间：请先选择期间，例如 2026-10"
  },
  "report.io": {
    "en": "cannot write {0} ({1}): check that the folder exists, is writable and has space",
    "es": "no se puede escribir {0} ({1}): verifique que la carpeta exista, permita escribir y tenga espacio",
    "zh": "无法写入 {0}（{1}）：请确认文件夹存在、可写入且有足够空间"
  },
  "report.kind_never_holds": {
    "en": "the {0} report never holds status {1}: drop it from the status filter or export another kind of report",
    "es": "el reporte {0} nunca contiene el estado {1}: quítelo del filtro de estados o exporte otro tipo de reporte",
    "zh": "{0} 报表从不包含状态 {1}：请从状态筛选中移除它，或导出其他类型的报表"
  },
  "report.only_bundle_zip": {
    "en": "only the evidence bundle is a ZIP file; export the {0} report as CSV or XLSX",
    "es": "solo el paquete de evidencia es un archivo ZIP; exporte el reporte {0} como CSV o XLSX",
    "zh": "只有审计资料包是 ZIP 文件；请将 {0} 报表导出为 CSV 或 XLSX"
  },
  "report.unrecorded": {
    "en": "the export could not be recorded in the audit trail ({0}), so {1} was removed; try again",
    "es": "la exportación no se pudo registrar en la auditoría ({0}), así que se eliminó {1}; intente de nuevo",
    "zh": "无法在审计日志中记录此次导出（{0}），因此已删除 {1}；请重试"
  },
  "report.workbook_is_xlsx": {
    "en": "a workbook is an XLSX file, not {0}: save it as a .xlsx",
    "es": "el libro completo es un archivo XLSX, no {0}: guárdelo como .xlsx",
    "zh": "完整工作簿是 XLSX 文件，而不是 {0}：请保存为 .xlsx"
  },
  "report.write": {
    "en": "cannot write the report ({0}): check that the folder exists, is writable and has space",
    "es": "no se puede escribir el reporte ({0}): verifique que la carpeta exista, permita escribir y tenga espacio",
    "zh": "无法写入报表（{0}）：请确认文件夹存在、可写入且有足够空间"
  },
  "report.xlsx": {
    "en": "cannot write the workbook ({0}): check the disk space and that the folder is writable",
    "es": "no se puede escribir el libro de Excel ({0}): verifique el espacio en disco y que la carpeta permita escribir",
    "zh": "无法写入工作簿（{0}）：请检查磁盘空间，并确认文件夹可写入"
  },
  "retention.bad_date": {
    "en": "'{0}' is not a date: write it as YYYY-MM-DD, like 2021-01-01",
    "es": "'{0}' no es una fecha: escríbala como AAAA-MM-DD, por ejemplo 2021-01-01",
    "zh": "“{0}”不是日期：请按 YYYY-MM-DD 格式填写，例如 2021-01-01"
  },
  "retention.chain_broken": {
    "en": "the audit trail is broken at event {0} ({1}): nothing is purged from a workspace whose trail does not verify; verify the audit trail and restore the workspace from a backup",
    "es": "la cadena de auditoría está rota en el evento {0} ({1}): no se elimina nada de un espacio de trabajo cuya cadena no se verifica; verifique la cadena y restaure el espacio de trabajo desde una copia de seguridad",
    "zh": "审计日志在事件 {0} 处断裂（{1}）：审计日志无法通过验证的工作区不会清除任何内容；请验证审计日志，并从备份恢复工作区"
  },
  "retention.entangled": {
    "en": "file {0} ({1}) cannot be purged while file {2} ({3}) is kept: file {2} holds conflicting copies of its rows. Nothing was deleted. Choose a date after {4} (the end of file {2}'s last period) once file {2} is past retention",
    "es": "el archivo {0} ({1}) no se puede eliminar mientras se conserve el archivo {2} ({3}): el archivo {2} tiene copias en conflicto de sus filas. No se eliminó nada. Cuando el archivo {2} haya salido de la retención, elija una fecha posterior al {4} (el fin de su último periodo)",
    "zh": "在保管文件 {2}（{3}）期间，无法清除文件 {0}（{1}）：文件 {2} 含有其行的冲突副本。未删除任何内容。待文件 {2} 超过保管期限后，请选择 {4}（文件 {2} 最后一个期间的结束日）之后的日期"
  },
  "retention.file_kept": {
    "en": "file {0} ({1}, period {2}) is kept until {3}",
    "es": "el archivo {0} ({1}, periodo {2}) se conserva hasta el {3}",
    "zh": "文件 {0}（{1}，期间 {2}）保管至 {3}"
  },
  "retention.inside": {
    "en": "{0} file(s) whose content ends before {1} are still inside retention ({2} years): {3}. Nothing was deleted. Choose an earlier date, or wait until they are past retention",
    "es": "{0} archivo(s) cuyo contenido termina antes del {1} siguen dentro del periodo de retención ({2} años): {3}. No se eliminó nada. Elija una fecha anterior o espere a que termine su retención",
    "zh": "有 {0} 份内容在 {1} 之前结束的文件仍在保管期限内（{2} 年）：{3}。未删除任何内容。请选择更早的日期，或等到这些文件超过保管期限"
  },
  "review.act.confirm": {
    "en": "confirm match",
    "es": "confirmar vínculo",
    "zh": "确认匹配"
  },
  "review.act.match": {
    "en": "match",
    "es": "vincular",
    "zh": "匹配"
  },
  "review.act.reopen": {
    "en": "reopen",
    "es": "reabrir",
    "zh": "重新打开"
  },
  "review.act.resolve": {
    "en": "resolve",
    "es": "resolver",
    "zh": "处理"
  },
  "review.act.unmatch": {
    "en": "unmatch",
    "es": "desvincular",
    "zh": "取消匹配"
  },
  "review.already_open": {
    "en": "case {0} is open already, so there is nothing to reopen",
    "es": "el caso {0} ya está abierto, así que no hay nada que reabrir",
    "zh": "对账项 {0} 尚未处理，无需重新打开"
  },
  "review.already_resolved": {
    "en": "case {0} is already resolved; reopen it first to change the resolution",
    "es": "el caso {0} ya está resuelto; reábralo primero para cambiar la resolución",
    "zh": "对账项 {0} 已处理；如需更改处理结果，请先重新打开"
  },
  "review.attach_empty": {
    "en": "{0} is empty (0 bytes); attach the file again from where it was saved or downloaded",
    "es": "{0} está vacío (0 bytes); adjunte de nuevo el archivo desde donde se guardó o descargó",
    "zh": "{0} 是空文件（0 字节）；请从保存或下载该文件的位置重新附加"
  },
  "review.attach_not_evidence": {
    "en": "{0} is not a PDF, PNG, JPEG, WebP or GIF file (its first bytes say so, whatever its name ends with); save the ticket or receipt as a PDF or an image and attach that",
    "es": "{0} no es un archivo PDF, PNG, JPEG, WebP ni GIF (así lo indican sus primeros bytes, sin importar cómo termine su nombre); guarde el tiquete o el recibo como PDF o como imagen y adjunte ese archivo",
    "zh": "{0} 不是 PDF、PNG、JPEG、WebP 或 GIF 文件（由其开头字节判断，与文件名后缀无关）；请将票据或收据另存为 PDF 或图片后再附加"
  },
  "review.attach_too_large": {
    "en": "{0} is larger than {1} MB, the most a case can keep per file; attach a smaller copy (the PSP's own PDF, or a scan at a lower resolution)",
    "es": "{0} pesa más de {1} MB, el máximo que un caso guarda por archivo; adjunte una copia más liviana (el PDF que envía el PSP, o un escaneo de menor resolución)",
    "zh": "{0} 超过 {1} MB，即每个对账项单个文件的上限；请附加较小的副本（PSP 提供的 PDF，或较低分辨率的扫描件）"
  },
  "review.bad_reason": {
    "en": "'{0}' is not a reason code; use one of: {1}",
    "es": "'{0}' no es un código de motivo; use uno de estos: {1}",
    "zh": "“{0}”不是原因代码；请使用以下之一：{1}"
  },
  "review.line_not_in_case": {
    "en": "line {0} is not in case {1}; open the case again to see its lines",
    "es": "la línea {0} no está en el caso {1}; abra el caso de nuevo para ver sus líneas",
    "zh": "结算行 {0} 不在对账项 {1} 中；请重新打开该对账项查看其结算行"
  },
  "review.locked": {
    "en": "case {0} is in period {1}, which is closed; reopen the period with a reason first",
    "es": "el caso {0} pertenece al periodo {1}, que está cerrado; primero reabra el periodo indicando un motivo",
    "zh": "对账项 {0} 属于已结账的期间 {1}；请先填写原因反结账"
  },
  "review.match_needs_order": {
    "en": "this case has no order: choose the order to match its line with (search by number, customer or amount)",
    "es": "este caso no tiene pedido: elija el pedido con el que se vincula su línea (busque por número, cliente o monto)",
    "zh": "此对账项没有订单：请选择要与其结算行匹配的订单（可按编号、客户或金额搜索）"
  },
  "review.match_reason": {
    "en": "say why these lines belong to this order (reason)",
    "es": "explique por qué estas líneas pertenecen a este pedido (motivo)",
    "zh": "请说明这些结算行为何属于此订单（原因）"
  },
  "review.name_lines": {
    "en": "choose the settlement lines to match",
    "es": "elija las líneas de liquidación que desea vincular",
    "zh": "请选择要匹配的结算行"
  },
  "review.no_order_numbered": {
    "en": "no imported order is numbered {0}: check the number (as the shop shows it, e.g. #4622), or import the orders export that holds it",
    "es": "ningún pedido importado tiene el número {0}: revise el número (como lo muestra la tienda, p. ej. #4622) o importe la exportación de pedidos que lo contiene",
    "zh": "没有编号为 {0} 的已导入订单：请检查编号（按店铺显示的格式，例如 #4622），或导入包含该订单的订单导出文件"
  },
  "review.no_such_case": {
    "en": "there is no case {0}; reconcile again and pick it from the list",
    "es": "no existe el caso {0}; concilie de nuevo y elíjalo de la lista",
    "zh": "不存在对账项 {0}；请重新对账，并从列表中选择"
  },
  "review.no_such_line": {
    "en": "there is no settlement line {0}; search for the line again",
    "es": "no existe la línea de liquidación {0}; busque la línea de nuevo",
    "zh": "不存在结算行 {0}；请重新搜索该结算行"
  },
  "review.no_such_order": {
    "en": "there is no order with id {0}; check the id",
    "es": "no existe ningún pedido con el id {0}; revise el id",
    "zh": "不存在 ID 为 {0} 的订单；请检查该 ID"
  },
  "review.not_reconciled": {
    "en": "the workspace has not been reconciled yet; run a reconciliation first",
    "es": "el espacio de trabajo aún no se ha conciliado; primero ejecute una conciliación",
    "zh": "工作区尚未对账；请先运行一次对账"
  },
  "review.not_suggested": {
    "en": "case {0} is not a suggested match: only a suggestion can be confirmed; use Match to link lines by hand",
    "es": "el caso {0} no es una coincidencia sugerida: solo una sugerencia se puede confirmar; use Vincular para unir líneas manualmente",
    "zh": "对账项 {0} 不是待确认匹配：只有待确认匹配才能确认；请使用“匹配”手动关联结算行"
  },
  "review.note_empty": {
    "en": "write the note",
    "es": "escriba la nota",
    "zh": "请填写备注内容"
  },
  "review.note_not_undone": {
    "en": "a note cannot be undone: the audit trail keeps it; write another note that corrects it",
    "es": "una nota no se puede deshacer: la auditoría la conserva; escriba otra nota que la corrija",
    "zh": "备注无法撤销，审计追踪会保留它；请另写一条备注加以更正"
  },
  "review.nothing_to_undo": {
    "en": "you have not acted on any case yet: there is nothing to undo",
    "es": "usted aún no ha actuado sobre ningún caso: no hay nada que deshacer",
    "zh": "您尚未对任何对账项进行操作，没有可撤销的操作"
  },
  "review.nothing_to_unmatch": {
    "en": "this case holds no settlement line to unmatch",
    "es": "este caso no tiene ninguna línea de liquidación que desvincular",
    "zh": "此对账项没有可取消匹配的结算行"
  },
  "review.order_number_ambiguous": {
    "en": "{0} names more than one order ({1}): pick the order in the list instead of typing its number",
    "es": "{0} corresponde a más de un pedido ({1}): elija el pedido en la lista en lugar de escribir su número",
    "zh": "{0} 对应多个订单（{1}）：请在列表中选择订单，而不是输入其编号"
  },
  "review.other_needs_note": {
    "en": "the reason 'other' needs a note saying what was done",
    "es": "el motivo 'Otro' necesita una nota que explique qué se hizo",
    "zh": "原因“其他”需要一条说明所做处理的备注"
  },
  "review.reopen_reason": {
    "en": "say why the case is reopened (reason)",
    "es": "explique por qué se reabre el caso (motivo)",
    "zh": "请说明重新打开此对账项的原因"
  },
  "review.resolve_reason": {
    "en": "choose a reason code to resolve the case",
    "es": "elija un motivo para resolver el caso",
    "zh": "请选择一个原因以处理此对账项"
  },
  "review.selected_resolved": {
    "en": "case {0} is already resolved; leave it out of the selection",
    "es": "el caso {0} ya está resuelto; quítelo de la selección",
    "zh": "对账项 {0} 已处理；请将其从所选内容中移除"
  },
  "review.selected_twice": {
    "en": "case {0} is in the selection twice; select each case once",
    "es": "el caso {0} está dos veces en la selección; seleccione cada caso una sola vez",
    "zh": "对账项 {0} 在所选内容中出现了两次；每项只能选择一次"
  },
  "review.stale": {
    "en": "case {0} changed since you opened it (its order or lines are not those you saw); open it again and redo the act",
    "es": "el caso {0} cambió desde que usted lo abrió (su pedido o sus líneas ya no son los que vio); ábralo de nuevo y repita la acción",
    "zh": "对账项 {0} 在您打开后已发生变化（其订单或结算行已不是您看到的）；请重新打开并再次操作"
  },
  "review.suggestion_without_order": {
    "en": "a suggestion without an order cannot be confirmed; use Match to link its line with an order",
    "es": "una sugerencia sin pedido no se puede confirmar; use Vincular para unir su línea con un pedido",
    "zh": "没有订单的待确认匹配无法确认；请使用“匹配”将其结算行与订单关联"
  },
  "review.undo_moved": {
    "en": "your last act is now audit event #{1}, not #{0} as shown; look at it again before undoing",
    "es": "su última acción es ahora el evento de auditoría #{1}, no el #{0} que se mostraba; revísela antes de deshacer",
    "zh": "您的最后一次操作现在是审计事件 #{1}，而不是显示的 #{0}；请先查看再撤销"
  },
  "review.undo_of": {
    "en": "undo of the act “{0}” recorded as audit event #{1}",
    "es": "deshace la acción “{0}” registrada como evento de auditoría #{1}",
    "zh": "撤销审计事件 #{1} 记录的操作“{0}”"
  },
  "review.unmatch_no_order": {
    "en": "this case has no order to unmatch its lines from",
    "es": "este caso no tiene un pedido del cual desvincular sus líneas",
    "zh": "此对账项没有可取消匹配的订单"
  },
  "review.unmatch_reason": {
    "en": "say why these lines do not belong to this order (reason)",
    "es": "explique por qué estas líneas no pertenecen a este pedido (motivo)",
    "zh": "请说明这些结算行为何不属于此订单（原因）"
  },
  "setting.invalid": {
    "en": "'{0}' is not a valid value for {1}: {2}",
    "es": "'{0}' no es un valor válido para {1}: {2}",
    "zh": "“{0}”不是 {1} 的有效值：{2}"
  },
  "setting.lowered": {
    "en": "the retention cannot be lowered from {0} to {1} years: records are kept at least as long as promised when they were filed; keep {0} or raise it",
    "es": "la retención no puede bajar de {0} a {1} años: los registros se conservan al menos el tiempo prometido cuando se archivaron; mantenga {0} años o auméntela",
    "zh": "保管期限不能从 {0} 年缩短为 {1} 年：记录至少要按归档时承诺的期限保管；请保持 {0} 年或延长"
  },
  "setting.unknown": {
    "en": "'{0}' is not a setting; settings are zone, zone.<psp>, tolerance, validity_hours, validity_hours.<psp>, grace_days, payout_window_days, payout_window_days.<psp>, payout_allowance, actor, retention_years, language",
    "es": "'{0}' no es un ajuste; los ajustes son zone, zone.<psp>, tolerance, validity_hours, validity_hours.<psp>, grace_days, payout_window_days, payout_window_days.<psp>, payout_allowance, actor, retention_years, language",
    "zh": "“{0}”不是设置项；设置项有 zone、zone.<psp>、tolerance、validity_hours、validity_hours.<psp>、grace_days、payout_window_days、payout_window_days.<psp>、payout_allowance、actor、retention_years、language"
  },
  "setting.why.actor": {
    "en": "use a plain name of at most 64 visible characters on one line, or nothing for the user name of the computer",
    "es": "use un nombre simple de máximo 64 caracteres visibles en una sola línea, o déjelo vacío para usar el nombre de usuario del equipo",
    "zh": "请使用一行内不超过 64 个可见字符的普通名称，或留空以使用电脑的用户名"
  },
  "setting.why.grace_days": {
    "en": "use whole days between 0 and 3650",
    "es": "use días enteros entre 0 y 3650",
    "zh": "请使用 0 到 3650 之间的整数天数"
  },
  "setting.why.language": {
    "en": "use es (español), en (English) or zh (中文)",
    "es": "use es (español), en (English) o zh (中文)",
    "zh": "请使用 es（español）、en（English）或 zh（中文）"
  },
  "setting.why.payout_window_days": {
    "en": "use whole days between 0 and 366",
    "es": "use días enteros entre 0 y 366",
    "zh": "请使用 0 到 366 之间的整数天数"
  },
  "setting.why.retention": {
    "en": "use whole years from 5 (the least Cuadra keeps records) to 100",
    "es": "use años enteros entre 5 (lo mínimo que Cuadra conserva los registros) y 100",
    "zh": "请使用 5（Cuadra 最短保管期限）到 100 之间的整数年数"
  },
  "setting.why.tolerance": {
    "en": "use a plain number of zero or more, like 0 or 100",
    "es": "use un número simple, cero o mayor, como 0 o 100",
    "zh": "请使用大于或等于零的普通数字，例如 0 或 100"
  },
  "setting.why.validity_hours": {
    "en": "use whole hours between 1 and 8784",
    "es": "use horas enteras entre 1 y 8784",
    "zh": "请使用 1 到 8784 之间的整数小时数"
  },
  "setting.why.zone": {
    "en": "use a time zone name like America/Bogota",
    "es": "use un nombre de zona horaria como America/Bogota",
    "zh": "请使用时区名称，例如 America/Bogota"
  },
  "store.attachment_damaged": {
    "en": "the stored copy of attachment {0} ({1}) of case {2} is damaged: its SHA-256 is {3}, not the {4} recorded when it was attached. Restore the workspace from a backup",
    "es": "la copia guardada del adjunto {0} ({1}) del caso {2} está dañada: su SHA-256 es {3}, no el {4} anotado al adjuntarlo. Restaure el espacio de trabajo desde una copia de seguridad",
    "zh": "对账项 {2} 的附件 {0}（{1}）的存储副本已损坏：其 SHA-256 为 {3}，而非附加时记录的 {4}。请从备份恢复工作区"
  },
  "store.backup": {
    "en": "cannot write the backup {0} ({1}): check that the folder exists, is writable and has space",
    "es": "no se puede escribir la copia de seguridad {0} ({1}): verifique que la carpeta exista, permita escribir y tenga espacio",
    "zh": "无法写入备份 {0}（{1}）：请确认该文件夹存在、可写入且有足够空间"
  },
  "store.backup_exists": {
    "en": "{0} already exists: a backup never overwrites a file; choose a new name or move the old file away",
    "es": "{0} ya existe: una copia de seguridad nunca sobrescribe un archivo; elija otro nombre o mueva el archivo anterior",
    "zh": "{0} 已存在：备份从不覆盖已有文件；请换一个名称，或将旧文件移走"
  },
  "store.backup_flush": {
    "en": "cannot finish writing the backup to disk ({0}): check the disk and try again",
    "es": "no se pudo terminar de escribir la copia de seguridad en el disco ({0}): revise el disco e intente de nuevo",
    "zh": "无法将备份完整写入磁盘（{0}）：请检查磁盘后重试"
  },
  "store.chain_broken": {
    "en": "the audit trail is broken at event {0}: {1}. Verify the audit trail and restore the workspace from a backup that verifies",
    "es": "la cadena de auditoría está rota en el evento {0}: {1}. Verifique la cadena y restaure el espacio de trabajo desde una copia de seguridad que se verifique correctamente",
    "zh": "审计日志在事件 {0} 处断裂：{1}。请验证审计日志，并从能通过验证的备份恢复工作区"
  },
  "store.corrupt": {
    "en": "the workspace file is damaged ({0}): restore it from a backup",
    "es": "el archivo del espacio de trabajo está dañado ({0}): restáurelo desde una copia de seguridad",
    "zh": "工作区文件已损坏（{0}）：请从备份恢复"
  },
  "store.create_dir": {
    "en": "cannot create the folder {0} ({1}): choose another place for the workspace, or check that you may write there",
    "es": "no se puede crear la carpeta {0} ({1}): elija otro lugar para el espacio de trabajo o verifique que usted tenga permiso para escribir allí",
    "zh": "无法创建文件夹 {0}（{1}）：请为工作区选择其他位置，或确认您有写入权限"
  },
  "store.damaged": {
    "en": "the workspace {0} is damaged (SQLite's page check: {1}); nothing was written to it. Restore it from your last backup; `cuadra-cli verify` and `cuadra-cli backup` still open it to show or copy what is left",
    "es": "el espacio de trabajo {0} está dañado (revisión de páginas de SQLite: {1}); no se escribió nada en él. Restáurelo desde su última copia de seguridad; `cuadra-cli verify` y `cuadra-cli backup` aún lo abren para mostrar o copiar lo que queda",
    "zh": "工作区 {0} 已损坏（SQLite 页面检查：{1}）；未向其写入任何内容。请从最近的备份恢复；`cuadra-cli verify` 和 `cuadra-cli backup` 仍可打开它，以显示或复制剩余内容"
  },
  "store.decompress": {
    "en": "cannot decompress the stored copy of file {0} ({1}); restore the workspace from a backup",
    "es": "no se puede descomprimir la copia guardada del archivo {0} ({1}); restaure el espacio de trabajo desde una copia de seguridad",
    "zh": "无法解压文件 {0} 的留存副本（{1}）；请从备份恢复工作区"
  },
  "store.disk_full": {
    "en": "the disk that holds the workspace is full: free some space and try again",
    "es": "el disco donde está el espacio de trabajo está lleno: libere espacio e intente de nuevo",
    "zh": "存放工作区的磁盘已满：请释放一些空间后重试"
  },
  "store.disk_write": {
    "en": "the workspace could not be written to disk ({0}): the disk may be full, removed or failing, or a size limit reached; nothing of this act was saved: free some space or check the disk, and try again",
    "es": "no se pudo escribir el espacio de trabajo en el disco ({0}): el disco puede estar lleno, desconectado o fallando, o se alcanzó un límite de tamaño; no se guardó nada de esta acción: libere espacio o revise el disco e intente de nuevo",
    "zh": "无法将工作区写入磁盘（{0}）：磁盘可能已满、已移除或出现故障，或已达到大小限制；此操作的任何内容均未保存：请释放空间或检查磁盘后重试"
  },
  "store.evidence_mismatch": {
    "en": "the stored copy of file {0} is damaged: its SHA-256 is {1}, not {2}; restore the workspace from a backup",
    "es": "la copia guardada del archivo {0} está dañada: su SHA-256 es {1}, no {2}; restaure el espacio de trabajo desde una copia de seguridad",
    "zh": "文件 {0} 的留存副本已损坏：其 SHA-256 为 {1}，而不是 {2}；请从备份恢复工作区"
  },
  "store.foreign_database": {
    "en": "{0} is another program's database, not a Cuadra workspace; Cuadra left it unchanged: choose the workspace file (cuadra.db) or create a new workspace",
    "es": "{0} es una base de datos de otro programa, no un espacio de trabajo de Cuadra; Cuadra no la modificó: elija el archivo del espacio de trabajo (cuadra.db) o cree uno nuevo",
    "zh": "{0} 是其他程序的数据库，不是 Cuadra 工作区；Cuadra 未对其做任何修改：请选择工作区文件（cuadra.db），或新建一个工作区"
  },
  "store.in_use": {
    "en": "the workspace is in use by another program (another Cuadra window or cuadra-cli) and stayed locked for 10 seconds: wait until it finishes, or close it, and try again",
    "es": "el espacio de trabajo está en uso por otro programa (otra ventana de Cuadra o cuadra-cli) y siguió bloqueado durante 10 segundos: espere a que termine, o ciérrelo, e intente de nuevo",
    "zh": "工作区正被另一个程序（另一个 Cuadra 窗口或 cuadra-cli）使用，且已锁定 10 秒：请等待其完成或将其关闭，然后重试"
  },
  "store.in_use_at": {
    "en": "the workspace {0} is in use by another program (another Cuadra window or cuadra-cli) and stayed locked for 10 seconds: wait until it finishes, or close it, and try again",
    "es": "el espacio de trabajo {0} está en uso por otro programa (otra ventana de Cuadra o cuadra-cli) y siguió bloqueado durante 10 segundos: espere a que termine, o ciérrelo, e intente de nuevo",
    "zh": "工作区 {0} 正被另一个程序（另一个 Cuadra 窗口或 cuadra-cli）使用，且已锁定 10 秒：请等待其完成或将其关闭，然后重试"
  },
  "store.is_folder": {
    "en": "{0} is a folder, not a workspace file: give the workspace file itself (for example {0}/cuadra.db)",
    "es": "{0} es una carpeta, no un archivo de espacio de trabajo: indique el archivo mismo (por ejemplo {0}/cuadra.db)",
    "zh": "{0} 是文件夹，不是工作区文件：请指定工作区文件本身（例如 {0}/cuadra.db）"
  },
  "store.no_such_attachment": {
    "en": "there is no attachment {0}; open the case again to see its attachments",
    "es": "no existe el adjunto {0}; abra el caso de nuevo para ver sus adjuntos",
    "zh": "不存在附件 {0}；请重新打开该对账项查看其附件"
  },
  "store.no_such_file": {
    "en": "no imported file has id {0}: reload the list of imported files",
    "es": "ningún archivo importado tiene el id {0}: vuelva a cargar la lista de archivos importados",
    "zh": "没有 id 为 {0} 的已导入文件：请重新加载已导入文件列表"
  },
  "store.no_workspace": {
    "en": "there is no workspace at {0}: check the path; to start a new workspace there, import a file into it (cuadra-cli --db {0} import FILE)",
    "es": "no hay un espacio de trabajo en {0}: revise la ruta; para crear uno nuevo allí, importe un archivo en él (cuadra-cli --db {0} import ARCHIVO)",
    "zh": "{0} 处没有工作区：请检查路径；如要在此新建工作区，请向其中导入一个文件（cuadra-cli --db {0} import 文件）"
  },
  "store.not_a_database": {
    "en": "the workspace file is no longer a database Cuadra can read, so it may be damaged: restore it from a backup",
    "es": "el archivo del espacio de trabajo ya no es una base de datos que Cuadra pueda leer, así que puede estar dañado: restáurelo desde una copia de seguridad",
    "zh": "工作区文件已不是 Cuadra 能读取的数据库，可能已损坏：请从备份恢复"
  },
  "store.not_a_workspace": {
    "en": "{0} is not a Cuadra workspace (it is not a database Cuadra can read): choose the workspace file (cuadra.db) or create a new workspace",
    "es": "{0} no es un espacio de trabajo de Cuadra (no es una base de datos que Cuadra pueda leer): elija el archivo del espacio de trabajo (cuadra.db) o cree uno nuevo",
    "zh": "{0} 不是 Cuadra 工作区（不是 Cuadra 能读取的数据库）：请选择工作区文件（cuadra.db），或新建一个工作区"
  },
  "store.open": {
    "en": "cannot open the workspace {0} ({1}): check that the file is there and that you may read and write it",
    "es": "no se puede abrir el espacio de trabajo {0} ({1}): verifique que el archivo exista y que usted tenga permiso para leerlo y modificarlo",
    "zh": "无法打开工作区 {0}（{1}）：请确认该文件存在，并且您有读写权限"
  },
  "store.period_closed": {
    "en": "period {0} is closed (sealed by {1} on {2}); reopen it with a reason first",
    "es": "el periodo {0} está cerrado (lo selló {1} el {2}); primero reábralo indicando un motivo",
    "zh": "期间 {0} 已结账（结账人 {1}，{2}）；请先填写原因反结账"
  },
  "store.read_only": {
    "en": "the workspace file cannot be written (it is read-only): check its permissions, or copy it to a folder where you may write",
    "es": "no se puede escribir en el archivo del espacio de trabajo (es de solo lectura): revise sus permisos o cópielo a una carpeta donde usted pueda escribir",
    "zh": "无法写入工作区文件（只读）：请检查其权限，或将其复制到您有写入权限的文件夹"
  },
  "store.sql": {
    "en": "the workspace database reported an error ({0}): try again; if it keeps happening, restore the workspace from a backup",
    "es": "la base de datos del espacio de trabajo reportó un error ({0}): intente de nuevo; si sigue ocurriendo, restaure el espacio de trabajo desde una copia de seguridad",
    "zh": "工作区数据库报告了错误（{0}）：请重试；如果问题持续出现，请从备份恢复工作区"
  },
  "store.too_new": {
    "en": "the workspace {0} was written by a newer version of Cuadra (schema {1}; this version knows up to {2}): update Cuadra to open it",
    "es": "el espacio de trabajo {0} fue escrito por una versión más reciente de Cuadra (esquema {1}; esta versión conoce hasta el {2}): actualice Cuadra para abrirlo",
    "zh": "工作区 {0} 由更新版本的 Cuadra 写入（数据结构版本 {1}；当前版本最高支持 {2}）：请更新 Cuadra 后再打开"
  },
  "verbatim": {
    "en": "{0}",
    "es": "{0}",
    "zh": "{0}"
  },
  "verify.attachment": {
    "en": "attachment {0} ({1}) of case {2} is not the file that was attached: {3}. Restore the workspace from a backup",
    "es": "el adjunto {0} ({1}) del caso {2} no es el archivo que se adjuntó: {3}. Restaure el espacio de trabajo desde una copia de seguridad",
    "zh": "对账项 {2} 的附件 {0}（{1}）不是当初附加的文件：{3}。请从备份恢复工作区"
  },
  "verify.attachment_missing": {
    "en": "audit event {0} records a file attached to case {1} ({2}), but the workspace holds no such attachment: it was deleted outside Cuadra. Restore the workspace from a backup",
    "es": "el evento de auditoría {0} registra un archivo adjuntado al caso {1} ({2}), pero el espacio de trabajo no tiene ese adjunto: se borró fuera de Cuadra. Restaure el espacio de trabajo desde una copia de seguridad",
    "zh": "审计事件 {0} 记录了附加到对账项 {1} 的文件（{2}），但工作区中没有该附件：它在 Cuadra 之外被删除。请从备份恢复工作区"
  },
  "verify.case_added": {
    "en": "case {0} is stored, but the last reconciliation run again does not give it: it was added outside Cuadra. Reconcile again, and check the audit log",
    "es": "el caso {0} está guardado, pero la última conciliación, ejecutada de nuevo, no lo da: se agregó fuera de Cuadra. Concilie de nuevo y revise el registro de auditoría",
    "zh": "对账项 {0} 已存储，但重新运行最近一次对账并不会得到它：它是在 Cuadra 之外添加的。请重新对账，并检查审计日志"
  },
  "verify.case_changed": {
    "en": "case {0}: its {1} is stored as '{2}', but the last reconciliation run again gives '{3}': the case was changed outside Cuadra. Reconcile again to derive it anew, and check the audit log",
    "es": "caso {0}: su {1} está guardado como '{2}', pero la última conciliación, ejecutada de nuevo, da '{3}': el caso se modificó fuera de Cuadra. Concilie de nuevo para derivarlo otra vez y revise el registro de auditoría",
    "zh": "对账项 {0}：其 {1} 存储为“{2}”，但重新运行最近一次对账得到“{3}”：该对账项在 Cuadra 之外被修改过。请重新对账以重新推导，并检查审计日志"
  },
  "verify.case_missing": {
    "en": "case {0} comes from the last reconciliation run again, but is not stored: it was deleted outside Cuadra. Reconcile again, and check the audit log",
    "es": "el caso {0} sale de la última conciliación ejecutada de nuevo, pero no está guardado: se borró fuera de Cuadra. Concilie de nuevo y revise el registro de auditoría",
    "zh": "重新运行最近一次对账会得到对账项 {0}，但它未被存储：它在 Cuadra 之外被删除。请重新对账，并检查审计日志"
  },
  "verify.cases_stale": {
    "en": "the cases were not compared: files, settings or retention changed after the last reconciliation. Reconcile, then verify again",
    "es": "los casos no se compararon: cambiaron archivos, ajustes o la retención después de la última conciliación. Concilie y verifique de nuevo",
    "zh": "未比对对账项：最近一次对账之后文件、设置或保管期限有变动。请先对账，再重新核验"
  },
  "verify.chain": {
    "en": "the audit trail is broken at event {0}: {1}. Restore the workspace from a backup and find out who changed the file",
    "es": "el registro de auditoría está roto en el evento {0}: {1}. Restaure el espacio de trabajo desde una copia de seguridad y averigüe quién modificó el archivo",
    "zh": "审计记录在事件 {0} 处断裂：{1}。请从备份恢复工作区，并查明是谁修改了该文件"
  },
  "verify.evidence": {
    "en": "the stored original of file {0} ({1}) is not the file that was imported: {2}. Restore the workspace from a backup",
    "es": "el original guardado del archivo {0} ({1}) no es el archivo que se importó: {2}. Restaure el espacio de trabajo desde una copia de seguridad",
    "zh": "文件 {0}（{1}）的存储原件不是当初导入的文件：{2}。请从备份恢复工作区"
  },
  "verify.integrity": {
    "en": "SQLite's integrity check reports: {0}. The workspace file is damaged: stop working in it, keep it aside for the record, and restore the last backup",
    "es": "la verificación de integridad de SQLite informa: {0}. El archivo del espacio de trabajo está dañado: deje de trabajar en él, guárdelo aparte como constancia y restaure la última copia de seguridad",
    "zh": "SQLite 完整性检查报告：{0}。工作区文件已损坏：请停止在其中操作，另行保存该文件以备查，并恢复最近的备份"
  },
  "verify.not_reconciled": {
    "en": "no reconciliation has been run yet: there are no cases to compare",
    "es": "todavía no se ha ejecutado ninguna conciliación: no hay casos que comparar",
    "zh": "尚未运行过对账：没有可比对的对账项"
  },
  "verify.purged": {
    "en": "{0} file(s) were purged under retention: rows the kept files share with them are not checked for deletion",
    "es": "{0} archivo(s) se depuraron por retención: no se verifica si se borraron filas que los archivos conservados comparten con ellos",
    "zh": "有 {0} 份文件已按保管期限清除：留存文件中与其共享的行未做删除核对"
  },
  "verify.row_added": {
    "en": "{0} {1} (file {2}, row {3}) is stored, but its original file does not give it: it was added outside Cuadra. Restore the workspace from a backup",
    "es": "{0} {1} (archivo {2}, fila {3}) está guardado, pero su archivo original no lo da: se agregó fuera de Cuadra. Restaure el espacio de trabajo desde una copia de seguridad",
    "zh": "{0} {1}（文件 {2}，第 {3} 行）已存储，但其原始文件中并没有：它是在 Cuadra 之外添加的。请从备份恢复工作区"
  },
  "verify.row_changed": {
    "en": "{0} {1} (file {2}, row {3}) is not what its original file gives: {4}. The workspace was changed outside Cuadra: restore it from a backup",
    "es": "{0} {1} (archivo {2}, fila {3}) no es lo que da su archivo original: {4}. El espacio de trabajo se modificó fuera de Cuadra: restáurelo desde una copia de seguridad",
    "zh": "{0} {1}（文件 {2}，第 {3} 行）与其原始文件给出的不一致：{4}。工作区在 Cuadra 之外被修改过：请从备份恢复"
  },
  "verify.row_missing": {
    "en": "{0} {1} (file {2}, row {3}) comes from its original file but is not stored: it was deleted outside Cuadra. Restore the workspace from a backup",
    "es": "{0} {1} (archivo {2}, fila {3}) viene de su archivo original pero no está guardado: se borró fuera de Cuadra. Restaure el espacio de trabajo desde una copia de seguridad",
    "zh": "{0} {1}（文件 {2}，第 {3} 行）来自其原始文件，但未被存储：它在 Cuadra 之外被删除。请从备份恢复工作区"
  },
  "verify.rows_root": {
    "en": "the rows of file {0} ({1}) do not hash to the root recorded in the audit trail when it was imported: its original or its rows were replaced. Restore the workspace from a backup",
    "es": "las filas del archivo {0} ({1}) no dan el hash raíz anotado en el registro de auditoría al importarlo: se reemplazó su original o sus filas. Restaure el espacio de trabajo desde una copia de seguridad",
    "zh": "文件 {0}（{1}）各行的哈希与导入时写入审计记录的根哈希不符：其原件或各行被替换过。请从备份恢复工作区"
  },
  "verify.seal": {
    "en": "period {0} is closed, but its sealed records do not verify ({1} case(s) changed, {2} added, {3} removed since the close): see cuadra-cli period verify {0}",
    "es": "el período {0} está cerrado, pero sus registros sellados no se verifican ({1} caso(s) cambiados, {2} agregados, {3} quitados desde el cierre): vea cuadra-cli period verify {0}",
    "zh": "期间 {0} 已结账，但其结账记录未通过核验（自结账以来 {1} 项对账项被更改、{2} 项新增、{3} 项移除）：请查看 cuadra-cli period verify {0}"
  },
  "verify.underivable": {
    "en": "file {0} ({1}) could not be read again from its stored original: {2}. Its rows were not checked",
    "es": "el archivo {0} ({1}) no se pudo leer de nuevo desde su original guardado: {2}. Sus filas no se verificaron",
    "zh": "无法从存储的原件重新读取文件 {0}（{1}）：{2}。其各行未经核对"
  },
  "verify.witness_different": {
    "en": "event {0} of the audit trail is not the event recorded in {1}: the trail was rewritten. Restore the workspace from a backup, and find out who changed the file",
    "es": "el evento {0} del registro de auditoría no es el anotado en {1}: el registro fue reescrito. Restaure el espacio de trabajo desde una copia de seguridad y averigüe quién modificó el archivo",
    "zh": "审计记录中的事件 {0} 与 {1} 中记录的不一致：审计记录被改写过。请从备份恢复工作区，并查明是谁修改了该文件"
  },
  "verify.witness_shorter": {
    "en": "the audit trail ends at event {1}, but it had reached event {0} (recorded in {2}): events were deleted after they were written. Restore the workspace from a backup made after event {0}, and find out who changed the file",
    "es": "el registro de auditoría termina en el evento {1}, pero ya había llegado al evento {0} (anotado en {2}): se borraron eventos después de registrarlos. Restaure el espacio de trabajo desde una copia de seguridad posterior al evento {0} y averigüe quién modificó el archivo",
    "zh": "审计记录止于事件 {1}，但此前已记录到事件 {0}（见 {2}）：有事件在写入后被删除。请从事件 {0} 之后的备份恢复工作区，并查明是谁修改了该文件"
  }
};

/** Messages rendered by the Rust catalog: the UI's renderer must give the same text. */
export const BACKEND_SAMPLES: { msg: Msg; en: string; es: string; zh: string }[] = [
  {
    "en": "Resolved (written off) by ana on 2026-11-25. Paid COP 150,000 2026-05-03 14:10 (Bogotá) for order #1001 of COP 1,234,567, before its voucher expired at 2026-05-04 10:00.",
    "es": "Resuelto (castigado como pérdida) por ana el 2026-11-25. Pago de COP 150.000 2026-05-03 14:10 (Bogotá) por el pedido #1001 de COP 1.234.567, antes de que venciera su cupón de pago (2026-05-04 10:00).",
    "msg": {
      "a": [
        {
          "k": "case.reason.written_off"
        },
        "ana",
        "2026-11-25",
        {
          "s": {
            "a": [
              {
                "a": [
                  {
                    "c": "COP",
                    "m": "150000"
                  },
                  "2026-05-03 14:10 (Bogotá)",
                  {
                    "a": [
                      "#1001"
                    ],
                    "k": "case.order"
                  },
                  {
                    "c": "COP",
                    "m": "1234567"
                  }
                ],
                "k": "case.paid_for"
              },
              {
                "a": [
                  "2026-05-04 10:00"
                ],
                "k": "case.before_expiry"
              }
            ],
            "k": "case.matched"
          }
        }
      ],
      "k": "case.resolved_by"
    },
    "zh": "2026-11-25，ana 已处理此对账项，原因：差额已核销（计入损益）。2026-05-03 14:10 (Bogotá)，订单 #1001（订单金额 COP 1,234,567）支付了 COP 150,000，在付款码过期（2026-05-04 10:00）之前。"
  },
  {
    "en": "Payment T-648-1 of USD 1,234.50 an unknown time quotes keys that name several orders (order #1, order #2, order #3), so it was not assigned to any: choose the order by hand.",
    "es": "El pago T-648-1 por USD 1.234,50 una hora desconocida cita claves que nombran varios pedidos (pedido #1, pedido #2, pedido #3), así que no se asignó a ninguno: elija el pedido a mano.",
    "msg": {
      "a": [
        {
          "k": "case.row.payment"
        },
        "T-648-1",
        {
          "c": "USD",
          "m": "1234.5"
        },
        {
          "k": "case.unknown_time"
        },
        {
          "j": "comma",
          "l": [
            {
              "a": [
                "#1"
              ],
              "k": "case.order"
            },
            {
              "a": [
                "#2"
              ],
              "k": "case.order"
            },
            {
              "a": [
                "#3"
              ],
              "k": "case.order"
            }
          ]
        }
      ],
      "k": "case.line.ambiguous"
    },
    "zh": "未知，付款 T-648-1（USD 1,234.50）引用的参考号指向多个订单（订单 #1、订单 #2、订单 #3），因此未分配给任何订单：请手动选择订单。"
  },
  {
    "en": "Refund (id 42) of USD -0.041234 2026-05-05 20:20 (Bogotá) quotes no known order; it is one edit away from order #10023 and order #10033, but not as a unique best match, so nothing was suggested: link it by hand.",
    "es": "El reembolso (id 42) por USD -0,041234 2026-05-05 20:20 (Bogotá) no cita ningún pedido conocido; está a una edición del pedido #10023 y pedido #10033, pero no como única mejor coincidencia, así que no se sugirió nada: vincúlelo a mano.",
    "msg": {
      "a": [
        {
          "k": "case.row.refund"
        },
        {
          "a": [
            42
          ],
          "k": "case.line_id"
        },
        {
          "c": "USD",
          "m": "-0.041234"
        },
        "2026-05-05 20:20 (Bogotá)",
        {
          "j": "and",
          "l": [
            {
              "a": [
                "#10023"
              ],
              "k": "case.order"
            },
            {
              "a": [
                "#10033"
              ],
              "k": "case.order"
            }
          ]
        }
      ],
      "k": "case.line.tied"
    },
    "zh": "2026-05-05 20:20 (Bogotá)，退款 （id 42）（USD -0.041234）未引用任何已知订单；它与订单 #10023 和 订单 #10033仅差一个字符（疑似录入错误），但并非唯一最佳匹配，因此未生成待确认匹配：请手动关联。"
  },
  {
    "en": "Order #7 of COP -2,500 was paid 3 times (a; b; c), COP 150,000.50 in total: refund or apply the extra payment.",
    "es": "El pedido #7 de COP -2.500 se pagó 3 veces (a; b; c), COP 150.000,50 en total: reembolse o aplique el pago de más.",
    "msg": {
      "a": [
        {
          "a": [
            "#7"
          ],
          "k": "case.order"
        },
        {
          "c": "COP",
          "m": "-2500"
        },
        3,
        {
          "j": "semi",
          "l": [
            "a",
            "b",
            "c"
          ]
        },
        {
          "c": "COP",
          "m": "150000.50"
        }
      ],
      "k": "case.duplicate_payment"
    },
    "zh": "订单 #7（订单金额 COP -2,500）共支付了 3 次，合计 COP 150,000.50：a；b；c。请退还或冲抵多付的款项。"
  },
  {
    "en": "Case order:shopify:1001 is in period 2026-05, which is closed; reopen the period with a reason first",
    "es": "El caso order:shopify:1001 pertenece al periodo 2026-05, que está cerrado; primero reabra el periodo indicando un motivo",
    "msg": {
      "a": [
        "order:shopify:1001",
        "2026-05"
      ],
      "k": "review.locked"
    },
    "zh": "对账项 order:shopify:1001 属于已结账的期间 2026-05；请先填写原因反结账"
  },
  {
    "en": "The audit trail is broken at event 3: the sequence jumps from 3 to 5: events are missing. Verify the audit trail and restore the workspace from a backup that verifies",
    "es": "La cadena de auditoría está rota en el evento 3: la numeración salta de 3 a 5: faltan eventos. Verifique la cadena y restaure el espacio de trabajo desde una copia de seguridad que se verifique correctamente",
    "msg": {
      "a": [
        3,
        {
          "a": [
            3,
            5
          ],
          "k": "audit.why.seq_jump"
        }
      ],
      "k": "store.chain_broken"
    },
    "zh": "审计日志在事件 3 处断裂：序号从 3 跳到 5：有事件缺失。请验证审计日志，并从能通过验证的备份恢复工作区"
  },
  {
    "en": "Texto de una versión anterior.",
    "es": "Texto de una versión anterior.",
    "msg": {
      "a": [
        "Texto de una versión anterior."
      ],
      "k": "verbatim"
    },
    "zh": "Texto de una versión anterior."
  },
  {
    "en": "nota escrita por una persona: se queda como está",
    "es": "nota escrita por una persona: se queda como está",
    "msg": {
      "a": [
        "nota escrita por una persona: se queda como está"
      ],
      "k": "verbatim"
    },
    "zh": "nota escrita por una persona: se queda como está"
  },
  {
    "en": "From.a.newer.version 1 x",
    "es": "From.a.newer.version 1 x",
    "msg": {
      "a": [
        1,
        "x"
      ],
      "k": "from.a.newer.version"
    },
    "zh": "From.a.newer.version 1 x"
  }
];
