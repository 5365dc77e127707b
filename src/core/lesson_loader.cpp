#include "lesson_loader.hpp"
