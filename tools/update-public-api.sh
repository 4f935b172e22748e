#!/usr/bin/env bash
# Brings each package's public API baseline (PublicAPI.Unshipped.txt next to its project) up to date with the code:
# adds the public members the code has and the baseline lacks (RS0016), removes the ones it lists that the code no
# longer has (RS0017), then sorts the file so the result depends only on the surface. Idempotent: a second run
# changes nothing. Run it from anywhere after a merge that adds public API, then review `git diff -- '*PublicAPI*'`.
# PublicAPI.Shipped.txt is never touched: moving entries there is a release step, done by hand.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

for project in src/InfoTheory/InfoTheory.csproj src/InfoTheory.Variational/InfoTheory.Variational.csproj; do
  dir="$(dirname "$project")"
  for file in PublicAPI.Shipped.txt PublicAPI.Unshipped.txt; do
    [ -f "$dir/$file" ] || printf '#nullable enable\n' > "$dir/$file"
  done
  # The analyzers' own code fixes, run from the command line. --severity info because the rules report as warnings.
  dotnet format analyzers "$project" --diagnostics RS0016 RS0017 --severity info --verbosity quiet
  unshipped="$dir/PublicAPI.Unshipped.txt"
  { echo '#nullable enable'; grep -v -x -e '#nullable enable' -e '' "$unshipped" | LC_ALL=C sort -u; } > "$unshipped.tmp"
  mv "$unshipped.tmp" "$unshipped"
done

# The baseline must now match: a build fails on any RS0016/RS0017 left (warnings are errors).
for project in src/InfoTheory/InfoTheory.csproj src/InfoTheory.Variational/InfoTheory.Variational.csproj; do
  dotnet build "$project" -c Release --no-incremental --verbosity quiet -nologo
done
