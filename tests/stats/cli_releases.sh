#!/usr/bin/env bash
# Exports made with the real CLI, the way a helpline makes them over time, into one folder: the
# collection one attacker would hold, for tests/stats/audit.py.
#
#   cli_releases.sh HELPLINE_BINARY OUT_DIR
#
# A store with calls in January to March 2026; January exported in every format; a January
# case forgotten, January exported again; a call backdated into January (refused); a call
# added to February; then the quarter with its total, in Swedish and Arabic too.
set -euo pipefail

helpline="$1"
out="$2"
mkdir -p "$out"
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
export HELPLINE_DATA_DIR="$data/store" HELPLINE_PASSPHRASE="statistics check passphrase"
"$helpline" --passphrase-stdin init --user check <<< "$HELPLINE_PASSPHRASE" > /dev/null

channels=(phone phone phone email)
languages=(sv sv ar en sv other ar)
levels=(1 1 2 0 1 3 2 1)
relationships=(mother mother father friend sibling professional mother partner other_relative)
situations=(radicalising radicalising planning_to_travel returned radicalising in_conflict_zone other_unknown)
environments=(violent_islamist violent_right_wing violent_islamist criminal_network acting_alone_unclear)
referrals=(psychologist social_services school_counsellor ngo)
call() {
    local i="$1" day="$2" month="$3"
    "$helpline" --user check call new \
        --channel "${channels[i % 4]}" --language "${languages[i % 7]}" --level "${levels[i % 8]}" \
        --caller-relationship "${relationships[i % 9]}" --caller-gender "$([ $((i % 3)) = 0 ] && echo man || echo woman)" \
        --situation "${situations[i % 7]}" --environment "${environments[i % 5]}" \
        --referral "${referrals[i % 4]}" --minutes $((5 + i % 40)) \
        --started "2026-${month}-$(printf %02d "$day")T10:00:00+01:00" "${@:4}"
}
numbers=()
for i in $(seq 0 59); do
    numbers+=("$(call "$i" $((1 + i % 27)) "0$((1 + i % 3))")")
done
# A few callers ring back the next month.
for i in 0 3 6; do
    # The number on standard input, never on the command line (other processes can read that).
    printf '%s\n' "${numbers[i]}" | call "$((i + 1))" 20 "0$((2 + i % 2))" --case - > /dev/null
done

export_all() {
    local name="$1" language="$2"
    shift 2
    for format in csv json xlsx html; do
        "$helpline" --user check stats export "$@" --format "$format" --language "$language" \
            --out "$out/$name.$format" > /dev/null
    done
}
export_all january en --month 2026-01
printf '%s\n' "${numbers[0]}" | "$helpline" --user check case forget - > /dev/null
export_all january-again en --month 2026-01
if call 1 28 01 2> "$data/refused"; then
    echo "a call was recorded into a published month" >&2
    exit 1
fi
grep -q '\[month_published\]' "$data/refused"
call 2 28 02 > /dev/null
export_all quarter-sv sv --month 2026-01 --to 2026-03 --period-total
export_all quarter-ar ar --month 2026-01 --to 2026-03 --period-total
