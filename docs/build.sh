#!/usr/bin/env bash
# Builds the documentation site offline into artifacts/docs/_site: the articles in docs/ and the API reference from
# the XML docs of both packages (docfx metadata of src/InfoTheory and src/InfoTheory.Variational). Every docfx
# warning is an error, so a broken link or cross-reference (<xref:…>, cref) fails the build.
# The worked-examples article shows the figures the demo draws, so the demo runs first (seed 1, about 10 s) and
# writes them to docs/articles/images (ignored by git), which docfx copies as a resource: the pictures are the code's own output, and
# a figure the article names but the demo no longer draws is a broken link, which fails the build.
# Open artifacts/docs/_site/index.html, or serve it: dotnet docfx serve artifacts/docs/_site
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null
rm -rf artifacts/docs docs/articles/images
dotnet run -c Release --project src/InfoTheory.Demo -- --out docs/articles/images >/dev/null
# The benchmarks article shows the README's Speed section (one home for the figures): its body, up to the next section.
awk '/^## Speed$/ { on = 1; next } on && /^## / { exit } on' README.md > docs/articles/_speed.md
dotnet docfx docs/docfx.json --warningsAsErrors
echo "Site: $root/artifacts/docs/_site/index.html"
