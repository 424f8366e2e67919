//! The planted situations, one method each: what happened, in the words of the issue, and the
//! status the engine must conclude. Where the issue is silent, the expectation follows the
//! rules documented in `reconcile`'s module docs, and the method says so.

use crate::catalog::PRODUCTS;
use crate::order::{unique_id, FinancialStatus, EFECTY_MIN_COP};

use super::plan::{
    LineKind, Listing, Numbering, PayId, PlannedLine, Planner, Ref, BUYER_POOL, DAY, HOUR, MICRO,
    MIN, SALT_ADJUSTMENT, SALT_MP_WITHDRAWAL, SALT_REFUND, TOLERANCE_COP,
};
use super::ScenarioPsp;

impl Planner {
    /// Plants every situation `k` times, then fills the export up to `orders` with plain
    /// matched orders. `known_gaps` adds the situations of [`super::KNOWN_GAPS`].
    pub(super) fn plant_all(&mut self, orders: usize, k: usize, known_gaps: bool) {
        let dlocal = self.plan.psp == ScenarioPsp::Dlocal;
        for j in 0..k {
            self.paid_at_expiry();
            self.tz_paid_before_expiry();
            self.tz_paid_after_expiry(j);
            self.shop_missed_notification(j);
            self.paid_less(j);
            self.paid_more(j);
            self.paid_twice(j, false);
            self.paid_twice(j, true);
            self.paid_after_expiry(j);
            self.priced_in_usd(j);
            self.refunded_in_full();
            self.refund_of_payment_settled_earlier();
            self.partly_refunded(j);
            self.charged_back(j);
            if dlocal {
                self.unknown_psp_status();
                self.chargeback_reversed();
                self.short_by_the_tolerance(j);
                self.reversal_in_older_report(j);
                self.reversal_that_moved_nothing(j);
                self.row_repeated_in_next_batch();
            } else {
                self.claim_open();
                self.claim_released();
                if known_gaps {
                    self.refunded_in_two_parts();
                }
            }
            self.awaiting_payment(j);
            self.expired_unpaid(j);
            self.awaiting_settlement(j);
            self.missing_settlement(j);
            self.swapped_digits(j);
            self.zero_padded_reference();
            self.near_miss_not_suggested(j);
            self.shared_key(j);
            self.payment_without_order(j);
            self.order_outside_export();
            self.refund_outside_export();
        }
        for j in 0..k.div_ceil(2) * 2 {
            self.one_edit_from_two_orders(j);
        }
        self.batch_charges(k);
        if dlocal {
            self.older_report_charges();
            self.batch_line_missing();
        }
        while self.plan.orders.len() < orders {
            self.plain();
        }
    }

    /// An ordinary order, paid in time, settled, shown paid.
    fn plain(&mut self) {
        let created = self.some_day(0, 0, 7, 10 * 24 + 20);
        let o = self.order(created, 1, false, "plain");
        let at = self.on_time(created);
        self.settled_order(o, at, Ref::Order(o));
        self.expect(o, "matched");
    }

    /// Paid in the very second the voucher expires: on time (documented rule).
    fn paid_at_expiry(&mut self) {
        let d = self.between(1, self.late_days);
        let created = self.plan.start + d * DAY + 20 * HOUR + 45 * MIN;
        let o = self.order(created, 1, false, "paid_exactly_at_expiry");
        self.settled_order(o, created + self.validity, Ref::Order(o));
        self.expect(o, "matched");
    }

    /// The voucher expires at 20:45 in Bogotá; the buyer pays at 20:30 Bogotá, which Mercado
    /// Pago's report shows as 21:30 at GMT-04 and which is 01:30 of the next day in UTC.
    fn tz_paid_before_expiry(&mut self) {
        let d = self.between(1, self.late_days);
        let created = self.plan.start + d * DAY + 20 * HOUR + 45 * MIN;
        let o = self.order(created, 1, false, "tz_paid_15_min_before_expiry");
        self.settled_order(o, created + self.validity - 15 * MIN, Ref::Order(o));
        self.expect(o, "matched");
    }

    /// Paid at 20:50 Bogotá (21:50 at GMT-04, 15:50 if misread as UTC), five minutes after a
    /// 20:45 expiry: late only when the offset is applied correctly.
    fn tz_paid_after_expiry(&mut self, j: usize) {
        let d = self.between(1, self.late_days);
        let created = self.plan.start + d * DAY + 20 * HOUR + 45 * MIN;
        let o = self.order(created, 1, false, "tz_paid_5_min_after_expiry");
        let at = created + self.validity + 5 * MIN;
        if j % 2 == 0 {
            self.settled_order(o, at, Ref::Order(o));
        } else {
            // Shopify had already expired the order.
            self.payment(o, at, self.total(o), Ref::Order(o));
            self.shop_status(o, FinancialStatus::Expired);
        }
        self.expect(o, "paid_after_expiry");
    }

    /// Paid in time, but the PSP's notification never reached the shop: it still shows the
    /// order pending, expired or voided, with no payment id. One integration sends the order
    /// name with its `#`.
    fn shop_missed_notification(&mut self, j: usize) {
        let created = self.some_day(1, 9, 7, 21);
        let plant = if j == 1 {
            "shop_missed_notification_hash_ref"
        } else {
            "shop_missed_notification"
        };
        let o = self.order(created, 1, false, plant);
        let at = self.on_time(created);
        let reference = if j == 1 {
            Ref::HashOrder(o)
        } else {
            Ref::Order(o)
        };
        self.payment(o, at, self.total(o), reference);
        let status = [
            FinancialStatus::Pending,
            FinancialStatus::Expired,
            FinancialStatus::Voided,
        ][j % 3];
        self.shop_status(o, status);
        self.expect(o, "paid_shop_pending");
    }

