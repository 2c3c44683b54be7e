#ifndef DISARM_CCMARK_SHIM_H
#define DISARM_CCMARK_SHIM_H
#include <cmark.h>
#endif
