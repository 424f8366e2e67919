//! The sentences of case explanations in Spanish (Colombia), English and Simplified Chinese (see
//! `crate::words`). `{n}` placeholders are filled in `classify` (order and line cases) and in
//! `cases::run` (decisions by people, batch totals). Sentences start with a placeholder when it is
//! the subject ("{0} of {1} has no payment yet"): the renderer capitalizes it.

crate::catalog! {
    pub static ENTRIES;

    // Labels.
    ORDER_NAMED = "case.order" { en: "order {0}", es: "pedido {0}", zh: "订单 {0}" }
    ORDER_BY_ID = "case.order_id" { en: "order (id {0})", es: "pedido (id {0})", zh: "订单（id {0}）" }
    LINE_BY_ID = "case.line_id" { en: "(id {0})", es: "(id {0})", zh: "（id {0}）" }
    /// Written by earlier versions (the time with its zone in one text); kept to show them.
    AT_TIME = "case.at" { en: "at {0}", es: "el {0}", zh: "{0}" }
    AT_BOGOTA = "case.at_bogota" { en: "at {0} (Bogotá)", es: "el {0} (Bogotá)", zh: "{0}（哥伦比亚时间）" }
    AT_ZONE = "case.at_zone" { en: "at {0} ({1})", es: "el {0} ({1})", zh: "{0}（{1} 时间）" }
    AT_UNKNOWN_TIME = "case.at_unknown" { en: "at an unknown time", es: "en una fecha desconocida", zh: "时间未知" }
    UNKNOWN_TIME = "case.unknown_time" { en: "an unknown time", es: "una hora desconocida", zh: "未知" }
    UNKNOWN_AMOUNT = "case.unknown_amount" { en: "an unknown amount", es: "un monto desconocido", zh: "未知金额" }
    UNKNOWN_TOTAL = "case.unknown_total" { en: "an unknown total", es: "un total desconocido", zh: "未知" }
    NO_REFERENCE = "case.no_reference" { en: "no reference at all", es: "ninguna referencia", zh: "没有任何参考号" }
    QUOTED = "case.quoted" { en: "'{0}'", es: "«{0}»", zh: "“{0}”" }

    // What the shop shows.
    SHOP_PENDING = "case.shop.pending" { en: "pending", es: "pendiente", zh: "待付款" }
    SHOP_AUTHORIZED = "case.shop.authorized" { en: "authorized", es: "autorizado", zh: "已授权" }
    SHOP_PARTIALLY_PAID = "case.shop.partially_paid" { en: "partially paid", es: "pagado en parte", zh: "部分付款" }
    SHOP_PAID = "case.shop.paid" { en: "paid", es: "pagado", zh: "已付款" }
    SHOP_PARTIALLY_REFUNDED = "case.shop.partially_refunded" { en: "partially refunded", es: "reembolsado en parte", zh: "部分退款" }
    SHOP_REFUNDED = "case.shop.refunded" { en: "refunded", es: "reembolsado", zh: "已退款" }
    SHOP_VOIDED = "case.shop.voided" { en: "voided", es: "anulado", zh: "已作废" }
    SHOP_EXPIRED = "case.shop.expired" { en: "expired", es: "vencido", zh: "已过期" }
    SHOP_CANCELLED = "case.shop.cancelled" { en: "cancelled", es: "cancelado", zh: "已取消" }
    SHOP_FAILED = "case.shop.failed" { en: "failed", es: "fallido", zh: "失败" }
    SHOP_UNKNOWN = "case.shop.unknown" { en: "in an unknown state", es: "en un estado desconocido", zh: "状态未知" }

    // A settlement line's status as the PSP reports it.
    PSP_PENDING = "case.psp.pending" { en: "pending", es: "pendiente", zh: "处理中" }
    PSP_AUTHORIZED = "case.psp.authorized" { en: "authorized", es: "autorizado", zh: "已授权" }
    PSP_PAID = "case.psp.paid" { en: "paid", es: "pagado", zh: "已支付" }
    PSP_REJECTED = "case.psp.rejected" { en: "rejected", es: "rechazado", zh: "已拒绝" }
    PSP_CANCELLED = "case.psp.cancelled" { en: "cancelled", es: "cancelado", zh: "已取消" }
    PSP_EXPIRED = "case.psp.expired" { en: "expired", es: "vencido", zh: "已过期" }
    PSP_REFUNDED = "case.psp.refunded" { en: "refunded", es: "reembolsado", zh: "已退款" }
    PSP_CHARGED_BACK = "case.psp.charged_back" { en: "charged back", es: "contracargado", zh: "已拒付" }
    PSP_IN_MEDIATION = "case.psp.in_mediation" { en: "in mediation", es: "en mediación", zh: "调解中" }
    PSP_UNKNOWN = "case.psp.unknown" { en: "unknown", es: "desconocido", zh: "未知" }

    // Settlement row kinds, as the subject of a sentence.
    ROW_PAYMENT = "case.row.payment" { en: "payment", es: "el pago", zh: "付款" }
    ROW_REFUND = "case.row.refund" { en: "refund", es: "el reembolso", zh: "退款" }
    ROW_CHARGEBACK = "case.row.chargeback" { en: "chargeback", es: "el contracargo", zh: "拒付" }
    ROW_CHARGEBACK_REVERSAL = "case.row.chargeback_reversal" { en: "chargeback reversal", es: "la reversión de contracargo", zh: "拒付撤销" }
    ROW_FEE = "case.row.fee" { en: "fee line", es: "la línea de comisión", zh: "手续费明细" }
    ROW_ADJUSTMENT = "case.row.adjustment" { en: "adjustment line", es: "la línea de ajuste", zh: "调整明细" }
    ROW_TAX = "case.row.tax" { en: "tax line", es: "la línea de impuesto", zh: "税费明细" }
    ROW_PAYOUT = "case.row.payout" { en: "payout line", es: "la línea de desembolso", zh: "打款明细" }
    ROW_HOLD = "case.row.hold" { en: "hold", es: "la retención", zh: "冻结款明细" }

    // Pieces of order sentences.
    PAID_FOR = "case.paid_for" {
        en: "paid {0} {1} for {2} of {3}",
        es: "pago de {0} {1} por el {2} de {3}",
        zh: "{1}，{2}（订单金额 {3}）支付了 {0}",
    }
    BEFORE_EXPIRY = "case.before_expiry" {
        en: "before its voucher expired at {0}",
        es: "antes de que venciera su cupón de pago ({0})",
        zh: "在付款码过期（{0}）之前",
    }
    NO_KNOWN_EXPIRY = "case.no_known_expiry" {
        en: "with no known voucher expiry",
        es: "sin vencimiento conocido del cupón de pago",
        zh: "付款码过期时间未知",
    }
    PAID_NO_LINE = "case.paid.no_line" {
        en: "has no payment line in the imported files",
        es: "no tiene línea de pago en los archivos importados",
        zh: "在已导入的文件中没有付款明细",
    }
    PAID_ONCE = "case.paid.once" {
        en: "was paid {0} {1}",
        es: "se pagó con {0} {1}",
        zh: "{1}，支付了 {0}",
    }
    PAID_TIMES = "case.paid.times" {
        en: "was paid {0} times, {1} in total",
        es: "se pagó {0} veces, {1} en total",
        zh: "共支付了 {0} 次，合计 {1}",
    }
    DUPLICATE_EACH = "case.duplicate.each" {
        en: "{0} of {1} {2}",
        es: "{0} por {1} {2}",
        zh: "{0}：{1}，{2}",
    }
    BATCH_NAMED = "case.batch" { en: "batch {0}", es: "el lote {0}", zh: "批次 {0}" }
    BATCH_OF_FILE = "case.batch_of_file" { en: "the batch of file {0}", es: "el lote del archivo {0}", zh: "文件 {0} 的批次" }

    // Order cases, one per status (and rule where the sentence differs).
    MATCHED = "case.matched" {
        en: "{0}, {1}.",
        es: "{0}, {1}.",
        zh: "{0}，{1}。",
    }
    MATCHED_WITHIN = "case.matched.within_tolerance" {
        en: "{0} ({1} off, within the tolerance of {2}), {3}.",
        es: "{0} (diferencia de {1}, dentro de la tolerancia de {2}), {3}.",
        zh: "{0}（相差 {1}，在容差 {2} 以内），{3}。",
    }
    MATCHED_AMOUNT_UNKNOWN = "case.matched.amount_unknown" {
        en: "{0}, {1}; the amounts could not be compared because one is missing.",
        es: "{0}, {1}; los montos no se pudieron comparar porque falta uno.",
        zh: "{0}，{1}；由于缺少其中一个金额，无法比较金额。",
    }
    PAID_SHOP_PENDING = "case.paid_shop_pending" {
        en: "{0}, {1}, but the shop still shows it {2}: mark it paid and ship it.",
        es: "{0}, {1}, pero la tienda aún lo muestra {2}: márquelo como pagado y despáchelo.",
        zh: "{0}，{1}，但店铺仍显示为“{2}”：请将其标记为已付款并发货。",
    }
    UNDERPAID = "case.underpaid" {
        en: "{0}: {1} short, beyond the tolerance of {2}.",
        es: "{0}: faltan {1}, más allá de la tolerancia de {2}.",
        zh: "{0}：少付 {1}，超出容差 {2}。",
    }
    OVERPAID = "case.overpaid" {
        en: "{0}: {1} more than the total, beyond the tolerance of {2}.",
        es: "{0}: {1} más que el total, más allá de la tolerancia de {2}.",
        zh: "{0}：比订单金额多付 {1}，超出容差 {2}。",
    }
    PAID_AFTER_EXPIRY = "case.paid_after_expiry" {
        en: "{0}, after its voucher expired at {1}: accept the late payment or refund it.",
        es: "{0}, después de que venciera su cupón de pago ({1}): acepte el pago tardío o reembólselo.",
        zh: "{0}，付款时付款码已过期（过期时间 {1}）：请接受过期付款或予以退款。",
    }
    CURRENCY_MISMATCH = "case.currency_mismatch" {
        en: "{0}: the payment is in {1} and the order in {2}, so the amounts cannot be compared.",
        es: "{0}: el pago está en {1} y el pedido en {2}, así que los montos no se pueden comparar.",
        zh: "{0}：付款币种为 {1}，订单币种为 {2}，因此无法比较金额。",
    }
    DUPLICATE_PAYMENT = "case.duplicate_payment" {
        en: "{0} of {1} was paid {2} times ({3}), {4} in total: refund or apply the extra payment.",
        es: "el {0} de {1} se pagó {2} veces ({3}), {4} en total: reembolse o aplique el pago de más.",
        zh: "{0}（订单金额 {1}）共支付了 {2} 次，合计 {4}：{3}。请退还或冲抵多付的款项。",
    }
    CHARGED_BACK_BY_STATUS = "case.charged_back.status" {
        en: "{0} of {1} {2}, and the PSP reports that payment as charged back (no chargeback line yet).",
        es: "el {0} de {1} {2}, y el PSP reporta ese pago como contracargado (aún sin línea de contracargo).",
        zh: "{0}（订单金额 {1}）：{2}；支付服务商报告该笔付款已被拒付（尚无拒付明细）。",
    }
    CHARGED_BACK = "case.charged_back" {
        en: "{0} of {1} {2}, and chargeback {3} took back {4} after a payer's dispute.",
        es: "el {0} de {1} {2}, y el contracargo {3} retiró {4} tras un reclamo del pagador.",
        zh: "{0}（订单金额 {1}）：{2}；因付款人争议，拒付单 {3} 扣回 {4}。",
    }
    REFUNDED_BY_STATUS = "case.refunded.status" {
        en: "{0} of {1} {2}, and the PSP reports that payment as refunded (no refund line yet).",
        es: "el {0} de {1} {2}, y el PSP reporta ese pago como reembolsado (aún sin línea de reembolso).",
        zh: "{0}（订单金额 {1}）：{2}；支付服务商报告该笔付款已退款（尚无退款明细）。",
    }
    REFUNDED = "case.refunded" {
        en: "{0} of {1} {2}, and {3} was refunded, the whole amount.",
        es: "el {0} de {1} {2}, y se reembolsó {3}, el monto completo.",
        zh: "{0}（订单金额 {1}）：{2}；已全额退款 {3}。",
    }
    PARTIALLY_REFUNDED = "case.partially_refunded" {
        en: "{0} of {1} {2}, and {3} of it was refunded.",
        es: "el {0} de {1} {2}, y se reembolsó {3} de ese pago.",
        zh: "{0}（订单金额 {1}）：{2}；其中 {3} 已退款。",
    }
    PARTIALLY_REFUNDED_LEAVING = "case.partially_refunded.leaving" {
        en: "{0} of {1} {2}, and {3} of it was refunded, leaving {4}.",
        es: "el {0} de {1} {2}, y se reembolsó {3} de ese pago; quedan {4}.",
        zh: "{0}（订单金额 {1}）：{2}；其中 {3} 已退款，剩余 {4}。",
    }
    SUGGESTED_BARE = "case.suggested.bare" {
        en: "{0} has a likely payment.",
        es: "el {0} tiene un pago probable.",
        zh: "{0}有一笔可能对应的付款。",
    }
    SUGGESTED = "case.suggested" {
        en: "No settlement line quotes {0} of {1}, but payment {2} of {3} {4} quotes '{5}', one edit away from '{6}', with the same amount inside the voucher window: confirm or reject the link.",
        es: "Ninguna línea de liquidación cita el {0} de {1}, pero el pago {2} por {3} {4} cita «{5}», a una edición de «{6}», con el mismo monto y dentro de la vigencia del cupón: confirme o rechace el vínculo.",
        zh: "没有结算明细引用{0}（订单金额 {1}）；{4}，付款 {2}（{3}）引用了“{5}”，与“{6}”仅差一个字符（疑似录入错误），金额相同且在付款码有效期内：请确认匹配或拒绝此关联。",
    }
    AWAITING_SETTLEMENT = "case.awaiting_settlement" {
        en: "The shop shows {0} of {1} paid {2}, but no settlement line has arrived yet; that is expected until {3} ({4} days' grace).",
        es: "La tienda muestra el {0} de {1} como pagado {2}, pero aún no ha llegado ninguna línea de liquidación; es normal hasta el {3} ({4} días de gracia).",
        zh: "{2}，店铺显示{0}（订单金额 {1}）已付款，但尚未收到结算明细；在 {3} 之前属正常情况（宽限期 {4} 天）。",
    }
    MISSING_SETTLEMENT = "case.missing_settlement" {
        en: "The shop shows {0} of {1} paid {2}, but no settlement line arrived within the {3}-day grace that ended at {4}: ask the PSP for the payment.",
        es: "La tienda muestra el {0} de {1} como pagado {2}, pero no llegó ninguna línea de liquidación en los {3} días de gracia, que terminaron el {4}: pida el pago al PSP.",
        zh: "{2}，店铺显示{0}（订单金额 {1}）已付款，但在 {3} 天宽限期内（截至 {4}）未收到结算明细，已超期未结算：请向支付服务商追讨这笔款项。",
    }
    SETTLEMENT_UNKNOWN_TIME = "case.settlement.unknown_time" {
        en: "The shop shows {0} of {1} paid, at an unknown time, and no settlement line has arrived: ask the PSP for the payment.",
        es: "La tienda muestra el {0} de {1} como pagado, en una fecha desconocida, y no ha llegado ninguna línea de liquidación: pida el pago al PSP.",
        zh: "店铺显示{0}（订单金额 {1}）已付款，但付款时间未知，且未收到结算明细：请向支付服务商追讨这笔款项。",
    }
    AWAITING_PAYMENT = "case.awaiting_payment" {
        en: "{0} of {1} has no payment yet; its voucher is valid until {2}.",
        es: "el {0} de {1} aún no tiene pago; su cupón de pago vence el {2}.",
        zh: "{0}（订单金额 {1}）尚未付款；其付款码有效期至 {2}。",
    }
    AWAITING_PAYMENT_NO_EXPIRY = "case.awaiting_payment.no_expiry" {
        en: "{0} of {1} has no payment yet, and its voucher expiry is unknown (no creation time and no expiry in the files).",
        es: "el {0} de {1} aún no tiene pago, y no se sabe cuándo vence su cupón de pago (los archivos no traen fecha de creación ni de vencimiento).",
        zh: "{0}（订单金额 {1}）尚未付款，且付款码过期时间未知（文件中没有创建时间，也没有过期时间）。",
    }
    EXPIRED_UNPAID = "case.expired_unpaid" {
        en: "{0} of {1} was never paid and its voucher expired at {2}; the shop shows it {3}: close the order.",
        es: "el {0} de {1} nunca se pagó y su cupón de pago venció el {2}; la tienda lo muestra {3}: cierre el pedido.",
        zh: "{0}（订单金额 {1}）从未付款，其付款码已过期（过期时间 {2}）；店铺显示为“{3}”：请关闭该订单。",
    }
    SETTLEMENT_LINES_ONLY = "case.settlement_lines_only" {
        en: "{0} has settlement lines only.",
        es: "el {0} solo tiene líneas de liquidación.",
        zh: "{0}只有结算明细。",
    }
    STRAY_LINES = "case.stray_lines" {
        en: "{0} Settlement line {1} quotes keys that name this order and other orders too, so it was left in its own case.",
        es: "{0} La línea de liquidación {1} cita claves que nombran este pedido y también otros, así que quedó en un caso propio.",
        zh: "{0}结算明细 {1} 引用的参考号同时指向本订单和其他订单，因此单独列为一个对账项。",
    }

    // Line cases: a settlement line with no order.
    LINE_AMBIGUOUS = "case.line.ambiguous" {
        en: "{0} {1} of {2} {3} quotes keys that name several orders ({4}), so it was not assigned to any: choose the order by hand.",
        es: "{0} {1} por {2} {3} cita claves que nombran varios pedidos ({4}), así que no se asignó a ninguno: elija el pedido a mano.",
        zh: "{3}，{0} {1}（{2}）引用的参考号指向多个订单（{4}），因此未分配给任何订单：请手动选择订单。",
    }
    LINE_CHARGE_BATCH = "case.line.charge_batch" {
        en: "{0} {1} of {2} belongs to batch {3}, not to an order.",
        es: "{0} {1} por {2} pertenece al lote {3}, no a un pedido.",
        zh: "{0} {1}（{2}）属于批次 {3}，而不属于某个订单。",
    }
    LINE_CHARGE_SETTLEMENT = "case.line.charge_settlement" {
        en: "{0} {1} of {2} belongs to its settlement, not to an order.",
        es: "{0} {1} por {2} pertenece a su liquidación, no a un pedido.",
        zh: "{0} {1}（{2}）属于其结算，而不属于某个订单。",
    }
    LINE_TIED = "case.line.tied" {
        en: "{0} {1} of {2} {3} quotes no known order; it is one edit away from {4}, but not as a unique best match, so nothing was suggested: link it by hand.",
        es: "{0} {1} por {2} {3} no cita ningún pedido conocido; está a una edición del {4}, pero no como única mejor coincidencia, así que no se sugirió nada: vincúlelo a mano.",
        zh: "{3}，{0} {1}（{2}）未引用任何已知订单；它与{4}仅差一个字符（疑似录入错误），但并非唯一最佳匹配，因此未生成待确认匹配：请手动关联。",
    }
    LINE_UNPAID = "case.line.unpaid" {
        en: "Payment line {0} of {1} with status {2} quotes no known order ({3}); no money moved.",
        es: "La línea de pago {0} por {1} con estado {2} no cita ningún pedido conocido ({3}); no hubo movimiento de dinero.",
        zh: "状态为“{2}”的付款明细 {0}（{1}）未引用任何已知订单（{3}）；没有资金变动。",
    }
    LINE_REVERSAL = "case.line.reversal" {
        en: "{0} {1} of {2} {3} quotes no known order ({4}): find the payment it reverses.",
        es: "{0} {1} por {2} {3} no cita ningún pedido conocido ({4}): busque el pago que revierte.",
        zh: "{3}，{0} {1}（{2}）未引用任何已知订单（{4}）：请找出它所冲回的付款。",
    }
    LINE_NO_ORDER = "case.line.no_order" {
        en: "{0} {1} of {2} {3} quotes no known order ({4}) and no order is a likely match: import the missing orders or link it by hand.",
        es: "{0} {1} por {2} {3} no cita ningún pedido conocido ({4}) y ningún pedido es una coincidencia probable: importe los pedidos que faltan o vincúlelo a mano.",
        zh: "{3}，{0} {1}（{2}）未引用任何已知订单（{4}），也没有可能匹配的订单：请导入缺失的订单或手动关联。",
    }

    DISPUTED = "case.disputed" {
        en: "{0} of {1} {2}, and the PSP holds {3} of it for a buyer's claim ({4}) that is still open: follow the claim; the money is lost only if it ends in a refund or a chargeback.",
        es: "el {0} de {1} {2}, y el PSP retiene {3} por un reclamo del comprador ({4}) que sigue abierto: haga seguimiento al reclamo; el dinero solo se pierde si termina en un reembolso o un contracargo.",
        zh: "{0}（订单金额 {1}）：{2}；因买家投诉（{4}）尚未了结，支付服务商冻结了其中 {3}：请跟进投诉；只有投诉以退款或拒付结束时，这笔钱才会被扣回。",
    }
    PSP_STATUS_UNKNOWN = "case.psp_status_unknown" {
        en: "{0} of {1}: the PSP reports {2}, a status Cuadra does not know, so no money is counted for it: ask the PSP what it means, then resolve the case.",
        es: "el {0} de {1}: el PSP reporta {2}, un estado que Cuadra no conoce, así que no se cuenta ningún dinero por ello: pregunte al PSP qué significa y luego resuelva el caso.",
        zh: "{0}（订单金额 {1}）：支付服务商报告了{2}，Cuadra 不认识该状态，因此不计入任何款项：请向支付服务商确认其含义，然后处理该对账项。",
    }
    STATUS_UNKNOWN_EACH = "case.status_unknown.each" {
        en: "{0} {1} with the status {2}",
        es: "{0} {1} con el estado {2}",
        zh: "状态为“{2}”的{0} {1}",
    }
    LINE_STATUS_UNKNOWN = "case.line.status_unknown" {
        en: "{0} {1} of {2} carries the status {3}, which Cuadra does not know, and quotes no known order ({4}); no money is counted for it: ask the PSP what the status means.",
        es: "{0} {1} por {2} tiene el estado {3}, que Cuadra no conoce, y no cita ningún pedido conocido ({4}); no se cuenta ningún dinero por ella: pregunte al PSP qué significa ese estado.",
        zh: "{0} {1}（{2}）的状态为“{3}”，Cuadra 不认识该状态，且未引用任何已知订单（{4}）；不计入任何款项：请向支付服务商确认该状态的含义。",
    }
    LINE_REFERENCE_UNREADABLE = "case.line.reference_unreadable" {
        en: "{0} {1} of {2} {3} quotes {4}, a reference a spreadsheet turned into a number in scientific notation, so its digits are lost and it cannot be matched: ask the PSP for the original file, or link it by hand.",
        es: "{0} {1} por {2} {3} cita {4}, una referencia que una hoja de cálculo convirtió en un número en notación científica, así que sus dígitos se perdieron y no se puede vincular: pida al PSP el archivo original o vincúlela a mano.",
        zh: "{3}，{0} {1}（{2}）引用的 {4} 是被电子表格转成科学计数法的数字，原有数字已丢失，无法匹配：请向支付服务商索取原始文件，或手动关联。",
    }
    LINE_HOLD = "case.line.hold" {
        en: "Hold {0} of {1} {2}: the PSP held or released this money for a buyer's claim, and it quotes no known order ({3}): find the payment it belongs to.",
        es: "La retención {0} por {1} {2}: el PSP retuvo o liberó este dinero por un reclamo del comprador, y no cita ningún pedido conocido ({3}): busque el pago al que pertenece.",
        zh: "{2}，冻结款明细 {0}（{1}）：支付服务商因买家投诉冻结或解冻了这笔钱，但它未引用任何已知订单（{3}）：请找出它所属的付款。",
    }

    // Batch totals (cases::run).
    BATCH_ROUNDING = "case.batch.rounding" {
        en: "{0} ({1}) states a net total of {2}; its {3} lines add up to {4}. The difference of {5} is rounding, booked here so the lines tie out to the file.",
        es: "{0} ({1}) declara un total neto de {2}; sus {3} líneas suman {4}. La diferencia de {5} es redondeo y se registra aquí para que las líneas cuadren con el archivo.",
        zh: "{0}（{1}）声明的净额合计为 {2}；其 {3} 条明细合计 {4}。差额 {5} 为尾差，记录于此，使明细与文件相符。",
    }
    BATCH_DIFFERS = "case.batch.differs" {
        en: "{0} ({1}) does not add up to its own summary: {2}. Check whether the file was cut short or lines are missing, and ask the PSP before booking it.",
        es: "{0} ({1}) no cuadra con su propio resumen: {2}. Revise si el archivo quedó incompleto o faltan líneas, y consulte al PSP antes de contabilizarlo.",
        zh: "{0}（{1}）与其自身的汇总不符：{2}。请检查文件是否被截断或缺少明细，并在入账前向支付服务商确认。",
    }
    BATCH_OFF_ITEMS = "case.batch.off_items" {
        en: "it states {0} items but holds {1} lines",
        es: "declara {0} registros pero contiene {1} líneas",
        zh: "汇总为 {0} 笔，但文件中有 {1} 条明细",
    }
    BATCH_OFF_RELISTED = "case.batch.off_relisted" {
        en: "it lists again {0} row(s) already settled in another batch ({1}), so the PSP may have paid them twice",
        es: "lista de nuevo {0} fila(s) ya liquidadas en otro lote ({1}), así que el PSP pudo haberlas pagado dos veces",
        zh: "其中 {0} 条明细已在另一批次结算过（{1}），支付服务商可能重复支付了这些款项",
    }
    BATCH_OFF_AMOUNT = "case.batch.off_amount" {
        en: "its {0} is stated as {1} but its lines add up to {2} ({3} apart)",
        es: "su {0} declarado es {1}, pero sus líneas suman {2} (diferencia de {3})",
        zh: "其{0}汇总为 {1}，但明细合计为 {2}（相差 {3}）",
    }
    BATCH_GROSS = "case.batch.gross" { en: "gross", es: "bruto", zh: "结算总额" }
    BATCH_FEES = "case.batch.fees" { en: "fee total", es: "total de comisiones", zh: "手续费合计" }
    BATCH_NET = "case.batch.net" { en: "net total", es: "total neto", zh: "净额合计" }

    // Payouts and bank credits (cases::payouts). {0} PSP, {1} transfer id, {2} net, {3} transfer
    // date, {4} amount credited, {5} booking date, {6} account, {7} bank reference, {8} how it
    // was found.
    PAYOUT_MATCHED = "case.payout.matched" {
        en: "The {0} payout {1} of {2}, transferred on {3}, arrived: {4} credited on {5} to account {6} (bank reference {7}), {8}.",
        es: "El pago de {0} {1} por {2}, transferido el {3}, llegó: {4} abonados el {5} en la cuenta {6} (referencia del banco {7}), {8}.",
        zh: "{3} 转出的 {0} 结算款 {1}（{2}）已到账：{5} 账户 {6} 收到 {4}（银行参考号 {7}），{8}。",
    }
    /// {9} the amount short.
    PAYOUT_SHORT = "case.payout.short" {
        en: "The {0} payout {1} of {2}, transferred on {3}, arrived short: {4} credited on {5} to account {6} (bank reference {7}), {8}; {9} less than the PSP's net, most likely a bank charge withheld before crediting: confirm it with the bank, then resolve the case.",
        es: "El pago de {0} {1} por {2}, transferido el {3}, llegó incompleto: {4} abonados el {5} en la cuenta {6} (referencia del banco {7}), {8}; {9} menos que el neto del PSP, muy probablemente un cargo bancario descontado antes del abono: confírmelo con el banco y resuelva el caso.",
        zh: "{3} 转出的 {0} 结算款 {1}（{2}）到账金额不足：{5} 账户 {6} 收到 {4}（银行参考号 {7}），{8}；比支付服务商的净额少 {9}，很可能是入账前扣除的银行手续费：请向银行确认后处理此对账项。",
    }
    /// {9} the amount over.
    PAYOUT_OVER = "case.payout.over" {
        en: "The {0} payout {1} of {2}, transferred on {3}, arrived over: {4} credited on {5} to account {6} (bank reference {7}), {8}; {9} more than the PSP's net: ask the PSP and the bank whether other money was paid in the same credit.",
        es: "El pago de {0} {1} por {2}, transferido el {3}, llegó con exceso: {4} abonados el {5} en la cuenta {6} (referencia del banco {7}), {8}; {9} más que el neto del PSP: pregunte al PSP y al banco si otro dinero llegó en el mismo abono.",
        zh: "{3} 转出的 {0} 结算款 {1}（{2}）到账金额超出：{5} 账户 {6} 收到 {4}（银行参考号 {7}），{8}；比支付服务商的净额多 {9}：请向支付服务商和银行确认同一笔入账是否包含其他款项。",
    }
    /// {9} the effective rate, {10} the payout's currency, {11} the credited currency.
    PAYOUT_FX = "case.payout.fx" {
        en: "The {0} payout {1} of {2}, transferred on {3}, arrived converted: {4} credited on {5} to account {6} (bank reference {7}), {8}; the bank's effective rate is {9} {11} per {10} (credited / net).",
        es: "El pago de {0} {1} por {2}, transferido el {3}, llegó convertido: {4} abonados el {5} en la cuenta {6} (referencia del banco {7}), {8}; la tasa efectiva del banco es {9} {11} por {10} (abonado / neto).",
        zh: "{3} 转出的 {0} 结算款 {1}（{2}）已换汇到账：{5} 账户 {6} 收到 {4}（银行参考号 {7}），{8}；银行实际汇率为 1 {10} = {9} {11}（到账金额 / 净额）。",
    }
    PAYOUT_HOW_REFERENCE = "case.payout.how_reference" {
        en: "whose bank text names the transfer",
        es: "cuyo texto bancario nombra la transferencia",
        zh: "银行附言注明了该转账编号",
    }
    /// {0} the window in days.
    PAYOUT_HOW_AMOUNT = "case.payout.how_amount" {
        en: "taken by its amount within {0} day(s) of the transfer (the bank names no transfer)",
        es: "tomado por su monto dentro de {0} día(s) de la transferencia (el banco no nombra ninguna transferencia)",
        zh: "银行未注明转账编号，按金额在转账后 {0} 天内匹配",
    }
    /// {0} the main sentence, {1} the debits (a list of `PAYOUT_DEBIT_*`).
    PAYOUT_WITH_DEBITS = "case.payout.with_debits" {
        en: "{0} The same day the account was also debited {1}.",
        es: "{0} El mismo día la cuenta tuvo además débitos de {1}.",
        zh: "{0}同日该账户另有扣款：{1}。",
    }
    PAYOUT_DEBIT_GMF = "case.payout.debit_gmf" {
        en: "{0} of GMF (4x1000)",
        es: "{0} de GMF (4x1000)",
        zh: "GMF 千分之四税 {0}",
    }
    PAYOUT_DEBIT_CHARGE = "case.payout.debit_charge" {
        en: "{0} of bank charges",
        es: "{0} de cargos bancarios",
        zh: "银行手续费 {0}",
    }
    /// {0}-{3} as above, {4} the window in days, {5} the window's last day, {6} the last day the
    /// imported statements cover.
    PAYOUT_MISSING = "case.payout.missing" {
        en: "The {0} payout {1} of {2}, transferred on {3}, has no bank credit within {4} day(s) (by {5}); the imported statements run to {6}: import the later statements, or ask the PSP for proof of the transfer and the bank whether it arrived.",
        es: "El pago de {0} {1} por {2}, transferido el {3}, no tiene abono bancario dentro de {4} día(s) (hasta el {5}); los extractos importados llegan al {6}: importe los extractos siguientes, o pida al PSP el soporte de la transferencia y al banco si llegó.",
        zh: "{3} 转出的 {0} 结算款 {1}（{2}）在 {4} 天内（截至 {5}）仍未到账；已导入的银行对账单截至 {6}：请导入之后的对账单，或向支付服务商索取转账证明并向银行确认是否到账。",
    }
    /// {4} how many credits, {5} the credits (bank references).
    PAYOUT_TWO_CREDITS = "case.payout.two_credits" {
        en: "The {0} payout {1} of {2}, transferred on {3}, fits {4} bank credits ({5}): Cuadra does not choose between them; check which one pays this transfer and resolve the case with a note.",
        es: "El pago de {0} {1} por {2}, transferido el {3}, encaja con {4} abonos bancarios ({5}): Cuadra no elige entre ellos; revise cuál paga esta transferencia y resuelva el caso con una nota.",
        zh: "{3} 转出的 {0} 结算款 {1}（{2}）与 {4} 笔银行入账（{5}）都相符：Cuadra 不会从中任选一笔；请核实哪一笔是该转账的到账，并在备注中说明后处理此对账项。",
    }
    /// {4} the other payouts (transfer ids), {5} the credit (bank reference).
    PAYOUT_SHARED_CREDIT = "case.payout.shared_credit" {
        en: "The {0} payout {1} of {2}, transferred on {3}, and payout(s) {4} fit the same bank credit {5}: Cuadra does not choose between them; check which transfer it pays and resolve the case with a note.",
        es: "El pago de {0} {1} por {2}, transferido el {3}, y el/los pago(s) {4} encajan con el mismo abono bancario {5}: Cuadra no elige entre ellos; revise qué transferencia paga y resuelva el caso con una nota.",
        zh: "{3} 转出的 {0} 结算款 {1}（{2}）与结算款 {4} 都与同一笔银行入账 {5} 相符：Cuadra 不会从中任选；请核实该入账对应哪一笔转账，并在备注中说明后处理此对账项。",
    }
    /// {0} bank reference, {1} amount, {2} booking date, {3} account, {4} the PSP it names, {5}
    /// the bank's text.
    BANK_CREDIT_UNEXPLAINED = "case.bank.credit_unexplained" {
        en: "Bank credit {0} of {1} on {2} to account {3} comes from {4} ({5}), but no payout in the imported settlement files explains it: import the PSP's settlement file for it, or find out what the PSP paid.",
        es: "El abono bancario {0} por {1} del {2} en la cuenta {3} viene de {4} ({5}), pero ningún pago de los archivos de liquidación importados lo explica: importe el archivo de liquidación del PSP correspondiente, o averigüe qué pagó el PSP.",
        zh: "{2} 账户 {3} 收到来自 {4} 的银行入账 {0}（{1}，附言：{5}），但已导入的结算文件中没有任何结算款能解释这笔到账：请导入对应的支付服务商结算文件，或查明支付服务商支付的内容。",
    }

    // Decisions by people (cases::run), before the engine's sentence.
    MATCHED_BY_HAND = "case.by_hand.matched" {
        en: "Matched by hand by {0}. {1}",
        es: "Vinculado a mano por {0}. {1}",
        zh: "由 {0} 手动匹配。{1}",
    }
    UNMATCHED_BY_HAND = "case.by_hand.unmatched" {
        en: "Taken out of its order by hand by {0}. {1}",
        es: "Separado de su pedido a mano por {0}. {1}",
        zh: "由 {0} 手动从其订单中移出。{1}",
    }
    RESOLVED_BY = "case.resolved_by" {
        en: "Resolved ({0}) by {1} on {2}. {3}",
        es: "Resuelto ({0}) por {1} el {2}. {3}",
        zh: "{2}，{1} 已处理此对账项，原因：{0}。{3}",
    }
    RESOLVED_BY_NO_REASON = "case.resolved_by.no_reason" {
        en: "Resolved by {0} on {1}. {2}",
        es: "Resuelto por {0} el {1}. {2}",
        zh: "{1}，{0} 已处理此对账项。{2}",
    }
    REOPENED_BY = "case.reopened_by" {
        en: "Reopened by {0} on {1}. {2}",
        es: "Reabierto por {0} el {1}. {2}",
        zh: "{1}，{0} 重新打开了此对账项。{2}",
    }
    REOPENED_BY_BECAUSE = "case.reopened_by.because" {
        en: "Reopened by {0} on {1}: {2}. {3}",
        es: "Reabierto por {0} el {1}: {2}. {3}",
        zh: "{1}，{0} 重新打开了此对账项：{2}。{3}",
    }
    REOPEN_WHY = "case.reopen_why" {
        en: "its order or settlement lines changed after it was resolved",
        es: "su pedido o sus líneas de liquidación cambiaron después de resolverse",
        zh: "其订单或结算明细在处理后发生了变化",
    }

    REOPEN_JUDGED_AGAIN = "case.reopen_judged_again" {
        en: "Cuadra judges it differently since it was resolved (new data, settings or rules)",
        es: "Cuadra lo juzga de otra forma desde que se resolvió (datos, ajustes o reglas nuevos)",
        zh: "自处理以来，Cuadra 对其判定已改变（新数据、设置或规则）",
    }

    // Why a resolved case went away (the reason of its `case_reopened_by_data` event).
    GONE_BATCH_ADDS_UP = "case.gone.batch_adds_up" {
        en: "its batch now adds up to the total its file states",
        es: "su lote ahora suma el total que declara su archivo",
        zh: "其批次现在与文件声明的合计相符",
    }
    GONE_CREDIT_EXPLAINED = "case.gone.credit_explained" {
        en: "a payout now explains this bank credit",
        es: "ahora un pago del PSP explica este abono bancario",
        zh: "现已有结算款能解释这笔银行入账",
    }
    GONE_PAYOUT_NOT_JUDGED = "case.gone.payout_not_judged" {
        en: "the payout is no longer judged (inside its window at this as-of, or no statement covers it)",
        es: "el pago ya no se juzga (está dentro de su plazo a esta fecha de corte, o ningún extracto lo cubre)",
        zh: "该结算款已不再判定（在此数据截至时间仍处于到账期限内，或没有银行对账单覆盖）",
    }
    GONE_NOWHERE = "case.gone.nowhere" {
        en: "its order and settlement lines are no longer in the workspace",
        es: "su pedido y sus líneas de liquidación ya no están en el espacio de trabajo",
        zh: "其订单和结算明细已不在工作区中",
    }
    GONE_TO_CASE = "case.gone.to_case" {
        en: "its order and settlement lines now belong to case {0}",
        es: "su pedido y sus líneas de liquidación ahora pertenecen al caso {0}",
        zh: "其订单和结算明细现在属于对账项 {0}",
    }
    GONE_TO_CASES = "case.gone.to_cases" {
        en: "its order and settlement lines now belong to cases {0}",
        es: "su pedido y sus líneas de liquidación ahora pertenecen a los casos {0}",
        zh: "其订单和结算明细现在属于对账项 {0}",
    }

    // Reasons for resolving (review::REASONS).
    REASON_REFUNDED_TO_BUYER = "case.reason.refunded_to_buyer" { en: "refunded to the buyer", es: "reembolsado al comprador", zh: "已退款给买家" }
    REASON_WRITTEN_OFF = "case.reason.written_off" { en: "written off", es: "castigado como pérdida", zh: "差额已核销（计入损益）" }
    REASON_SHOP_CORRECTED = "case.reason.shop_corrected" { en: "corrected in the shop", es: "corregido en la tienda", zh: "已在店铺更正" }
    REASON_REFUND_PENDING_AT_PSP = "case.reason.refund_pending_at_psp" { en: "refund pending at the PSP", es: "reembolso pendiente en el PSP", zh: "支付服务商退款处理中" }
    REASON_NOT_OUR_ORDER = "case.reason.not_our_order" { en: "not our order", es: "no es pedido nuestro", zh: "非本店订单" }
    REASON_ACCEPTED_LATE_PAYMENT = "case.reason.accepted_late_payment" { en: "late payment accepted", es: "pago tardío aceptado", zh: "接受过期付款" }
    REASON_OTHER = "case.reason.other" { en: "other", es: "otro", zh: "其他" }
}

/// A reason recorded with a decision or an audit event, to show it: a resolution's reason code in
/// words, a message Cuadra recorded (its JSON) rendered, anything a person wrote as written.
pub fn recorded_reason(reason: &str) -> crate::words::Msg {
    use crate::msg;
    match reason {
        "refunded_to_buyer" => msg!(REASON_REFUNDED_TO_BUYER),
        "written_off" => msg!(REASON_WRITTEN_OFF),
        "shop_corrected" => msg!(REASON_SHOP_CORRECTED),
        "refund_pending_at_psp" => msg!(REASON_REFUND_PENDING_AT_PSP),
        "not_our_order" => msg!(REASON_NOT_OUR_ORDER),
        "accepted_late_payment" => msg!(REASON_ACCEPTED_LATE_PAYMENT),
        "other" => msg!(REASON_OTHER),
        // How reopenings by new data were recorded before reasons were messages.
        "its order or settlement lines changed after it was resolved" => msg!(REOPEN_WHY),
        text => crate::words::Msg::from_stored(text),
    }
}
