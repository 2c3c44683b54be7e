#!/bin/sh
# Builds the release: one self-contained binary for this machine's architecture, with its manual page and shell completions, packed as dist/disarm-VERSION-linux-ARCH.tar.gz with
# dist/SHA256SUMS. `make release` runs it; scripts/release-check.sh then runs the unpacked binary in a clean Debian.
#
# The binaries are linked statically (`-static-executable`: the Swift runtime, Foundation, libcmark and zlib, all
# from their static archives), so they run on any Linux of the same architecture with no library installed: `ldd`
# says "not a dynamic executable". glibc warns that getpwuid and dlopen in a static program need the same glibc at
# run time; disarm calls neither (user names and plug-ins are not used).
#
# The site preview server (disarm-serve, which `disarm site --serve` runs) is not in the release: its HTTP package
# brings in FoundationNetworking, which a static program cannot link without a static libcurl and its TLS stack.
# `disarm site` itself is in; a release user previews the site with any static file server.
#
# The version is VERSION's; when HEAD carries a tag vX, X must equal it.
set -eu
cd "$(dirname "$0")/.."
version="$(tr -d ' \n' < VERSION)"
tag="$(git describe --tags --exact-match 2>/dev/null || true)"
if [ -n "$tag" ] && [ "$tag" != "v$version" ]; then
  echo "release: HEAD is tagged $tag but VERSION says $version" >&2
  exit 2
fi
grep -q "static let version = \"$version\"" Sources/disarm/Version.swift || {
  echo "release: Sources/disarm/Version.swift is not VERSION's $version; run scripts/embed-version.sh" >&2
  exit 2
}
arch="$(uname -m)"
name="disarm-$version-linux-$arch"
scratch=".build/release-static"
echo "release: building $name" >&2
swift build -c release --product disarm -Xswiftc -static-executable --scratch-path "$scratch" >&2
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)"
stage="dist/$name"
rm -rf "$stage" "dist/$name.tar.gz"
mkdir -p "$stage/bin" "$stage/share/man/man1" "$stage/share/bash-completion/completions" \
  "$stage/share/zsh/site-functions" "$stage/share/fish/vendor_completions.d"
strip -o "$stage/bin/disarm" "$bin/disarm"
# Completions and the manual page come from the argument parser's own definitions.
"$stage/bin/disarm" --generate-completion-script bash >"$stage/share/bash-completion/completions/disarm"
"$stage/bin/disarm" --generate-completion-script zsh >"$stage/share/zsh/site-functions/_disarm"
"$stage/bin/disarm" --generate-completion-script fish >"$stage/share/fish/vendor_completions.d/disarm.fish"
scripts/manual.sh "$stage/share/man/man1/disarm.1"
cp README.md LICENSE "$stage/"
# Reproducible archive: sorted names, fixed owner and modification time.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2026-01-01 00:00:00' -C dist -cf - "$name" \
  | gzip -n -9 >"dist/$name.tar.gz"
(cd dist && sha256sum "$name.tar.gz" >SHA256SUMS)
echo "release: dist/$name.tar.gz" >&2
cat dist/SHA256SUMS