    /// The voucher was made before shipping was added (or a discount removed): the buyer paid
    /// less than the order's total. Half the shops show it paid anyway; one payment is also
    /// late (underpaid comes before paid_after_expiry).
    fn paid_less(&mut self, j: usize) {
        let late = j % 3 == 2;
        let plant = if late {
            "paid_less_and_late"
        } else {
            "paid_less"
        };
        let created = self.some_day(1, self.late_days, 7, 21);
        let o = self.order(created, 1, false, plant);
        let total = self.total(o);
        // A voucher is never below Efecty's minimum.
        let short = [9_900, 5_000, 14_900, 10_000][j % 4]
            .min(total / 4 / 100 * 100)
            .min(total - EFECTY_MIN_COP);
        let at = if late {
            self.late_payment(created)
        } else {
            self.on_time(created)
        };
        self.paid_other_amount(o, j, at, total - short);
        self.expect(o, "underpaid");
    }

    /// The voucher still carried an item the buyer later removed: paid more than the total.
    fn paid_more(&mut self, j: usize) {
        let created = self.some_day(1, 9, 7, 21);
        let o = self.order(created, 1, false, "paid_more");
        let extra = [39_900, 14_900, 5_000][j % 3];
        let at = self.on_time(created);
        self.paid_other_amount(o, j, at, self.total(o) + extra);
        self.expect(o, "overpaid");
    }

    fn paid_other_amount(&mut self, o: usize, j: usize, at: i64, cop: i64) {
        let l = self.payment(o, at, cop, Ref::Order(o));
        if j % 2 == 0 {
            self.shop_paid(o, at + 4 * MIN, FinancialStatus::Paid);
            self.plan.orders[o].payment_id = PayId::Line(l);
        }
    }

    /// Two vouchers for one order, both paid (one of them after the first voucher expired):
    /// two distinct payments, whatever their times. When the merchant already refunded the
    /// extra payment, the reversal decides: the refund covers half of what was paid, so the
    /// order is partially refunded (the documented rule "reversals come first"; the issue does
    /// not say how a refunded duplicate reads).
    fn paid_twice(&mut self, j: usize, extra_refunded: bool) {
        let created = self.some_day(1, self.late_days, 7, 21);
        let late = j % 2 == 1;
        let plant = match (extra_refunded, late) {
            (true, _) => "paid_twice_extra_refunded",
            (false, false) => "paid_twice",
            (false, true) => "paid_twice_second_after_expiry",
        };
        let o = self.order(created, 1, false, plant);
        let first = self.on_time(created);
        let second = if late {
            self.late_payment(created)
        } else {
            let mut t = self.on_time(created);
            while t == first {
                t = self.on_time(created);
            }
            t
        };
        let l1 = self.payment(o, first, self.total(o), Ref::Order(o));
        let l2 = self.payment(o, second, self.total(o), Ref::Order(o));
        let (earlier, line) = if first < second {
            (first, l1)
        } else {
            (second, l2)
        };
        self.shop_paid(o, earlier + 5 * MIN, FinancialStatus::Paid);
        self.plan.orders[o].payment_id = PayId::Line(line);
        if extra_refunded {
            let extra = if line == l1 { l2 } else { l1 };
            let at = self.plan.lines[extra].at;
            let refund_at = self.later(at, HOUR, 48 * HOUR);
            let total = self.total(o);
            self.reversal(LineKind::Refund, extra, -total, refund_at, plant);
            self.expect(o, "partially_refunded");
        } else {
            self.expect(o, "duplicate_payment");
        }
    }

    /// Paid hours after the voucher expired; the shop had expired the order, or took the money.
    fn paid_after_expiry(&mut self, j: usize) {
        let created = self.some_day(1, self.late_days, 7, 21);
        let o = self.order(created, 1, false, "paid_after_voucher_expired");
        let at = self.late_payment(created);
        if j % 2 == 0 {
            self.payment(o, at, self.total(o), Ref::Order(o));
            self.shop_status(o, FinancialStatus::Expired);
        } else {
            self.settled_order(o, at, Ref::Order(o));
        }
        self.expect(o, "paid_after_expiry");
    }

    /// An order from the international storefront, priced in USD, paid in pesos at Efecty;
    /// one paid late too (currency_mismatch comes before paid_after_expiry).
    fn priced_in_usd(&mut self, j: usize) {
        let late = j % 3 == 1;
        let plant = if late {
            "order_priced_in_usd_paid_late"
        } else {
            "order_priced_in_usd"
        };
        let created = self.some_day(1, self.late_days, 7, 21);
        let o = self.order(created, 1, false, plant);
        self.plan.orders[o].usd_rate = Some(self.between(3_900, 4_200));
        let at = if late {
            self.late_payment(created)
        } else {
            self.on_time(created)
        };
        self.settled_order(o, at, Ref::Order(o));
        self.expect(o, "currency_mismatch");
    }

