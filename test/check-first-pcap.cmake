# examples/mms-first writes pcaps that Wireshark decodes: run it with IP push and check with
# tshark the MMS PDUs the recipient's link carried, in order.
file(REMOVE_RECURSE ${WORKDIR})
file(MAKE_DIRECTORY ${WORKDIR})
execute_process(COMMAND ${FIRST} --ipPush WORKING_DIRECTORY ${WORKDIR}
                OUTPUT_QUIET RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "FAIL: mms-first exited with ${rc}")
endif()
find_program(TSHARK tshark)
if(NOT TSHARK)
  message(FATAL_ERROR "FAIL: tshark not found (./setup.sh installs it)")
endif()
# Node 6 is the recipient (gateway 0, four MMSC nodes, originator 5).
execute_process(COMMAND ${TSHARK} -r ${WORKDIR}/mms-first-6-1.pcap -Y mmse -T fields
                        -e mmse.message_type -e wsp.header.x_wap_application_id
                OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "FAIL: tshark exited with ${rc}: ${err}")
endif()
string(REGEX REPLACE "[\t ]+" " " out "${out}")
string(REGEX REPLACE " \n" "\n" out "${out}")
set(expected "0x82 x-wap-application:mms.ua\n0x84\n0x83\n")
if(NOT out STREQUAL expected)
  message(FATAL_ERROR "FAIL: the recipient's pcap decodes to\n${out}\nexpected\n${expected}")
endif()
message(STATUS "mms-first pcap: WSP Push with M-Notification.ind, M-Retrieve.conf, M-NotifyResp.ind")
