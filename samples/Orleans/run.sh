#!/usr/bin/env bash
# Builds the Orleans sample against the InfoTheory package in artifacts/packages, runs its TestingHost tests
# (three in-process silos on loopback, one of them stopped mid-job) and the console sample, which exits non-zero
# unless the distributed result equals the single-process one bit for bit. Run after
# `dotnet pack InfoTheory.sln -c Release -o artifacts/packages` from the repository root.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"

if ! compgen -G "$root/artifacts/packages/InfoTheory.*.nupkg" > /dev/null; then
  echo "samples/Orleans/run.sh: no InfoTheory package in $root/artifacts/packages;" \
       "run 'dotnet pack InfoTheory.sln -c Release -o artifacts/packages' from the repository root first." >&2
  exit 1
fi

# The samples' private packages folder would otherwise serve an earlier pack of the same version.
rm -rf "$root/artifacts/samples-packages/infotheory" "$root/artifacts/samples-packages/infotheory.variational"

dotnet restore "$here/InfoTheory.Orleans.slnx" --force
dotnet build "$here/InfoTheory.Orleans.slnx" -c Release --no-restore
timeout 300 dotnet test "$here/InfoTheory.Orleans.Tests/InfoTheory.Orleans.Tests.csproj" -c Release --no-build
timeout 180 dotnet run --project "$here/InfoTheory.Orleans.Sample/InfoTheory.Orleans.Sample.csproj" -c Release --no-build
