# Warnings and floating-point rules that every real target links.
#
# -ffp-contract=off keeps a*b+c from being fused into an FMA on some machines
# and not others: scores must be the same bytes everywhere (DESIGN §4).
add_library(ecoscore_options INTERFACE)
target_compile_options(ecoscore_options INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion
  -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
  -Wdouble-promotion -Wformat=2 -Wimplicit-fallthrough
  -ffp-contract=off -fno-fast-math)
if(ECOSCORE_WERROR)
  # GCC 12 reports std::optional<double> members as maybe-uninitialized at -O2
  # where they cannot be (GCC bug 80635); it stays a warning, not an error.
  target_compile_options(ecoscore_options INTERFACE -Werror
    $<$<CXX_COMPILER_ID:GNU>:-Wno-error=maybe-uninitialized>)
endif()
