//! The one translation table of the reports: column headers, sheet names, status names, section
//! titles, in Spanish (the default), English and Simplified Chinese. Machine codes (statuses,
//! column keys) never change with the language; only what a person reads does.

pub use crate::words::Lang;

/// `(key, es, en, zh)`. Keys are the machine names used in code (column keys, status codes,
/// `sheet.*`, `summary.*`).
const LABELS: &[(&str, &str, &str, &str)] = &[
    // Sheets.
    ("sheet.summary", "Resumen", "Summary", "汇总"),
    ("sheet.exceptions", "Excepciones", "Exceptions", "异常"),
    ("sheet.matched", "Conciliados", "Matched", "已匹配"),
    ("sheet.charges", "Cargos de liquidación", "Settlement charges", "结算费用"),
    ("sheet.payouts", "Pagos al banco", "Payouts", "结算款到账"),
    ("sheet.audit", "Auditoría", "Audit trail", "审计追踪"),
    ("sheet.files", "Archivos", "Files", "文件"),
    ("sheet.reconciliation", "Conciliación", "Reconciliation", "对账"),
    ("sheet.cases", "Casos", "Cases", "对账项"),
    // Case columns (the reconciliation contract's keys, then the reports' own).
    ("case_id", "Caso", "Case", "对账项"),
    ("status", "Estado (código)", "Status (code)", "状态（代码）"),
    ("status_name", "Estado", "Status", "状态"),
    ("state", "Situación", "State", "处理状态"),
    ("order_ref", "Referencia del pedido", "Order reference", "订单参考号"),
    ("order_id", "ID del pedido en la tienda", "Shop order ID", "店铺订单号"),
    ("settlement_refs", "Referencias de liquidación", "Settlement references", "结算参考号"),
    ("order_total", "Total del pedido", "Order total", "订单金额"),
    ("paid_amount", "Monto pagado", "Amount paid", "实付金额"),
    ("difference", "Diferencia", "Difference", "差额"),
    ("currency", "Moneda", "Currency", "币种"),
    ("fee_total", "Comisiones", "Fees", "手续费"),
    ("tax_total", "Impuestos", "Taxes", "税费"),
    ("net_settled", "Neto liquidado", "Net settled", "结算净额"),
    ("settlement_currency", "Moneda de liquidación", "Settlement currency", "结算币种"),
    ("psp", "Pasarela (PSP)", "PSP", "支付服务商"),
    ("payment_method", "Medio de pago", "Payment method", "支付方式"),
    ("order_created_at", "Pedido creado", "Order created", "订单创建时间"),
    ("paid_at", "Pagado", "Paid", "付款时间"),
    ("voucher_expires_at", "Vence el cupón", "Voucher expires", "付款码过期时间"),
    ("settled_at", "Liquidado", "Settled", "结算时间"),
    ("shop_status", "Estado en la tienda", "Shop status", "店铺状态"),
    ("customer", "Cliente", "Customer", "客户"),
    ("decided_by", "Decidido por", "Decided by", "判定方"),
    ("rule", "Regla", "Rule", "判定规则"),
    ("explanation", "Explicación", "Explanation", "说明"),
    ("period", "Periodo", "Period", "期间"),
    ("filter.from", "Desde", "From", "起始"),
    ("filter.to", "Hasta", "To", "截止"),
    ("filter.amount_min", "Monto mínimo", "Minimum amount", "最小金额"),
    ("filter.amount_max", "Monto máximo", "Maximum amount", "最大金额"),
    ("filter.text", "Texto", "Text", "文本"),
    // The review columns: a case's state as the window names it, a resolution's reason, notes.
    ("reason", "Motivo", "Reason", "处理原因"),
    ("note", "Nota", "Note", "备注"),
    ("reason.refunded_to_buyer", "Reembolsado al comprador", "Refunded to the buyer", "已退款给买家"),
    ("reason.written_off", "Castigado como pérdida", "Written off", "差额已核销（计入损益）"),
    ("reason.shop_corrected", "Corregido en la tienda", "Corrected in the shop", "已在店铺更正"),
    ("reason.refund_pending_at_psp", "Reembolso pendiente en el PSP", "Refund pending at the PSP", "支付服务商退款处理中"),
    ("reason.not_our_order", "No es pedido nuestro", "Not our order", "非本店订单"),
    ("reason.accepted_late_payment", "Pago tardío aceptado", "Late payment accepted", "接受过期付款"),
    ("reason.other", "Otro (explique en la nota)", "Other (explain in the note)", "其他（请在备注中说明）"),
    // Statuses (the machine code stays in its own column).
    ("matched", "Conciliado", "Matched", "已匹配"),
    ("paid_shop_pending", "Pagado, pendiente en tienda", "Paid, pending in shop", "已付款，店铺未更新"),
    ("underpaid", "Pago incompleto", "Underpaid", "少付"),
    ("overpaid", "Pago en exceso", "Overpaid", "多付"),
    ("duplicate_payment", "Pago duplicado", "Duplicate payment", "重复付款"),
    ("paid_after_expiry", "Pagado tras vencer", "Paid after expiry", "付款码过期后付款"),
    ("currency_mismatch", "Moneda distinta", "Currency mismatch", "币种不符"),
    ("refunded", "Reembolsado", "Refunded", "已退款"),
    ("partially_refunded", "Reembolso parcial", "Partially refunded", "部分退款"),
    ("charged_back", "Contracargo", "Charged back", "已拒付"),
    ("disputed", "En reclamo", "Disputed", "买家投诉中"),
    ("psp_status_unknown", "Estado del PSP desconocido", "Unknown PSP status", "支付服务商状态未知"),
    ("awaiting_payment", "Esperando pago", "Awaiting payment", "待付款"),
    ("expired_unpaid", "Vencido sin pago", "Expired unpaid", "过期未付"),
    ("awaiting_settlement", "Esperando liquidación", "Awaiting settlement", "待结算"),
    ("missing_settlement", "Liquidación faltante", "Missing settlement", "超期未结算"),
    ("suggested", "Coincidencia sugerida", "Suggested match", "待确认匹配"),
    ("unmatched_settlement", "Pago sin pedido", "Payment without order", "无对应订单的结算款"),
    ("batch_mismatch", "Lote que no cuadra", "Batch does not add up", "批次与文件合计不符"),
    ("settlement_charge", "Cargo de liquidación", "Settlement charge", "结算费用"),
    ("payout_matched", "Pago recibido en el banco", "Payout arrived", "结算款已到账"),
    ("payout_short", "Pago recibido incompleto", "Payout arrived short", "结算款到账不足"),
    ("payout_over", "Pago recibido con exceso", "Payout arrived over", "结算款到账超额"),
    ("payout_missing", "Pago no recibido en el banco", "Payout not arrived", "结算款未到账"),
    ("payout_ambiguous", "Pago con dos abonos posibles", "Payout with two possible credits", "结算款到账待确认"),
    ("bank_credit_unexplained", "Abono bancario sin explicar", "Unexplained bank credit", "无法解释的银行入账"),
    // Review states and case states (as the window names them).
    ("review.to_review", "Por revisar", "To review", "待处理"),
    ("review.waiting", "En espera", "Waiting", "待到账"),
    ("review.reconciled", "Conciliado", "Reconciled", "已对账"),
    ("state.open", "Abierto", "Open", "未处理"),
    ("state.resolved", "Resuelto", "Resolved", "已处理"),
    // Files.
    ("file.id", "ID", "ID", "编号"),
    ("file.name", "Archivo", "File", "文件"),
    ("file.sha256", "SHA-256", "SHA-256", "SHA-256"),
    ("file.kind", "Tipo", "Kind", "类型"),
    ("file.format", "Formato", "Format", "格式"),
    ("file.size", "Bytes", "Bytes", "字节"),
    ("file.imported_at", "Importado", "Imported", "导入时间"),
    ("file.imported_by", "Importado por", "Imported by", "导入人"),
    ("file.rows_total", "Filas", "Rows", "行数"),
    ("file.rows_new", "Nuevas", "New", "新增"),
    ("file.rows_known", "Ya conocidas", "Already known", "已存在"),
    ("file.rows_conflicting", "En conflicto", "Conflicting", "冲突"),
    ("file.rows_updated", "Actualizadas", "Updated", "已更新"),
    ("file.rows_rejected", "Rechazadas", "Rejected", "已拒绝"),
    // Audit trail.
    ("audit.seq", "N.º", "Seq", "序号"),
    ("audit.at", "Fecha y hora", "Time", "时间"),
    ("audit.actor", "Usuario", "Actor", "操作人"),
    ("audit.action", "Acción", "Action", "操作"),
    ("audit.subject", "Objeto", "Subject", "对象"),
    ("audit.before", "Antes", "Before", "之前"),
    ("audit.after", "Después", "After", "之后"),
    ("audit.reason", "Motivo", "Reason", "原因"),
    ("audit.note", "Nota", "Note", "备注"),
    ("audit.prev_hash", "Hash anterior", "Previous hash", "前一哈希"),
    ("audit.hash", "Hash", "Hash", "哈希"),
    // Summary.
    ("summary.title", "Cuadra: resumen de conciliación", "Cuadra: reconciliation summary", "Cuadra：对账汇总"),
    ("summary.generated_at", "Generado", "Generated", "生成时间"),
    ("summary.zone", "Zona horaria", "Time zone", "时区"),
    ("summary.chain_head", "Cabeza del registro de auditoría (evento y hash)", "Audit trail head (event and hash)", "审计记录链头（事件与哈希）"),
    ("summary.last_run", "Última conciliación (fecha de corte)", "Last reconciliation (as of)", "最近一次对账（数据截至）"),
    ("summary.filters", "Filtros", "Filters", "筛选条件"),
    ("summary.no_filters", "ninguno (todos los casos)", "none (all cases)", "无（全部对账项）"),
    ("summary.by_status", "Casos por estado", "Cases by status", "按状态统计对账项"),
    ("summary.cases", "Casos", "Cases", "对账项数"),
    ("summary.open", "Abiertos", "Open", "未处理"),
    ("summary.check", "Comprobación: conciliados + excepciones + cargos = todos los casos", "Check: matched + exceptions + charges = all cases", "核对：已匹配 + 异常 + 结算费用 = 全部对账项"),
    ("summary.group", "Grupo", "Group", "分组"),
    ("summary.exceptions", "Excepciones", "Exceptions", "异常"),
    ("summary.sum", "Suma", "Sum", "合计"),
    ("summary.all_cases", "Todos los casos", "All cases", "全部对账项"),
    ("summary.ties_out", "¿Cuadra?", "Ties out?", "是否平衡"),
    ("summary.yes", "sí", "yes", "是"),
    ("summary.no", "no", "no", "否"),
    ("summary.by_psp", "Liquidado por pasarela", "Settled by PSP", "按支付服务商结算"),
    ("summary.by_method", "Liquidado por medio de pago", "Settled by payment method", "按支付方式结算"),
    ("summary.by_batch", "Liquidado por lote (con tasas de cambio)", "Settled by batch (with FX rates)", "按结算批次（含汇率）"),
    ("summary.tie_out", "Cuadre de lotes contra el propio resumen del archivo (registros, bruto, comisiones, neto)", "Batch tie-out against the file's own summary (items, gross, fees, net)", "批次与文件自身汇总（笔数、结算总额、手续费、净额）核对"),
    ("summary.differences", "Diferencias (casos con diferencia distinta de cero)", "Differences (cases with a non-zero difference)", "差额（差额不为零的对账项）"),
    ("summary.lines", "Líneas", "Lines", "明细条数"),
    ("summary.gross", "Bruto", "Gross", "结算总额"),
    ("summary.fees", "Comisiones", "Fees", "手续费"),
    ("summary.taxes", "Impuestos", "Taxes", "税费"),
    ("summary.net", "Neto", "Net", "净额"),
    ("summary.file", "Archivo", "File", "文件"),
    ("summary.batch", "Lote", "Batch", "批次"),
    ("summary.fx_min", "Tasa mínima", "FX min", "最低汇率"),
    ("summary.fx_max", "Tasa máxima", "FX max", "最高汇率"),
    ("summary.fx_avg", "Tasa promedio simple", "FX simple average", "平均汇率（简单平均）"),
    ("summary.lines_net", "Suma neta de las líneas", "Lines' net sum", "各行净额合计"),
    ("summary.withholdings", "Retenciones por periodo y PSP (para cotejar con el certificado de retenciones de cada PSP)", "Withholdings by period and PSP (to check against each PSP's withholding certificate)", "按期间和支付服务商汇总的代扣税款（用于核对各支付服务商的代扣税证明）"),
    ("summary.rete_fuente", "ReteFuente", "ReteFuente (income tax)", "所得税代扣（ReteFuente）"),
    ("summary.rete_iva", "ReteIVA", "ReteIVA (VAT)", "增值税代扣（ReteIVA）"),
    ("summary.rete_ica", "ReteICA", "ReteICA (municipal tax)", "工商税代扣（ReteICA）"),
    ("summary.gmf", "GMF 4x1000", "GMF (4x1000)", "金融交易税（GMF 4x1000）"),
    ("summary.not_split", "Sin desglose", "Not broken out", "未拆分"),
    ("summary.total_withheld", "Total retenido", "Total withheld", "代扣合计"),
    ("summary.file_items", "Registros según el archivo", "Items the file states", "文件声明笔数"),
    ("summary.file_gross", "Bruto según el archivo", "Gross the file states", "文件声明结算总额"),
    ("summary.lines_gross", "Bruto de las líneas", "Lines' gross", "各行结算总额合计"),
    ("summary.file_fees", "Comisiones según el archivo", "Fees the file states", "文件声明手续费"),
    ("summary.lines_fees", "Comisiones de las líneas", "Lines' fees", "各行手续费合计"),
    ("summary.rounding", "Redondeo registrado", "Booked rounding", "已记入的尾差"),
    ("summary.lines_plus_rounding", "Líneas + redondeo", "Lines + rounding", "各行 + 尾差"),
    ("summary.file_net_total", "Total neto del archivo", "File net total", "文件净额"),
    ("summary.unexplained", "Diferencia sin explicar", "Unexplained difference", "未解释差额"),
    ("summary.booked_as", "Registrado como", "Booked as", "记入方式"),
    ("summary.total_difference", "Suma de diferencias", "Sum of differences", "差额合计"),
    ("summary.largest_difference", "Mayor diferencia (valor absoluto)", "Largest difference (absolute)", "最大差额（绝对值）"),
    ("summary.precision", "Montos con más de 15 cifras significativas (Excel los redondea; el CSV los tiene exactos)", "Amounts with more than 15 significant digits (Excel rounds them; the CSV export holds them exactly)", "超过 15 位有效数字的金额（Excel 会舍入；CSV 导出保留精确值）"),
    ("summary.none", "(ninguno)", "(none)", "（无）"),
];

