#!/bin/sh
# scripts/policy-upgrade refuses what it cannot upgrade: exit 1, a message,
# no output file, the input unchanged.
#   policy_upgrade_refusals.sh PYTHON SCRIPT DATA_DIR WORK_DIR
set -eu
py=$1 script=$2 data=$3 work=$4
rm -rf "$work"
mkdir -p "$work"
fails=0
refuse() {   # refuse NAME INPUT_TEXT EXPECTED_MESSAGE
  printf '%s' "$2" > "$work/$1.json"
  cp "$work/$1.json" "$work/$1.orig"
  if "$py" "$script" "$work/$1.json" -o "$work/$1.out" 2> "$work/$1.err"; then
    echo "FAIL $1: upgraded"; fails=1
  fi
  grep -q -- "$3" "$work/$1.err" || { echo "FAIL $1: message: $(cat "$work/$1.err")"; fails=1; }
  [ ! -e "$work/$1.out" ] || { echo "FAIL $1: wrote output"; fails=1; }
  cmp -s "$work/$1.json" "$work/$1.orig" || { echo "FAIL $1: input changed"; fails=1; }
  if ls -a "$work" | grep -q '^\.policy-upgrade\.'; then echo "FAIL $1: temporary left"; fails=1; fi
}
refuse already-v2 '{"format": "nhanluc-policy/2", "parameters": {}}' "already format 2"
refuse not-json '{"format": ' "policy-upgrade:"
refuse other-format '{"format": "x", "parameters": {}}' "not 'nhanluc-policy/1'"
refuse bad-degree '{"format": "nhanluc-policy/1", "parameters": {"attraction.min_degree": {"unit": "degree", "description": "d", "values": [{"since": "2021-01-01", "value": 9, "source": "s", "status": "reported"}]}}}' "is not a degree"
refuse has-new-key '{"format": "nhanluc-policy/1", "parameters": {"attraction.majors": {"unit": "x", "description": "d", "values": []}}}' "not a format 1 parameter"
refuse two-thresholds '{"format": "nhanluc-policy/1", "parameters": {"expert.years.master.level1": {"unit": "years", "description": "d", "values": [{"since": "2015-03-01", "value": 8, "source": "s", "status": "confirmed"}]}, "expert.years.master.level2": {"unit": "years", "description": "d", "values": [{"since": "2015-03-01", "value": 5, "source": "s", "status": "confirmed"}]}}}' "go together"
refuse threshold-not-years '{"format": "nhanluc-policy/1", "parameters": {"expert.years.master.level1": {"unit": "years", "description": "d", "values": [{"since": "2015-03-01", "value": 8.5, "source": "s", "status": "confirmed"}]}, "expert.years.master.level2": {"unit": "years", "description": "d", "values": [{"since": "2015-03-01", "value": 5, "source": "s", "status": "confirmed"}]}, "expert.years.master.level3": {"unit": "years", "description": "d", "values": [{"since": "2015-03-01", "value": 3, "source": "s", "status": "confirmed"}]}}}' "is not a number of years"
# Never over the input itself.
cp "$data/laocai-v1.json" "$work/self.json"
if "$py" "$script" "$work/self.json" -o "$work/self.json" 2> "$work/self.err"; then
  echo "FAIL self: accepted"; fails=1
fi
cmp -s "$work/self.json" "$data/laocai-v1.json" || { echo "FAIL self: input changed"; fails=1; }
# Usage.
if "$py" "$script" 2> /dev/null; then echo "FAIL usage: accepted"; fails=1; fi
# A directory that cannot be written: no output, status 1.
if "$py" "$script" "$data/laocai-v1.json" -o "$work/no-such-dir/out.json" 2> "$work/dir.err"; then
  echo "FAIL dir: accepted"; fails=1
fi
[ "$fails" = 0 ] && echo "policy-upgrade refusals: all refused cleanly"
exit "$fails"
