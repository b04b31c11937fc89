#include <gtest/gtest.h>

#include "ecoscore/core/number.hpp"

TEST(Number, Placeholder) { EXPECT_EQ(ecoscore::core::format_fixed(2.5, 0), "3"); }
