#!/usr/bin/env bash
# Renders a noescape HTML report in headless Chromium and writes a PNG screenshot, to check
# the page's design by eye (and in HtmlScreenshotTest, which skips when Chromium is missing).
#
# usage: .dev/html-screenshot.sh path/to/index.html out.png [WIDTHxHEIGHT]   (default 1400x1800)
#
# Needs Debian's chromium (apt-get install -y chromium). The page is opened from file:// with
# networking features off, so the screenshot also shows that the report needs no network.
# Chromium refuses to run as root without --no-sandbox; a throw-away profile directory keeps
# runs independent. Exits non-zero when Chromium fails or writes no PNG.
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 index.html out.png [WIDTHxHEIGHT]" >&2
  exit 2
fi
html=$1
png=$2
size=${3:-1400x1800}
chromium=${CHROMIUM:-/usr/bin/chromium}

[ -f "$html" ] || { echo "no such file: $html" >&2; exit 2; }
[ -x "$chromium" ] || { echo "chromium not found at $chromium (apt-get install -y chromium)" >&2; exit 3; }

abs_html=$(cd "$(dirname "$html")" && pwd)/$(basename "$html")
mkdir -p "$(dirname "$png")"
abs_png=$(cd "$(dirname "$png")" && pwd)/$(basename "$png")
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
rm -f "$abs_png"

timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --hide-scrollbars --user-data-dir="$profile" \
  --window-size="${size/x/,}" --screenshot="$abs_png" "file://$abs_html" >/dev/null 2>&1 || true

if [ ! -s "$abs_png" ]; then
  echo "chromium wrote no screenshot for $abs_html" >&2
  exit 1
fi
echo "$abs_png"