    /// Paid, then refunded in full.
    fn refunded_in_full(&mut self) {
        let created = self.some_day(1, 6, 7, 21);
        let o = self.order(created, 1, false, "refunded_in_full");
        let at = self.on_time(created);
        let l = self.settled_order(o, at, Ref::Order(o));
        let total = self.total(o);
        let refund_at = self.later(at, HOUR, 48 * HOUR);
        self.reversal(LineKind::Refund, l, -total, refund_at, "refunded_in_full");
        self.shop_status(o, FinancialStatus::Refunded);
        self.plan.orders[o].facts.refund = total;
        self.expect(o, "refunded");
    }

    /// An order from the last days of April, paid and settled in April's files (not imported)
    /// and refunded in May: the refund covers the order's total, so it is refunded (the
    /// documented rule for refunds without their payment).
    fn refund_of_payment_settled_earlier(&mut self) {
        let created = self.some_day(-3, -2, 8, 20);
        let o = self.order(created, 1, false, "refund_of_payment_settled_earlier");
        let paid = created + self.between(30 * MIN, 20 * HOUR);
        let paid = self.agent_hours(paid);
        self.shop_paid(o, paid + 4 * MIN, FinancialStatus::Refunded);
        let total = self.total(o);
        self.plan.orders[o].facts.refund = total;
        // The April payment: in no file here, but the shop got its id.
        let april = self.payment(o, paid, total, Ref::Order(o));
        let refund_at = self.some_day(1, 8, 8, 20);
        self.reversal(
            LineKind::Refund,
            april,
            -total,
            refund_at,
            "refund_of_payment_settled_earlier",
        );
        let payment = self.plan.lines.swap_remove(april);
        debug_assert_eq!(payment.kind, LineKind::Payment);
        // The refund took the payment's place: the payment it reverses is in no file.
        self.plan.lines[april].reverses = None;
        self.plan.orders[o].payment_id = PayId::Fresh(payment.id);
        self.expect(o, "refunded");
    }

    /// dLocal, with a tolerance of 50 pesos: paid exactly 50 pesos short is matched (the
    /// tolerance is inclusive), 100 pesos short is underpaid.
    fn short_by_the_tolerance(&mut self, j: usize) {
        let created = self.some_day(1, 9, 7, 21);
        let within = j % 2 == 0;
        let plant = if within {
            "short_by_exactly_the_tolerance"
        } else {
            "short_by_twice_the_tolerance"
        };
        let o = self.order(created, 1, false, plant);
        let short = if within {
            TOLERANCE_COP
        } else {
            2 * TOLERANCE_COP
        };
        let at = self.on_time(created);
        let l = self.payment(o, at, self.total(o) - short, Ref::Order(o));
        self.shop_paid(o, at + 2 * MIN, FinancialStatus::Paid);
        self.plan.orders[o].payment_id = PayId::Line(l);
        self.expect(o, if within { "matched" } else { "underpaid" });
    }

    /// Mercado Pago: two partial refunds that together give everything back. Both rows carry
    /// the payment's `SOURCE_ID`, as the report writes them.
    fn refunded_in_two_parts(&mut self) {
        let created = self.some_day(1, 5, 7, 21);
        let o = self.order(created, 1, false, "refunded_in_two_parts");
        let at = self.on_time(created);
        let l = self.settled_order(o, at, Ref::Order(o));
        let total = self.total(o);
        let part = total * self.between(30, 70) / 100 / 100 * 100;
        let first_at = self.later(at, HOUR, 24 * HOUR);
        self.reversal(
            LineKind::Refund,
            l,
            -part,
            first_at,
            "refunded_in_two_parts",
        );
        let second_at = self.later(first_at, HOUR, 24 * HOUR);
        self.reversal(
            LineKind::Refund,
            l,
            part - total,
            second_at,
            "refunded_in_two_parts",
        );
        self.shop_status(o, FinancialStatus::Refunded);
        self.plan.orders[o].facts.refund = total;
        self.expect(o, "refunded");
    }

    /// Paid, then part of it refunded: the last item of a multi-line order, or a share.
    fn partly_refunded(&mut self, j: usize) {
        let created = self.some_day(1, 6, 7, 21);
        let (min_items, plant) = if j % 2 == 0 {
            (2, "last_item_refunded")
        } else {
            (1, "partly_refunded")
        };
        let o = self.order(created, min_items, false, plant);
        let at = self.on_time(created);
        let l = self.settled_order(o, at, Ref::Order(o));
        let f = self.plan.orders[o].facts;
        let half = f.total / 2 / 100 * 100;
        let refund = if f.n_items > 1 {
            let last = f.items[f.n_items - 1];
            (PRODUCTS[last.product].price * last.qty).min(half)
        } else {
            f.total * self.between(20, 50) / 100 / 100 * 100
        };
        let refund_at = self.later(at, HOUR, 48 * HOUR);
        self.reversal(LineKind::Refund, l, -refund, refund_at, plant);
        self.shop_status(o, FinancialStatus::PartiallyRefunded);
        self.plan.orders[o].facts.refund = refund;
        self.expect(o, "partially_refunded");
    }

