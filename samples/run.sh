#!/usr/bin/env bash
# Builds and runs every sample against the packages in artifacts/packages, as a NuGet user would reference them.
# Pack first, from the repository root:  dotnet pack InfoTheory.sln -c Release -o artifacts/packages
# Then:                                   bash samples/run.sh
# Each sample prints its result and a CHECK line and exits 1 when its check fails; this script runs them all, prints a
# summary, and exits 1 if any failed. (samples/Orleans has its own run.sh and is not run here.)
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

samples=(FeatureRanking Drift KlPenalty CompareClusterings GaussianFit VaeOnCsv)

if ! compgen -G "../artifacts/packages/InfoTheory.*.nupkg" > /dev/null; then
  echo "run.sh: no InfoTheory package in artifacts/packages; run 'dotnet pack InfoTheory.sln -c Release -o artifacts/packages' from the repository root first" >&2
  exit 1
fi

# A re-pack keeps the version number, so drop the extracted copies: restore must take the packages just made.
rm -rf ../artifacts/samples-packages/infotheory ../artifacts/samples-packages/infotheory.variational

dotnet restore Samples.slnx
dotnet build Samples.slnx -c Release --no-restore

passed=0
failed=0
summary=()
for sample in "${samples[@]}"; do
  echo "=== $sample"
  start=$SECONDS
  if dotnet run --project "$sample" -c Release --no-build; then
    passed=$((passed + 1))
    summary+=("  ok      $sample ($((SECONDS - start)) s)")
  else
    failed=$((failed + 1))
    summary+=("  FAILED  $sample ($((SECONDS - start)) s)")
  fi
done

echo "=== samples"
printf '%s\n' "${summary[@]}"
echo "samples: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
