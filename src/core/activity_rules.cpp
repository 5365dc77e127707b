#include "activity_rules.hpp"
