#include "paths.hpp"
