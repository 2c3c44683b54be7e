#!/bin/sh
# Checks `make install` and `make uninstall` in a scratch prefix: the binary runs, the manual page renders, bash
# completes `disarm show T0151.` to the sample knowledge base's sub-techniques, and uninstall removes exactly the
# installed files (the prefix is empty of files afterwards).
#
#   scripts/install-check.sh [PREFIX]      (default: a new temporary folder)
set -eu
cd "$(dirname "$0")/.."
prefix="${1:-$(mktemp -d)}"
make --no-print-directory install PREFIX="$prefix"
"$prefix/bin/disarm" --version
MANWIDTH=100 man -l "$prefix/share/man/man1/disarm.1" 2>/dev/null | head -n 5
# Bash completion as bash-completion loads it: the script, then a completion of `disarm show T0151.` in data/.
completions="$(PATH="$prefix/bin:$PATH" bash -c '
  . "$1/share/bash-completion/completions/disarm"
  complete -p disarm >&2
  COMP_WORDS=(disarm show T0151.); COMP_CWORD=2; COMP_LINE="disarm show T0151."; COMP_POINT=${#COMP_LINE}
  _disarm disarm T0151. show
  printf "%s\n" "${COMPREPLY[@]}"' completion "$prefix")"
echo "bash completes 'disarm show T0151.' to: $(echo "$completions" | tr '\n' ' ')"
echo "$completions" | grep -qx 'T0151.008' || { echo "install-check: T0151.008 not offered" >&2; exit 1; }
make --no-print-directory uninstall PREFIX="$prefix"
left="$(find "$prefix" -type f | wc -l)"
echo "install-check: uninstall left $left files in $prefix"
[ "$left" = 0 ]
