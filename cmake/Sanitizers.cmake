# Address and undefined-behaviour sanitizers as an interface target.
add_library(ecoscore_sanitizers INTERFACE)
if(ECOSCORE_SANITIZE)
  set(_san -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all)
  target_compile_options(ecoscore_sanitizers INTERFACE ${_san})
  target_compile_definitions(ecoscore_sanitizers INTERFACE _GLIBCXX_ASSERTIONS)
  target_link_options(ecoscore_sanitizers INTERFACE ${_san})
endif()
if(ECOSCORE_FUZZ)
  # Coverage feedback for libFuzzer in everything the targets link.
  target_compile_options(ecoscore_sanitizers INTERFACE -fsanitize=fuzzer-no-link)
endif()
