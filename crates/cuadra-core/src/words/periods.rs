//! The sentences of this module in Spanish (Colombia), English and Simplified Chinese (see
//! `crate::words`).

crate::catalog! {
    pub static ENTRIES;

    /// {0} the text given.
    NOT_A_PERIOD = "period.not_a_period" {
        en: "'{0}' is not a period: write it as YYYY-MM, like 2026-10",
        es: "'{0}' no es un periodo: escríbalo como AAAA-MM, por ejemplo 2026-10",
        zh: "“{0}”不是期间：请按 YYYY-MM 格式填写，例如 2026-10",
    }
    /// {0} the period, {1} its last day, {2} the workspace's time zone.
    NOT_ENDED = "period.not_ended" {
        en: "period {0} has not ended yet (its last day is {1}, {2} time): close it once it has ended",
        es: "el periodo {0} aún no ha terminado (su último día es el {1}, hora de {2}): ciérrelo cuando haya terminado",
        zh: "期间 {0} 尚未结束（最后一天为 {1}，{2} 时间）：请在期间结束后再结账",
    }
    /// {0} the period, {1} who closed it, {2} when.
    ALREADY_CLOSED = "period.already_closed" {
        en: "period {0} is already closed (sealed by {1} on {2}): nothing was changed. To change its cases, reopen it with a reason first",
        es: "el periodo {0} ya está cerrado (lo selló {1} el {2}): no se cambió nada. Para cambiar sus casos, primero reábralo indicando un motivo",
        zh: "期间 {0} 已结账（结账人 {1}，{2}）：未做任何更改。如需修改其中的对账项，请先填写原因反结账",
    }
    /// {0} the period.
    NOT_CLOSED = "period.not_closed" {
        en: "period {0} is not closed, so there is nothing to reopen",
        es: "el periodo {0} no está cerrado, así que no hay nada que reabrir",
        zh: "期间 {0} 未结账，无需反结账",
    }
    /// {0} the period.
    NEVER_CLOSED = "period.never_closed" {
        en: "period {0} was never closed, so it has no seal to check; close it first",
        es: "el periodo {0} nunca se ha cerrado, así que no tiene sello que verificar; ciérrelo primero",
        zh: "期间 {0} 从未结账，因此没有可校验的结账记录；请先结账",
    }
    /// {0} the period.
    REASON_REQUIRED = "period.reason_required" {
        en: "reopening period {0} needs a reason: say why in words, e.g. 'late refund from the PSP'",
        es: "para reabrir el periodo {0} se necesita un motivo: explique por qué con sus palabras, por ejemplo 'reembolso tardío del PSP'",
        zh: "期间 {0} 反结账需要填写原因：请用文字说明原因，例如“支付服务商延迟退款”",
    }
    /// {0} the event's number, {1} why it does not verify.
    CHAIN_BROKEN = "period.chain_broken" {
        en: "the audit trail is broken at event {0} ({1}), so a seal over it would prove nothing: verify the audit trail and restore the workspace from a backup",
        es: "la cadena de auditoría está rota en el evento {0} ({1}), así que un sello sobre ella no probaría nada: verifique la cadena y restaure el espacio de trabajo desde una copia de seguridad",
        zh: "审计日志在事件 {0} 处断裂（{1}），在其上结账无法证明任何内容：请验证审计日志，并从备份恢复工作区",
    }
    RECORD_MISSING = "period.record_missing" {
        en: "the period record just written cannot be read back: try again",
        es: "no se pudo volver a leer el registro del periodo recién escrito: intente de nuevo",
        zh: "无法读回刚写入的期间记录：请重试",
    }
}
