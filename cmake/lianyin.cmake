# lianyin_library(NAME SOURCES ... [PUBLIC_DEPS ...] [PRIVATE_DEPS ...])
#   A layer library. Includes are rooted at src/ ("core/period.hpp").
function(lianyin_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(${name} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  lianyin_warnings(${name})
endfunction()

# lianyin_tests(NAME SOURCES ... DEPS ... [TEST_PREFIX prefix])
#   One GoogleTest binary per library, registered test by test with CTest. TEST_PREFIX goes in
#   front of each CTest name ("booklet." → `ctest -R booklet`).
function(lianyin_tests name)
  cmake_parse_arguments(ARG "" "TEST_PREFIX" "SOURCES;DEPS;PROPERTIES" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main GTest::gmock)
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/src ${PROJECT_SOURCE_DIR}/tests)
  lianyin_warnings(${name})
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60 TEST_PREFIX "${ARG_TEST_PREFIX}"
                       PROPERTIES ${ARG_PROPERTIES})
endfunction()
