//! The PSP and shop status vocabularies (see shared/domain.md) normalized to Cuadra's own sets.
//! Numeric status codes differ between PSPs (PayU 4 = approved, ePayco 4 = failed), so codes are
//! read only for the PSP that owns them; words are shared.

use super::profile::normalize_header;
use crate::model::{OrderStatus, PaymentStatus};

/// A PSP status text to the normalized payment status; None when the word is unknown.
pub fn payment_status(source: &str, raw: &str) -> Option<PaymentStatus> {
    use PaymentStatus::*;
    let word = normalize_header(raw);
    let by_code = match (source, word.as_str()) {
        ("dlocal", "100") => Some(Pending),
        ("dlocal", "200") => Some(Paid),
        ("dlocal", "300") => Some(Rejected),
        ("dlocal", "400") => Some(Cancelled),
        ("dlocal", "600") | ("dlocal", "700") => Some(Authorized),
        ("payu", "4") => Some(Paid),
        ("payu", "5") => Some(Expired),
        ("payu", "6") => Some(Rejected),
        ("payu", "7") => Some(Pending),
        ("epayco", "1") => Some(Paid),
        ("epayco", "2" | "4" | "10" | "11") => Some(Rejected),
        ("epayco", "3" | "7") => Some(Pending),
        ("epayco", "6") => Some(Refunded),
        _ => None,
    };
    if by_code.is_some() {
        return by_code;
    }
    Some(match word.as_str() {
        "PAID" | "APPROVED" | "ACCREDITED" | "SETTLED" | "CLEARED" | "COMPLETED" | "CAPTURED"
        | "CLO" | "APROBADA" | "APROBADO" | "PAGADA" | "PAGADO" | "ACREDITADO" | "LIQUIDADO"
        | "EXITOSA" | "ACEPTADA" | "SUCCESS" | "SUCCEEDED" => Paid,
        "PENDING"
        | "PENDING_WAITING_PAYMENT"
        | "IN_PROCESS"
        | "SUBMITTED"
        | "ACT"
        | "CREATED"
        | "PENDIENTE"
        | "EN_PROCESO"
        | "EN_VALIDACION" => Pending,
        "AUTHORIZED" | "VERIFIED" | "AUTORIZADA" | "AUTORIZADO" => Authorized,
        "REJECTED" | "DECLINED" | "ERROR" | "FAILED" | "RECHAZADA" | "RECHAZADO" | "FALLIDA"
        | "DECLINADA" => Rejected,
        "CANCELLED" | "CANCELED" | "VOIDED" | "CANCELADA" | "CANCELADO" | "ANULADA" | "ANULADO" => {
            Cancelled
        }
        "EXPIRED" | "ERR" | "EXPIRADA" | "EXPIRADO" | "VENCIDA" | "VENCIDO" => Expired,
        "REFUNDED" | "REEMBOLSADA" | "REEMBOLSADO" | "DEVUELTA" | "DEVUELTO" | "REVERSADA"
        | "REVERSED" => Refunded,
        "CHARGED_BACK" | "CHARGEBACK" | "CONTRACARGO" => ChargedBack,
        "IN_MEDIATION" | "EN_MEDIACION" | "DISPUTED" => InMediation,
        _ => return None,
    })
}

/// A shop's order status text to the normalized order status; None when the word is unknown.
pub fn order_status(raw: &str) -> Option<OrderStatus> {
    use OrderStatus::*;
    let word = normalize_header(raw);
    let word = word.strip_prefix("WC_").unwrap_or(&word);
    Some(match word {
        // Shopify financial statuses.
        "PENDING" => Pending,
        "AUTHORIZED" => Authorized,
        "PARTIALLY_PAID" => PartiallyPaid,
        "PAID" => Paid,
        "PARTIALLY_REFUNDED" => PartiallyRefunded,
        "REFUNDED" => Refunded,
        "VOIDED" => Voided,
        "EXPIRED" => Expired,
        // WooCommerce: processing and completed orders have been paid.
        "PROCESSING" | "COMPLETED" => Paid,
        "ON_HOLD" | "PENDING_PAYMENT" => Pending,
        "CANCELLED" | "CANCELED" => Cancelled,
        "FAILED" => Failed,
        // VTEX.
        "PAYMENT_PENDING" | "WAITING_FOR_SELLER_CONFIRMATION" | "ORDER_CREATED" => Pending,
        "PAYMENT_APPROVED" | "READY_FOR_HANDLING" | "HANDLING" | "INVOICED" | "INVOICE" => Paid,
        "CANCELLATION_REQUESTED" => Cancelled,
        // Spanish exports.
        "PENDIENTE" | "PENDIENTE_DE_PAGO" | "EN_ESPERA" => Pending,
        "PAGADO" | "PAGADA" | "PROCESANDO" | "COMPLETADO" | "COMPLETADA" => Paid,
        "REEMBOLSADO" | "REEMBOLSADA" => Refunded,
        "CANCELADO" | "CANCELADA" | "ANULADO" | "ANULADA" => Cancelled,
        "FALLIDO" | "FALLIDA" => Failed,
        "EXPIRADO" | "EXPIRADA" | "VENCIDO" | "VENCIDA" => Expired,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_codes_belong_to_their_psp() {
        assert_eq!(payment_status("payu", "4"), Some(PaymentStatus::Paid));
        assert_eq!(payment_status("epayco", "4"), Some(PaymentStatus::Rejected));
        assert_eq!(
            payment_status("mercadopago", "4"),
            None,
            "a bare code of another PSP is not guessed"
        );
    }

    #[test]
    fn words_from_every_vocabulary_normalize() {
        assert_eq!(payment_status("dlocal", "PAID"), Some(PaymentStatus::Paid));
        assert_eq!(
            payment_status("mercadopago", "accredited"),
            Some(PaymentStatus::Paid)
        );
        assert_eq!(
            payment_status("payu", "Aprobada"),
            Some(PaymentStatus::Paid)
        );
        assert_eq!(
            payment_status("mercadopago", "pending_waiting_payment"),
            Some(PaymentStatus::Pending)
        );
        assert_eq!(payment_status("rapyd", "ERR"), Some(PaymentStatus::Expired));
        assert_eq!(
            order_status("partially_refunded"),
            Some(OrderStatus::PartiallyRefunded)
        );
        assert_eq!(order_status("wc-processing"), Some(OrderStatus::Paid));
        assert_eq!(order_status("payment-pending"), Some(OrderStatus::Pending));
        assert_eq!(order_status("canceled"), Some(OrderStatus::Cancelled));
    }
}
