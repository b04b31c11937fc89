# cmake --install: the binary, its man page and bash completion, the schemas
# and shipped rubrics, and the library with a CMake package config so that
# find_package(ecoscore) works; cpack -G DEB makes a Debian package of it.
include(CMakePackageConfigHelpers)

install(TARGETS ecoscore RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS ecoscore_core EXPORT ecoscoreTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/src/ecoscore/ DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/ecoscore
  FILES_MATCHING PATTERN "*.hpp")
install(FILES ${PROJECT_BINARY_DIR}/src/generated/ecoscore/core/version.hpp
  DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/ecoscore/core)
install(EXPORT ecoscoreTargets NAMESPACE ecoscore:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/ecoscore)
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/ecoscoreConfig.cmake.in
  ${PROJECT_BINARY_DIR}/ecoscoreConfig.cmake INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/ecoscore)
write_basic_package_version_file(${PROJECT_BINARY_DIR}/ecoscoreConfigVersion.cmake COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/ecoscoreConfig.cmake ${PROJECT_BINARY_DIR}/ecoscoreConfigVersion.cmake
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/ecoscore)

install(DIRECTORY ${PROJECT_SOURCE_DIR}/schemas/ DESTINATION ${CMAKE_INSTALL_DATADIR}/ecoscore/schemas)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/rubrics/ DESTINATION ${CMAKE_INSTALL_DATADIR}/ecoscore/rubrics)
install(FILES ${PROJECT_SOURCE_DIR}/completion/ecoscore.bash
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME ecoscore)

# The man page, from the program's own --help and --version, one section per
# command (cmake/manpage.sh).
find_program(HELP2MAN help2man REQUIRED)
add_custom_command(OUTPUT ${PROJECT_BINARY_DIR}/ecoscore.1
  COMMAND sh ${PROJECT_SOURCE_DIR}/cmake/manpage.sh $<TARGET_FILE:ecoscore> ${PROJECT_BINARY_DIR}/ecoscore.1
          ${PROJECT_DESCRIPTION}
  DEPENDS ecoscore ${PROJECT_SOURCE_DIR}/cmake/manpage.sh
  COMMENT "Writing the man page with help2man")
add_custom_target(manpage ALL DEPENDS ${PROJECT_BINARY_DIR}/ecoscore.1)
install(FILES ${PROJECT_BINARY_DIR}/ecoscore.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

set(CPACK_PACKAGE_NAME ecoscore)
set(CPACK_PACKAGE_VENDOR "ecoscore")
set(CPACK_PACKAGE_CONTACT "ecoscore maintainers <ecoscore@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY ${PROJECT_DESCRIPTION})
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # dpkg-shlibdeps fills in Depends
set(CPACK_GENERATOR DEB)
include(CPack)
