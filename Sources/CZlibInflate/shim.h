#ifndef DISARM_CZLIBINFLATE_SHIM_H
#define DISARM_CZLIBINFLATE_SHIM_H
#include <zlib.h>
#endif