    /// Paid, then charged back; the shop still shows it paid. At dLocal the chargeback fee
    /// comes as an adjustment quoting the order.
    fn charged_back(&mut self, j: usize) {
        let created = self.some_day(1, 6, 7, 21);
        let o = self.order(created, 1, false, "charged_back");
        let at = self.on_time(created);
        let l = self.settled_order(o, at, Ref::Order(o));
        let cb_at = self.later(at, DAY, 4 * DAY);
        self.reversal(
            LineKind::Chargeback,
            l,
            -self.total(o),
            cb_at,
            "charged_back",
        );
        if self.plan.psp == ScenarioPsp::Dlocal && j == 0 {
            let fee_at = self.later(cb_at, HOUR, 20 * HOUR);
            let n = self.next_counter();
            let id = 800_000_000 + unique_id(self.plan.seed, SALT_ADJUSTMENT, n, 27);
            let buyer = self.plan.orders[o].facts.buyer;
            self.line(PlannedLine {
                kind: LineKind::Adjustment {
                    credit: false,
                    text: 1,
                },
                reference: Ref::Order(o),
                id,
                psp_order: 0,
                cop: 0,
                usd_micro: -15 * MICRO,
                created: fee_at,
                at: fee_at,
                buyer,
                case_of: Some(o),
                expected: "",
                plant: "chargeback_fee_adjustment",
                resent: false,
                status: None,
                listing: Listing::Usual,
                reverses: None,
            });
        }
        self.expect(o, "charged_back");
    }

    /// Mercado Pago: paid, then the buyer opened a claim (`DISPUTE`, "the buyer initiated a
    /// complaint for this payment"): the money is held, not lost, while the claim is open, so
    /// the order is `disputed` (rule `hold_open`), never `charged_back`.
    fn claim_open(&mut self) {
        let created = self.some_day(1, 6, 7, 21);
        let o = self.order(created, 1, false, "claim_open");
        let at = self.on_time(created);
        let l = self.settled_order(o, at, Ref::Order(o));
        let claim_at = self.later(at, DAY, 4 * DAY);
        self.reversal(LineKind::Dispute, l, -self.total(o), claim_at, "claim_open");
        self.expect(o, "disputed");
    }

    /// Mercado Pago: paid, then the buyer opened a claim and it was resolved for the seller:
    /// the release report shows the money blocked and unblocked (`block` then `unblock`,
    /// `DESCRIPTION` `dispute`, the same net). Released, the hold changes nothing: the order
    /// is `matched` (rule `hold_open` needs a hold still open). Which settlement-report row a
    /// claim resolved for the seller leaves is not documented: these two rows are only in
    /// the release report.
    fn claim_released(&mut self) {
        let created = self.some_day(1, 5, 7, 21);
        let o = self.order(created, 1, false, "claim_blocked_and_released");
        let at = self.on_time(created);
        let l = self.settled_order(o, at, Ref::Order(o));
        let total = self.total(o);
        let block_at = self.later(at, DAY, 3 * DAY);
        self.reversal(
            LineKind::Block,
            l,
            -total,
            block_at,
            "claim_blocked_and_released",
        );
        let unblock_at = self.later(block_at, DAY, 2 * DAY);
        self.reversal(
            LineKind::Unblock,
            l,
            total,
            unblock_at,
            "claim_blocked_and_released",
        );
        self.expect(o, "matched");
    }

    /// dLocal: a refund or a chargeback listed in dLocal's older `;` report rather than in a
    /// cross-border batch (SmashPig's `ReportFileParser.php`): it names its order in
    /// `Transaction Invoice` and is done (`Completed` refund, `Settled` chargeback), so it
    /// counts as in any file: refunded (in full, or a share) or charged back.
    fn reversal_in_older_report(&mut self, j: usize) {
        let created = self.some_day(1, 6, 7, 21);
        let (kind, plant) = match j % 3 {
            0 => (LineKind::Refund, "refunded_in_older_report"),
            1 => (LineKind::Chargeback, "charged_back_in_older_report"),
            _ => (LineKind::Refund, "partly_refunded_in_older_report"),
        };
        let o = self.order(created, 1, false, plant);
        let at = self.on_time(created);
        let l = self.settled_order(o, at, Ref::Order(o));
        let total = self.total(o);
        let when = self.later(at, HOUR, 3 * DAY);
        let amount = match j % 3 {
            2 => total * self.between(20, 50) / 100 / 100 * 100,
            _ => total,
        };
        self.reversal(kind, l, -amount, when, plant);
        let r = self.plan.lines.len() - 1;
        self.plan.lines[r].listing = Listing::OlderReport;
        match j % 3 {
            0 => {
                self.shop_status(o, FinancialStatus::Refunded);
                self.plan.orders[o].facts.refund = total;
                self.expect(o, "refunded");
            }
            1 => self.expect(o, "charged_back"),
            _ => {
                self.shop_status(o, FinancialStatus::PartiallyRefunded);
                self.plan.orders[o].facts.refund = amount;
                self.expect(o, "partially_refunded");
            }
        }
    }

    /// dLocal's older report: a chargeback settled in the merchant's favour (`Reimbursed`) or
    /// a refund still waiting for the buyer's bank details (`Waiting Details`). SmashPig
    /// ignores both ("Chargeback settled in our favor - not refunding", "Refund is in limbo;
    /// we'll wait for 'Completed'"): no money moved, the paid order stays `matched`.
    fn reversal_that_moved_nothing(&mut self, j: usize) {
        let created = self.some_day(1, 6, 7, 21);
        let (kind, word, plant) = if j % 2 == 0 {
            (LineKind::Chargeback, "Reimbursed", "chargeback_reimbursed")
        } else {
            (
                LineKind::Refund,
                "Waiting Details",
                "refund_waiting_details",
            )
        };
        let o = self.order(created, 1, false, plant);
        let at = self.on_time(created);
        let l = self.settled_order(o, at, Ref::Order(o));
        let when = self.later(at, HOUR, 3 * DAY);
        self.reversal(kind, l, -self.total(o), when, plant);
        let r = self.plan.lines.len() - 1;
        self.plan.lines[r].listing = Listing::OlderReport;
        self.plan.lines[r].status = Some(word);
        self.expect(o, "matched");
    }

