#!/usr/bin/env bash
# Check a built bundle: it answers, finds its migrations, sample archive and
# site templates, and the window starts (offscreen) and stays up without a
# traceback.
#
#   packaging/smoke_test.sh [dist/newsdesk/newsdesk]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bundle="${1:-$(dirname "$here")/dist/newsdesk/newsdesk}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Never touch the real user's archive or settings.
export XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config" XDG_CACHE_HOME="$work/cache"
unset NEWSDESK_DB
mkdir -p "$work/archive"
db="$work/archive/archive.sqlite"

"$bundle" --version
"$bundle" --create --db "$db" samples # creates the schema (alembic scripts from the bundle)
"$bundle" --db "$db" db info
test "$("$bundle" --db "$db" list --json | grep -c '"id"')" -gt 0
# Publishing renders the bundled templates and copies the bundled site assets.
"$bundle" --db "$db" publish --all --out "$work/site" || true   # some samples are refused
test -f "$work/site/index.html"

# The window: it must still be running after a few seconds (timeout ends it, 124).
status=0
QT_QPA_PLATFORM=offscreen timeout 6 "$bundle" --db "$db" 2>"$work/gui.err" || status=$?
if [ "$status" -ne 124 ] || grep -q "Traceback" "$work/gui.err"; then
    echo "the window did not keep running (exit $status):" >&2
    cat "$work/gui.err" >&2
    exit 1
fi
echo "smoke test passed: $bundle"
