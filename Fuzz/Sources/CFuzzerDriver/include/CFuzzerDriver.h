#ifndef CFUZZERDRIVER_H
#define CFUZZERDRIVER_H

#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (in the toolchain's libclang_rt.fuzzer): parses libFuzzer's command line and runs `callback`
/// on each input. Called from the Swift entry point, because SwiftPM links executables with
/// `--defsym main=<module>_main`, which hides libFuzzer's own `main`.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
