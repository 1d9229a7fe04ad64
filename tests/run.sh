#!/usr/bin/env bash
# Runs every test of the solution on a fresh machine: restores, builds (the build installs Banana Cake Pop with
# npm), and runs all test projects. The graphql-http audit tests install their npm packages themselves; Chromium for the
# dashboard's browser test is installed below when missing.
# Prints one closing line: "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

for tool in dotnet node npm; do
  command -v "$tool" >/dev/null || { echo "tests/run.sh: '$tool' is not installed" >&2; exit 1; }
done

# --- Chromium for the dashboard's browser test (tests/dashboard-browser, DashboardBrowserTests) -------------------
# Debian's package, driven by playwright-core at /usr/bin/chromium. CI runs as root on a fresh machine and installs it
# here; elsewhere, install it once: sudo apt-get install -y chromium
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "tests/run.sh: installing chromium for the dashboard's browser test"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } \
      || { echo "tests/run.sh: could not install chromium" >&2; exit 1; }
  else
    echo "tests/run.sh: /usr/bin/chromium is missing; install it with: sudo apt-get install -y chromium" >&2
    exit 1
  fi
fi
# -------------------------------------------------------------------------------------------------------------------

log=$(mktemp)
dotnet test DualRandomGraph.sln --nologo "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "tests: $passed passed, $failed failed"
if [ "$status" -eq 0 ] && [ "$passed" -eq 0 ]; then
  echo "tests/run.sh: no test ran" >&2
  exit 1
fi
exit "$status"