    /// dLocal's older report also lists what dLocal charges or credits the merchant: a debit
    /// note, a credit note and the processing fees of refunds and chargebacks, with no order
    /// (SmashPig skips them: "these would have to update existing refunds"). Each is a batch
    /// charge.
    fn older_report_charges(&mut self) {
        let seed = self.plan.seed;
        let kinds = [
            (
                LineKind::Adjustment {
                    credit: false,
                    text: 0,
                },
                "older_report_debit_note",
            ),
            (
                LineKind::Adjustment {
                    credit: true,
                    text: 0,
                },
                "older_report_credit_note",
            ),
            (
                LineKind::ProcessingFee { refund: false },
                "older_report_chargeback_fee",
            ),
            (
                LineKind::ProcessingFee { refund: true },
                "older_report_refund_fee",
            ),
        ];
        for (kind, plant) in kinds {
            let at = self.some_day(1, 13, 9, 18);
            let n = self.next_counter();
            let id = 800_000_000 + unique_id(seed, SALT_ADJUSTMENT, n, 27);
            let cents = match kind {
                LineKind::ProcessingFee { refund: false } => 1_500,
                LineKind::ProcessingFee { refund: true } => 50,
                _ => self.between(50, 2_000),
            };
            let usd = if kind
                == (LineKind::Adjustment {
                    credit: true,
                    text: 0,
                }) {
                cents
            } else {
                -cents
            } * 10_000;
            self.plan.lines.push(PlannedLine {
                kind,
                reference: Ref::Blank,
                id,
                psp_order: 0,
                cop: 0,
                usd_micro: usd,
                created: at,
                at,
                buyer: 0,
                case_of: None,
                expected: "settlement_charge",
                plant,
                resent: false,
                status: None,
                listing: Listing::OlderReport,
                reverses: None,
            });
        }
    }

    /// dLocal: the first batch's summary counts one payment more than the batch lists
    /// (`NUMBER_OF_ITEMS` one higher, and that payment's gross, fee and net in the totals): a
    /// row lost between dLocal and the merchant. The batch's lines do not add up to what the
    /// file states, far beyond rounding: the stored run's case of that batch is
    /// `batch_mismatch`, to chase with dLocal, never booked away. (The missing payment is in
    /// no file, so it has no answer of its own.)
    fn batch_line_missing(&mut self) {
        let when = self.some_day(1, 5, 8, 20);
        let at = self.agent_hours(when);
        let created = at - self.between(10 * MIN, 20 * HOUR);
        let cop = self.loose_amount();
        let l = self.alone(
            LineKind::Payment,
            Ref::Blank,
            cop,
            created,
            at,
            "batch_mismatch",
            "batch_line_missing",
        );
        self.plan.lines[l].listing = Listing::MissingFromBatch;
    }

    /// dLocal: a payment whose STATUS is a word outside dLocal's documented vocabulary
    /// (`WAITING_DETAILS`, the reproduction): no money is counted for it, and a person
    /// must find out what it means, so the order is `psp_status_unknown`, never matched.
    fn unknown_psp_status(&mut self) {
        let created = self.some_day(1, 6, 7, 21);
        let o = self.order(created, 1, false, "unknown_psp_status");
        let at = self.on_time(created);
        let l = self.settled_order(o, at, Ref::Order(o));
        self.plan.lines[l].status = Some("WAITING_DETAILS");
        self.expect(o, "psp_status_unknown");
    }

    /// dLocal: a chargeback, then its reversal: the money is back, the order is matched.
    fn chargeback_reversed(&mut self) {
        let created = self.some_day(1, 5, 7, 21);
        let o = self.order(created, 1, false, "chargeback_reversed");
        let at = self.on_time(created);
        let l = self.settled_order(o, at, Ref::Order(o));
        let total = self.total(o);
        let cb_at = self.later(at, DAY, 3 * DAY);
        self.reversal(
            LineKind::Chargeback,
            l,
            -total,
            cb_at,
            "chargeback_reversed",
        );
        let back_at = self.later(cb_at, DAY, 3 * DAY);
        self.reversal(
            LineKind::ChargebackReversal,
            l,
            total,
            back_at,
            "chargeback_reversed",
        );
        self.expect(o, "matched");
    }

    /// dLocal lists a payment of the first batch again in the next one (a re-sent row, same
    /// `DLOCAL_TRANSACTION_ID`): one payment for its order, not two (`matched`). The next batch's
    /// summary counts the row like its others, so it adds up only with it: money dLocal may
    /// have settled twice, a `batch_mismatch` that says the row was listed again. (Once a
    /// known gap: the tie-out counted only the batch's stored lines and called the batch short.)
    fn row_repeated_in_next_batch(&mut self) {
        let created = self.some_day(1, 4, 7, 21);
        let o = self.order(created, 1, false, "row_repeated_in_next_batch");
        let at = self
            .on_time(created)
            .min(self.plan.start + 7 * DAY - 3 * HOUR);
        let l = self.settled_order(o, at, Ref::Order(o));
        self.plan.lines[l].resent = true;
        self.expect(o, "matched");
    }

