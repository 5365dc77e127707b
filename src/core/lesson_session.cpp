#include "lesson_session.hpp"
