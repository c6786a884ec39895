# vigil_unit_test(NAME name SOURCES a_test.cc ... LIBS lib ...): a GoogleTest binary whose cases CTest counts.
function(vigil_unit_test)
  cmake_parse_arguments(T "" "NAME" "SOURCES;LIBS" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE ${T_LIBS} vigil_testutil GTest::gtest GTest::gtest_main)
  vigil_set_warnings(${T_NAME})
  gtest_discover_tests(${T_NAME} WORKING_DIRECTORY ${PROJECT_SOURCE_DIR} DISCOVERY_TIMEOUT 60
    PROPERTIES ENVIRONMENT "VIGIL_SOURCE_DIR=${PROJECT_SOURCE_DIR}")
endfunction()
