#!/usr/bin/env bash
# Month-end for office supplies (办公用品), as a secretariat's script would run it:
# a whole November of receipts, issues and a write-off; a stocktake at month end whose
# counts come from a CSV; `diff` exits 3 when the book differs, and then `close` posts the
# differences with a reason; the month-end summary as JSON and CSV; a December movement and
# its report (whose opening is November's closing); finally `verify`.
#
#   WENMI   how to run wenmi (default: node bin/wenmi.js; word-split on purpose)
#   WORK    folder for the database and the outputs (default: a new temp folder)
# WENMI_NOW is moved forward step by step, so every entry carries the day it happened.
set -euo pipefail
WENMI=${WENMI:-"node bin/wenmi.js"}
WORK=${WORK:-$(mktemp -d)}
export WENMI_DB="$WORK/supplies.db" WENMI_OPERATOR="${WENMI_OPERATOR:-王秘书}"
w() { $WENMI "$@"; }
on() { export WENMI_NOW="$1"; }

on 2026-11-01T09:00
w init
w supplies item add --name A4纸 --spec 70g --unit 包 --category 纸品 --price 25 --reorder 10
w supplies item add --name 签字笔 --spec "0.5mm 黑" --unit 支 --category 书写工具 --price 1.50 --reorder 20
w supplies item add --name 订书钉 --spec 24/6 --unit 盒 --category 装订用品 --price 3 --reorder 2

on 2026-11-02T10:00; w supplies receive A4纸 --qty 10 --price 25.00 --supplier 文具公司 --unplanned --reason 零星采购
on 2026-11-05T10:00; w supplies receive A4纸 --qty 20 --price 26.00 --supplier 文具公司 --unplanned --reason 零星采购
on 2026-11-10T14:00; w supplies issue A4纸 --qty 7 --dept 办公室 --person 张三 --approver 李主任
on 2026-11-12T10:00; w supplies receive 签字笔 --qty 50 --price 1.50 --unplanned --reason 零星采购
                     w supplies receive 订书钉 --qty 5 --price 3.00 --unplanned --reason 零星采购
on 2026-11-15T15:00; w supplies issue 签字笔 --qty 12 --dept 财务科 --person 李四
on 2026-11-18T11:00; w supplies writeoff 签字笔 --qty 3 --reason 漏墨
on 2026-11-20T10:00; w supplies receive 签字笔 --qty 10 --price 1.60 --unplanned --reason 零星采购
on 2026-11-25T09:30; w supplies issue A4纸 --qty 3 --dept 财务科 --person 李四

on 2026-11-30T16:00
w supplies stocktake start --counter 李四 --witness 张三
cat > "$WORK/counts.csv" <<'CSV'
item,counted
A4纸,21
签字笔,43
订书钉,5
CSV
w supplies stocktake import "$WORK/counts.csv"
if w supplies stocktake diff --format csv -o "$WORK/diff.csv"; then
  echo "book matches the count" >&2
  w supplies stocktake close
else
  rc=$?
  [ "$rc" -eq 3 ] || exit "$rc" # 3: the book differs; anything else is a real error
  echo "book differs from the count: closing with a reason" >&2
  w supplies stocktake close --reason "月末盘点：A4纸盘盈1包，签字笔盘亏2支"
fi
w supplies report --month 2026-11 --format json -o "$WORK/report-2026-11.json"
w supplies report --month 2026-11 -o "$WORK/report-2026-11.csv"

on 2026-12-03T09:00; w supplies issue A4纸 --qty 2 --dept 办公室 --person 张三
w supplies report --month 2026-12 --format json -o "$WORK/report-2026-12.json"
w verify