/// The label of `key` in `lang`; the key itself when the table has no entry (never panics).
pub fn label(lang: Lang, key: &str) -> &str {
    match LABELS.iter().find(|(k, ..)| *k == key) {
        Some((_, es, en, zh)) => match lang {
            Lang::Es => es,
            Lang::En => en,
            Lang::Zh => zh,
        },
        None => key,
    }
}

/// Status, review-state and reason names by code for one language, built once per report (a
/// row lookup must be cheap).
pub struct StatusNames {
    names: Vec<(&'static str, &'static str)>,
    reviews: Vec<(&'static str, &'static str)>,
    reasons: Vec<(&'static str, &'static str)>,
    lang: Lang,
}

/// `(code, name)` for each code, the name looked up as `prefix` + code.
fn names_of(
    codes: impl Iterator<Item = &'static str>,
    prefix: &str,
    lang: Lang,
) -> Vec<(&'static str, &'static str)> {
    codes
        .map(|code| {
            let name = LABELS
                .iter()
                .find(|(k, ..)| k.strip_prefix(prefix) == Some(code))
                .map(|(_, es, en, zh)| match lang {
                    Lang::Es => *es,
                    Lang::En => *en,
                    Lang::Zh => *zh,
                })
                .unwrap_or(code);
            (code, name)
        })
        .collect()
}

