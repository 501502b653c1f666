#!/bin/sh
# `lianyin verify-draw FILE` on a saved public answer computed by an independent Python
# re-implementation of SPEC §5.2 (draw_answer.json, make_draw_fixture.py): exit 0; on copies
# tampered with (a swapped selection, a changed seed), non-zero naming the first difference.
set -eu
lianyin="$1"
fixture="$(dirname "$0")/draw_answer.json"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

"$lianyin" verify-draw "$fixture" > "$work/ok.out"
grep -q '^ok: draw of 6 organisations from 40' "$work/ok.out"

# The third selection's USCC replaced by another pool member.
python3 - "$fixture" "$work/swapped.json" <<'PY'
import json, sys
answer = json.load(open(sys.argv[1], encoding="utf-8"))
answer["selections"][2]["uscc"] = answer["org_pool"][0]
json.dump(answer, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False)
PY
if "$lianyin" verify-draw "$work/swapped.json" > "$work/swapped.out"; then
  echo "a swapped selection verified"; exit 1
fi
grep -q 'selection 3: expected uscc 52150200000055433X, file has 52150200000000000X' "$work/swapped.out"

# A different seed.
sed 's/"seed": "27/"seed": "28/' "$fixture" > "$work/seed.json"
if "$lianyin" verify-draw "$work/seed.json" > "$work/seed.out"; then
  echo "a changed seed verified"; exit 1
fi
grep -q 'seed does not match seed_commitment' "$work/seed.out"

# Not JSON at all: exit 2.
echo 'not json' > "$work/bad.json"
set +e
"$lianyin" verify-draw "$work/bad.json" 2> /dev/null
status=$?
set -e
[ "$status" -eq 2 ]
echo "verify-draw: ok"