    /// No payment yet, the voucher still valid at the as-of time (one expires 5 minutes after).
    fn awaiting_payment(&mut self, j: usize) {
        let as_of = self.plan.as_of;
        let (created, plant) = match j {
            0 => (
                as_of - self.validity + 5 * MIN,
                "voucher_expires_5_min_after_as_of",
            ),
            1 => (as_of - 10 * MIN, "voucher_still_valid"),
            _ => (
                as_of - self.between(HOUR, self.validity - HOUR),
                "voucher_still_valid",
            ),
        };
        let o = self.order(created, 1, true, plant);
        if j == 2 {
            // The shop's own timeout is shorter than the voucher's: still payable.
            self.shop_status(o, FinancialStatus::Expired);
            self.plan.orders[o].plant = "shop_expired_voucher_still_valid";
        }
        self.expect(o, "awaiting_payment");
    }

    /// Never paid, the voucher expired (one 5 minutes before the as-of time).
    fn expired_unpaid(&mut self, j: usize) {
        let as_of = self.plan.as_of;
        let (created, plant) = if j == 0 {
            (
                as_of - self.validity - 5 * MIN,
                "voucher_expired_5_min_before_as_of",
            )
        } else {
            let t = self.some_day(1, 16, 0, 23);
            (t.min(as_of - self.validity - 2 * HOUR), "voucher_expired")
        };
        let o = self.order(created, 1, true, plant);
        let status = [
            FinancialStatus::Pending,
            FinancialStatus::Expired,
            FinancialStatus::Voided,
        ][j % 3];
        self.shop_status(o, status);
        self.expect(o, "expired_unpaid");
    }

    /// The shop shows it paid (its payment id came with the notification) and the settlement
    /// is not due yet; one paid exactly 7 days before the as-of time (documented: still
    /// awaiting), one 5 minutes later than that.
    fn awaiting_settlement(&mut self, j: usize) {
        let as_of = self.plan.as_of;
        let (paid, plant) = match j {
            0 => (as_of - self.grace, "grace_ends_at_as_of"),
            1 => (as_of - self.grace + 5 * MIN, "grace_ends_5_min_after_as_of"),
            _ => (
                as_of - self.between(HOUR, self.grace - HOUR),
                "settlement_not_due_yet",
            ),
        };
        self.shop_paid_unsettled(paid, plant, "awaiting_settlement");
    }

    /// The shop shows it paid, but no settlement line came within the 7 days' grace (one
    /// ended 5 minutes before the as-of time).
    fn missing_settlement(&mut self, j: usize) {
        let (paid, plant) = if j == 0 {
            (
                self.plan.as_of - self.grace - 5 * MIN,
                "grace_ended_5_min_before_as_of",
            )
        } else {
            (self.some_day(2, 12, 8, 20), "settlement_never_came")
        };
        self.shop_paid_unsettled(paid, plant, "missing_settlement");
    }

    fn shop_paid_unsettled(&mut self, paid: i64, plant: &'static str, expected: &'static str) {
        let created = paid - self.between(15 * MIN, 30 * HOUR);
        let o = self.order(created, 1, true, plant);
        self.shop_paid(o, paid, FinancialStatus::Paid);
        let id = self.payment_id();
        self.plan.orders[o].payment_id = PayId::Fresh(id);
        self.expect(o, expected);
    }

    /// The payment quotes the order number with two adjacent digits swapped (`3102` for
    /// `#3012`), same amount, paid in the voucher window: suggested, for a person to confirm,
    /// also when the shop shows the order paid under an older voucher's id (documented: a
    /// suggestion wins over awaiting/missing settlement). When the payment also quotes the PSP
    /// id the shop holds, that exact key links it: matched.
    fn swapped_digits(&mut self, j: usize) {
        let created = self.some_day(1, 9, 7, 21);
        let plant = [
            "swapped_digits",
            "swapped_digits_shop_paid_older_voucher",
            "swapped_digits_psp_id_matches",
        ][j % 3];
        let o = self.order(created, 1, true, plant);
        self.plan.orders[o].numbering = Numbering::Swap;
        let at = self.on_time(created);
        let l = self.payment(o, at, self.total(o), Ref::NearMiss(o));
        match j % 3 {
            0 => self.expect(o, "suggested"),
            1 => {
                self.shop_paid(o, at + 3 * MIN, FinancialStatus::Paid);
                let older = self.payment_id();
                self.plan.orders[o].payment_id = PayId::Fresh(older);
                self.expect(o, "suggested");
            }
            _ => {
                // The shop's app shows the id in capitals: keys compare case-folded.
                self.shop_paid(o, at + 3 * MIN, FinancialStatus::Paid);
                self.plan.orders[o].payment_id = PayId::LineUpper(l);
                self.expect(o, "matched");
            }
        }
    }

    /// The integration pads the order number with a zero (`03012` for `#3012`) and the shop
    /// never heard of the payment. Leading zeros are significant, so at dLocal it is only one
    /// edit away: suggested. A Spanish Excel reads `03012` as the number 3012 and writes it
    /// back without the zero: at Mercado Pago the re-saved reference matches exactly.
    fn zero_padded_reference(&mut self) {
        let created = self.some_day(1, 9, 7, 21);
        let o = self.order(created, 1, true, "zero_padded_reference");
        let at = self.on_time(created);
        self.payment(o, at, self.total(o), Ref::ZeroPadded(o));
        match self.plan.psp {
            ScenarioPsp::Dlocal => self.expect(o, "suggested"),
            ScenarioPsp::MercadoPagoExcel => self.expect(o, "paid_shop_pending"),
        }
    }