fn find<'a>(names: &[(&'static str, &'static str)], code: &'a str) -> &'a str {
    names
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, n)| *n)
        .unwrap_or(code)
}

impl StatusNames {
    pub fn new(lang: Lang) -> StatusNames {
        StatusNames {
            names: names_of(
                crate::reconcile::CaseStatus::ALL.iter().map(|s| s.as_str()),
                "",
                lang,
            ),
            reviews: names_of(
                crate::cases::Review::ALL.iter().map(|r| r.as_str()),
                "review.",
                lang,
            ),
            reasons: names_of(crate::review::REASON_CODES.iter().copied(), "reason.", lang),
            lang,
        }
    }

    /// The language of the report these names are for.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The status's name; an unknown code is shown as itself.
    pub fn name<'a>(&self, code: &'a str) -> &'a str {
        find(&self.names, code)
    }

    /// The review state's name (`to_review`, `waiting`, `reconciled`).
    pub fn review<'a>(&self, code: &'a str) -> &'a str {
        find(&self.reviews, code)
    }

    /// A resolution reason's name; anything else as written.
    pub fn reason<'a>(&self, code: &'a str) -> &'a str {
        find(&self.reasons, code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_key_is_unique_and_translated_in_every_language() {
        let mut seen = HashSet::new();
        for (key, es, en, zh) in LABELS {
            assert!(seen.insert(*key), "{key} appears twice in the table");
            for (lang, text) in [("es", es), ("en", en), ("zh", zh)] {
                assert!(!text.trim().is_empty(), "{key} has no {lang} label");
            }
        }
        for status in crate::reconcile::CaseStatus::ALL {
            assert!(
                seen.contains(status.as_str()),
                "status {} needs a name in the table",
                status.as_str()
            );
        }
        for review in crate::cases::Review::ALL {
            assert!(seen.contains(format!("review.{}", review.as_str()).as_str()));
        }
        for reason in crate::review::REASON_CODES {
            assert!(seen.contains(format!("reason.{reason}").as_str()));
        }
        for key in super::super::case_table::CONTRACT.map(|c| c.key) {
            assert!(seen.contains(key), "column {key} needs a header label");
        }
    }

    #[test]
    fn sheet_names_fit_excel_rules_with_room_for_a_continuation_suffix() {
        for (key, es, en, zh) in LABELS.iter().filter(|(k, ..)| k.starts_with("sheet.")) {
            for name in [es, en, zh] {
                assert!(
                    name.chars().count() + " (99)".len() <= 31,
                    "{key}: '{name}' is too long for an Excel sheet name with a suffix"
                );
                assert!(
                    !name.contains(['[', ']', ':', '*', '?', '/', '\\']),
                    "{key}: '{name}' has a character Excel forbids in sheet names"
                );
            }
        }
    }

    #[test]
    fn chinese_labels_use_the_glossary_terms_and_full_width_punctuation() {
        let bad: Vec<String> = LABELS
            .iter()
            .flat_map(|(key, _, _, zh)| {
                crate::words::zh_problems(zh)
                    .into_iter()
                    .map(move |p| format!("{key}: {p} in {zh}"))
            })
            .collect();
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    /// The window's own messages in `lang` (ui/src/i18n/messages/{lang}.ts, one
    /// `"key": "text",` a line), read as text: the desktop app's names of statuses and states.
    fn window_messages(lang: Lang) -> std::collections::HashMap<String, String> {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../ui/src/i18n/messages")
            .join(format!("{}.ts", lang.as_str()));
        let text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        let messages: std::collections::HashMap<String, String> = text
            .lines()
            .filter_map(|line| {
                let (key, text) = line.trim().strip_prefix('"')?.split_once("\": \"")?;
                Some((key.to_string(), text.strip_suffix("\",")?.to_string()))
            })
            .collect();
        assert!(messages.len() > 100, "{} reads as messages", path.display());
        messages
    }

    #[test]
    fn statuses_and_states_have_the_same_names_in_the_window_and_the_exports() {
        for lang in [Lang::Es, Lang::En, Lang::Zh] {
            let window = window_messages(lang);
            let in_window = |key: &str| window.get(key).map(String::as_str);
            let names = StatusNames::new(lang);
            for status in crate::reconcile::CaseStatus::ALL {
                let code = status.as_str();
                assert_eq!(
                    in_window(&format!("status.{code}")),
                    Some(names.name(code)),
                    "{lang:?}: status {code}"
                );
            }
            let states = crate::cases::Review::ALL
                .iter()
                .map(|r| format!("review.{}", r.as_str()))
                .chain(
                    [
                        crate::cases::CaseState::Open,
                        crate::cases::CaseState::Resolved,
                    ]
                    .iter()
                    .map(|s| format!("state.{}", s.as_str())),
                );
            for key in states {
                assert_eq!(in_window(&key), Some(label(lang, &key)), "{lang:?}: {key}");
            }
        }
    }

    #[test]
    fn the_windows_chinese_uses_the_glossary_terms_and_full_width_punctuation() {
        let mut bad: Vec<String> = window_messages(Lang::Zh)
            .iter()
            .flat_map(|(key, zh)| {
                crate::words::zh_problems(zh)
                    .into_iter()
                    .map(move |p| format!("{key}: {p} in {zh}"))
            })
            .collect();
        bad.sort();
        assert!(bad.is_empty(), "{}", bad.join("\n"));
    }

    #[test]
    fn unknown_keys_and_codes_show_as_themselves() {
        assert_eq!(label(Lang::En, "no.such.key"), "no.such.key");
        assert_eq!(StatusNames::new(Lang::Zh).name("brand_new"), "brand_new");
        assert_eq!(StatusNames::new(Lang::En).name("matched"), "Matched");
    }
}
