#!/usr/bin/env bash
# Refresh the JavaScript this course serves itself (no CDN at run time).
# Fetches pinned packages from the npm registry into a temporary folder and
# copies only the files we serve into assets/vendor/ (book) and
# tests/browser/vendor/ (axe-core, used by tests only). Records package,
# version and licence in assets/vendor/VENDOR.md.
set -euo pipefail
cd "$(dirname "$0")/.."
VEGA=5.33.0; VEGALITE=5.20.1; VEGAEMBED=6.29.0; AXE=4.14.1
REVEAL=4.6.0; JQUERY=4.1.0; REQUIREJS=2.3.7
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
( cd "$tmp" && npm init -y >/dev/null && npm install --no-audit --no-fund --silent \
    vega@$VEGA vega-lite@$VEGALITE vega-embed@$VEGAEMBED axe-core@$AXE \
    reveal.js@$REVEAL jquery@$JQUERY requirejs@$REQUIREJS )
nm="$tmp/node_modules"
rm -rf assets/vendor; mkdir -p assets/vendor/vega assets/vendor/reveal.js tests/browser/vendor
cp "$nm/vega/build/vega.min.js" "$nm/vega-lite/build/vega-lite.min.js" "$nm/vega-embed/build/vega-embed.min.js" assets/vendor/vega/
cp "$nm/vega/LICENSE" assets/vendor/vega/LICENSE-vega.txt
cp "$nm/vega-lite/LICENSE" assets/vendor/vega/LICENSE-vega-lite.txt
cp "$nm/vega-embed/LICENSE" assets/vendor/vega/LICENSE-vega-embed.txt
cp -r "$nm/reveal.js/dist" assets/vendor/reveal.js/dist
cp -r "$nm/reveal.js/plugin" assets/vendor/reveal.js/plugin
cp "$nm/reveal.js/LICENSE" assets/vendor/reveal.js/LICENSE.txt
cp "$nm/jquery/dist/jquery.min.js" assets/vendor/jquery.min.js
cp "$nm/jquery/LICENSE.txt" assets/vendor/LICENSE-jquery.txt
cp "$nm/requirejs/require.js" assets/vendor/require.js
cp "$nm/requirejs/LICENSE" assets/vendor/LICENSE-requirejs.txt 2>/dev/null || true
cp "$nm/axe-core/axe.min.js" tests/browser/vendor/axe.min.js
cp "$nm/axe-core/LICENSE" tests/browser/vendor/LICENSE-axe-core.txt
lic() { node -e "console.log(require('$nm/$1/package.json').license)"; }
ver() { node -e "console.log(require('$nm/$1/package.json').version)"; }
{
  echo "# Vendored JavaScript"
  echo
  echo "Served by the book and the slides so that nothing loads from a CDN. Refresh with \`tools/vendor_js.sh\`."
  echo
  echo "| package | version | licence | files |"
  echo "|---|---|---|---|"
  for p in vega vega-lite vega-embed reveal.js jquery requirejs axe-core; do
    case $p in
      vega|vega-lite|vega-embed) f="assets/vendor/vega/$p.min.js";;
      reveal.js) f="assets/vendor/reveal.js/";;
      jquery) f="assets/vendor/jquery.min.js";;
      requirejs) f="assets/vendor/require.js";;
      axe-core) f="tests/browser/vendor/axe.min.js (tests only)";;
    esac
    echo "| $p | $(ver $p) | $(lic $p) | $f |"
  done
} > assets/vendor/VENDOR.md
du -sh assets/vendor tests/browser/vendor
