#!/usr/bin/env bash
# Build the desktop bundle (PyInstaller, one folder): dist/newsdesk/newsdesk.
#
#   packaging/build.sh                 # uses python3 from PATH
#   PYTHON=python3.12 packaging/build.sh
#   BUNDLE_EXTRAS=bundle,embeddings packaging/build.sh   # with the multilingual model (+91 MB)
#
# A fresh virtual environment (build/bundle-venv) gets the program with its
# run-time dependencies and PyInstaller (the "bundle" extra), so the bundle
# holds exactly what pyproject.toml asks for, nothing from a developer's venv.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(dirname "$here")"
python="${PYTHON:-python3}"
venv="${BUNDLE_VENV:-$root/build/bundle-venv}"

if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --upgrade pip
"$venv/bin/python" -m pip install --quiet "$root[${BUNDLE_EXTRAS:-bundle}]"

cd "$root"
"$venv/bin/pyinstaller" --noconfirm --clean \
    --distpath "$root/dist" --workpath "$root/build/pyinstaller" \
    "$here/newsdesk.spec"

"$here/smoke_test.sh" "$root/dist/newsdesk/newsdesk"
echo "Bundle ready: $root/dist/newsdesk/ (run dist/newsdesk/newsdesk)"
