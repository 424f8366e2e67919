"""What a finance team writes instead of Cuadra: read the Shopify export and the dLocal
settlement file with pandas, join on the order reference, compare amounts. Only the exact-key
join and the amount comparison: no voucher expiry, no duplicates, no refunds, no suggestions,
no time zones, no evidence kept, no audit trail.

usage: python3 pandas_merge.py SHOPIFY.csv DLOCAL.csv
Prints one JSON line: seconds per step and the counts it found.
"""

import json
import sys
import time

import pandas as pd


def main() -> None:
    shopify_path, dlocal_path = sys.argv[1], sys.argv[2]
    t0 = time.perf_counter()
    orders = pd.read_csv(
        shopify_path,
        usecols=["Name", "Financial Status", "Total", "Currency"],
        dtype=str,
        keep_default_na=False,
    )
    # Shopify repeats the order on every line item row; order fields only on the first.
    orders = orders[orders["Financial Status"] != ""]
    orders["key"] = orders["Name"].str.strip().str.lstrip("#").str.lower()
    t1 = time.perf_counter()
    # dLocal: a summary block (2 rows) before the transaction header.
    lines = pd.read_csv(
        dlocal_path,
        skiprows=2,
        usecols=["ROW_TYPE", "TRANSACTION_ID", "LOCAL_AMOUNT", "LOCAL_CURRENCY"],
        dtype=str,
        keep_default_na=False,
    )
    lines = lines[lines["ROW_TYPE"] == "PAYMENT"]
    lines["key"] = lines["TRANSACTION_ID"].str.strip().str.lstrip("#").str.lower()
    t2 = time.perf_counter()
    merged = orders.merge(lines, on="key", how="outer", indicator=True)
    both = merged[merged["_merge"] == "both"]
    # The usual spreadsheet habit: amounts as floats.
    equal = (both["Total"].astype(float) - both["LOCAL_AMOUNT"].astype(float)).abs() < 0.005
    t3 = time.perf_counter()
    print(
        json.dumps(
            {
                "read_orders_secs": round(t1 - t0, 3),
                "read_lines_secs": round(t2 - t1, 3),
                "merge_compare_secs": round(t3 - t2, 3),
                "total_secs": round(t3 - t0, 3),
                "orders": int(len(orders)),
                "payment_lines": int(len(lines)),
                "joined": int(len(both)),
                "amount_equal": int(equal.sum()),
                "orders_without_line": int((merged["_merge"] == "left_only").sum()),
                "lines_without_order": int((merged["_merge"] == "right_only").sum()),
            }
        )
    )


if __name__ == "__main__":
    main()
