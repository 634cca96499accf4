#!/bin/sh
# Cuts Noto Sans Khmer regular (@fontsource's Khmer subset, the face the pages use) down to the
# glyphs of the language button's label, "ខ្មែរ", for English pages (docs/decisions/0039).
# Run it again if the label or @fontsource/noto-sans-khmer changes; app/i18n/fonts.test.ts fails
# when the file no longer covers the label.
#
#   python3 -m venv /tmp/fonttools && /tmp/fonttools/bin/pip install fonttools brotli
#   PYFTSUBSET=/tmp/fonttools/bin/pyftsubset sh scripts/subset-language-font.sh
#
# Every layout feature is kept, so the word shapes exactly as with the whole face (compared
# pixel for pixel in Chromium when the file was made).
set -e
cd "$(dirname "$0")/.."
"${PYFTSUBSET:-pyftsubset}" node_modules/@fontsource/noto-sans-khmer/files/noto-sans-khmer-khmer-400-normal.woff2 \
  --text="ខ្មែរ" --layout-features='*' --flavor=woff2 \
  --output-file=app/fonts/noto-sans-khmer-language-button-400.woff2
