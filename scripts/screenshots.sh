#!/usr/bin/env bash
# Regenerates the screenshots in docs/images/ through Playwright and the Debian Chromium (apt-get install chromium):
# the browser tests save them when MINERALRULES_SCREENSHOTS names a folder. Never edit the PNGs by hand. Chinese text
# needs a CJK font (apt-get install fonts-noto-cjk), or it is drawn as boxes.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs/images
dotnet build tests/MineralRules.BrowserTests -c Release
MINERALRULES_SCREENSHOTS="$PWD/docs/images" dotnet test tests/MineralRules.BrowserTests -c Release --no-build \
  --filter "FullyQualifiedName~Preview_PastedApplication_ShowsFailingClauseAndRemedy|FullyQualifiedName~Rulebook_SearchClause521"
ls -l docs/images/preview.png docs/images/rulebook.png
