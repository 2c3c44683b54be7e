// libFuzzer entry point for the page parser. `scripts/fuzz.sh` builds this package with `-sanitize=fuzzer,address`;
// the fuzzed function is `fuzzOneInput` (exported as `LLVMFuzzerTestOneInput`) in Fuzzing.swift.
//
// SwiftPM links an executable with `--defsym main=DisarmFuzzer_main`, so the `main` libFuzzer brings is replaced
// by this file's top-level code, which hands the command line to libFuzzer's driver.

import CFuzzerDriver

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
