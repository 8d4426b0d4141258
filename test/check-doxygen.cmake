# Runs Doxygen over the module's public headers (model/, helper/) and doc/mms.h with the
# settings in doc/doxygen/mms-doxygen.conf, and fails on any warning: an undocumented class,
# member or parameter, a \param that names no parameter, a broken reference.
# Arguments: DOXYGEN (the program), SOURCE_DIR (the module), OUT (the output folder).
file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
file(READ ${SOURCE_DIR}/doc/doxygen/mms-doxygen.conf settings)
file(GLOB headers ${SOURCE_DIR}/model/*.h ${SOURCE_DIR}/helper/*.h)
list(SORT headers)
list(APPEND headers ${SOURCE_DIR}/doc/mms.h)
string(REPLACE ";" "\" \"" inputs "${headers}")
file(WRITE ${OUT}/Doxyfile "${settings}
INPUT                  = \"${inputs}\"
STRIP_FROM_PATH        = \"${SOURCE_DIR}\"
OUTPUT_DIRECTORY       = \"${OUT}\"
WARN_LOGFILE           = \"${OUT}/warnings.log\"
")
execute_process(COMMAND ${DOXYGEN} ${OUT}/Doxyfile WORKING_DIRECTORY ${OUT}
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "FAIL: doxygen exited with ${rc}: ${out}${err}")
endif()
file(READ ${OUT}/warnings.log warnings)
if(NOT warnings STREQUAL "")
  string(REGEX MATCHALL "\n" lines "\n${warnings}")
  list(LENGTH lines count)
  message(FATAL_ERROR "FAIL: doxygen warnings (${OUT}/warnings.log):\n${warnings}")
endif()
list(LENGTH headers n)
message(STATUS "PASS: ${n} headers, no doxygen warning; pages in ${OUT}/html/index.html")
