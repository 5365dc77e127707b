#include "progress_store.hpp"
