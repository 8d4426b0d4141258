# Runs one command and checks its exit status and output: COMMAND (a ;-list), EXPECT_RC,
# EXPECT (a regular expression the combined stdout+stderr must match), REJECT (one it must not
# match; optional), WORKDIR (created if missing).
if(NOT DEFINED WORKDIR)
  set(WORKDIR ${CMAKE_CURRENT_BINARY_DIR})
endif()
file(MAKE_DIRECTORY ${WORKDIR})
execute_process(COMMAND ${COMMAND} WORKING_DIRECTORY ${WORKDIR}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
set(all "${out}${err}")
message(STATUS "${all}")
if(NOT "${rc}" STREQUAL "${EXPECT_RC}")
  message(FATAL_ERROR "FAIL: exit status ${rc}, expected ${EXPECT_RC}")
endif()
if(NOT all MATCHES "${EXPECT}")
  message(FATAL_ERROR "FAIL: the output does not match '${EXPECT}'")
endif()
if(DEFINED REJECT AND all MATCHES "${REJECT}")
  message(FATAL_ERROR "FAIL: the output matches '${REJECT}'")
endif()
message(STATUS "PASS: exit status ${rc}, output matches '${EXPECT}'")
