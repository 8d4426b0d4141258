# The attribute tables in doc/mms-attributes.rst must be what utils/mms-attributes prints now.
execute_process(COMMAND ${TOOL} OUTPUT_VARIABLE now RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "FAIL: mms-attributes exited with ${rc}")
endif()
file(READ ${DOC} committed)
if(NOT now STREQUAL committed)
  file(WRITE ${OUT} "${now}")
  message(FATAL_ERROR "FAIL: ${DOC} is stale; regenerate it: ${TOOL} > ${DOC} "
                      "(the current output is in ${OUT})")
endif()
message(STATUS "doc/mms-attributes.rst matches the TypeIds")