    /// A swapped-digit payment that is not a likely payment: paid after the voucher expired,
    /// or of another amount. Nothing is suggested; the order expired unpaid.
    fn near_miss_not_suggested(&mut self, j: usize) {
        let created = self.some_day(1, self.late_days, 7, 21);
        let late = j % 2 == 0;
        let plant = if late {
            "swapped_digits_paid_after_expiry"
        } else {
            "swapped_digits_other_amount"
        };
        let o = self.order(created, 1, true, plant);
        self.plan.orders[o].numbering = Numbering::Swap;
        let (at, cop) = if late {
            (self.late_payment(created), self.total(o))
        } else {
            (self.on_time(created), self.loose_amount())
        };
        let l = self.payment(o, at, cop, Ref::NearMiss(o));
        self.plan.lines[l].case_of = None;
        self.plan.lines[l].expected = "unmatched_settlement";
        self.expect_unpaid(o);
    }

    /// A payment whose keys name two orders is flagged, never guessed. Either the staff
    /// re-created an expired order and copied its voucher id into the new one (both orders
    /// carry it), or a recycled voucher id sits on another, paid, order.
    fn shared_key(&mut self, j: usize) {
        if j % 2 == 0 {
            let first_at = self.some_day(1, 4, 7, 20);
            let first = self.order(first_at, 1, true, "key_shared_by_two_orders");
            let again_at = first_at + self.validity + self.between(HOUR, 10 * HOUR);
            let cart = self.cart_of(first);
            let again = self.order_with_cart(again_at, cart, "key_shared_by_two_orders");
            self.shop_status(first, FinancialStatus::Expired);
            let at = self.on_time(again_at);
            let l = self.alone(
                LineKind::Payment,
                Ref::Order(again),
                cart.total,
                again_at,
                at,
                "unmatched_settlement",
                "key_shared_by_two_orders",
            );
            for o in [first, again] {
                self.plan.orders[o].payment_id = PayId::Line(l);
                self.expect_unpaid(o);
            }
        } else {
            let quoted_at = self.some_day(2, 6, 7, 20);
            let quoted = self.order(quoted_at, 1, true, "keys_name_two_orders");
            let paid = self.some_day(2, 10, 8, 20);
            let created = paid - self.between(15 * MIN, 30 * HOUR);
            let other = self.order(created, 1, true, "keys_name_two_orders");
            self.shop_paid(other, paid, FinancialStatus::Paid);
            let at = self.on_time(quoted_at);
            let total = self.total(quoted);
            let l = self.alone(
                LineKind::Payment,
                Ref::Order(quoted),
                total,
                quoted_at,
                at,
                "unmatched_settlement",
                "keys_name_two_orders",
            );
            self.plan.orders[other].payment_id = PayId::Line(l);
            self.expect_unpaid(quoted);
            self.expect_unpaid(other);
        }
    }

    /// The status of an order that gets no payment of its own, from the rules.
    fn expect_unpaid(&mut self, o: usize) {
        let f = self.plan.orders[o].facts;
        let as_of = self.plan.as_of;
        let expected = if f.status.shop_paid() {
            if as_of <= f.paid_at + self.grace {
                "awaiting_settlement"
            } else {
                "missing_settlement"
            }
        } else if as_of <= f.created + self.validity {
            "awaiting_payment"
        } else {
            "expired_unpaid"
        };
        self.expect(o, expected);
    }

    /// The buyer placed two orders a minute apart; a payment quotes a number one digit off from
    /// both. Same cart twice: no unique best match, nothing is suggested. A changed cart: only
    /// the first has the payment's amount, so that one is suggested.
    fn one_edit_from_two_orders(&mut self, j: usize) {
        let same_cart = j % 2 == 0;
        let plant = if same_cart {
            "ordered_twice"
        } else {
            "ordered_twice_cart_changed"
        };
        let created = self.some_day(1, 6, 8, 20);
        let first = self.order(created, 1, true, plant);
        let cart = self.cart_of(first);
        let second = if same_cart {
            self.order_with_cart(created + 90, cart, plant)
        } else {
            self.order(created + 90, 1, true, plant)
        };
        self.plan.orders[first].numbering = Numbering::TieFirst { partner: second };
        self.plan.orders[second].numbering = Numbering::TieSecond;
        let at = self.on_time(created + 90);
        let l = self.alone(
            LineKind::Payment,
            Ref::NearMiss(first),
            cart.total,
            created,
            at,
            "unmatched_settlement",
            "one_edit_from_two_orders",
        );
        self.expect_unpaid(second);
        if same_cart {
            self.expect_unpaid(first);
        } else {
            self.plan.lines[l].case_of = Some(first);
            self.expect(first, "suggested");
        }
    }

    /// A payment from another sales channel (WhatsApp payment links), or, at Mercado Pago,
    /// one with no reference at all.
    fn payment_without_order(&mut self, j: usize) {
        let when = self.some_day(0, 12, 7, 21);
        let at = self.agent_hours(when);
        let created = at - self.between(10 * MIN, 20 * HOUR);
        let cop = self.loose_amount();
        let (reference, plant) = if self.plan.psp == ScenarioPsp::MercadoPagoExcel && j % 2 == 0 {
            (Ref::Blank, "payment_without_reference")
        } else {
            let (y, m, d) = crate::csvw::civil_from_days(at.div_euclid(DAY));
            let n = self.between(1, 9_999);
            (
                Ref::Text(format!("WA-{:02}{m:02}{d:02}-{n:04}", y % 100)),
                "payment_from_another_channel",
            )
        };
        self.alone(
            LineKind::Payment,
            reference,
            cop,
            created,
            at,
            "unmatched_settlement",
            plant,
        );
    }

