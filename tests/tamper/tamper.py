#!/usr/bin/env python3
"""Edits a Cuadra workspace behind Cuadra's back, as a hostile user with any SQLite tool would
(issue 14). `tamper.py WORKSPACE CASE`: applies one named tamper and exits 0; `cuadra-cli verify`
must then exit 1 and name what was changed. The triggers that refuse edits to evidence are
dropped and recreated around the edit, as the issue's attacker did.

Cases:
  line_amount      a settlement line's net amount (1384200 -> 138 style) changed
  case_status      a case's status and state changed (as if matched and resolved)
  item_price       an order item's price changed
  file_counts      a file's row counts changed
  conflict_version a conflicting line version's content changed
  line_moved       a settlement line moved to another case
  line_deleted     a settlement line deleted
  line_added       a forged settlement line inserted
  last_event       the newest audit event deleted (after a setting change)
  attachment_bytes the bytes of the first file attached to a case changed (after an attach)
  corrupt          2,000 bytes overwritten near the end of the file
"""
import sqlite3
import sys


def without_triggers(conn, table, sql, params=()):
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?", (table,)
    ).fetchall()
    for name, _ in triggers:
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute(sql, params)
    for _, text in triggers:
        conn.execute(text)


def main():
    path, case = sys.argv[1], sys.argv[2]
    if case == "corrupt":
        with open(path, "r+b") as f:
            f.seek(0, 2)
            size = f.tell()
            f.seek(max(size - 3000, 100))
            f.write(b"\xa5" * 2000)
        return
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    if case == "line_amount":
        without_triggers(conn, "settlement_lines",
                         "UPDATE settlement_lines SET net_amount = '138' WHERE id = "
                         "(SELECT MIN(id) FROM settlement_lines WHERE net_amount IS NOT NULL)")
    elif case == "case_status":
        conn.execute("UPDATE cases SET status = 'matched', state = 'resolved' WHERE id = "
                     "(SELECT MIN(id) FROM cases WHERE status <> 'matched')")
    elif case == "item_price":
        conn.execute("UPDATE order_items SET price = '1.00' WHERE (snapshot_id, seq) = "
                     "(SELECT snapshot_id, seq FROM order_items ORDER BY snapshot_id, seq LIMIT 1)")
    elif case == "file_counts":
        without_triggers(conn, "imported_files",
                         "UPDATE imported_files SET rows_total = rows_total - 1, "
                         "rows_new = rows_new - 1 WHERE id = (SELECT MAX(id) FROM imported_files)")
    elif case == "conflict_version":
        conn.execute("UPDATE line_conflicts SET line_json = replace(line_json, '\"net_amount\":\"', "
                     "'\"net_amount\":\"9') WHERE id = (SELECT MIN(id) FROM line_conflicts)")
    elif case == "line_moved":
        a, b = conn.execute(
            "SELECT (SELECT MIN(case_id) FROM case_lines), (SELECT MAX(case_id) FROM case_lines)"
        ).fetchone()
        conn.execute("UPDATE case_lines SET case_id = ? WHERE line_id = "
                     "(SELECT MIN(line_id) FROM case_lines WHERE case_id = ?)", (b, a))
    elif case == "line_deleted":
        line = conn.execute("SELECT MAX(id) FROM settlement_lines").fetchone()[0]
        conn.execute("DELETE FROM case_lines WHERE line_id = ?", (line,))
        without_triggers(conn, "settlement_lines",
                         "DELETE FROM settlement_lines WHERE id = ?", (line,))
    elif case == "line_added":
        conn.execute(
            "INSERT INTO settlement_lines(identity, content_hash, file_id, row_no, psp, row_type, "
            "status, merchant_ref, net_amount, local_currency) SELECT 'dlocal|payment|FORGED', "
            "'0', MIN(id), 99, 'dlocal', 'payment', 'paid', 'PED-FORGED', '399700', 'COP' "
            "FROM imported_files")
    elif case == "last_event":
        without_triggers(conn, "audit_events",
                         "DELETE FROM audit_events WHERE seq = (SELECT MAX(seq) FROM audit_events)")
    elif case == "attachment_bytes":
        without_triggers(conn, "attachment_blobs",
                         "UPDATE attachment_blobs SET data = data || X'00' WHERE id = "
                         "(SELECT MIN(id) FROM attachment_blobs)")
    else:
        sys.exit(f"unknown tamper case {case}")
    conn.execute("COMMIT")
    conn.close()


if __name__ == "__main__":
    main()
