#ifndef DISARM_CSQLITE_SHIM_H
#define DISARM_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
