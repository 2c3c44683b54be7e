#!/bin/sh
# The release check: the binary from dist/ runs in a clean Debian root (no Swift, no libcmark, nothing but a minimal
# Debian from debootstrap) and gives, on a copy of data/, exactly what the development build gives: `disarm build`
# (its output, messages and files), `lint` and `show`. Needs root (chroot) and, the first time, the network
# (the root is made once, in .build/debian-root).
#
#   scripts/release-check.sh            (after scripts/release.sh; `make release-check` runs both)
#
# Prints `release-check: N commands, same output` as its last line, or the first difference and exits 1.
set -eu
cd "$(dirname "$0")/.."
version="$(tr -d ' \n' < VERSION)"
name="disarm-$version-linux-$(uname -m)"
tarball="dist/$name.tar.gz"
[ -f "$tarball" ] || { echo "release-check: $tarball is missing; run scripts/release.sh" >&2; exit 2; }
(cd dist && sha256sum -c SHA256SUMS >&2)
root="${DISARM_DEBIAN_ROOT:-$PWD/.build/debian-root}"
if [ ! -x "$root/bin/sh" ]; then
  command -v debootstrap >/dev/null || { echo "release-check: debootstrap is not installed (apt-get install debootstrap)" >&2; exit 2; }
  debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >&2
fi
# The root must not have what the binary is meant to carry itself (zlib is in every Debian base system).
for library in libcmark.so libswiftCore.so libFoundation.so; do
  if find "$root" -name "$library*" 2>/dev/null | grep -q .; then
    echo "release-check: $root has $library; the check needs a root without it" >&2
    exit 2
  fi
done
work="$root/release-check"
rm -rf "$work"
mkdir -p "$work"
tar -xzf "$tarball" -C "$work"
cp -R data "$work/data"
host="$(mktemp -d)"
# A real system has /proc (the Swift runtime finds its own path there); a fresh debootstrap root needs it mounted.
mounted=""
if ! mountpoint -q "$root/proc"; then
  mount -t proc proc "$root/proc"
  mounted=yes
fi
trap 'rm -rf "$host"; [ -z "$mounted" ] || umount "$root/proc"' EXIT
cp -R data "$host/data"
dev="${DISARM_DEV_BINARY:-$PWD/.build/release/disarm}"
# Always rebuilt (incrementally): a stale development build would compare old code.
[ -n "${DISARM_DEV_BINARY:-}" ] || swift build -c release --product disarm >&2
count=0
check() {
  # One command, in the root with the release binary and here with the development build, same relative paths.
  count=$((count + 1))
  (cd "$host" && set +e && "$dev" "$@" >"$host/dev.out" 2>"$host/dev.err"; echo $? >"$host/dev.status")
  chroot "$root" /bin/sh -c \
    "cd /release-check && /release-check/$name/bin/disarm \"\$@\" >/release-check/o 2>/release-check/e; echo \$? >/release-check/s" \
    disarm "$@"
  mv "$work/o" "$host/rel.out"
  mv "$work/e" "$host/rel.err"
  mv "$work/s" "$host/rel.status"
  for part in out err status; do
    if ! cmp -s "$host/dev.$part" "$host/rel.$part"; then
      echo "release-check: 'disarm $*' differs in its $part:" >&2
      diff "$host/dev.$part" "$host/rel.$part" >&2 || true
      exit 1
    fi
  done
}
check --version
check build data --output out
if ! diff -r "$host/out" "$work/out" >&2; then echo "release-check: build outputs differ" >&2; exit 1; fi
check lint data
check lint data --format json
check show T0151.008 --kb data --no-pager
check show T0151 --kb data --no-pager --format json
check list techniques --kb data
ldd_output="$(ldd "$work/$name/bin/disarm" 2>&1 || true)"
echo "release-check: ldd: $ldd_output" >&2
echo "release-check: $count commands, same output"