    /// A number before the export's first order.
    fn old_order_number(&mut self) -> String {
        let back = 1 + self.rng.below((self.first_number - 1_001).clamp(1, 600));
        (self.first_number - back).to_string()
    }

    /// Payment of an order created before the exported period.
    fn order_outside_export(&mut self) {
        let start = self.plan.start;
        let created = start - self.between(2 * HOUR, 2 * DAY);
        let delay = self.between(30 * MIN, self.validity - 2 * HOUR);
        let mut at = self.agent_hours(created + delay);
        if at < start {
            let delay = self.between(7 * HOUR, 30 * HOUR);
            at = self.agent_hours(start + delay);
        }
        let cop = self.loose_amount();
        let reference = Ref::Text(self.old_order_number());
        self.alone(
            LineKind::Payment,
            reference,
            cop,
            created,
            at,
            "unmatched_settlement",
            "order_outside_export",
        );
    }

    /// A refund of an order created before the exported period.
    fn refund_outside_export(&mut self) {
        let at = self.some_day(1, 12, 8, 20);
        let cop = -self.loose_amount();
        let reference = Ref::Text(self.old_order_number());
        let id = match self.plan.psp {
            ScenarioPsp::MercadoPagoExcel => self.payment_id(),
            ScenarioPsp::Dlocal => {
                let n = self.next_counter();
                unique_id(self.plan.seed, SALT_REFUND, n, 40)
            }
        };
        let buyer = 1 + self.rng.below(BUYER_POOL);
        let requested = at - self.between(MIN, HOUR);
        self.plan.lines.push(PlannedLine {
            kind: LineKind::Refund,
            reference,
            id,
            psp_order: 0,
            cop,
            usd_micro: 0,
            created: requested,
            at,
            buyer,
            case_of: None,
            expected: "unmatched_settlement",
            plant: "refund_of_order_outside_export",
            resent: false,
            status: None,
            listing: Listing::Usual,
            reverses: None,
        });
    }

    /// Lines of the batch, not of an order: dLocal adjustments and each batch's closing fee;
    /// Mercado Pago withdrawals to the bank (one cancelled) and a payout.
    fn batch_charges(&mut self, k: usize) {
        let (seed, start) = (self.plan.seed, self.plan.start);
        let charge = |kind, id, cop, usd_micro, at, plant| PlannedLine {
            kind,
            reference: Ref::Blank,
            id,
            psp_order: 0,
            cop,
            usd_micro,
            created: at,
            at,
            buyer: 0,
            case_of: None,
            expected: "settlement_charge",
            plant,
            resent: false,
            status: None,
            listing: Listing::Usual,
            reverses: None,
        };
        match self.plan.psp {
            ScenarioPsp::Dlocal => {
                for j in 0..k {
                    let credit = j % 3 == 2;
                    let text = if credit {
                        self.rng
                            .below(crate::catalog::ADJUSTMENT_CREDITS.len() as u64)
                    } else {
                        self.rng
                            .below(crate::catalog::ADJUSTMENT_DEBITS.len() as u64)
                    } as usize;
                    let cents = self.between(50, 2_000);
                    let usd = if credit { cents } else { -cents } * 10_000;
                    let at = self.some_day(0, 13, 0, 23);
                    let n = self.next_counter();
                    let id = 800_000_000 + unique_id(seed, SALT_ADJUSTMENT, n, 27);
                    let line = charge(
                        LineKind::Adjustment { credit, text },
                        id,
                        0,
                        usd,
                        at,
                        "batch_adjustment",
                    );
                    self.plan.lines.push(line);
                }
                for batch in 0..2 {
                    let fee = -self.between(20, 80) * MICRO;
                    let at = start + (batch as i64 + 1) * 7 * DAY - 1;
                    let id = self.plan.transfer_ids[batch];
                    let line = charge(
                        LineKind::SettlementFee { batch },
                        id,
                        0,
                        fee,
                        at,
                        "settlement_fee",
                    );
                    self.plan.lines.push(line);
                }
            }
            ScenarioPsp::MercadoPagoExcel => {
                for (j, d) in [3, 6, 9, 12, 15].into_iter().enumerate() {
                    let at = self.some_day(d, d, 10, 16);
                    let n = self.next_counter();
                    let id = 9_900_000_000 + unique_id(seed, SALT_MP_WITHDRAWAL, n, 20);
                    let cop = -self.between(5, 30) * 100_000;
                    let line = charge(LineKind::Withdrawal, id, cop, 0, at, "withdrawal_to_bank");
                    self.plan.lines.push(line);
                    if j == 1 {
                        let back = charge(
                            LineKind::WithdrawalCancel,
                            id,
                            -cop,
                            0,
                            at + 2 * HOUR,
                            "withdrawal_cancelled",
                        );
                        self.plan.lines.push(back);
                    }
                }
                let at = self.some_day(13, 13, 9, 18);
                let n = self.next_counter();
                let id = 9_900_000_000 + unique_id(seed, SALT_MP_WITHDRAWAL, n, 20);
                let cop = -self.between(1, 9) * 100_000;
                self.plan
                    .lines
                    .push(charge(LineKind::Payout, id, cop, 0, at, "payout"));
            }
        }
    }
}
