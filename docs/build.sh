#!/usr/bin/env bash
# Builds the documentation site offline into artifacts/docs/_site: the articles in docs/ and the API reference from
# the XML docs of both packages (docfx metadata of src/InfoTheory and src/InfoTheory.Variational). Every docfx
# warning is an error, so a broken link or cross-reference (<xref:…>, cref) fails the build.
# Open artifacts/docs/_site/index.html, or serve it: dotnet docfx serve artifacts/docs/_site
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
dotnet tool restore >/dev/null
rm -rf artifacts/docs
dotnet docfx docs/docfx.json --warningsAsErrors
echo "Site: $root/artifacts/docs/_site/index.html"
